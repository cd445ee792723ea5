import type { EventBus } from '../host/event-bus';

export interface NotificationLike {
  show(): void;
  on(event: 'click', listener: () => void): unknown;
}

export type NotificationFactory = (options: { title: string; body: string }) => NotificationLike;

const TYPE_LABEL = { task: 'Task', call: 'Call', meeting: 'Meeting', note: 'Note' } as const;

/**
 * Shows due reminders as native notifications (the renderer shows its own as
 * well); clicking one brings the app to the front.
 */
export function notifyReminders(events: EventBus, notify: NotificationFactory, focusApp: () => void, isSupported: () => boolean): () => void {
  return events.subscribe((event, payload) => {
    if (event !== 'reminder.due' || !isSupported()) return;
    const reminder = payload as { type: keyof typeof TYPE_LABEL; subject: string; at: string | null };
    const when = reminder.at ? ` at ${new Date(reminder.at).toLocaleString()}` : '';
    const notification = notify({ title: `${TYPE_LABEL[reminder.type]} reminder`, body: `${reminder.subject}${when}` });
    notification.on('click', focusApp);
    notification.show();
  });
}
