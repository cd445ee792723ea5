import type { IpcMainInvokeEvent } from 'electron';
import { METHOD_NAMES } from '../../../shared/contract';
import { EVENT_CHANNEL, methodChannel } from '../../../shared/ipc-channels';
import type { Session } from '../host/call-context';
import type { Dispatch } from '../host/dispatch';
import type { EventBus } from '../host/event-bus';

export interface IpcMainLike {
  handle(channel: string, listener: (event: IpcMainInvokeEvent, ...args: unknown[]) => unknown): void;
}

/**
 * Binds one IPC channel per contract method to dispatch. A call from any frame
 * that is not the app's own renderer is refused before its input is looked at.
 */
export function bindContract(ipc: IpcMainLike, dispatch: Dispatch, session: () => Session, isAppUrl: (url: string) => boolean): void {
  for (const method of METHOD_NAMES) {
    ipc.handle(methodChannel(method), async (event, input) => {
      const frameUrl = event.senderFrame?.url ?? '';
      if (!isAppUrl(frameUrl)) {
        return { ok: false, error: { code: 'forbidden', message: 'This window may not call the CRM.' } };
      }
      return dispatch(method, input, session());
    });
  }
}

export interface WebContentsLike {
  send(channel: string, ...args: unknown[]): void;
  isDestroyed(): boolean;
}

/** Forwards every main-process event to the given windows. */
export function forwardEvents(events: EventBus, targets: () => WebContentsLike[]): () => void {
  return events.subscribe((name, payload) => {
    for (const contents of targets()) if (!contents.isDestroyed()) contents.send(EVENT_CHANNEL, name, payload);
  });
}
