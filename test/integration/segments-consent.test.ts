import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Channel } from '../../shared/contract/segments';
import { domainKey, emailKey, phoneKey } from '../../shared/suppression';
import { sqliteHandle } from '../../electron/main/db/sqlite-handle';
import type { Row, World } from '../support/segment-evaluator';
import { loadPlan, planArb, ruleFor } from '../support/segment-world';
import { tempHost, type TestHost } from '../support/temp-host';

let host: TestHost;

beforeAll(async () => {
  host = await tempHost();
  await host.call('users.create', { name: 'Rep Two', email: 'two@example.com', role: 'sales_rep' });
  await host.call('users.create', { name: 'Rep Three', email: 'three@example.com', role: 'marketing' });
});
afterAll(async () => {
  await host.close();
});

/** What consent means, written out on a stored contact (independent of the SQL and of the evaluator). */
function violates(channel: Channel, c: Row, w: World): string | null {
  const listed = (kind: string, value: string) => w.suppressions.some((s) => s.kind === kind && s.value === value);
  if (channel === 'email') {
    if (c.email_opt_out) return 'opted out of e-mail';
    if (!c.email) return 'no e-mail address';
    if (listed('email', emailKey(c.email))) return 'suppressed address';
    if (listed('domain', domainKey(c.email))) return 'suppressed domain';
  }
  if (channel === 'call' || channel === 'sms') {
    if (c.do_not_call) return 'do not call';
    if (!c.phone) return 'no phone';
    if (listed('phone', phoneKey(c.phone))) return 'suppressed number';
  }
  if (channel === 'letter' && !(c.address_street && c.address_city && c.address_country)) return 'no postal address';
  return null;
}

describe('consent is enforced wherever contacts are picked for a channel', () => {
  it('an opted-out, do-not-call or suppressed contact never gets onto a channel list, frozen or added by hand (property)', async () => {
    const db = sqliteHandle(host.dataSource);
    let checked = 0;
    let refused = 0;
    await fc.assert(
      fc.asyncProperty(planArb, ruleFor('contact'), fc.constantFrom<Channel>('email', 'call', 'sms', 'letter'), async (plan, rule, channel) => {
        const world = loadPlan(db, plan);
        const segment = await host.call('segments.save', { name: `S${++checked}`, ...rule });
        const frozen = await host.call('segments.freeze', { segmentId: segment.id, name: 'Frozen', channel });
        const members = db.prepare(`SELECT record_id FROM target_list_members WHERE list_id = ?`).pluck().all(frozen.list.id) as number[];
        for (const id of members) expect(violates(channel, world.contacts.find((c) => c.id === id)!, world), `#${id} on a ${channel} list`).toBeNull();

        // By hand: every live contact is offered; exactly the ones who may be reached get on, the others with a reason.
        const list = await host.call('lists.create', { name: 'By hand', entity: 'contact', channel });
        const live = world.contacts.filter((c) => c.deleted_at === null);
        if (!live.length) return;
        const added = await host.call('lists.add', { listId: list.id, ids: live.map((c) => c.id) });
        const onList = new Set(db.prepare(`SELECT record_id FROM target_list_members WHERE list_id = ?`).pluck().all(list.id) as number[]);
        for (const c of live) expect(onList.has(c.id), `#${c.id} ${violates(channel, c, world) ?? 'may be reached'}`).toBe(violates(channel, c, world) === null);
        expect(added.leftOut.map((l) => l.id).sort((a, b) => a - b)).toEqual(live.filter((c) => violates(channel, c, world) !== null).map((c) => c.id));
        refused += added.leftOut.length;
        await host.call('segments.delete', { id: segment.id });
      }),
      { numRuns: 60 },
    );
    expect(refused).toBeGreaterThan(0);
  });

  it('a member who opts out after the list was made is shown as not reachable and is not among its recipients', async () => {
    const db = sqliteHandle(host.dataSource);
    db.exec(`DELETE FROM target_list_members; DELETE FROM target_lists; DELETE FROM segments; DELETE FROM activities; DELETE FROM opportunities; DELETE FROM leads; DELETE FROM contacts; DELETE FROM suppressions;`);
    const ann = await host.call('contacts.create', { lastName: 'Adams', emails: [{ address: 'ann@adams.example' }], phones: [{ number: '+44 20 7946 0958' }] });
    const bob = await host.call('contacts.create', { lastName: 'Brown', emails: [{ address: 'bob@brown.example' }], phones: [{ number: '020 7946 0111' }] });
    const segment = await host.call('segments.save', { name: 'Everyone', entity: 'contact', root: { type: 'group', op: 'and', items: [] } });
    const mail = await host.call('segments.freeze', { segmentId: segment.id, name: 'Mailing', channel: 'email' });
    const calls = await host.call('segments.freeze', { segmentId: segment.id, name: 'Calls', channel: 'call' });
    expect([mail.added, calls.added]).toEqual([2, 2]);

    await host.call('contacts.update', { id: ann.id, version: ann.version, patch: { emailOptOut: true } });
    await host.call('suppressions.add', { kind: 'phone', values: ['+44 (0)20 7946 0111'], reason: 'Asked on the phone' });

    const mailMembers = await host.call('lists.members', { listId: mail.list.id, startRow: 0, endRow: 100, withTotal: true });
    expect(mailMembers.rows.map((r) => [r.name, r.eligible])).toEqual([
      ['Adams', false],
      ['Brown', true],
    ]);
    expect(await host.call('lists.get', { id: mail.list.id })).toMatchObject({ memberCount: 2, eligibleCount: 1 });
    expect(await host.services.segments.lists.recipients(host.dataSource.manager, mail.list.id, 'email')).toEqual([bob.id]);
    expect(await host.services.segments.lists.recipients(host.dataSource.manager, calls.list.id, 'call')).toEqual([ann.id]);
    // Any list, whatever it was made for, is checked again for the channel it is used on.
    expect(await host.services.segments.lists.recipients(host.dataSource.manager, calls.list.id, 'email')).toEqual([bob.id]);
  });
});
