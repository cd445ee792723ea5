import type { Database } from 'better-sqlite3';
import type { DataSource } from 'typeorm';
import type { ActivityType } from '../../../../shared/contract/activities';
import type { EventPayload } from '../../../../shared/contract/events';
import { sqliteHandle } from '../../db/sqlite-handle';

/** setTimeout/clearTimeout, injectable so tests decide when a timer "goes off". */
export interface ReminderTimer {
  set(fire: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

export const realTimer: ReminderTimer = {
  set: (fire, ms) => {
    const t = setTimeout(fire, ms);
    t.unref?.();
    return t;
  },
  clear: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export interface ReminderSink {
  emit(event: 'reminder.due', payload: EventPayload<'reminder.due'>): void;
}

export interface ReminderSchedulerOptions {
  timer?: ReminderTimer;
  /**
   * The longest the scheduler sleeps before it looks again, so a wall clock
   * that jumps (sleep, a changed system time) is noticed within this long.
   */
  maxWaitMs?: number;
  /** How soon to try again when a write transaction holds the connection. */
  busyRetryMs?: number;
}

interface DueRow {
  id: number;
  type: ActivityType;
  subject: string;
  status: string | null;
  remind_at: string;
  due_at: string | null;
  starts_at: string | null;
}

/**
 * Fires each activity's reminder once, as a `reminder.due` event. State lives
 * in the database (`reminded_at`), so a restart fires what fell due while the
 * app was closed, and never fires one twice. One timer is armed at a time, for
 * the next reminder; writes to activities call `changed()` to re-arm it.
 *
 * Every database step runs synchronously on the better-sqlite3 handle, and
 * only when no write transaction is open on it: a dispatch transaction that
 * later rolls back can never take a `reminded_at` with it.
 */
export class ReminderScheduler {
  private timer: ReminderTimer;
  private readonly maxWaitMs: number;
  private readonly busyRetryMs: number;
  private handle: unknown = null;
  private armedFor: string | null = null;
  private sink: ReminderSink | null = null;
  private db: Database | null = null;

  constructor(
    private readonly dataSource: DataSource,
    private readonly now: () => string,
    options: ReminderSchedulerOptions = {},
  ) {
    this.timer = options.timer ?? realTimer;
    this.maxWaitMs = options.maxWaitMs ?? 60_000;
    this.busyRetryMs = options.busyRetryMs ?? 25;
  }

  get running(): boolean {
    return this.sink !== null;
  }

  /** When the armed timer is due (ISO UTC), for tests and diagnostics; null when idle. */
  get nextCheckAt(): string | null {
    return this.armedFor;
  }

  /**
   * Starts delivering to `sink`. The first sweep (reminders that fell due while
   * the app was closed) runs on the next turn of the event loop, once whoever
   * opened the host has subscribed to its events.
   */
  start(sink: ReminderSink, timer?: ReminderTimer): void {
    if (timer) this.timer = timer;
    this.sink = sink;
    this.db = sqliteHandle(this.dataSource);
    this.arm(0);
  }

  stop(): void {
    this.disarm();
    this.sink = null;
  }

  /** Activities changed: look again soon (after the writing transaction has committed). */
  changed(): void {
    if (this.running) this.arm(0);
  }

  /**
   * Fires every due, unfired reminder, then arms one timer for the next.
   * Returns how many fired. Safe to call at any time; a no-op when stopped.
   */
  tick(): number {
    if (!this.sink || !this.db) return 0;
    this.disarm();
    if (this.db.inTransaction) {
      this.arm(this.busyRetryMs);
      return 0;
    }
    const now = this.now();
    const fired = this.fireDue(this.db, now);
    const next = this.db
      .prepare(`SELECT MIN(remind_at) AS next FROM activities WHERE reminded_at IS NULL AND remind_at IS NOT NULL AND remind_at > ? AND deleted_at IS NULL`)
      .get(now) as { next: string | null };
    if (next.next) this.arm(Math.min(this.maxWaitMs, Math.max(0, Date.parse(next.next) - Date.parse(now))));
    else this.arm(this.maxWaitMs);
    return fired;
  }

  private fireDue(db: Database, now: string): number {
    const due = db
      .prepare(
        `SELECT id, type, subject, status, remind_at, due_at, starts_at FROM activities
          WHERE reminded_at IS NULL AND remind_at IS NOT NULL AND remind_at <= ? AND deleted_at IS NULL
          ORDER BY remind_at, id`,
      )
      .all(now) as DueRow[];
    if (!due.length) return 0;
    const mark = db.prepare(`UPDATE activities SET reminded_at = ? WHERE id = ? AND reminded_at IS NULL`);
    // Marked first, in one transaction, then announced: a reminder is never announced twice.
    const toAnnounce = db.transaction(() => due.filter((r) => mark.run(now, r.id).changes === 1))();
    let fired = 0;
    for (const r of toAnnounce) {
      // A task finished or cancelled before its reminder is marked, but there is nothing to remind of.
      if (r.type === 'task' && (r.status === 'done' || r.status === 'cancelled')) continue;
      this.sink?.emit('reminder.due', {
        activityId: r.id,
        type: r.type,
        subject: r.subject,
        remindAt: r.remind_at,
        at: r.type === 'task' ? r.due_at : r.type === 'note' ? null : r.starts_at,
      });
      fired++;
    }
    return fired;
  }

  private arm(ms: number): void {
    this.disarm();
    this.armedFor = new Date(Date.parse(this.now()) + ms).toISOString();
    this.handle = this.timer.set(() => {
      this.handle = null;
      this.armedFor = null;
      try {
        this.tick();
      } catch {
        // The database is busy or closing: look again later rather than crash the main process.
        if (this.running && this.handle === null) this.arm(this.maxWaitMs);
      }
    }, ms);
  }

  private disarm(): void {
    if (this.handle !== null) this.timer.clear(this.handle);
    this.handle = null;
    this.armedFor = null;
  }
}
