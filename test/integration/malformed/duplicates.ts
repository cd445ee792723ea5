import type { MalformedCases } from './cases';

export const cases: MalformedCases = {
  'duplicates.scan': [{}, { entity: 'opportunity' }, { entity: 'contact', minConfidence: 0.1 }, { entity: 'contact', minConfidence: 2 }, { entity: 'contact', limit: 0 }, { entity: 'contact', taskId: 'x' }],
  'duplicates.mergeContacts': [
    {},
    { survivorId: 1 },
    { survivorId: 1, mergedIds: [] },
    { survivorId: 1, mergedIds: Array.from({ length: 10 }, (_, i) => i + 2) },
    { survivorId: 1, mergedIds: [2], fields: { email: 2 } },
    { survivorId: 1, mergedIds: [2], fields: { title: 'two' } },
    { survivorId: '1', mergedIds: [2] },
  ],
  'duplicates.unmerge': [{}, { mergeId: 0 }, { mergeId: 'last' }],
  'duplicates.merges': [{ limit: 0 }, { limit: 501 }],
};
