import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ScoringRuleInput } from '../../shared/contract/leads';
import { tempHost, type TestHost } from '../support/temp-host';

let host: TestHost;
beforeEach(async () => {
  host = await tempHost();
});
afterEach(async () => {
  await host.close();
});

const DAY = 86_400_000;

/** Activities are the activities module's; here they are written as that module stores them. */
async function logActivity(leadId: number, type: 'call' | 'task' | 'note', outcome: string | null = null) {
  const now = host.clock.now().toISOString();
  const user = host.session.userId;
  await host.dataSource.query(
    `INSERT INTO activities (version, created_at, created_by_id, updated_at, updated_by_id, type, subject, owner_id, lead_id, outcome, completed_at)
     VALUES (1, ?, ?, ?, ?, ?, 'Logged', ?, ?, ?, ?)`,
    [now, user, now, user, type, user, leadId, outcome, now],
  );
}

const rules: ScoringRuleInput[] = [
  { kind: 'field', label: 'From a trade show', field: 'source', operator: 'equals', values: ['trade_show'], points: 10 },
  { kind: 'field', label: 'Decision maker', field: 'title', operator: 'in', values: ['CEO', 'Geschäftsführer'], points: 25 },
  { kind: 'field', label: 'Small company', field: 'employees', operator: 'lte', values: ['10'], points: -5 },
  { kind: 'field', label: 'Not in Germany', field: 'country', operator: 'notEquals', values: ['DE'], points: -3 },
  { kind: 'activities', label: 'Two or more activities', count: 2, points: 7 },
  { kind: 'calls', label: 'Reached by phone', outcomes: ['Connected', 'replied'], points: 15 },
  { kind: 'days_since_touch', label: 'Gone quiet (> 14 days)', days: 14, points: -20 },
  { kind: 'field', label: 'Inactive rule', field: 'email', operator: 'notBlank', points: 100, active: false },
];

describe('lead scoring', () => {
  it('replaces the ordered rule set and lists it back', async () => {
    expect((await host.call('leadScoring.listRules', {})).length).toBe(8); // the shipped defaults
    const saved = await host.call('leadScoring.saveRules', { rules });
    expect(saved.map((r) => r.label)).toEqual(rules.map((r) => r.label));
    expect(saved[1]).toMatchObject({ kind: 'field', field: 'title', operator: 'in', values: ['CEO', 'Geschäftsführer'], active: true });
    expect(saved[5]).toMatchObject({ kind: 'calls', outcomes: ['connected', 'replied'] });
    expect(saved[7]).toMatchObject({ active: false, values: [] });
    expect(await host.call('leadScoring.listRules', {})).toEqual(saved);
  });

  it('scores field values and behaviour, with the reasons, on every change and on rescore', async () => {
    await host.call('leadScoring.saveRules', { rules });
    let lead = await host.call('leads.create', {
      lastName: 'Kurz',
      title: 'geschäftsführer',
      source: 'trade_show',
      employees: 8,
      email: 'k@x.de',
      address: { country: 'DE' },
    });
    expect(lead.scoreReasons).toEqual([
      { label: 'From a trade show', points: 10 },
      { label: 'Decision maker', points: 25 },
      { label: 'Small company', points: -5 },
    ]);
    expect(lead.score).toBe(30);

    lead = await host.call('leads.update', { id: lead.id, version: lead.version, patch: { employees: 200, address: { country: 'AT' } } });
    expect(lead.score).toBe(10 + 25 - 3);

    await logActivity(lead.id, 'note');
    await logActivity(lead.id, 'call', 'connected');
    // The activities module does not call back: the score catches up on the next rescore.
    expect((await host.call('leads.get', { id: lead.id })).score).toBe(32);
    lead = await host.call('leads.rescore', { id: lead.id });
    expect(lead.scoreReasons.map((r) => r.label)).toEqual(['From a trade show', 'Decision maker', 'Not in Germany', 'Two or more activities', 'Reached by phone']);
    expect(lead.score).toBe(32 + 7 + 15);
    // Rescoring is not an edit: no new version, no audit row.
    expect(lead.version).toBe(2);

    host.clock.advance(15 * DAY);
    lead = await host.call('leads.rescore', { id: lead.id });
    expect(lead.scoreReasons.at(-1)).toEqual({ label: 'Gone quiet (> 14 days)', points: -20 });
    expect(lead.score).toBe(54 - 20);
    await logActivity(lead.id, 'task');
    lead = await host.call('leads.rescore', { id: lead.id });
    expect(lead.score).toBe(54);
    expect((await host.call('audit.forRecord', { entity: 'lead', id: lead.id })).length).toBe(2);
  });

  it('a deleted activity does not count', async () => {
    await host.call('leadScoring.saveRules', { rules: [{ kind: 'activities', label: 'Any activity', count: 1, points: 3 }] });
    const lead = await host.call('leads.create', { lastName: 'A' });
    await logActivity(lead.id, 'call', 'no_answer');
    expect((await host.call('leads.rescore', { id: lead.id })).score).toBe(3);
    await host.dataSource.query(`UPDATE activities SET deleted_at = '2026-03-01T10:00:00.000Z'`);
    expect((await host.call('leads.rescore', { id: lead.id })).score).toBe(0);
  });

  it('changing the rules rescores every open lead, and leaves converted and disqualified ones alone', async () => {
    const open = await host.call('leads.create', { lastName: 'Open', rating: 'hot' });
    const dq = await host.call('leads.create', { lastName: 'Gone', rating: 'hot', status: 'disqualified', disqualifiedReason: 'Student' });
    expect([open.score, dq.score]).toEqual([20, 20]);
    for (let i = 0; i < 620; i++) await host.dataSource.query(
      `INSERT INTO leads (created_at, created_by_id, updated_at, updated_by_id, last_name, sort_name, owner_id, rating)
       VALUES ('2026-03-01T09:00:00.000Z', 1, '2026-03-01T09:00:00.000Z', 1, 'Bulk', 'bulk', 1, 'hot')`,
    ); // more than one batch of 500
    await host.call('leadScoring.saveRules', { rules: [{ kind: 'field', label: 'Hot', field: 'rating', operator: 'equals', values: ['HOT'], points: 40 }] });
    expect((await host.call('leads.get', { id: open.id })).score).toBe(40);
    expect((await host.call('leads.get', { id: dq.id })).score).toBe(20);
    const [{ n }] = await host.dataSource.query(`SELECT COUNT(*) AS n FROM leads WHERE last_name = 'Bulk' AND score = 40 AND score_reasons = '[{"label":"Hot","points":40}]'`);
    expect(n).toBe(620);
  });
});
