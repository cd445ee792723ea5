import type { EntityManager } from 'typeorm';
import type { EventBus } from './event-bus';
import type { EventPayload } from '../../../shared/contract/events';

/** Who is calling, when, and through which transaction: passed to every handler. */
export interface CallContext {
  userId: number;
  /** The current time as an ISO-8601 UTC string (the clock is injected). */
  now(): string;
  /** Announced after the call's transaction commits, never for a write that rolled back. */
  events: Pick<EventBus, 'emit'>;
  /** The write transaction for methods that write; the plain connection for reads. */
  em: EntityManager;
  /** Live progress of long work (not held back until commit, unlike events). */
  progress(update: EventPayload<'progress'>): void;
  /** The profile picker: later calls from this window run as that user (no sign-in until the shared-database issue). */
  switchUser(userId: number): void;
}

export interface Session {
  userId: number;
}
