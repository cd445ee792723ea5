import type { MalformedCases } from './cases';

/** Inputs the untrusted renderer might send; ids 1 exist, so a missing check would really write. */
export const cases: MalformedCases = {
  'preferences.getGridState': [undefined, { grid: 'secrets' }],
  'preferences.setGridState': [{ grid: 'contacts' }, { grid: 'contacts', columns: [{ colId: '<script>', width: 100 }] }, { grid: 'contacts', columns: [{ colId: 'email', width: 1e9 }] }, { grid: 'contacts', columns: 'all' }],
};
