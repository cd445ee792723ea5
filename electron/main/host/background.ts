import type { EventBus } from './event-bus';
import type { Services } from './services';

export interface BackgroundWork {
  stop(): void;
}

/**
 * Work the main process runs on its own (reminders now; campaign runners
 * later). Started when the host opens, stopped when it closes; every timer
 * reads the injected clock.
 */
export function startBackgroundWork(services: Services, events: EventBus, _now: () => Date): BackgroundWork {
  // The scheduler reads the same injected clock through the services' ISO clock.
  const { reminders } = services.activities;
  reminders.start(events);
  return { stop: () => reminders.stop() };
}
