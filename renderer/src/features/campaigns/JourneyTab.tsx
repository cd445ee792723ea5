import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { STEP_CHANNELS, type Campaign, type StepChannel } from '../../../../shared/contract/campaigns';
import { ConflictBanner } from '../../components/ConflictBanner';
import { ErrorBanner } from '../../components/ErrorBanner';
import { useToast } from '../../components/ToastProvider';
import { call, CrmError } from '../../lib/api';
import { errorMessage, isConflict } from '../../lib/formErrors';
import { useCampaignContext } from './campaignContext';
import { journeyProblems, newStep, serverProblems, toDraft, toInput, type StepDraft } from './journeyDraft';
import { CHANNEL_LABELS } from './labels';
import { campaignKeys } from './queries';
import { StepCard } from './StepCard';

const MAX_STEPS = 20;

/** The journey: ordered steps, each waiting after the one before. Edited while planned; read-only once started. */
export function JourneyTab() {
  const { campaign } = useCampaignContext();
  // The editor starts again from the saved journey after a save or a reload.
  const [generation, setGeneration] = useState(0);
  return <JourneyEditor key={`${campaign.id}:${generation}`} campaign={campaign} onReset={() => setGeneration((g) => g + 1)} />;
}

function JourneyEditor({ campaign, onReset }: { campaign: Campaign; onReset: () => void }) {
  const client = useQueryClient();
  const toast = useToast();
  const [steps, setSteps] = useState<StepDraft[]>(() => campaign.steps.map(toDraft));
  // The version the drafts are based on; a save by someone else since then is a conflict.
  const [version] = useState(campaign.version);
  const [dirty, setDirty] = useState(false);
  const [errors, setErrors] = useState<string[]>([]);
  const [conflict, setConflict] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const readOnly = campaign.status !== 'planned';

  useEffect(() => {
    if (!dirty) return undefined;
    const warn = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);

  const change = (next: StepDraft[]) => {
    setSteps(next);
    setDirty(true);
  };

  const add = (channel: StepChannel) => {
    const step = newStep(channel, steps.length === 0);
    change([...steps, step]);
    // The new step's first field, so typing can start at once.
    requestAnimationFrame(() => document.getElementById(`${step.uid}-days`)?.focus());
  };

  const move = (index: number, direction: -1 | 1) => {
    const next = [...steps];
    const [step] = next.splice(index, 1);
    next.splice(index + direction, 0, step!);
    change(next);
    // Focus follows the step it moved, on the same button while it can move further.
    requestAnimationFrame(() => {
      const button = document.getElementById(`move-${direction < 0 ? 'up' : 'down'}-${step!.uid}`) as HTMLButtonElement | null;
      (button && !button.disabled ? button : document.getElementById(`${step!.uid}-days`))?.focus();
    });
  };

  const remove = (index: number) => {
    change(steps.filter((_, i) => i !== index));
    const neighbour = steps[index + 1] ?? steps[index - 1];
    requestAnimationFrame(() => (neighbour ? document.getElementById(`${neighbour.uid}-days`) : document.getElementById('journey-add-email'))?.focus());
  };

  const save = async () => {
    setErrors([]);
    const problems = journeyProblems(steps);
    if (problems.length) {
      setErrors(problems);
      return;
    }
    setBusy(true);
    try {
      const saved = await call('campaigns.saveJourney', { id: campaign.id, version, steps: steps.map(toInput) });
      client.setQueryData(campaignKeys.one(saved.id), saved);
      await client.invalidateQueries({ queryKey: ['campaigns', 'list'] });
      toast.show({ message: `Journey saved: ${saved.steps.length} step${saved.steps.length === 1 ? '' : 's'}` });
      setDirty(false);
      onReset();
    } catch (error) {
      if (isConflict(error)) setConflict(error.message);
      else setErrors(error instanceof CrmError ? serverProblems(steps, error) : [errorMessage(error)]);
    } finally {
      setBusy(false);
    }
  };

  const reload = async () => {
    await client.invalidateQueries({ queryKey: campaignKeys.one(campaign.id) });
    onReset();
  };

  return (
    <div className="journey">
      {readOnly ? (
        <p className="banner banner--muted">
          The journey is fixed once the campaign has started{campaign.status === 'active' ? ' and is being worked through' : ''}; a new journey needs a new campaign.
        </p>
      ) : (
        <p className="muted journey__intro">
          Each step waits after the one before (the first after a record is enrolled), then goes to those its condition admits. Save to keep the journey; starting
          the campaign fixes it.
        </p>
      )}
      {conflict ? <ConflictBanner message={conflict} onReload={() => void reload()} /> : null}
      <ErrorBanner title="The journey was not saved" messages={errors} />
      {steps.length === 0 ? <p className="muted">No steps yet{readOnly ? '.' : ': add the first one below.'}</p> : null}
      <ol className="journey__steps">
        {steps.map((step, i) => (
          <StepCard
            key={step.uid}
            step={step}
            index={i}
            count={steps.length}
            readOnly={readOnly}
            dirty={dirty}
            onChange={(next) => change(steps.map((s, j) => (j === i ? next : s)))}
            onMove={(d) => move(i, d)}
            onRemove={() => remove(i)}
          />
        ))}
      </ol>
      {readOnly ? null : (
        <div className="journey__foot">
          <div className="journey__add" role="group" aria-label="Add a step">
            {STEP_CHANNELS.map((c) => (
              <button key={c} id={`journey-add-${c}`} type="button" className="btn" disabled={steps.length >= MAX_STEPS} onClick={() => add(c)}>
                Add {c === 'email' ? 'e-mail' : c === 'sms' ? 'SMS' : CHANNEL_LABELS[c].toLowerCase()} step
              </button>
            ))}
          </div>
          <div className="journey__save">
            {dirty ? <span className="muted">Unsaved changes</span> : null}
            <button type="button" className="btn" disabled={!dirty || busy} onClick={onReset}>
              Discard changes
            </button>
            <button type="button" className="btn btn--primary" disabled={busy} onClick={() => void save()}>
              {busy ? 'Saving…' : 'Save journey'}
            </button>
          </div>
        </div>
      )}
    </div>
  );
}
