import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { Campaign } from '../../../../shared/contract/campaigns';
import { useToast } from '../../components/ToastProvider';
import { call } from '../../lib/api';
import { useVersionedRecord } from '../../lib/useVersionedRecord';
import { useCampaignContext } from './campaignContext';
import { CampaignForm } from './CampaignForm';
import { campaignFormValues, type CampaignFormOutput } from './campaignFormValues';
import { TRIGGER_LABELS } from './labels';
import { campaignKeys } from './queries';

type Patch = Partial<CampaignFormOutput>;

/** The details form of a loaded campaign; a save sends the changed fields with the version it was loaded at. */
export function DetailsTab() {
  const { campaign } = useCampaignContext();
  // A new form after a reload or someone else's save that this tab took in.
  const [generation, setGeneration] = useState(0);
  return <DetailsEditor key={`${campaign.id}:${generation}`} loaded={campaign} onReset={() => setGeneration((g) => g + 1)} />;
}

function DetailsEditor({ loaded, onReset }: { loaded: Campaign; onReset: () => void }) {
  const client = useQueryClient();
  const toast = useToast();
  const record = useVersionedRecord<Campaign, Patch>({
    loaded,
    queryKey: campaignKeys.one,
    get: (id) => call('campaigns.get', { id }),
    // The journey is saved by its own editor: never part of this patch.
    update: (id, version, { steps: _steps, ...patch }) => call('campaigns.update', { id, version, patch }),
  });
  return (
    <>
      {loaded.status !== 'planned' && loaded.trigger ? (
        <p className="muted campaign-note">Trigger: {TRIGGER_LABELS[loaded.trigger.kind]} (fixed once the campaign has started).</p>
      ) : null}
      <CampaignForm
        defaultValues={campaignFormValues(loaded)}
        campaign={loaded}
        submitLabel="Save details"
        onCancel={onReset}
        onSave={async (_values, changed) => {
          await record.save(changed);
          await client.invalidateQueries({ queryKey: ['campaigns', 'list'] });
          toast.show({ message: 'Campaign saved' });
          onReset();
        }}
        onReload={async () => campaignFormValues(await record.reload())}
      />
    </>
  );
}
