import type { WriteQueue } from '../../db/write-queue';
import type { EventBus } from '../../host/event-bus';
import type { QuoteWorkflow } from './quote-workflow';

const HOUR = 3600_000;

/**
 * Expires approved and sent quotes whose validity date has passed: once at
 * start (a desktop may have been off for a week) and then every hour. Runs
 * through the write queue like any other write.
 */
export function startQuoteExpiry(workflow: QuoteWorkflow, writes: WriteQueue, events: EventBus, now: () => Date, log: (m: string, e: unknown) => void) {
  let stopped = false;
  const sweep = async () => {
    if (stopped) return;
    try {
      const ids = await writes.run((em) => workflow.expireDue(em, now().toISOString()));
      for (const id of ids) events.emit('record.changed', { entity: 'quote', id, action: 'update' });
    } catch (error) {
      log('Expiring quotes failed', error);
    }
  };
  const first = setTimeout(() => void sweep(), 1_000);
  const timer = setInterval(() => void sweep(), HOUR);
  first.unref?.();
  timer.unref?.();
  return {
    sweep,
    stop() {
      stopped = true;
      clearTimeout(first);
      clearInterval(timer);
    },
  };
}
