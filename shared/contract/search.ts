import type { MethodDef } from './define';

/** Filled in by the search module. */
export const searchContract = {} satisfies Record<string, MethodDef>;
