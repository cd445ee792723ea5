import type { MalformedCases } from './cases';

const fileId = '6f1c1f38-8d5e-4c55-9b2a-0b5a3e2f6c11';
const spec = { fileId, target: 'contacts', encoding: 'utf-8', delimiter: ',', columns: ['lastName'] };

export const cases: MalformedCases = {
  'imports.upload': [
    {},
    { name: 'a.csv', offset: 0, dataBase64: 'AAAA' },
    { name: '', offset: 0, dataBase64: 'AAAA', last: true },
    { name: 'a.csv', offset: -1, dataBase64: 'AAAA', last: true },
    { name: 'a.csv', offset: 0, dataBase64: 'not base64!', last: true },
    { name: 'a.csv', offset: 0, dataBase64: 'A'.repeat(5_600_004), last: true },
    { fileId: '../../etc/passwd', name: 'a.csv', offset: 0, dataBase64: '', last: true },
    { name: 'a.csv', offset: 0, dataBase64: '', last: true, path: '/etc/passwd' },
  ],
  'imports.inspect': [{}, { fileId, target: 'quotes' }, { fileId, target: 'Leads' }, { fileId: 'x', target: 'contacts' }, { fileId, target: 'contacts', encoding: 'latin9' }, { fileId, target: 'contacts', delimiter: '|' }],
  'imports.preview': [{ ...spec, limit: 0 }, { ...spec, limit: 501 }, { ...spec, columns: [] }, { ...spec, mode: 'merge' }, { ...spec, target: 'products', mode: 'update', key: 'email' }],
  'imports.run': [
    {},
    { ...spec, columns: 'lastName' },
    { ...spec, columns: Array(501).fill(null) },
    { ...spec, key: 'phone' },
    // A key the target cannot be matched by: refused by the contract, before a file is read.
    { ...spec, key: 'sku' },
    { ...spec, target: 'accounts', mode: 'upsert', key: 'email' },
    { ...spec, target: 'leads', mode: 'update', key: 'name' },
    { ...spec, target: 'opportunities', mode: 'upsert', key: 'email' },
    { ...spec, target: 'products', mode: 'update', key: 'name' },
    { ...spec, target: 'products', key: 'SKU' },
    { ...spec, locale: 'xx-nope-nope' },
    { ...spec, currency: 'EURO' },
    { ...spec, policy: 'best_effort' },
    { ...spec, dryRun: 'yes' },
    { ...spec, taskId: 'not-a-uuid' },
    { ...spec, target: 'users' },
    { ...spec, extra: true },
  ],
  'imports.cancel': [{}, { taskId: 42 }, { taskId: 'x' }],
  'imports.history': [{ limit: 0 }, { limit: 501 }, { limit: 'all' }],
  'imports.undo': [{}, { importId: 0 }, { importId: 'last' }, { importId: 1, taskId: 'x' }],
  'imports.errors': [{}, { importId: -1 }, { importId: 1.5 }],
  'imports.savePreset': [
    {},
    { name: '', target: 'contacts', columns: { Email: 'email' } },
    { name: 'Mine', target: 'contacts', columns: {} },
    { name: 'Mine', target: 'users', columns: { Email: 'email' } },
    { name: 'x'.repeat(101), target: 'contacts', columns: { Email: 'email' } },
    { name: 'Mine', target: 'contacts', columns: { Email: 42 } },
  ],
  'imports.deletePreset': [{}, { id: '' }, { id: 42 }],
};
