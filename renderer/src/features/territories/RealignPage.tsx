import { useMemo, useState } from 'react';
import type { MovePlanInput } from '../../../../shared/contract/territories';
import { Section } from '../../components/Section';
import { MovePlanPanel } from './MovePlanPanel';
import { TerritoryPageFrame } from './TerritoryPageFrame';
import { useActiveUsers, useAllUsers, useCanManage } from './queries';

const REALIGNMENT: MovePlanInput = { kind: 'realignment' };

/** Bulk moves: realign every account and open lead to the current rules, or hand a leaving rep's records on. */
export function RealignPage() {
  const canEdit = useCanManage();
  const everyone = useAllUsers();
  const active = useActiveUsers();
  const [leaving, setLeaving] = useState('');
  const [successor, setSuccessor] = useState('');
  const [deactivate, setDeactivate] = useState(true);
  const leavingUser = everyone.data?.find((u) => u.id === Number(leaving));

  const repPlan = useMemo<MovePlanInput | null>(
    () => (leaving ? { kind: 'rep_leaves', userId: Number(leaving), toUserId: successor ? Number(successor) : null, deactivate } : null),
    [leaving, successor, deactivate],
  );

  return (
    <TerritoryPageFrame>
      {canEdit ? null : (
        <div className="banner banner--muted" role="note">
          <div className="banner__text">Only sales managers and administrators move records in bulk.</div>
        </div>
      )}
      <Section title="Realignment">
        <p className="territory-intro">
          Puts every live account and open lead where the territory rules put it now, with its contacts and opportunities. Records already in the right territory with an
          eligible owner stay where they are; locked owners are kept. Preview first: nothing changes until you apply.
        </p>
        <MovePlanPanel
          plan={REALIGNMENT}
          title="Realignment"
          previewLabel="Preview realignment"
          applyLabel="Apply realignment"
          confirmTitle="Apply the realignment?"
          confirmText={<p>Owners change as the preview shows.</p>}
          emptyText="Every record already sits where the rules put it."
          canEdit={canEdit}
        />
      </Section>
      <Section title="A rep leaves">
        <p className="territory-intro">Hands all open records of one rep to a successor, or to the territory rules without that rep; locked records move too.</p>
        <div className="rep-leaves">
          <div className="field">
            <label htmlFor="rep-leaving">Leaving rep</label>
            <select id="rep-leaving" value={leaving} onChange={(e) => setLeaving(e.target.value)} disabled={!canEdit}>
              <option value="">Choose a user…</option>
              {everyone.data?.map((u) => (
                <option key={u.id} value={u.id}>
                  {u.name}
                  {u.active ? '' : ' (inactive)'}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="rep-successor">Records go to</label>
            <select id="rep-successor" value={successor} onChange={(e) => setSuccessor(e.target.value)} disabled={!canEdit}>
              <option value="">By the territory rules</option>
              {active.data
                ?.filter((u) => String(u.id) !== leaving)
                .map((u) => (
                  <option key={u.id} value={u.id}>
                    {u.name}
                  </option>
                ))}
            </select>
          </div>
          <label className="check rep-leaves__deactivate">
            <input type="checkbox" checked={deactivate} onChange={(e) => setDeactivate(e.target.checked)} disabled={!canEdit} /> Deactivate {leavingUser ? leavingUser.name : 'the rep'} when done
          </label>
        </div>
        <MovePlanPanel
          plan={repPlan}
          title="Rep leaves"
          previewLabel="Preview handover"
          applyLabel="Apply handover"
          confirmTitle={`Hand over ${leavingUser?.name ?? 'the rep'}’s records?`}
          confirmText={<p>{deactivate ? `${leavingUser?.name ?? 'The rep'} is deactivated afterwards; undo reactivates them.` : 'The rep stays active.'}</p>}
          emptyText={`${leavingUser?.name ?? 'The rep'} owns no live accounts or open records.`}
          canEdit={canEdit}
        />
      </Section>
    </TerritoryPageFrame>
  );
}
