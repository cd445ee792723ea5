import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempHost, type TestHost } from '../support/temp-host';

let host: TestHost;
let repId: number;
let marketingId: number;

beforeAll(async () => {
  host = await tempHost();
  repId = (await host.call('users.create', { name: 'Rita Rep', email: 'rita@example.com', role: 'sales_rep' })).id;
  marketingId = (await host.call('users.create', { name: 'Mia Marketing', email: 'mia@example.com', role: 'marketing' })).id;
});
afterAll(async () => {
  await host.close();
});

const as = async (userId: number, method: Parameters<TestHost['dispatch']>[0], input: unknown) => host.dispatch(method, input, { userId });

describe('tags on contacts, leads and accounts', () => {
  it('a tag is created once whatever its case, put on records of every kind, and counted on live records only', async () => {
    const vip = await host.call('tags.create', { name: ' VIP ', colour: '#FF0000' });
    expect(vip).toMatchObject({ name: 'VIP', colour: '#ff0000', counts: { contact: 0, lead: 0, account: 0 } });
    expect(await host.fail('tags.create', { name: 'vip' })).toMatchObject({ code: 'conflict', message: 'There is already a tag called "VIP".' });
    const fair = await host.call('tags.create', { name: 'Trade fair 2026' });

    const ann = await host.call('contacts.create', { lastName: 'Ann' });
    const bob = await host.call('contacts.create', { lastName: 'Bob' });
    const lead = await host.call('leads.create', { lastName: 'Lee', source: 'web' });
    const acme = await host.call('accounts.create', { name: 'Acme' });

    expect(await host.call('tags.set', { entity: 'contact', recordId: ann.id, tagIds: [vip.id, fair.id] })).toEqual([
      { id: fair.id, name: 'Trade fair 2026', colour: null },
      { id: vip.id, name: 'VIP', colour: '#ff0000' },
    ]);
    await host.call('tags.set', { entity: 'lead', recordId: lead.id, tagIds: [vip.id] });
    expect(await host.call('tags.add', { entity: 'account', recordIds: [acme.id], tagId: vip.id })).toEqual({ added: 1, alreadyTagged: 0 });
    expect(await host.call('tags.add', { entity: 'contact', recordIds: [ann.id, bob.id], tagId: vip.id })).toEqual({ added: 1, alreadyTagged: 1 });

    const listed = await host.call('tags.list', {});
    expect(listed.map((t) => [t.name, t.counts])).toEqual([
      ['Trade fair 2026', { contact: 1, lead: 0, account: 0 }],
      ['VIP', { contact: 2, lead: 1, account: 1 }],
    ]);
    expect((await host.call('tags.list', { search: 'fair' })).map((t) => t.name)).toEqual(['Trade fair 2026']);

    // A record in the recycle bin keeps its tags but is not counted, and its tags cannot change.
    await host.call('contacts.delete', { id: bob.id });
    expect((await host.call('tags.list', {})).find((t) => t.id === vip.id)!.counts.contact).toBe(1);
    expect(await host.call('tags.forRecord', { entity: 'contact', recordId: bob.id })).toEqual([{ id: vip.id, name: 'VIP', colour: '#ff0000' }]);
    expect(await host.fail('tags.set', { entity: 'contact', recordId: bob.id, tagIds: [] })).toMatchObject({ code: 'conflict' });
    expect(await host.fail('tags.add', { entity: 'contact', recordIds: [bob.id], tagId: fair.id })).toMatchObject({ code: 'validation', issues: [{ path: 'recordIds.0' }] });

    // Setting replaces; the change is in the record's history.
    await host.call('tags.set', { entity: 'contact', recordId: ann.id, tagIds: [fair.id] });
    const history = await host.call('audit.forRecord', { entity: 'contact', id: ann.id });
    expect(history[0]).toMatchObject({ action: 'update', changes: { tags: ['Trade fair 2026, VIP', 'Trade fair 2026'] } });
    expect(await host.call('tags.remove', { entity: 'contact', recordIds: [ann.id], tagId: fair.id })).toEqual({ removed: 1 });
    expect(await host.call('tags.forRecord', { entity: 'contact', recordId: ann.id })).toEqual([]);
  });

  it('refuses unknown tags and records', async () => {
    const ann = await host.call('contacts.create', { lastName: 'Zed' });
    expect(await host.fail('tags.set', { entity: 'contact', recordId: ann.id, tagIds: [999] })).toMatchObject({ code: 'validation', issues: [{ path: 'tagIds.0', message: 'There is no tag with id 999' }] });
    expect(await host.fail('tags.set', { entity: 'lead', recordId: 999, tagIds: [] })).toMatchObject({ code: 'not_found' });
    expect(await host.fail('tags.add', { entity: 'contact', recordIds: [ann.id], tagId: 999 })).toMatchObject({ code: 'validation' });
  });

  it('only administrators and marketing rename and delete tags; deleting takes the tag off every record', async () => {
    const t = await host.call('tags.create', { name: 'Old name' });
    const c = await host.call('contacts.create', { lastName: 'Tagged' });
    await host.call('tags.set', { entity: 'contact', recordId: c.id, tagIds: [t.id] });

    const repRename = await as(repId, 'tags.rename', { id: t.id, name: 'Rep name' });
    expect(repRename).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    // Anyone may create and tag.
    expect((await as(repId, 'tags.create', { name: 'Rep made' })).ok).toBe(true);

    const renamed = await as(marketingId, 'tags.rename', { id: t.id, name: 'New name', colour: '#00aa00' });
    expect(renamed).toMatchObject({ ok: true, data: { name: 'New name', colour: '#00aa00' } });
    expect(await host.fail('tags.rename', { id: t.id, name: 'vip' })).toMatchObject({ code: 'conflict' });

    expect((await as(repId, 'tags.delete', { id: t.id })).ok).toBe(false);
    expect(await host.call('tags.delete', { id: t.id })).toEqual({ id: t.id, removedFrom: 1 });
    expect(await host.call('tags.forRecord', { entity: 'contact', recordId: c.id })).toEqual([]);
    expect(await host.fail('tags.delete', { id: t.id })).toMatchObject({ code: 'not_found' });
  });

  it('segments count by tags: any, all, none; unknown tags are refused', async () => {
    const a = await host.call('tags.create', { name: 'Seg A' });
    const b = await host.call('tags.create', { name: 'Seg B' });
    const lead1 = await host.call('leads.create', { lastName: 'One', source: 'web' });
    const lead2 = await host.call('leads.create', { lastName: 'Two', source: 'web' });
    await host.call('tags.set', { entity: 'lead', recordId: lead1.id, tagIds: [a.id, b.id] });
    await host.call('tags.set', { entity: 'lead', recordId: lead2.id, tagIds: [a.id] });
    const count = async (op: 'any' | 'all' | 'none') =>
      (await host.call('segments.count', { rule: { entity: 'lead', root: { type: 'group', op: 'and', items: [{ type: 'fact', fact: 'tag', op, tagIds: [a.id, b.id] }] } } })).total;
    const leads = (await host.call('segments.count', { rule: { entity: 'lead', root: { type: 'group', op: 'and', items: [] } } })).total;
    expect(await count('any')).toBe(2);
    expect(await count('all')).toBe(1);
    expect(await count('none')).toBe(leads - 2);
    const refused = await host.fail('segments.count', { rule: { entity: 'lead', root: { type: 'group', op: 'and', items: [{ type: 'fact', fact: 'tag', op: 'any', tagIds: [424242] }] } } });
    expect(refused).toMatchObject({ code: 'validation', issues: [{ path: 'root.items.0.tagIds.0' }] });
  });
});
