import type { Database } from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Input, MethodName } from '../../shared/contract';
import { sqliteHandle } from '../../electron/main/db/sqlite-handle';
import { eligibleFor } from '../../electron/main/domain/segments/consent';
import { snapshot, tempHost, type TestHost } from '../support/temp-host';

/*
 * Call lists: who sees and records which calls, and what each outcome sets off, through dispatch on a
 * real migrated SQLite file. The campaign, its call step, members, queued touches
 * and call items are written with SQL, as the journey job leaves them.
 */

let host: TestHost;
let db: Database;
let clock: TestHost['clock'];
let admin: number;

const call = <M extends MethodName>(method: M, input: Input<M>) => host.call(method, input);
const fail = (method: MethodName, input: unknown) => host.fail(method, input);
function as<T>(userId: number, work: () => Promise<T>): Promise<T> {
  host.session.userId = userId;
  return work().finally(() => {
    host.session.userId = admin;
  });
}

beforeEach(async () => {
  host = await tempHost({ start: '2026-03-02T09:00:00.000Z', background: false });
  clock = host.clock;
  db = sqliteHandle(host.dataSource);
  admin = host.session.userId;
});
afterEach(async () => {
  await host.close();
});

const now = () => clock.now().toISOString();

async function world() {
  const rita = await call('users.create', { name: 'Rita Rep', email: 'rita@example.com', role: 'sales_rep' });
  const sam = await call('users.create', { name: 'Sam Rep', email: 'sam@example.com', role: 'sales_rep' });
  const mona = await call('users.create', { name: 'Mona Manager', email: 'mona@example.com', role: 'sales_manager' });
  const acme = await call('accounts.create', { name: 'Acme GmbH', phone: '+49 30 1234567' });
  const ann = await call('contacts.create', { firstName: 'Ann', lastName: 'Adams', accountId: acme.id, emails: [{ address: 'ann@acme.example' }], phones: [{ number: '+49 30 1111111' }] });
  const bob = await call('contacts.create', { firstName: 'Bob', lastName: 'Brown', emails: [{ address: 'bob@brown.example' }], phones: [{ number: '+44 20 7946 0000' }] });
  const lena = await call('leads.create', { firstName: 'Lena', lastName: 'Lead', company: 'Lead Ltd', email: 'lena@lead.example', phone: '+1 212 555 0100' });
  const campaignId = Number(
    db
      .prepare(
        `INSERT INTO campaigns (name, type, status, currency, owner_id, settings, created_at, created_by_id, updated_at, updated_by_id)
         VALUES ('Spring calls', 'telemarketing', 'active', 'EUR', ?, '{}', ?, ?, ?, ?)`,
      )
      .run(admin, now(), admin, now(), admin).lastInsertRowid,
  );
  const stepId = Number(
    db.prepare(`INSERT INTO campaign_steps (campaign_id, position, channel, content) VALUES (?, 1, 'call', ?)`).run(campaignId, JSON.stringify({ script: 'Ask about spring.' })).lastInsertRowid,
  );
  /** Enrols a record and queues its call for a rep, as the journey's call step does. */
  const queue = (entity: string, recordId: number, repId: number) => {
    const memberId = Number(
      db.prepare(`INSERT INTO campaign_members (campaign_id, entity, record_id, source, enrolled_at) VALUES (?, ?, ?, 'list', ?)`).run(campaignId, entity, recordId, now()).lastInsertRowid,
    );
    db.prepare(`INSERT INTO campaign_touches (campaign_id, step_id, member_id, channel, status, at) VALUES (?, ?, ?, 'call', 'queued', ?)`).run(campaignId, stepId, memberId, now());
    const id = Number(
      db.prepare(`INSERT INTO call_list_items (campaign_id, step_id, member_id, assigned_to_id, created_at) VALUES (?, ?, ?, ?, ?)`).run(campaignId, stepId, memberId, repId, now()).lastInsertRowid,
    );
    clock.advance(1000);
    return { id, memberId };
  };
  const calls = {
    ann: queue('contact', ann.id, rita.id),
    bob: queue('contact', bob.id, rita.id),
    lena: queue('lead', lena.id, rita.id),
    acme: queue('account', acme.id, sam.id),
  };
  return { rita, sam, mona, acme, ann, bob, lena, campaignId, stepId, calls };
}

const touchOf = (memberId: number) => db.prepare(`SELECT status, at FROM campaign_touches WHERE member_id = ?`).get(memberId) as { status: string; at: string };
const responsesOf = (memberId: number) => db.prepare(`SELECT kind, source, step_id, note FROM campaign_responses WHERE member_id = ? ORDER BY id`).all(memberId);
const memberStatus = (memberId: number) => db.prepare(`SELECT status FROM campaign_members WHERE id = ?`).pluck().get(memberId);

describe('call lists', () => {
  it("show a rep their own calls with the script and whom to call; everyone's only to a manager or an administrator", async () => {
    const w = await world();
    const mine = await as(w.rita.id, () => call('calls.list', {}));
    expect(mine.total).toBe(3);
    expect(mine.rows.map((r) => [r.name, r.company, r.phone, r.entity])).toEqual([
      ['Ann Adams', 'Acme GmbH', '+49 30 1111111', 'contact'],
      ['Bob Brown', null, '+44 20 7946 0000', 'contact'],
      ['Lena Lead', 'Lead Ltd', '+1 212 555 0100', 'lead'],
    ]);
    expect(mine.rows[0]).toMatchObject({
      campaign: { id: w.campaignId, name: 'Spring calls' },
      stepId: w.stepId,
      script: 'Ask about spring.',
      assignedTo: { id: w.rita.id, name: 'Rita Rep' },
      blockedReason: null,
      status: 'open',
      outcome: null,
      created: { leadId: null, opportunityId: null, activityId: null },
    });
    expect((await as(w.sam.id, () => call('calls.list', { mine: true }))).rows.map((r) => r.name)).toEqual(['Acme GmbH']);
    expect(await as(w.rita.id, () => fail('calls.list', { mine: false }))).toMatchObject({ code: 'forbidden' });
    expect((await as(w.mona.id, () => call('calls.list', { mine: false }))).total).toBe(4);
    expect((await call('calls.list', { mine: false, campaignId: w.campaignId, limit: 2, offset: 2 })).rows.map((r) => r.name)).toEqual(['Lena Lead', 'Acme GmbH']);
    expect((await call('calls.list', { mine: false, status: 'done' })).total).toBe(0);
  });

  it('interested, on a contact: an opportunity in the pipeline for the rep, attributed to the campaign; the call is done, its touch sent, a reply recorded', async () => {
    const w = await world();
    clock.advance(60_000);
    const recorded = await as(w.rita.id, () => call('calls.record', { id: w.calls.ann.id, outcome: 'interested', note: 'Wants a quote' }));
    expect(recorded).toMatchObject({ status: 'done', outcome: 'interested', note: 'Wants a quote', outcomeAt: now(), created: { leadId: null, activityId: null } });
    const opportunity = await call('opportunities.get', { id: recorded.created.opportunityId! });
    const pipeline = (await call('pipelines.list', {})).find((p) => p.isDefault)!;
    const firstStage = pipeline.stages.find((s) => s.kind === 'open' && s.active)!;
    expect(opportunity).toMatchObject({
      name: 'Spring calls – Ann Adams',
      account: { id: w.acme.id, name: 'Acme GmbH' },
      primaryContact: { id: w.ann.id, name: 'Ann Adams' },
      owner: { id: w.rita.id, name: 'Rita Rep' },
      pipeline: { id: pipeline.id },
      stage: { id: firstStage.id },
      probability: firstStage.probability,
      amount: { amountMinor: 0, currency: 'EUR' },
      campaignId: w.campaignId,
      firstTouchCampaignId: w.campaignId,
    });
    expect(await call('opportunities.stageHistory', { id: opportunity.id })).toMatchObject([{ fromStage: null, toStage: { id: firstStage.id } }]);
    expect(touchOf(w.calls.ann.memberId)).toEqual({ status: 'sent', at: now() });
    expect(responsesOf(w.calls.ann.memberId)).toEqual([{ kind: 'replied', source: 'call', step_id: w.stepId, note: 'Wants a quote' }]);
    expect(memberStatus(w.calls.ann.memberId)).toBe('active');

    // Recorded once.
    expect(await as(w.rita.id, () => fail('calls.record', { id: w.calls.ann.id, outcome: 'not_interested' }))).toMatchObject({ code: 'conflict' });
    expect((await as(w.rita.id, () => call('calls.list', { status: 'done' }))).rows.map((r) => r.id)).toEqual([w.calls.ann.id]);
  });

  it('interested, on a lead: the lead is worked and attributed; on an account: an opportunity on the account', async () => {
    const w = await world();
    await as(w.rita.id, () => call('calls.record', { id: w.calls.lena.id, outcome: 'interested' }));
    expect(await call('leads.get', { id: w.lena.id })).toMatchObject({ status: 'working', campaignId: w.campaignId, firstTouchCampaignId: w.campaignId });
    expect(db.prepare(`SELECT COUNT(*) FROM opportunities`).pluck().get()).toBe(0);

    const done = await as(w.sam.id, () => call('calls.record', { id: w.calls.acme.id, outcome: 'interested' }));
    expect(await call('opportunities.get', { id: done.created.opportunityId! })).toMatchObject({
      name: 'Spring calls – Acme GmbH',
      account: { id: w.acme.id },
      primaryContact: null,
      owner: { id: w.sam.id },
      campaignId: w.campaignId,
    });
  });

  it('call back: a task for the rep due at the agreed time, linked to the record; the time must be ahead', async () => {
    const w = await world();
    expect(await as(w.rita.id, () => fail('calls.record', { id: w.calls.lena.id, outcome: 'call_back' }))).toMatchObject({ code: 'validation', issues: [{ path: 'callbackAt' }] });
    expect(await as(w.rita.id, () => fail('calls.record', { id: w.calls.lena.id, outcome: 'call_back', callbackAt: '2026-03-01T10:00:00Z' }))).toMatchObject({
      code: 'validation',
    });
    const recorded = await as(w.mona.id, () => call('calls.record', { id: w.calls.lena.id, outcome: 'call_back', callbackAt: '2026-03-05T14:00:00Z', note: 'After the fair' }));
    expect(recorded).toMatchObject({ status: 'done', outcome: 'call_back', callbackAt: '2026-03-05T14:00:00.000Z' });
    const task = await call('activities.get', { id: recorded.created.activityId! });
    expect(task).toMatchObject({
      type: 'task',
      subject: 'Call back Lena Lead (Spring calls)',
      body: 'After the fair',
      dueAt: '2026-03-05T14:00:00.000Z',
      remindAt: '2026-03-05T14:00:00.000Z',
      status: 'open',
      owner: { id: w.rita.id },
      lead: { id: w.lena.id },
    });
    expect(responsesOf(w.calls.lena.memberId)).toEqual([{ kind: 'called_back', source: 'call', step_id: w.stepId, note: 'After the fair' }]);
    expect(touchOf(w.calls.lena.memberId).status).toBe('sent');
  });

  it('do not call: the contact is flagged (not opted out of e-mail); a lead\'s or account\'s number is suppressed; the member leaves', async () => {
    const w = await world();
    await as(w.rita.id, () => call('calls.record', { id: w.calls.bob.id, outcome: 'do_not_call' }));
    expect(await call('contacts.get', { id: w.bob.id })).toMatchObject({ doNotCall: true, emailOptOut: false });
    expect(responsesOf(w.calls.bob.memberId)).toEqual([{ kind: 'unsubscribed', source: 'call', step_id: w.stepId, note: null }]);
    expect(memberStatus(w.calls.bob.memberId)).toBe('left');

    await as(w.rita.id, () => call('calls.record', { id: w.calls.lena.id, outcome: 'do_not_call' }));
    await as(w.sam.id, () => call('calls.record', { id: w.calls.acme.id, outcome: 'do_not_call' }));
    expect(db.prepare(`SELECT kind, value FROM suppressions ORDER BY id`).all()).toEqual([
      { kind: 'phone', value: '25550100' },
      { kind: 'phone', value: '01234567' },
    ]);
    const reachable = (entity: 'contact' | 'lead' | 'account', table: string, channel: 'call' | 'email') =>
      db.prepare(`SELECT r.id FROM ${table} r WHERE ${eligibleFor(entity, channel).sql} ORDER BY r.id`).pluck().all();
    expect(reachable('contact', 'contacts', 'call')).toEqual([w.ann.id]);
    expect(reachable('lead', 'leads', 'call')).toEqual([]);
    expect(reachable('account', 'accounts', 'call')).toEqual([]);
    expect(reachable('contact', 'contacts', 'email')).toEqual([w.ann.id, w.bob.id]);
    expect(reachable('lead', 'leads', 'email')).toEqual([w.lena.id]);
  });

  it('no answer keeps the call open for another try; not interested closes it with nothing else', async () => {
    const w = await world();
    const before = db.prepare(`SELECT COUNT(*) FROM campaign_responses`).pluck().get();
    const tried = await as(w.rita.id, () => call('calls.record', { id: w.calls.bob.id, outcome: 'no_answer', note: 'Voicemail' }));
    expect(tried).toMatchObject({ status: 'open', outcome: 'no_answer', note: 'Voicemail', outcomeAt: now() });
    expect(touchOf(w.calls.bob.memberId).status).toBe('queued');
    // Tried calls come after the ones not tried yet.
    expect((await as(w.rita.id, () => call('calls.list', {}))).rows.map((r) => r.name)).toEqual(['Ann Adams', 'Lena Lead', 'Bob Brown']);
    clock.advance(3_600_000);
    const second = await as(w.rita.id, () => call('calls.record', { id: w.calls.bob.id, outcome: 'not_interested' }));
    expect(second).toMatchObject({ status: 'done', outcome: 'not_interested', note: null, created: { opportunityId: null, activityId: null } });
    expect(touchOf(w.calls.bob.memberId)).toEqual({ status: 'sent', at: now() });
    expect(db.prepare(`SELECT COUNT(*) FROM campaign_responses`).pluck().get()).toBe(before);
    expect(await call('contacts.get', { id: w.bob.id })).toMatchObject({ version: 1, doNotCall: false });
  });

  it("only the rep or a manager records a call; a record that may no longer be called is shown with why and cannot be recorded", async () => {
    const w = await world();
    expect(await as(w.sam.id, () => fail('calls.record', { id: w.calls.ann.id, outcome: 'not_interested' }))).toMatchObject({ code: 'forbidden' });
    expect(await fail('calls.record', { id: 9999, outcome: 'not_interested' })).toMatchObject({ code: 'not_found' });

    await call('contacts.update', { id: w.ann.id, version: 1, patch: { doNotCall: true } });
    await call('suppressions.add', { kind: 'phone', values: ['(212) 555-0100'] });
    await call('contacts.delete', { id: w.bob.id });
    const list = await as(w.rita.id, () => call('calls.list', {}));
    expect(list.rows.map((r) => [r.name, r.blockedReason])).toEqual([
      ['Ann Adams', 'Marked "do not call"'],
      ['Bob Brown', 'In the recycle bin'],
      ['Lena Lead', 'The phone number is on the suppression list'],
    ]);
    expect(await as(w.rita.id, () => fail('calls.record', { id: w.calls.ann.id, outcome: 'interested' }))).toMatchObject({
      code: 'conflict',
      message: 'Ann Adams may not be called: Marked "do not call".',
    });
    // The manager may still record the account's call for Sam.
    expect(await as(w.mona.id, () => call('calls.record', { id: w.calls.acme.id, outcome: 'not_interested' }))).toMatchObject({ status: 'done' });
  });

  it('is one transaction: when the opportunity cannot be created, nothing of the call is kept', async () => {
    const w = await world();
    db.prepare(`UPDATE pipelines SET active = 0`).run();
    const before = await snapshot(host);
    expect(await as(w.rita.id, () => fail('calls.record', { id: w.calls.ann.id, outcome: 'interested' }))).toMatchObject({ code: 'validation' });
    expect(await snapshot(host)).toEqual(before);
  });
});
