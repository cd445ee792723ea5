import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import type { AssignableEntity } from '../../../../shared/contract/territories';
import { ErrorBanner } from '../../components/ErrorBanner';
import { Section } from '../../components/Section';
import { useToast } from '../../components/ToastProvider';
import { call } from '../../lib/api';
import { errorMessage } from '../../lib/formErrors';
import { formatCount, formatDateTime } from '../../lib/format';
import { AssignmentSettingsForm } from './AssignmentSettingsForm';
import { ENTITY_LABELS, recordPath } from './labels';
import { refreshEverything, territoryKeys, useCanManage } from './queries';
import { TerritoryPageFrame } from './TerritoryPageFrame';

const QUEUE_SHOWN = 500;
const rowKey = (entity: AssignableEntity, id: number) => `${entity}-${id}`;

/** Accounts and open leads no territory matched, with "Assign now" once the rules cover them; and the assignment settings. */
export function FallbackQueuePage() {
  const client = useQueryClient();
  const toast = useToast();
  const canEdit = useCanManage();
  const queue = useQuery({ queryKey: territoryKeys.queue, queryFn: () => call('assignment.queue', { limit: QUEUE_SHOWN }) });
  const [picked, setPicked] = useState<Set<string>>(new Set());
  const [running, setRunning] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const rows = queue.data?.rows ?? [];
  const allPicked = rows.length > 0 && rows.every((r) => picked.has(rowKey(r.entity, r.id)));

  const run = async (targets: { entity: AssignableEntity; id: number }[]) => {
    if (!targets.length) return;
    setRunning(true);
    setFailure(null);
    try {
      let placed = 0;
      for (const entity of ['account', 'lead'] as const) {
        const ids = targets.filter((t) => t.entity === entity).map((t) => t.id);
        for (let i = 0; i < ids.length; i += 1000) {
          const result = await call('assignment.run', { entity, ids: ids.slice(i, i + 1000) });
          placed += result.filter((r) => r.territory !== null).length;
        }
      }
      const still = targets.length - placed;
      toast.show({
        message: `${formatCount(placed, 'record')} assigned to a territory${still ? `; ${formatCount(still, 'record')} still ${still === 1 ? 'matches' : 'match'} no territory` : ''}`,
      });
      setPicked(new Set());
    } catch (error) {
      setFailure(errorMessage(error));
    } finally {
      setRunning(false);
      await refreshEverything(client);
    }
  };

  const toggle = (key: string, on: boolean) =>
    setPicked((before) => {
      const next = new Set(before);
      if (on) next.add(key);
      else next.delete(key);
      return next;
    });

  return (
    <TerritoryPageFrame>
      <Section title="Assignment settings">
        <AssignmentSettingsForm canEdit={canEdit} />
      </Section>
      <Section
        title="Fallback queue"
        actions={
          canEdit && rows.length ? (
            <button type="button" className="btn btn--small btn--primary" disabled={running || picked.size === 0} onClick={() => void run(rows.filter((r) => picked.has(rowKey(r.entity, r.id))))}>
              {running ? 'Assigning…' : `Assign selected (${picked.size})`}
            </button>
          ) : null
        }
      >
        <p className="territory-intro">Live accounts and open leads no territory matches. After adding rules that cover them, assign them now (or run a realignment).</p>
        <ErrorBanner title="Could not assign" messages={failure ? [failure] : []} />
        {queue.isError ? <ErrorBanner title="Could not load the queue" messages={[errorMessage(queue.error)]} /> : null}
        {queue.isPending ? <p className="muted">Loading…</p> : null}
        {queue.data && rows.length === 0 ? <p className="muted">The queue is empty: every account and open lead has a territory.</p> : null}
        {rows.length ? (
          <>
            <table className="territory-table" aria-label="Fallback queue">
              <thead>
                <tr>
                  {canEdit ? (
                    <th scope="col" className="territory-table__check">
                      <input type="checkbox" aria-label="Select all in the queue" checked={allPicked} onChange={(e) => setPicked(e.target.checked ? new Set(rows.map((r) => rowKey(r.entity, r.id))) : new Set())} />
                    </th>
                  ) : null}
                  <th scope="col">Record</th>
                  <th scope="col">Owner now</th>
                  <th scope="col">Created</th>
                  {canEdit ? (
                    <th scope="col">
                      <span className="sr-only">Actions</span>
                    </th>
                  ) : null}
                </tr>
              </thead>
              <tbody>
                {rows.map((r) => {
                  const key = rowKey(r.entity, r.id);
                  return (
                    <tr key={key} className={picked.has(key) ? 'territory-table__selected' : undefined}>
                      {canEdit ? (
                        <td className="territory-table__check">
                          <input type="checkbox" aria-label={`Select ${r.name}`} checked={picked.has(key)} onChange={(e) => toggle(key, e.target.checked)} />
                        </td>
                      ) : null}
                      <td>
                        <span className="tag tag--entity">{ENTITY_LABELS[r.entity]}</span> <Link to={recordPath(r.entity, r.id)}>{r.name}</Link>
                      </td>
                      <td>{r.owner.name}</td>
                      <td className="territory-table__when">{formatDateTime(r.createdAt)}</td>
                      {canEdit ? (
                        <td className="territory-table__actions">
                          <button type="button" className="btn btn--small" aria-label={`Assign ${r.name} now`} disabled={running} onClick={() => void run([{ entity: r.entity, id: r.id }])}>
                            Assign now
                          </button>
                        </td>
                      ) : null}
                    </tr>
                  );
                })}
              </tbody>
            </table>
            {queue.data && queue.data.total > rows.length ? (
              <p className="muted territory-table__more">
                The newest {new Intl.NumberFormat('en-US').format(rows.length)} of {new Intl.NumberFormat('en-US').format(queue.data.total)}; a realignment places them all.
              </p>
            ) : null}
          </>
        ) : null}
      </Section>
    </TerritoryPageFrame>
  );
}
