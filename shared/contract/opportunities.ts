import type { MethodDef } from './define';

/** Filled in by the opportunities module. */
export const opportunitiesContract = {} satisfies Record<string, MethodDef>;
