import type { MethodDef } from './define';

/** Filled in by the activities module. */
export const activitiesContract = {} satisfies Record<string, MethodDef>;
