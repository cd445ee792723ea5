import type { MalformedCases } from './cases';

/** Inputs the untrusted renderer might send; ids 1 exist, so a missing check would really write. */
export const cases: MalformedCases = {
  'accounts.create': [undefined, null, 'Acme', {}, { name: '' }, { name: 'x'.repeat(201) }, { name: 'A', extra: 1 }, { name: 'A', annualRevenue: { amountMinor: 1.5, currency: 'EUR' } }, { name: 'A', annualRevenue: { amountMinor: 1, currency: 'XYZ' } }, { name: 'A', billingAddress: { country: 'Germany' } }, { name: 'A', website: 'javascript:alert(1)' }, { name: 'A', employees: -1 }, { name: 'A', industry: 'Piracy' }],
  'accounts.get': [undefined, {}, { id: 0 }, { id: -1 }, { id: 1.5 }, { id: '1' }, { id: 1, x: 1 }],
  'accounts.update': [{ id: 1, patch: { name: 'B' } }, { id: 1, version: 1 }, { id: 1, version: 1, patch: { name: '' } }, { id: 1, version: 1, patch: { nope: 1 } }, { id: 1, version: 0, patch: {} }, { id: 1, version: 1, patch: { ownerId: 'me' } }],
  'accounts.delete': [undefined, {}, { id: 'all' }, { id: 1, cascade: true }],
  'accounts.restore': [undefined, { id: null }, { id: 2 ** 60 }],
  'accounts.list': [undefined, {}, { startRow: 0, endRow: 0 }, { startRow: 0, endRow: 501 }, { startRow: -1, endRow: 10 }, { startRow: 0, endRow: 10, sort: [{ colId: 'name; DROP TABLE accounts', sort: 'asc' }] }, { startRow: 0, endRow: 10, filter: { 'name) OR 1=1 --': { filterType: 'text', type: 'contains', filter: 'a' } } }, { startRow: 0, endRow: 10, filter: { name: { filterType: 'text', type: 'regex', filter: '.*' } } }, { startRow: 0, endRow: 10, sort: [{ colId: 'name', sort: 'sideways' }] }],
  'accounts.lookup': [undefined, {}, { text: 5 }, { text: 'a', limit: 1000 }],
};
