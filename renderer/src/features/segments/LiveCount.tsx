import { Link } from 'react-router';
import { CHANNELS, type SegmentEntity, type SegmentGroup } from '../../../../shared/contract/segments';
import { countryName } from '../../../../shared/countries';
import { errorMessage } from '../../lib/formErrors';
import { useDebounced } from '../../lib/useDebounced';
import { formatCount } from '../../lib/format';
import { CHANNEL_LABELS, ENTITY_NOUNS, RECORD_PATHS } from './labels';
import { useChannelCounts, useSegmentCount } from './queries';

export interface LiveCountProps {
  entity: SegmentEntity;
  root: SegmentGroup;
  /** Conditions still being typed, left out of the count. */
  leftOut: number;
}

/** "1,234 contacts match", per-channel reach and 20 of them, recounted 300 ms after the rule stops changing. */
export function LiveCount({ entity, root, leftOut }: LiveCountProps) {
  const current = JSON.stringify({ entity, root });
  const request = useDebounced(current, 300);
  const count = useSegmentCount(request);
  const channels = useChannelCounts(request);
  const settling = count.isFetching || request !== current;
  const [one, many] = ENTITY_NOUNS[entity];
  const data = count.data?.entity === entity ? count.data : undefined;
  return (
    <section className={`section segment-count${settling ? ' segment-count--settling' : ''}`} aria-labelledby="segment-count-title">
      <h2 id="segment-count-title" className="sr-only">
        Live count
      </h2>
      <p role="status" aria-live="polite" className="segment-count__total">
        {data ? (
          <>
            <strong>{formatCount(data.total, one, many)}</strong> match
          </>
        ) : count.isError ? (
          `Cannot count: ${errorMessage(count.error)}`
        ) : (
          'Counting…'
        )}
      </p>
      {leftOut ? <p className="field__hint">{formatCount(leftOut, 'incomplete condition')} left out until complete.</p> : null}
      <dl className="segment-count__channels" aria-label="May be reached by">
        {CHANNELS.map((c) => (
          <div key={c}>
            <dt>{CHANNEL_LABELS[c]}</dt>
            <dd>{channels.data?.channels && channels.data.entity === entity ? channels.data.channels[c].toLocaleString('en') : '…'}</dd>
          </div>
        ))}
      </dl>
      <p className="field__hint">Reachable: consent given (no e-mail opt-out, not “do not call”), not on the suppression list, and an address or number to use.</p>
      {data && data.sample.length ? (
        <table className="segment-sample" aria-label="Sample of matching records">
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">{entity === 'account' ? 'Website' : 'E-mail'}</th>
              {entity === 'account' ? null : <th scope="col">{entity === 'lead' ? 'Company' : 'Account'}</th>}
              <th scope="col">Country</th>
            </tr>
          </thead>
          <tbody>
            {data.sample.map((r) => (
              <tr key={r.id}>
                <td>
                  <Link to={`${RECORD_PATHS[entity]}/${r.id}`}>{r.name}</Link>
                </td>
                <td>{r.detail ?? ''}</td>
                {entity === 'account' ? null : <td>{r.company ?? ''}</td>}
                <td>{r.country ? countryName(r.country) : ''}</td>
              </tr>
            ))}
          </tbody>
          {data.total > data.sample.length ? (
            <tfoot>
              <tr>
                <td colSpan={4} className="muted">
                  {data.sample.length} of {formatCount(data.total, one, many)}.
                </td>
              </tr>
            </tfoot>
          ) : null}
        </table>
      ) : null}
    </section>
  );
}
