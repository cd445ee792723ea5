import type { DataSource, EntityManager } from 'typeorm';

/**
 * One SQLite connection serves the whole main process, so two write
 * transactions must never interleave across an await. Writes queue here and
 * each runs in its own transaction; reads go straight to the connection.
 */
export class WriteQueue {
  private tail: Promise<unknown> = Promise.resolve();

  constructor(private readonly dataSource: DataSource) {}

  run<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.exclusive(() => this.dataSource.transaction(work));
  }

  /**
   * Holds the queue without a transaction on this connection: for work that
   * writes through another connection (a worker), so no write from here
   * waits on its lock meanwhile, blocking the main thread.
   */
  exclusive<T>(work: () => Promise<T>): Promise<T> {
    const next = this.tail.then(work);
    this.tail = next.catch(() => undefined);
    return next;
  }
}
