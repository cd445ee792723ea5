import type { MalformedCases } from './cases';

const many = (n: number) => Array.from({ length: n }, (_, i) => `Option ${i}`);

export const cases: MalformedCases = {
  'customFields.list': [{ entity: 'opportunity' }, { entity: 1 }, { extra: 1 }],
  'customFields.create': [
    { entity: 'contact', label: 'Tier' },
    { entity: 'contact', label: 'Tier', options: [] },
    { entity: 'contact', label: 'Tier', options: many(201) },
    { entity: 'contact', label: 'Tier', options: ['Gold', 'gold'] },
    { entity: 'contact', label: 'Tier', options: ['Gold', ''] },
    { entity: 'contact', label: 'Tier', options: ['x'.repeat(101)] },
    { entity: 'contact', label: '', options: ['Gold'] },
    { entity: 'quote', label: 'Tier', options: ['Gold'] },
    { entity: 'contact', label: 'Tier', options: ['Gold'], multiple: 'yes' },
  ],
  'customFields.update': [{ label: 'x' }, { id: 1, options: [] }, { id: 1, options: ['A', 'A'] }, { id: 1, label: '' }, { id: 1, position: -1 }, { id: 1, entity: 'lead' }],
  'customFields.delete': [{}, { id: 0 }, { id: 'x' }],
  'customFields.forRecord': [{ entity: 'contact' }, { entity: 'product', recordId: 1 }, { entity: 'contact', recordId: -3 }],
  'customFields.setValues': [
    { entity: 'contact', recordId: 1, values: [] },
    { entity: 'contact', recordId: 1 },
    { entity: 'contact', recordId: 1, values: [{ fieldId: 1 }] },
    { entity: 'contact', recordId: 1, values: [{ fieldId: 1, values: [1] }] },
    { entity: 'contact', recordId: 1, values: [{ fieldId: 1, values: [] }, { fieldId: 1, values: [] }] },
    { entity: 'contact', recordId: 1, values: [{ fieldId: 1, values: ['x'.repeat(101)] }] },
    // No custom field 1 exists in the malformed suite's database: refused as a validation error too.
    { entity: 'contact', recordId: 1, values: [{ fieldId: 1, values: ['Gold'] }] },
  ],
};
