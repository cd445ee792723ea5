import type { MethodName } from '../../../shared/contract';

/** One module's malformed inputs, by method. */
export type MalformedCases = Partial<Record<MethodName, unknown[]>>;
