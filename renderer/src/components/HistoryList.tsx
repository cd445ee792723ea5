import type { AuditEntry } from '../../../shared/contract/audit';
import { formatDateTime, prettifyName } from '../lib/format';

export interface HistoryListProps {
  entries: AuditEntry[] | undefined;
  loading?: boolean;
  /** A display text for a stored value (e.g. an account's name for its id), when known. */
  describe?: (field: string, value: unknown) => string | undefined;
}

const ACTION_TEXT: Record<AuditEntry['action'], string> = {
  create: 'created the record',
  update: 'changed',
  delete: 'moved the record to the recycle bin',
  restore: 'restored the record from the recycle bin',
};

/** Bookkeeping columns that say nothing a person would want to read. */
const HIDDEN = new Set(['sort_name', 'version', 'deleted_at', 'deleted_by_id']);

function show(value: unknown): string {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'string' && (value.startsWith('[') || value.startsWith('{'))) {
    try {
      return show(JSON.parse(value));
    } catch {
      return value;
    }
  }
  if (Array.isArray(value)) return value.length ? value.map(show).join(', ') : '—';
  if (typeof value === 'object') {
    const parts = Object.values(value as Record<string, unknown>).filter((v) => v !== null && v !== '');
    return parts.map(show).join(' ');
  }
  return String(value);
}

/** Who changed what and when, newest first. */
export function HistoryList({ entries, loading, describe }: HistoryListProps) {
  if (loading) return <p className="muted">Loading history…</p>;
  if (!entries?.length) return <p className="muted">No history yet.</p>;
  return (
    <ol className="history">
      {entries.map((entry) => {
        const changes = Object.entries(entry.changes).filter(([field]) => !HIDDEN.has(field));
        return (
          <li key={entry.id} className="history__entry">
            <div className="history__head">
              <strong>{entry.user.name}</strong> {ACTION_TEXT[entry.action]}
              <time dateTime={entry.at} className="history__time">
                {formatDateTime(entry.at)}
              </time>
            </div>
            {entry.action === 'update' && changes.length ? (
              <ul className="history__changes">
                {changes.map(([field, [before, after]]) => (
                  <li key={field}>
                    <span className="history__field">{prettifyName(field)}</span>: <span className="history__old">{describe?.(field, before) ?? show(before)}</span>
                    {' → '}
                    <span className="history__new">{describe?.(field, after) ?? show(after)}</span>
                  </li>
                ))}
              </ul>
            ) : null}
          </li>
        );
      })}
    </ol>
  );
}
