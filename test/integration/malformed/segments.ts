import type { MalformedCases } from './cases';

const group = (items: unknown[], op = 'and') => ({ type: 'group', op, items });
const rule = (items: unknown[], entity = 'contact') => ({ entity, root: group(items) });
const country = { type: 'field', field: 'country', op: 'equals', value: 'DE' };
let deep: unknown = country;
for (let i = 0; i < 5; i++) deep = group([deep]);

const badRules = [
  { entity: 'user', root: group([]) },
  { entity: 'contact' },
  { entity: 'contact', root: group([], 'xor') },
  rule([{ type: 'field', field: 'password', op: 'equals', value: 'x' }]),
  rule([{ type: 'field', field: 'last_name; DROP TABLE contacts', op: 'isEmpty' }]),
  rule([{ type: 'field', field: '__proto__', op: 'isEmpty' }]),
  rule([{ type: 'field', field: 'country', op: 'contains', value: 'D' }]),
  rule([{ type: 'field', field: 'country', op: 'equals', value: 'Germany' }]),
  rule([{ type: 'field', field: 'country', op: 'in', values: [] }]),
  rule([{ type: 'field', field: 'title', op: 'equals' }]),
  rule([{ type: 'field', field: 'title', op: 'equals', value: 'x'.repeat(201) }]),
  rule([{ type: 'field', field: 'title', op: 'isEmpty', value: 'x' }]),
  rule([{ type: 'field', field: 'birthday', op: 'between', from: '2020-01-01', to: '2019-02-30' }]),
  rule([{ type: 'field', field: 'createdAt', op: 'withinLastDays', days: 1.5 }]),
  rule([{ type: 'field', field: 'employees', op: 'gt', value: 5 }]),
  rule([{ type: 'field', field: 'annualRevenue', op: 'gt', value: 5 }], 'account'),
  rule([{ type: 'fact', fact: 'openPipeline', op: 'gt', amountMinor: 5, currency: 'EUR' }], 'lead'),
  rule([{ type: 'fact', fact: 'wonOpportunity', withinMonths: 0 }]),
  rule([{ type: 'fact', fact: 'lastActivity', op: 'olderThanDays' }]),
  rule([{ type: 'fact', fact: 'gossip' }]),
  rule([{ type: 'sql', sql: '1=1' }]),
  rule([{ type: 'fact', fact: 'tag', op: 'any', tagIds: [] }]),
  rule([{ type: 'fact', fact: 'tag', op: 'some', tagIds: [1] }]),
  rule([{ type: 'fact', fact: 'tag', op: 'all', tagIds: [1, 1] }]),
  rule([{ type: 'fact', fact: 'tag', op: 'any', tagIds: [424242] }]),
  rule([{ type: 'fact', fact: 'customPick', fieldId: 1, op: 'anyOf' }]),
  rule([{ type: 'fact', fact: 'customPick', fieldId: 1, op: 'empty', values: ['x'] }]),
  rule([{ type: 'fact', fact: 'customPick', fieldId: 424242, op: 'notEmpty' }]),
  rule([{ type: 'fact', fact: 'customPick', fieldId: 'tier; DROP TABLE contacts', op: 'empty' }]),
  rule([group([])]),
  { entity: 'contact', root: deep },
  rule(Array.from({ length: 21 }, () => country)),
  rule(Array.from({ length: 3 }, () => group(Array.from({ length: 20 }, () => country)))),
];

const rows = { startRow: 0, endRow: 10 };

export const cases: MalformedCases = {
  'segments.count': [{}, { rule: rule([country]), channels: 'yes' }, { rule: rule([country]), sample: 'no' }, { rule: rule([country]), extra: 1 }, ...badRules.map((r) => ({ rule: r }))],
  'segments.list': [{ entity: 'user' }, { extra: true }],
  'segments.get': [{}, { id: 0 }, { id: 'x' }],
  'segments.save': [
    {},
    { name: '', ...rule([]) },
    { name: 'x'.repeat(101), ...rule([]) },
    { id: 1, name: 'No version', ...rule([]) },
    { name: 'Owners', ...rule([{ type: 'field', field: 'owner', op: 'in', values: ['me'] }]) },
    ...badRules.map((r) => ({ name: 'Bad', ...r })),
  ],
  'segments.delete': [{}, { id: -1 }],
  'segments.freeze': [{ segmentId: 1 }, { segmentId: 1, name: 'x', channel: 'fax' }, { segmentId: 'one', name: 'x' }],
  'lists.list': [{ entity: 'campaign' }],
  'lists.get': [{ id: 0 }],
  'lists.create': [{ name: 'x' }, { name: '', entity: 'contact' }, { name: 'x', entity: 'contact', channel: 'pigeon' }, { name: 'x', entity: 'opportunity' }],
  'lists.members': [
    rows,
    { listId: 1, startRow: 0, endRow: 1000 },
    { listId: 1, ...rows, sort: [{ colId: 'email', sort: 'asc' }] },
    { listId: 1, ...rows, filter: { email: { filterType: 'text', type: 'contains', filter: 'x' } } },
  ],
  'lists.add': [{ listId: 1, ids: [] }, { listId: 1, ids: [1, 1] }, { listId: 1 }, { listId: 1, ids: Array.from({ length: 10_001 }, (_, i) => i + 1) }],
  'lists.remove': [{ listId: 1, ids: [] }, { ids: [1] }],
  'lists.delete': [{ id: '1' }],
  'suppressions.list': [{ limit: 0 }, { kind: 'fax' }, { offset: -1 }],
  'suppressions.add': [
    { kind: 'email', values: [] },
    { kind: 'fax', values: ['x'] },
    { kind: 'email', values: ['fine@example.com', 'not an address'] },
    { kind: 'phone', values: ['call me'] },
    { kind: 'domain', values: ['exa mple.com'] },
    { kind: 'email', values: Array.from({ length: 1001 }, (_, i) => `a${i}@example.com`) },
  ],
  'suppressions.remove': [{ ids: [] }, { ids: [0] }],
};
