import type { MalformedCases } from './cases';

/** Inputs the untrusted renderer might send to the global search. */
export const cases: MalformedCases = {
  'search.global': [
    undefined,
    null,
    'mull',
    {},
    { text: 5 },
    { text: null },
    { text: 'x'.repeat(1001) },
    { text: 'a', limit: 0 },
    { text: 'a', limit: 51 },
    { text: 'a', limit: 1.5 },
    { text: 'a', limit: '5' },
    { text: 'a', kinds: [] },
    { text: 'a', kinds: 'account' },
    { text: 'a', kinds: ['users'] },
    { text: 'a', kinds: ['account', 'contact', 'lead', 'opportunity', 'account'] },
    { text: 'a', match: 'title:*' },
  ],
};
