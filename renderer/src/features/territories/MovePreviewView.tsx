import { Link } from 'react-router';
import type { MovePreview } from '../../../../shared/contract/territories';
import { formatCount } from '../../lib/format';
import { ENTITY_LABELS, ENTITY_PLURALS, recordPath, type RecordEntity } from './labels';

export interface MovePreviewViewProps {
  preview: MovePreview;
  /** "Realignment", "Rep leaves": names the table for assistive technology. */
  title: string;
  /** What "nothing to move" means here. */
  emptyText: string;
}

const number = new Intl.NumberFormat('en-US');
const ENTITIES: RecordEntity[] = ['account', 'lead', 'contact', 'opportunity'];

/** What a bulk move would do: totals per kind of record, the unmatched, and each from → to with sample records. */
export function MovePreviewView({ preview, title, emptyText }: MovePreviewViewProps) {
  if (preview.total === 0) {
    return (
      <div className="move-preview move-preview--empty" role="note" aria-label={`${title} preview`}>
        <p>
          <strong>Nothing to move.</strong> {emptyText}
          {preview.unmatched ? ` ${formatCount(preview.unmatched, 'record')} no territory matches ${preview.unmatched === 1 ? 'waits' : 'wait'} in the fallback queue.` : ''}
        </p>
      </div>
    );
  }
  const moves = [...preview.moves].sort((a, b) => b.count - a.count);
  return (
    <div className="move-preview" role="region" aria-label={`${title} preview`}>
      <dl className="move-preview__tiles">
        <div className="move-preview__tile move-preview__tile--total">
          <dt>Records to move</dt>
          <dd>{number.format(preview.total)}</dd>
        </div>
        {ENTITIES.map((e) => (
          <div key={e} className="move-preview__tile">
            <dt>{ENTITY_PLURALS[e].charAt(0).toUpperCase() + ENTITY_PLURALS[e].slice(1)}</dt>
            <dd>{number.format(preview.byEntity[e])}</dd>
          </div>
        ))}
        <div className={`move-preview__tile${preview.unmatched ? ' move-preview__tile--warn' : ''}`}>
          <dt>Unmatched</dt>
          <dd title="No territory matches them: they go to the fallback queue">{number.format(preview.unmatched)}</dd>
        </div>
      </dl>
      <p className="muted move-preview__note">Contacts and opportunities follow their account’s owner; records whose owner is locked stay put.</p>
      <table className="territory-table move-preview__table" aria-label={`${title} moves`}>
        <thead>
          <tr>
            <th scope="col">From</th>
            <th scope="col">To</th>
            <th scope="col" className="num">
              Records
            </th>
            <th scope="col">For example</th>
          </tr>
        </thead>
        <tbody>
          {moves.map((m) => (
            <tr key={`${m.from?.id ?? 'none'}-${m.to.id}`}>
              <td>{m.from?.name ?? <span className="muted">Nobody</span>}</td>
              <td>
                <span className="move-preview__arrow" aria-hidden="true">
                  →{' '}
                </span>
                {m.to.name}
              </td>
              <td className="num">{number.format(m.count)}</td>
              <td className="move-preview__samples">
                {m.sample.map((s) => (
                  <Link key={`${s.entity}-${s.id}`} to={recordPath(s.entity, s.id)} className="move-preview__sample">
                    <span className="tag">{ENTITY_LABELS[s.entity]}</span> {s.name}
                  </Link>
                ))}
                {m.count > m.sample.length ? <span className="muted"> and {number.format(m.count - m.sample.length)} more</span> : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
