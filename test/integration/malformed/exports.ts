import type { MalformedCases } from './cases';

const columns = [{ colId: 'lastName', header: 'Last name' }];

export const cases: MalformedCases = {
  'exports.grid': [
    {},
    { grid: 'users', columns, format: 'csv' },
    { grid: 'contacts', columns, format: 'pdf' },
    { grid: 'contacts', columns: [], format: 'csv' },
    { grid: 'contacts', columns: [{ colId: 'lastName', header: '' }], format: 'csv' },
    { grid: 'contacts', columns: [{ colId: 'password', header: 'x' }], format: 'csv' },
    { grid: 'contacts', columns, format: 'csv', sort: [{ colId: 'secret', sort: 'asc' }] },
    { grid: 'contacts', columns, format: 'csv', filter: { lastName: { filterType: 'text', type: 'regex', filter: '.*' } } },
    { grid: 'contacts', columns, format: 'csv', taskId: 'x' },
    { grid: 'accounts', columns: [{ colId: 'name', header: 'Name' }], format: 'vcf' },
    { grid: 'contacts', columns, format: 'vcf', vcardVersion: '2.1' },
  ],
};
