import type { MethodDef } from './define';

/** Filled in by the leads module. */
export const leadsContract = {} satisfies Record<string, MethodDef>;
