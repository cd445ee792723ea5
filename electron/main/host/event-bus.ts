import { EventEmitter } from 'node:events';
import type { EventName, EventPayload } from '../../../shared/contract/events';

export type EventListener = <E extends EventName>(event: E, payload: EventPayload<E>) => void;

/** Main → renderer notifications; transports (IPC, the harness's SSE) subscribe to every event. */
export class EventBus {
  private readonly emitter = new EventEmitter();

  emit<E extends EventName>(event: E, payload: EventPayload<E>): void {
    this.emitter.emit('event', event, payload);
  }

  subscribe(listener: EventListener): () => void {
    this.emitter.on('event', listener);
    return () => this.emitter.off('event', listener);
  }
}
