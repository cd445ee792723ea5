/** `window.crm` for the browser harness: the same bridge as the preload, over HTTP on 127.0.0.1. */
import { buildBridge } from '../../shared/bridge';
import { METHOD_NAME_LIST } from '../../shared/contract/names';

const listeners = new Set<(event: string, payload: unknown) => void>();
const source = new EventSource('/__crm/events');
source.onmessage = (message) => {
  const { event, payload } = JSON.parse(message.data) as { event: string; payload: unknown };
  for (const listener of listeners) listener(event, payload);
};

(window as unknown as { crm: unknown }).crm = buildBridge(
  METHOD_NAME_LIST,
  async (method, input) => {
    const response = await fetch('/__crm/call', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ method, input: input === undefined ? null : input }),
    });
    return response.json();
  },
  (listener) => {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
);
