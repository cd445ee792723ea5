import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempHost, type TestHost } from '../support/temp-host';

let host: TestHost;
beforeEach(async () => {
  host = await tempHost();
});
afterEach(async () => {
  await host.close();
});

const MIN = 60_000;

/** The opportunities module is written in parallel: its rows are made with SQL here. */
async function insertOpportunity(name: string, accountId: number): Promise<{ id: number; stages: Record<string, number> }> {
  const stages: Record<string, number> = Object.fromEntries(
    (await host.dataSource.query(`SELECT id, name FROM pipeline_stages ORDER BY position`)).map((s: { id: number; name: string }) => [s.name, s.id]),
  );
  const [pipeline] = await host.dataSource.query(`SELECT id FROM pipelines WHERE is_default = 1`);
  const now = host.clock.now().toISOString();
  const u = host.session.userId;
  await host.dataSource.query(
    `INSERT INTO opportunities (version, created_at, created_by_id, updated_at, updated_by_id, name, sort_name, account_id, pipeline_id, stage_id,
                                amount_minor, currency, probability, owner_id)
     VALUES (1, ?, ?, ?, ?, ?, ?, ?, ?, ?, 500000, 'EUR', 10, ?)`,
    [now, u, now, u, name, name.toLowerCase(), accountId, pipeline.id, stages.Prospecting, u],
  );
  const [{ id }] = await host.dataSource.query(`SELECT id FROM opportunities WHERE name = ?`, [name]);
  return { id, stages };
}

async function stageChange(opportunityId: number, from: number | null, to: number, at: string): Promise<void> {
  await host.dataSource.query(
    `INSERT INTO opportunity_stage_history (opportunity_id, from_stage_id, to_stage_id, amount_minor, currency, probability, changed_at, changed_by_id)
     VALUES (?, ?, ?, 500000, 'EUR', 20, ?, ?)`,
    [opportunityId, from, to, at, host.session.userId],
  );
}

describe('timeline', () => {
  it('merges activities, notes, stage changes of the account’s opportunities and field changes, newest first', async () => {
    const account = await host.call('accounts.create', { name: 'Acme', phone: '111' }); // 09:00 audit create
    const opp = await insertOpportunity('Big deal', account.id);
    await stageChange(opp.id, null, opp.stages.Prospecting!, '2026-03-01T09:01:00.000Z');
    host.clock.advance(2 * MIN);
    await host.call('activities.create', { type: 'note', subject: 'Met at fair', body: 'Wants a demo', accountId: account.id }); // 09:02
    host.clock.advance(2 * MIN);
    await host.call('accounts.update', { id: account.id, version: 1, patch: { phone: '222', industry: 'Retail' } }); // 09:04
    await host.call('activities.create', {
      type: 'call',
      subject: 'Demo booked',
      direction: 'outbound',
      outcome: 'connected',
      durationMinutes: 12,
      startsAt: '2026-03-01T09:05:00Z',
      accountId: account.id,
    });
    await stageChange(opp.id, opp.stages.Prospecting!, opp.stages.Qualification!, '2026-03-01T09:06:00.000Z');
    const deleted = await host.call('activities.create', { type: 'note', subject: 'Deleted note', accountId: account.id });
    await host.call('activities.delete', { id: deleted.id });

    const page = await host.call('timeline.forRecord', { entity: 'account', id: account.id });
    expect(page.items.map((i) => [i.kind, i.at, i.title])).toEqual([
      ['stage_change', '2026-03-01T09:06:00.000Z', 'Big deal: Prospecting → Qualification'],
      ['activity', '2026-03-01T09:05:00.000Z', 'Call: Demo booked'],
      ['field_change', '2026-03-01T09:04:00.000Z', 'Changed industry, phone'],
      ['note', '2026-03-01T09:02:00.000Z', 'Note: Met at fair'],
      ['stage_change', '2026-03-01T09:01:00.000Z', 'Big deal: created in Prospecting'],
      ['field_change', '2026-03-01T09:00:00.000Z', 'Created account'],
    ]);
    expect(page.nextBefore).toBeNull();
    const change = page.items[2]!;
    expect(change.who).toEqual({ id: host.session.userId, name: 'Test Admin' });
    expect(change.change?.fields).toEqual([
      { field: 'industry', from: null, to: 'Retail' },
      { field: 'phone', from: '111', to: '222' },
    ]);
    expect(change.details).toBe('Industry: — → Retail\nPhone: 111 → 222');
    expect(page.items[1]!.details).toBe('outbound, connected, 12 min');
    expect(page.items[0]!.stage).toEqual({ opportunity: { id: opp.id, name: 'Big deal' }, from: 'Prospecting', to: 'Qualification' });

    // The opportunity's own timeline shows its stage changes too.
    const oppPage = await host.call('timeline.forRecord', { entity: 'opportunity', id: opp.id, kinds: ['stage_change'] });
    expect(oppPage.items.map((i) => i.key)).toHaveLength(2);
    const changesOnly = await host.call('timeline.forRecord', { entity: 'account', id: account.id, kinds: ['field_change'] });
    expect(changesOnly.items.map((i) => i.title)).toEqual(['Changed industry, phone', 'Created account']);
  });

  it('filters by kind and pages with a cursor without gaps or repeats, even at equal times', async () => {
    const contact = await host.call('contacts.create', { lastName: 'Smith' });
    const other = await host.call('contacts.create', { lastName: 'Other' });
    // Twelve notes, three to a minute, so pages split rows that share a time.
    for (let i = 0; i < 12; i++) {
      if (i % 3 === 0) host.clock.advance(MIN);
      await host.call('activities.create', { type: 'note', subject: `Note ${i}`, contactId: contact.id });
    }
    await host.call('activities.create', {
      type: 'meeting',
      subject: 'Attended meeting',
      startsAt: '2026-03-02T10:00:00Z',
      endsAt: '2026-03-02T11:00:00Z',
      contactId: other.id,
      attendees: [{ contactId: contact.id }],
    });

    const all = await host.call('timeline.forRecord', { entity: 'contact', id: contact.id, limit: 200 });
    expect(all.items[0]!.title).toBe('Meeting: Attended meeting');
    expect(all.items.filter((i) => i.kind === 'field_change').map((i) => i.title)).toEqual(['Created contact']);

    const seen: string[] = [];
    let before: string | undefined;
    let pages = 0;
    do {
      const page = await host.call('timeline.forRecord', { entity: 'contact', id: contact.id, kinds: ['note'], limit: 5, ...(before ? { before } : {}) });
      seen.push(...page.items.map((i) => i.title));
      before = page.nextBefore ?? undefined;
      pages++;
    } while (before);
    expect(pages).toBe(3);
    expect(seen).toEqual(Array.from({ length: 12 }, (_, i) => `Note: Note ${11 - i}`));

    const onlyActivities = await host.call('timeline.forRecord', { entity: 'contact', id: contact.id, kinds: ['activity'] });
    expect(onlyActivities.items.map((i) => i.title)).toEqual(['Meeting: Attended meeting']);
  });

  it('a lead shows its activities and its own field changes, and nothing of other records', async () => {
    const now = host.clock.now().toISOString();
    const u = host.session.userId;
    await host.dataSource.query(
      `INSERT INTO leads (version, created_at, created_by_id, updated_at, updated_by_id, last_name, sort_name, owner_id) VALUES (1, ?, ?, ?, ?, 'Lead', 'lead', ?)`,
      [now, u, now, u, u],
    );
    const [{ id: leadId }] = await host.dataSource.query(`SELECT id FROM leads`);
    await host.dataSource.query(`INSERT INTO audit_log (entity, record_id, action, changes, user_id, at) VALUES ('lead', ?, 'update', ?, ?, ?)`, [
      leadId,
      JSON.stringify({ status: ['new', 'working'] }),
      u,
      '2026-03-01T09:30:00.000Z',
    ]);
    await host.call('activities.create', { type: 'task', subject: 'Qualify', dueAt: '2026-03-01T10:00:00Z', leadId });
    const page = await host.call('timeline.forRecord', { entity: 'lead', id: leadId });
    expect(page.items.map((i) => i.title)).toEqual(['Task: Qualify', 'Changed status']);
    expect(page.items[1]!.details).toBe('Status: new → working');
    expect((await host.call('timeline.forRecord', { entity: 'lead', id: leadId + 1 })).items).toEqual([]);
  });
});
