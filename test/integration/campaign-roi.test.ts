import type { Database } from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Input, MethodName } from '../../shared/contract';
import type { RoiRow } from '../../shared/contract/campaign-results';
import { STEP_CHANNELS, type StepChannel } from '../../shared/contract/campaigns';
import { sqliteHandle } from '../../electron/main/db/sqlite-handle';
import { tempHost, type TestHost } from '../support/temp-host';

/*
 * The closed-loop report on a dataset built by hand: the expected rows are computed here, in plain TypeScript over
 * the same description the database was filled from (not with SQL), and a few are also written out as numbers.
 */

let host: TestHost;
let db: Database;
const START = '2026-03-02T09:00:00.000Z';
const daysAgo = (d: number) => new Date(Date.parse(START) - d * 86_400_000).toISOString();

const call = <M extends MethodName>(method: M, input: Input<M>) => host.call(method, input);

// ---- The dataset ------------------------------------------------------------------------------------------------

type Key = string;
type Entity = 'contact' | 'lead' | 'account';
interface CampaignSpec { key: Key; currency: string; cost: number; channels: StepChannel[] }
const campaigns: CampaignSpec[] = [
  { key: 'A', currency: 'EUR', cost: 1000_00, channels: ['email', 'call', 'letter'] },
  { key: 'B', currency: 'USD', cost: 0, channels: ['sms'] },
  { key: 'C', currency: 'EUR', cost: 300_00, channels: ['email'] },
  { key: 'D', currency: 'EUR', cost: 0, channels: [] },
];
const recordsOf: Record<Entity, Key[]> = { contact: ['c1', 'c2', 'c3', 'c4', 'c5', 'c6'], lead: ['l1', 'l2', 'l3', 'l4'], account: ['a1'] };
const entityOf = (record: Key): Entity => (record.startsWith('c') ? 'contact' : record.startsWith('l') ? 'lead' : 'account');
/** [campaign, record]: the members. */
const members: [Key, Key][] = [
  ['A', 'c1'], ['A', 'c2'], ['A', 'c3'], ['A', 'c4'], ['A', 'l1'], ['A', 'l2'], ['A', 'a1'],
  ['B', 'l2'], ['B', 'c6'],
  ['C', 'c5'],
];
/** [campaign, record, channel (its step), status, days ago]. */
const touches: [Key, Key, StepChannel, string, number][] = [
  ['A', 'c1', 'email', 'sent', 30], ['A', 'c1', 'call', 'sent', 20],
  ['A', 'c2', 'email', 'sent', 30], ['A', 'c2', 'call', 'queued', 20],
  ['A', 'c3', 'email', 'skipped', 30], ['A', 'c3', 'letter', 'sent', 10],
  ['A', 'c4', 'email', 'failed', 30],
  ['A', 'l1', 'email', 'sent', 30], ['A', 'l1', 'call', 'sent', 15],
  ['A', 'l2', 'email', 'sent', 30],
  ['A', 'a1', 'call', 'sent', 25],
  ['B', 'l2', 'sms', 'sent', 60], ['B', 'c6', 'sms', 'sent', 40],
  ['C', 'c5', 'email', 'sent', 12],
];
/** [campaign, record, kind, the step's channel or null, days ago]. */
const responses: [Key, Key, string, StepChannel | null, number][] = [
  ['A', 'c1', 'replied', 'email', 28], ['A', 'c1', 'bought', 'call', 19],
  ['A', 'c2', 'unsubscribed', 'email', 29],
  ['A', 'l1', 'replied', 'email', 29], ['A', 'l1', 'replied', 'call', 14],
  ['A', 'c5', 'registered', null, 3],
  ['A', 'a1', 'called_back', 'call', 24],
  ['B', 'l2', 'replied', 'sms', 59],
];
interface LeadSpec { key: Key; last: Key | null; first: Key | null; deleted?: boolean }
const leads: LeadSpec[] = [
  { key: 'l1', last: 'A', first: 'A' },
  { key: 'l2', last: 'A', first: 'B' },
  // Its campaign set by hand: no response, so no channel.
  { key: 'l3', last: 'A', first: null },
  { key: 'l4', last: 'A', first: 'A', deleted: true },
];
interface OpportunitySpec {
  key: Key;
  lead?: Key;
  contact?: Key;
  account?: Key;
  last: Key | null;
  first: Key | null;
  stage: 'open' | 'won' | 'lost';
  currency: string;
  amount: number;
  created: number;
  deleted?: boolean;
}
const opportunities: OpportunitySpec[] = [
  { key: 'o1', contact: 'c1', last: 'A', first: 'A', stage: 'won', currency: 'EUR', amount: 5000_00, created: 5 },
  { key: 'o2', contact: 'c3', last: 'A', first: 'C', stage: 'won', currency: 'USD', amount: 2000_00, created: 5 },
  // From lead l1, created before its call: credited to the e-mail.
  { key: 'o3', lead: 'l1', contact: 'c6', last: 'A', first: 'A', stage: 'open', currency: 'EUR', amount: 1000_00, created: 16 },
  { key: 'o4', contact: 'c2', last: 'A', first: null, stage: 'lost', currency: 'EUR', amount: 800_00, created: 1 },
  { key: 'o5', account: 'a1', last: 'A', first: 'A', stage: 'won', currency: 'EUR', amount: 1500_00, created: 2 },
  { key: 'o6', contact: 'c1', last: 'A', first: 'A', stage: 'won', currency: 'EUR', amount: 9999_00, created: 2, deleted: true },
  { key: 'o7', contact: 'c5', last: 'A', first: 'B', stage: 'open', currency: 'EUR', amount: 100_00, created: 2 },
  { key: 'o8', contact: 'c5', last: 'C', first: 'C', stage: 'won', currency: 'EUR', amount: 1000_00, created: 1 },
  { key: 'o9', last: 'B', first: 'B', stage: 'won', currency: 'USD', amount: 700_00, created: 1 },
];

// ---- Filling the database from it ---------------------------------------------------------------------------------

const id = { campaign: new Map<Key, number>(), record: new Map<Key, number>(), member: new Map<string, number>(), step: new Map<string, number>() };

beforeAll(async () => {
  host = await tempHost({ start: START, background: false });
  db = sqliteHandle(host.dataSource);
  const admin = host.session.userId;
  const at = START;
  for (const c of campaigns) {
    const cid = Number(
      db
        .prepare(
          `INSERT INTO campaigns (name, type, status, currency, actual_cost_minor, owner_id, settings, created_at, created_by_id, updated_at, updated_by_id)
           VALUES (?, 'multichannel', 'active', ?, ?, ?, '{}', ?, ?, ?, ?)`,
        )
        .run(`Campaign ${c.key}`, c.currency, c.cost, admin, at, admin, at, admin).lastInsertRowid,
    );
    id.campaign.set(c.key, cid);
    c.channels.forEach((channel, i) => {
      id.step.set(`${c.key}:${channel}`, Number(db.prepare(`INSERT INTO campaign_steps (campaign_id, position, channel, content) VALUES (?, ?, ?, '{}')`).run(cid, i + 1, channel).lastInsertRowid));
    });
  }
  for (const key of recordsOf.contact) id.record.set(key, (await call('contacts.create', { lastName: key })).id);
  for (const key of recordsOf.lead) id.record.set(key, (await call('leads.create', { lastName: key })).id);
  for (const key of recordsOf.account) id.record.set(key, (await call('accounts.create', { name: key })).id);
  for (const [c, r] of members) {
    const mid = db.prepare(`INSERT INTO campaign_members (campaign_id, entity, record_id, source, enrolled_at) VALUES (?, ?, ?, 'list', ?)`).run(id.campaign.get(c), entityOf(r), id.record.get(r), daysAgo(90)).lastInsertRowid;
    id.member.set(`${c}:${r}`, Number(mid));
  }
  for (const [c, r, channel, status, d] of touches) {
    db.prepare(`INSERT INTO campaign_touches (campaign_id, step_id, member_id, channel, status, at) VALUES (?, ?, ?, ?, ?, ?)`).run(
      id.campaign.get(c),
      id.step.get(`${c}:${channel}`),
      id.member.get(`${c}:${r}`),
      channel,
      status,
      daysAgo(d),
    );
  }
  for (const [c, r, kind, channel, d] of responses) {
    db.prepare(
      `INSERT INTO campaign_responses (campaign_id, member_id, entity, record_id, kind, source, step_id, responded_at, created_at, created_by_id) VALUES (?, ?, ?, ?, ?, 'manual', ?, ?, ?, ?)`,
    ).run(id.campaign.get(c), id.member.get(`${c}:${r}`) ?? null, entityOf(r), id.record.get(r), kind, channel ? id.step.get(`${c}:${channel}`) : null, daysAgo(d), at, admin);
  }
  const cid = (k: Key | null) => (k === null ? null : id.campaign.get(k)!);
  for (const l of leads) {
    db.prepare(`UPDATE leads SET campaign_id = ?, first_touch_campaign_id = ?, deleted_at = ? WHERE id = ?`).run(cid(l.last), cid(l.first), l.deleted ? at : null, id.record.get(l.key));
  }
  const pipeline = (await call('pipelines.list', {})).find((p) => p.isDefault)!;
  const stageOf = (kind: string) => pipeline.stages.find((s) => s.kind === kind)!.id;
  for (const o of opportunities) {
    const created = await call('opportunities.create', { name: o.key, amount: { amountMinor: 1, currency: 'EUR' } });
    db.prepare(
      `UPDATE opportunities SET lead_id = ?, primary_contact_id = ?, account_id = ?, campaign_id = ?, first_touch_campaign_id = ?, stage_id = ?,
              currency = ?, amount_minor = ?, created_at = ?, deleted_at = ? WHERE id = ?`,
    ).run(
      o.lead ? id.record.get(o.lead) : null,
      o.contact ? id.record.get(o.contact) : null,
      o.account ? id.record.get(o.account) : null,
      cid(o.last),
      cid(o.first),
      stageOf(o.stage),
      o.currency,
      o.amount,
      daysAgo(o.created),
      o.deleted ? at : null,
      created.id,
    );
  }
});
afterAll(async () => {
  await host.close();
});

// ---- The report, worked out in TypeScript -----------------------------------------------------------------------

function expectedRows(attribution: 'first' | 'last', only?: Key[]): RoiRow[] {
  const attributed = (x: { last: Key | null; first: Key | null }) => (attribution === 'last' ? x.last : x.first);
  /** A lead's channel: the step of its latest (last) / earliest (first) response to the campaign that is not an unsubscribe. */
  const leadChannel = (lead: Key, c: Key): StepChannel | null => {
    const mine = responses.filter(([rc, r, kind, channel]) => rc === c && r === lead && kind !== 'unsubscribed' && channel !== null);
    mine.sort((x, y) => (attribution === 'last' ? x[4] - y[4] : y[4] - x[4]));
    return mine[0]?.[3] ?? null;
  };
  /** An opportunity's channel: the campaign's last sent touch, by its creation, to its lead, else contact, else account. */
  const opportunityChannel = (o: OpportunitySpec, c: Key): StepChannel | null => {
    for (const record of [o.lead, o.contact, o.account]) {
      if (!record) continue;
      const sent = touches.filter(([tc, r, , status, d]) => tc === c && r === record && status === 'sent' && d >= o.created).sort((x, y) => x[4] - y[4]);
      if (sent[0]) return sent[0][2];
    }
    return null;
  };
  const out: RoiRow[] = [];
  const selected = campaigns.filter((c) => !only || only.includes(c.key)).sort((x, y) => id.campaign.get(y.key)! - id.campaign.get(x.key)!);
  for (const c of selected) {
    const row = (channel: StepChannel | null): RoiRow => {
      const onChannel = (ch: StepChannel | null) => channel === null || ch === channel;
      const reached = new Set(touches.filter(([tc, , ch, status]) => tc === c.key && status === 'sent' && onChannel(ch)).map(([, r]) => r)).size;
      const responded = new Set(responses.filter(([rc, , kind, ch]) => rc === c.key && kind !== 'unsubscribed' && (channel === null || ch === channel)).map(([, r]) => r)).size;
      const myLeads = leads.filter((l) => !l.deleted && attributed(l) === c.key && onChannel(leadChannel(l.key, c.key)));
      const myOpps = opportunities.filter((o) => !o.deleted && attributed(o) === c.key && onChannel(opportunityChannel(o, c.key)));
      const won = myOpps.filter((o) => o.stage === 'won');
      const wonRevenueMinor = won.filter((o) => o.currency === c.currency).reduce((s, o) => s + o.amount, 0);
      const costMinor = channel === null ? c.cost : 0;
      return {
        campaignId: id.campaign.get(c.key)!,
        campaignName: `Campaign ${c.key}`,
        channel,
        currency: c.currency,
        reached,
        responded,
        leads: myLeads.length,
        opportunities: myOpps.length,
        wonOpportunities: won.length,
        wonRevenueMinor,
        otherCurrencyWins: won.length - won.filter((o) => o.currency === c.currency).length,
        costMinor,
        roiPercent: costMinor ? Math.round(((wonRevenueMinor - costMinor) / costMinor) * 1000) / 10 : null,
        responseRate: reached ? responded / reached : null,
      };
    };
    out.push(row(null));
    for (const channel of STEP_CHANNELS) if (c.channels.includes(channel)) out.push(row(channel));
  }
  return out;
}

describe('the ROI report', () => {
  it('per campaign and channel, by last touch, matches the figures worked out by hand', async () => {
    const report = await call('campaigns.roi', {});
    expect(report).toEqual(expectedRows('last'));
    const a = report.find((r) => r.campaignName === 'Campaign A' && r.channel === null)!;
    expect(a).toMatchObject({
      reached: 6,
      responded: 4,
      leads: 3,
      opportunities: 6,
      wonOpportunities: 3,
      wonRevenueMinor: 6500_00,
      otherCurrencyWins: 1,
      costMinor: 1000_00,
      roiPercent: 550,
      responseRate: 4 / 6,
    });
    expect(report.filter((r) => r.campaignName === 'Campaign A').map((r) => [r.channel, r.reached, r.responded, r.leads, r.opportunities, r.wonRevenueMinor, r.costMinor, r.roiPercent])).toEqual([
      [null, 6, 4, 3, 6, 6500_00, 1000_00, 550],
      ['email', 4, 2, 0, 2, 0, 0, null],
      ['letter', 1, 0, 0, 1, 0, 0, null],
      ['call', 3, 3, 1, 2, 6500_00, 0, null],
    ]);
    expect(report.find((r) => r.campaignName === 'Campaign C' && r.channel === null)).toMatchObject({ wonRevenueMinor: 1000_00, costMinor: 300_00, roiPercent: 233.3 });
    expect(report.find((r) => r.campaignName === 'Campaign B' && r.channel === null)).toMatchObject({ currency: 'USD', wonRevenueMinor: 700_00, roiPercent: null });
    expect(report.find((r) => r.campaignName === 'Campaign D')).toMatchObject({ reached: 0, responseRate: null, roiPercent: null });
    expect(report.map((r) => r.campaignName).filter((n, i, all) => all.indexOf(n) === i)).toEqual(['Campaign D', 'Campaign C', 'Campaign B', 'Campaign A']);
  });

  it('by first touch, and for chosen campaigns only', async () => {
    expect(await call('campaigns.roi', { attribution: 'first' })).toEqual(expectedRows('first'));
    const chosen = [id.campaign.get('B')!, id.campaign.get('C')!, 99_999];
    expect(await call('campaigns.roi', { campaignIds: chosen, attribution: 'first' })).toEqual(expectedRows('first', ['B', 'C']));
    // By first touch, lead l2 is B's, credited to the SMS it answered; o2 and o7 move to C and B.
    const b = (await call('campaigns.roi', { campaignIds: [id.campaign.get('B')!], attribution: 'first' })).map((r) => [r.channel, r.leads, r.opportunities]);
    expect(b).toEqual([
      [null, 1, 2],
      ['sms', 1, 0],
    ]);
  });

  it('rounds the ROI half away from zero to one decimal, also below zero', async () => {
    const c = id.campaign.get('C')!;
    db.prepare(`UPDATE campaigns SET actual_cost_minor = ? WHERE id = ?`).run(1_000_80, c); // (100000 − 100080) / 100080 = −0.0799…%
    expect((await call('campaigns.roi', { campaignIds: [c] }))[0]!.roiPercent).toBe(-0.1);
    db.prepare(`UPDATE campaigns SET actual_cost_minor = ? WHERE id = ?`).run(800_00, c); // +25 %
    expect((await call('campaigns.roi', { campaignIds: [c] }))[0]!.roiPercent).toBe(25);
    db.prepare(`UPDATE campaigns SET actual_cost_minor = ? WHERE id = ?`).run(300_00, c);
  });
});
