import type { Database } from 'better-sqlite3';
import type { ImportJob } from './worker/import-job';
import type { RunningImport } from './worker/import-worker-client';

/**
 * Runs the search catch-up (engine/search-catch-up.ts) in the data worker:
 * after a big import, and at start-up when an earlier one was cut short. One
 * run at a time; a request while one runs makes it run once more afterwards,
 * so an import that committed meanwhile is not left waiting for the next start.
 */
export class SearchBacklog {
  private running: Promise<void> | null = null;
  private current: RunningImport | null = null;
  private again = false;
  private stopped = false;

  constructor(
    private readonly start: (job: ImportJob) => RunningImport,
    private readonly db: () => Database,
    private readonly log: (message: string, error: unknown) => void,
  ) {}

  /** Starts a catch-up if any import owes the index its records. */
  requestIfPending(): Promise<void> {
    const pending = this.db().prepare(`SELECT 1 FROM imports WHERE search_pending = 1 LIMIT 1`).get() !== undefined;
    return pending ? this.request() : Promise.resolve();
  }

  request(): Promise<void> {
    if (this.stopped) return Promise.resolve();
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = this.loop().finally(() => (this.running = null));
    return this.running;
  }

  /** Stops between two chunks (what is left is picked up at the next start) and waits for the worker. */
  async stop(): Promise<void> {
    this.stopped = true;
    this.current?.cancel();
    await this.running;
  }

  private async loop(): Promise<void> {
    do {
      this.again = false;
      this.current = this.start({ op: 'search' });
      try {
        await this.current.result;
      } catch (error) {
        this.log('Indexing imported records for search failed; it is tried again at the next start.', error);
        return;
      } finally {
        this.current = null;
      }
    } while (this.again && !this.stopped);
  }
}
