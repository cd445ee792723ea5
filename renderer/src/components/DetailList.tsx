import type { ReactNode } from 'react';

export interface DetailItem {
  label: string;
  value: ReactNode;
}

export interface DetailListProps {
  items: DetailItem[];
}

/** Label/value pairs of a record; empty values show a dash. */
export function DetailList({ items }: DetailListProps) {
  return (
    <dl className="detail-list">
      {items.map((item) => (
        <div className="detail-list__row" key={item.label}>
          <dt>{item.label}</dt>
          <dd>{item.value === null || item.value === undefined || item.value === '' ? <span className="muted">—</span> : item.value}</dd>
        </div>
      ))}
    </dl>
  );
}
