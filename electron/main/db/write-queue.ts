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
    const next = this.tail.then(() => this.dataSource.transaction(work));
    this.tail = next.catch(() => undefined);
    return next;
  }
}
