import type { MalformedCases } from './cases';

/** Inputs the untrusted renderer might send to teams.*; each must be refused before anything is written. */
export const cases: MalformedCases = {
  'teams.list': [null, 'all', { includeEmpty: true }],
  'teams.save': [
    undefined,
    {},
    { name: '' },
    { name: '   ' },
    { name: 5 },
    { name: 'x'.repeat(101) },
    { name: 'North', id: 0 },
    { name: 'North', id: '1' },
    { name: 'North', managerId: 'boss' },
    { name: 'North', members: [1] },
  ],
  'teams.delete': [undefined, {}, { id: 0 }, { id: 'all' }, { id: 1, cascade: true }],
};
