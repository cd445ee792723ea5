import type { MalformedCases } from './cases';

export const cases: MalformedCases = {
  'records.massUpdate': [
    {},
    { entity: 'contact', ids: [1] },
    { entity: 'contact', ids: [], patch: { title: 'x' } },
    { entity: 'contact', ids: [1, 1], patch: { title: 'x' } },
    { entity: 'contact', ids: Array.from({ length: 10_001 }, (_, i) => i + 1), patch: { title: 'x' } },
    { entity: 'contact', ids: [1], patch: { lastName: 'Everyone' } },
    { entity: 'contact', ids: [1], patch: { ownerId: 'me' } },
    { entity: 'lead', ids: [1], patch: { status: 'converted' } },
    { entity: 'user', ids: [1], patch: { ownerId: 1 } },
  ],
  'records.undoMassUpdate': [{}, { batchId: 0 }, { batchId: 'x' }],
  'records.massUpdates': [{ limit: 0 }, { limit: 201 }],
};
