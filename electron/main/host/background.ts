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
export function startBackgroundWork(_services: Services, _events: EventBus, _now: () => Date): BackgroundWork {
  return { stop: () => undefined };
}
