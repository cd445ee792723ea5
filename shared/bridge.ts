import type { CrmBridge, MethodName } from './contract';
import type { EventName } from './contract/events';
import { EVENT_NAME_LIST } from './contract/names';
import type { Envelope } from './errors';

export type Invoke = (method: MethodName, input: unknown) => Promise<Envelope<unknown>>;
export type Subscribe = (listener: (event: string, payload: unknown) => void) => () => void;

/**
 * Builds `window.crm` from the contract's method names: one narrow function per
 * method. The Electron preload and the browser harness differ only in how they
 * invoke and subscribe.
 */
export function buildBridge(methods: readonly MethodName[], invoke: Invoke, subscribe: Subscribe): CrmBridge {
  const bridge: Record<string, unknown> = {};
  for (const name of methods) {
    const dot = name.indexOf('.');
    const ns = name.slice(0, dot);
    const verb = name.slice(dot + 1);
    const group = (bridge[ns] ??= {}) as Record<string, unknown>;
    group[verb] = (input?: unknown) => invoke(name, input);
  }
  bridge.on = (event: EventName, listener: (payload: unknown) => void) => {
    if (!(EVENT_NAME_LIST as readonly string[]).includes(event)) throw new Error(`Unknown event ${String(event)}`);
    return subscribe((name, payload) => {
      if (name === event) listener(payload);
    });
  };
  return bridge as CrmBridge;
}
