import { Route } from 'react-router';
import { CampaignNewPage } from './CampaignNewPage';
import { CampaignPage } from './CampaignPage';
import { CampaignsPage } from './CampaignsPage';
import { DetailsTab } from './DetailsTab';
import { JourneyTab } from './JourneyTab';
import { LettersTab } from './LettersTab';
import { MembersTab } from './MembersTab';
import { MyCallsPage } from './MyCallsPage';
import { ProgressTab } from './ProgressTab';
import { ResponsesTab } from './ResponsesTab';
import { RoiReportPage } from './RoiReportPage';
import { RoiTab } from './RoiTab';

/** The campaigns feature's pages, mounted inside the shell by app/routes.tsx. */
export const campaignRoutes = [
  <Route key="campaigns" path="campaigns" element={<CampaignsPage />} />,
  <Route key="campaigns-new" path="campaigns/new" element={<CampaignNewPage />} />,
  <Route key="campaigns-roi" path="campaigns/roi" element={<RoiReportPage />} />,
  <Route key="campaign" path="campaigns/:id" element={<CampaignPage />}>
    <Route index element={<DetailsTab />} />
    <Route path="journey" element={<JourneyTab />} />
    <Route path="progress" element={<ProgressTab />} />
    <Route path="members" element={<MembersTab />} />
    <Route path="letters" element={<LettersTab />} />
    <Route path="responses" element={<ResponsesTab />} />
    <Route path="roi" element={<RoiTab />} />
  </Route>,
  <Route key="my-calls" path="my-calls" element={<MyCallsPage />} />,
];
