import type { MalformedCases } from './cases';

/** Inputs the untrusted renderer might send; ids 1 exist, so a missing check would really write. */
export const cases: MalformedCases = {
  'contacts.create': [undefined, {}, { firstName: 'Only' }, { lastName: 'X', emails: 'a@b.c' }, { lastName: 'X', emails: [{ address: 'nope' }] }, { lastName: 'X', phones: [{ number: 'abc' }] }, { lastName: 'X', birthday: '17.05.1980' }, { lastName: 'X', emailOptOut: 'yes' }, { lastName: 'X', emails: Array.from({ length: 11 }, (_, i) => ({ address: `a${i}@b.de` })) }],
  'contacts.get': [undefined, { id: 'x' }, { id: 1, include: 'all' }],
  'contacts.update': [{ id: 1, version: 1, patch: { lastName: '' } }, { id: 1, version: 1, patch: { emails: [{ address: 'x' }] } }, { id: 1, patch: {} }, { id: 1, version: 1, patch: { id: 5 } }],
  'contacts.delete': [undefined, { id: -5 }],
  'contacts.restore': [undefined, { id: 'x' }],
  'contacts.list': [undefined, { startRow: 0, endRow: 10, accountId: 'x' }, { startRow: 0, endRow: 10, filter: { email: { filterType: 'number', type: 'equals', filter: 'x' } } }, { startRow: 0, endRow: 10, sort: [{ colId: 'birthday', sort: 'asc' }] }],
};
