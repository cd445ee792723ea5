import type { MalformedCases } from './cases';

/** Inputs the untrusted renderer might send; ids 1 exist, so a missing check would really write. */
export const cases: MalformedCases = {
  'audit.forRecord': [undefined, { entity: 'users', id: 1 }, { entity: 'account', id: 1, limit: 0 }],
};
