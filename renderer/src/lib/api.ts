import type { CrmBridge, Input, MethodName, Output } from '../../../shared/contract';
import { splitMethod } from '../../../shared/contract';
import { CrmError } from '../../../shared/errors';

declare global {
  interface Window {
    crm: CrmBridge;
  }
}

/**
 * Calls one contract method through `window.crm` (IPC in Electron, HTTP in the
 * harness) and unwraps the envelope: resolves with the data or throws CrmError.
 */
export async function call<M extends MethodName>(method: M, input: Input<M>): Promise<Output<M>> {
  const [ns, verb] = splitMethod(method);
  const fn = (window.crm as unknown as Record<string, Record<string, (i: unknown) => Promise<unknown>>>)[ns]?.[verb];
  if (!fn) throw new CrmError('internal', `The app has no bridge for ${method}; restart it.`);
  const envelope = (await fn(input)) as { ok: true; data: Output<M> } | { ok: false; error: { code: CrmError['code']; message: string; issues?: CrmError['issues'] } };
  if (envelope.ok) return envelope.data;
  throw new CrmError(envelope.error.code, envelope.error.message, envelope.error.issues);
}

export { CrmError };
