export interface RecordActivityPanelProps {
  entity: 'lead' | 'contact' | 'account' | 'opportunity';
  id: number;
}

/** Activities and the timeline of one record (filled in by the activities feature). */
export function RecordActivityPanel(_props: RecordActivityPanelProps) {
  return null;
}
