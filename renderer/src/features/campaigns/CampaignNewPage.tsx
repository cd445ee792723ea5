import { useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate } from 'react-router';
import { PageHeader } from '../../components/PageHeader';
import { useToast } from '../../components/ToastProvider';
import { call } from '../../lib/api';
import { CampaignForm } from './CampaignForm';
import { campaignFormValues } from './campaignFormValues';
import { CampaignsTabs } from './CampaignsTabs';
import { campaignKeys } from './queries';
import './campaigns.css';

/** Plan a campaign: its details first; the journey is built on its page afterwards. */
export function CampaignNewPage() {
  const navigate = useNavigate();
  const client = useQueryClient();
  const toast = useToast();
  return (
    <div className="page">
      <CampaignsTabs />
      <PageHeader title="New campaign" breadcrumb={<Link to="/campaigns">Campaigns</Link>} subtitle="Saved as planned; add its journey next." />
      <CampaignForm
        defaultValues={campaignFormValues()}
        submitLabel="Create campaign"
        onCancel={() => navigate('/campaigns')}
        onSave={async (values) => {
          const created = await call('campaigns.create', values);
          client.setQueryData(campaignKeys.one(created.id), created);
          await client.invalidateQueries({ queryKey: ['campaigns', 'list'] });
          toast.show({ message: `Campaign “${created.name}” created` });
          navigate(`/campaigns/${created.id}/journey`);
        }}
      />
    </div>
  );
}
