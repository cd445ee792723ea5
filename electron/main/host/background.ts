import type { WriteQueue } from '../db/write-queue';
import { startQuoteExpiry } from '../domain/quotes/quote-expiry';
import type { EventBus } from './event-bus';
import type { Services } from './services';
import { startJobRunner } from '../jobs/jobs.module';

export interface BackgroundWork {
  /** Stops the timers and waits for the job a runner has in hand. */
  stop(): Promise<void>;
}

/**
 * Work the main process runs on its own (reminders, quote expiry; campaign
 * runners later). Started when the host opens, stopped when it closes; every
 * timer reads the injected clock, and every write goes through the queue.
 */
export function startBackgroundWork(services: Services, events: EventBus, writes: WriteQueue, now: () => Date, log: (message: string, error: unknown) => void): BackgroundWork {
  // The scheduler reads the same injected clock through the services' ISO clock.
  const { reminders } = services.activities;
  reminders.start(events);
  const expiry = startQuoteExpiry(services.quotes.workflow, writes, events, now, log);
  // A big import cut short by a quit or a crash still owes the search index its records.
  void services.imports.searchBacklog.requestIfPending();
  // The durable scheduler (jobs/): claims due jobs under a lease; handed back when the host closes.
  const jobs = startJobRunner(services.jobs, writes, events, now, log);
  return {
    stop: async () => {
      reminders.stop();
      expiry.stop();
      await jobs.stop();
    },
  };
}
