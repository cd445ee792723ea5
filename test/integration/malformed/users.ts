import type { MalformedCases } from './cases';

/** Inputs the untrusted renderer might send; ids 1 exist, so a missing check would really write. */
export const cases: MalformedCases = {
  'session.current': [{ as: 'admin' }, 'root'],
  'session.switch': [{}, { userId: 'admin' }, { userId: 1, role: 'admin' }],
  'users.list': [{ includeInactive: true }, 5],
};
