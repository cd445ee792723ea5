import type { MalformedCases } from './cases';

const ids = (n: number) => Array.from({ length: n }, (_, i) => i + 1);

export const cases: MalformedCases = {
  'tags.list': [{ search: 5 }, { search: 'x'.repeat(61) }, { extra: true }, null],
  'tags.create': [{}, { name: '' }, { name: '   ' }, { name: 'x'.repeat(61) }, { name: 'a\nb' }, { name: 'Ok', colour: 'red' }, { name: 'Ok', colour: '#12345' }, { name: 'Ok', extra: 1 }],
  'tags.rename': [{ name: 'New' }, { id: 0, name: 'New' }, { id: 1, name: '' }, { id: 1, name: 'Ok', colour: '#gggggg' }, { id: '1', name: 'Ok' }],
  'tags.delete': [{}, { id: -1 }, { id: 1.5 }, { id: 'all' }],
  'tags.forRecord': [{}, { entity: 'user', recordId: 1 }, { entity: 'contact' }, { entity: 'contact', recordId: 0 }],
  'tags.set': [
    { entity: 'contact', recordId: 1 },
    { entity: 'opportunity', recordId: 1, tagIds: [] },
    { entity: 'contact', recordId: 1, tagIds: [1, 1] },
    { entity: 'contact', recordId: 1, tagIds: ids(101) },
    { entity: 'contact', recordId: 1, tagIds: ['1'] },
    { entity: 'contact', recordId: 1, tagIds: [], extra: true },
  ],
  'tags.add': [
    { entity: 'contact', recordIds: [], tagId: 1 },
    { entity: 'contact', recordIds: [1, 1], tagId: 1 },
    { entity: 'contact', recordIds: [1] },
    { entity: 'task', recordIds: [1], tagId: 1 },
    { entity: 'contact', recordIds: ids(10_001), tagId: 1 },
  ],
  'tags.remove': [{ entity: 'contact', recordIds: [], tagId: 1 }, { entity: 'contact', recordIds: [1], tagId: 0 }, { entity: 'lead', tagId: 1 }],
};
