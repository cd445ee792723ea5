import type { Activity, ActivityType, LinkedEntity, TimelineKind } from '../../../../shared/contract/activities';

export const TYPE_LABELS: Record<ActivityType, string> = { task: 'Task', call: 'Call', meeting: 'Meeting', note: 'Note' };

export const KIND_LABELS: Record<TimelineKind, string> = {
  activity: 'Activities',
  note: 'Notes',
  stage_change: 'Stage changes',
  field_change: 'Field changes',
};

export const PRIORITY_LABELS = { low: 'Low', normal: 'Normal', high: 'High' } as const;
export const STATUS_LABELS = { open: 'Open', in_progress: 'In progress', done: 'Done', cancelled: 'Cancelled' } as const;
export const DIRECTION_LABELS = { inbound: 'Inbound', outbound: 'Outbound' } as const;
export const OUTCOME_LABELS = {
  connected: 'Connected',
  left_voicemail: 'Left voicemail',
  no_answer: 'No answer',
  busy: 'Busy',
  wrong_number: 'Wrong number',
  callback_requested: 'Callback requested',
} as const;

/** Where each linked record's page lives. */
export const ENTITY_PATHS: Record<LinkedEntity, string> = {
  lead: '/leads',
  contact: '/contacts',
  account: '/accounts',
  opportunity: '/opportunities',
};

/** The records an activity belongs to, as links to their pages. */
export function activityLinks(a: Activity): { entity: LinkedEntity; id: number; name: string; path: string }[] {
  const out: { entity: LinkedEntity; id: number; name: string; path: string }[] = [];
  for (const entity of ['lead', 'contact', 'account', 'opportunity'] as const) {
    const ref = a[entity];
    if (ref) out.push({ entity, id: ref.id, name: ref.name, path: `${ENTITY_PATHS[entity]}/${ref.id}` });
  }
  return out;
}
