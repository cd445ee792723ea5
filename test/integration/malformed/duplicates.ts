import type { MalformedCases } from './cases';

export const cases: MalformedCases = {
  'duplicates.scan': [{}, { entity: 'opportunity' }, { entity: 'contact', minConfidence: 0.1 }, { entity: 'contact', minConfidence: 2 }, { entity: 'contact', limit: 0 }, { entity: 'contact', taskId: 'x' }],
  'duplicates.merge': [
    {},
    { survivorId: 1, mergedIds: [2] },
    { entity: 'opportunity', survivorId: 1, mergedIds: [2] },
    { entity: 'contact', survivorId: 1 },
    { entity: 'contact', survivorId: 1, mergedIds: [] },
    { entity: 'contact', survivorId: 1, mergedIds: Array.from({ length: 10 }, (_, i) => i + 2) },
    { entity: 'contact', survivorId: 1, mergedIds: [2], fields: { email: 2 } },
    { entity: 'contact', survivorId: 1, mergedIds: [2], fields: { title: 'two' } },
    { entity: 'contact', survivorId: '1', mergedIds: [2] },
    { entity: 'contact', survivorId: 1, mergedIds: [2], extra: true },
    // Each kind has its own fields: a contact's account is no account field, an account's name no lead field.
    { entity: 'account', survivorId: 1, mergedIds: [2], fields: { account: 2 } },
    { entity: 'account', survivorId: 1, mergedIds: [2], fields: { parentAccount: 0 } },
    { entity: 'lead', survivorId: 1, mergedIds: [2], fields: { name: 2 } },
    { entity: 'lead', survivorId: 1, mergedIds: [2], fields: { score: 2 } },
  ],
  'duplicates.unmerge': [{}, { mergeId: 0 }, { mergeId: 'last' }],
  'duplicates.merges': [{ limit: 0 }, { limit: 501 }],
};
