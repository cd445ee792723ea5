import type { Database } from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Input, MethodName } from '../../shared/contract';
import { sqliteHandle } from '../../electron/main/db/sqlite-handle';
import { eligibleFor } from '../../electron/main/domain/segments/consent';
import { snapshot, tempHost, type TestHost } from '../support/temp-host';

/*
 * Responses, their consent side effects, the import (all or nothing) and first/last-touch attribution, through
 * dispatch on a real migrated SQLite file. Campaign rows are written with SQL
 * so these tests do not depend on how campaigns are planned and run.
 */

let host: TestHost;
let db: Database;
let clock: TestHost['clock'];
let admin: number;

const call = <M extends MethodName>(method: M, input: Input<M>) => host.call(method, input);
const fail = (method: MethodName, input: unknown) => host.fail(method, input);

beforeEach(async () => {
  host = await tempHost({ start: '2026-03-01T09:00:00.000Z', background: false });
  clock = host.clock;
  db = sqliteHandle(host.dataSource);
  admin = host.session.userId;
});
afterEach(async () => {
  await host.close();
});

const now = () => clock.now().toISOString();
const daysAgo = (d: number) => new Date(clock.now().getTime() - d * 86_400_000).toISOString();

function campaign(name: string, currency = 'EUR'): number {
  return Number(
    db
      .prepare(
        `INSERT INTO campaigns (name, type, status, currency, owner_id, settings, created_at, created_by_id, updated_at, updated_by_id)
         VALUES (?, 'email', 'active', ?, ?, '{}', ?, ?, ?, ?)`,
      )
      .run(name, currency, admin, now(), admin, now(), admin).lastInsertRowid,
  );
}
function step(campaignId: number, position: number, channel: string): number {
  return Number(db.prepare(`INSERT INTO campaign_steps (campaign_id, position, channel, content) VALUES (?, ?, ?, '{}')`).run(campaignId, position, channel).lastInsertRowid);
}
function member(campaignId: number, entity: string, recordId: number): number {
  return Number(
    db.prepare(`INSERT INTO campaign_members (campaign_id, entity, record_id, source, enrolled_at) VALUES (?, ?, ?, 'list', ?)`).run(campaignId, entity, recordId, now()).lastInsertRowid,
  );
}
function touch(campaignId: number, stepId: number, memberId: number, channel: string, at: string, status = 'sent', variant: string | null = null): void {
  db.prepare(`INSERT INTO campaign_touches (campaign_id, step_id, member_id, channel, status, variant, at) VALUES (?, ?, ?, ?, ?, ?, ?)`).run(
    campaignId,
    stepId,
    memberId,
    channel,
    status,
    variant,
    at,
  );
}
const emailReachable = (entity: 'contact' | 'lead', table: string) =>
  (db.prepare(`SELECT r.id FROM ${table} r WHERE r.deleted_at IS NULL AND ${eligibleFor(entity, 'email').sql} ORDER BY r.id`).pluck().all() as number[]);

describe('recording a response', () => {
  it("links it to the member and its latest sent touch's step and variant; an unsubscribe opts the contact out, takes it out of the campaign, and later eligibility leaves it out", async () => {
    const c = campaign('Spring mailing');
    const mail1 = step(c, 1, 'email');
    const mail2 = step(c, 2, 'email');
    const ann = await call('contacts.create', { firstName: 'Ann', lastName: 'Adams', emails: [{ address: 'ann@adams.example' }] });
    const bob = await call('contacts.create', { firstName: 'Bob', lastName: 'Brown', emails: [{ address: 'bob@brown.example' }] });
    const annMember = member(c, 'contact', ann.id);
    member(c, 'contact', bob.id);
    touch(c, mail1, annMember, 'email', daysAgo(3), 'sent', 'A');
    touch(c, mail2, annMember, 'email', daysAgo(1), 'sent', 'B');
    expect(emailReachable('contact', 'contacts')).toEqual([ann.id, bob.id]);

    const response = await call('campaigns.recordResponse', { campaignId: c, entity: 'contact', recordId: ann.id, kind: 'unsubscribed', note: ' Asked by phone ' });
    expect(response).toMatchObject({
      campaignId: c,
      entity: 'contact',
      recordId: ann.id,
      name: 'Ann Adams',
      kind: 'unsubscribed',
      source: 'manual',
      note: 'Asked by phone',
      respondedAt: now(),
      memberId: annMember,
      stepId: mail2,
      variant: 'B',
      createdBy: { id: admin, name: 'Test Admin' },
    });
    const after = await call('contacts.get', { id: ann.id });
    expect(after).toMatchObject({ emailOptOut: true, doNotCall: false, version: ann.version + 1 });
    // Through the contacts service: audited like any edit.
    const audit = db.prepare(`SELECT changes FROM audit_log WHERE entity = 'contact' AND record_id = ? AND action = 'update'`).pluck().all(ann.id) as string[];
    expect(audit.map((a) => JSON.parse(a))).toEqual([{ email_opt_out: [0, 1] }]);
    expect(db.prepare(`SELECT status FROM campaign_members WHERE id = ?`).pluck().get(annMember)).toBe('left');
    expect(emailReachable('contact', 'contacts')).toEqual([bob.id]);

    // A lead has no opt-out flag: its address goes on the suppression list, which the consent rules read.
    const lead = await call('leads.create', { lastName: 'Lee', email: 'Lee@Lead.example' });
    expect(emailReachable('lead', 'leads')).toEqual([lead.id]);
    const leadResponse = await call('campaigns.recordResponse', { campaignId: c, entity: 'lead', recordId: lead.id, kind: 'unsubscribed' });
    expect(leadResponse).toMatchObject({ memberId: null, stepId: null, variant: null, name: 'Lee' });
    expect(db.prepare(`SELECT kind, value FROM suppressions`).all()).toEqual([{ kind: 'email', value: 'lee@lead.example' }]);
    expect(emailReachable('lead', 'leads')).toEqual([]);
    // An unsubscribe attributes nothing.
    expect(await call('leads.get', { id: lead.id })).toMatchObject({ campaignId: null, firstTouchCampaignId: null });
  });

  it('records a response from a record that is not enrolled, lists them newest first, and refuses a future date or a missing record', async () => {
    const c = campaign('Webinar');
    const acme = await call('accounts.create', { name: 'Acme GmbH' });
    const zoe = await call('contacts.create', { firstName: 'Zoë', lastName: 'Zimmer' });
    const twoDaysAgo = daysAgo(2);
    await call('campaigns.recordResponse', { campaignId: c, entity: 'account', recordId: acme.id, kind: 'registered', respondedAt: twoDaysAgo });
    clock.advance(60_000);
    await call('campaigns.recordResponse', { campaignId: c, entity: 'contact', recordId: zoe.id, kind: 'bought', respondedAt: '2026-02-28T10:00:00Z' });
    const page = await call('campaigns.responses', { id: c, limit: 10 });
    expect(page.total).toBe(2);
    expect(page.rows.map((r) => [r.name, r.kind, r.respondedAt, r.memberId])).toEqual([
      ['Zoë Zimmer', 'bought', '2026-02-28T10:00:00.000Z', null],
      ['Acme GmbH', 'registered', twoDaysAgo, null],
    ]);
    expect((await call('campaigns.responses', { id: c, offset: 1, limit: 1 })).rows.map((r) => r.name)).toEqual(['Acme GmbH']);

    expect(await fail('campaigns.recordResponse', { campaignId: c, entity: 'contact', recordId: zoe.id, kind: 'replied', respondedAt: '2026-03-02T00:00:00Z' })).toMatchObject({
      code: 'validation',
      issues: [{ path: 'respondedAt' }],
    });
    await call('contacts.delete', { id: zoe.id });
    expect(await fail('campaigns.recordResponse', { campaignId: c, entity: 'contact', recordId: zoe.id, kind: 'replied' })).toMatchObject({ code: 'validation' });
    expect(await fail('campaigns.recordResponse', { campaignId: 999, entity: 'account', recordId: acme.id, kind: 'replied' })).toMatchObject({ code: 'not_found' });
    expect(await fail('campaigns.responses', { id: 999 })).toMatchObject({ code: 'not_found' });
  });

  it('may be deleted by whoever recorded it, or by marketing, a sales manager or an administrator', async () => {
    const c = campaign('Fair');
    const ann = await call('contacts.create', { lastName: 'Adams' });
    const rita = await call('users.create', { name: 'Rita Rep', email: 'rita@example.com', role: 'sales_rep' });
    const sam = await call('users.create', { name: 'Sam Rep', email: 'sam@example.com', role: 'sales_rep' });
    host.session.userId = rita.id;
    const mine = await call('campaigns.recordResponse', { campaignId: c, entity: 'contact', recordId: ann.id, kind: 'replied' });
    const other = await call('campaigns.recordResponse', { campaignId: c, entity: 'contact', recordId: ann.id, kind: 'registered' });
    host.session.userId = sam.id;
    expect(await fail('campaigns.deleteResponse', { id: mine.id })).toMatchObject({ code: 'forbidden' });
    host.session.userId = rita.id;
    expect(await call('campaigns.deleteResponse', { id: mine.id })).toEqual({ id: mine.id });
    host.session.userId = admin;
    await call('campaigns.deleteResponse', { id: other.id });
    expect((await call('campaigns.responses', { id: c })).total).toBe(0);
    expect(await fail('campaigns.deleteResponse', { id: other.id })).toMatchObject({ code: 'not_found' });
  });
});

describe('importing responses', () => {
  async function world() {
    const c = campaign('Autumn');
    const mail = step(c, 1, 'email');
    const ann = await call('contacts.create', { firstName: 'Ann', lastName: 'Adams', emails: [{ address: 'ann@adams.example' }] });
    // The same address on a lead that is not enrolled: the enrolled contact wins.
    const annLead = await call('leads.create', { firstName: 'Ann', lastName: 'Adams', email: 'ANN@adams.example' });
    const bob = await call('contacts.create', { firstName: 'Bob', lastName: 'Brown', emails: [{ address: 'bob@work.example' }, { address: 'bob@home.example' }] });
    const lena = await call('leads.create', { firstName: 'Lena', lastName: 'Lead', email: 'lena@lead.example' });
    // Two contacts share an address: ambiguous unless one is enrolled.
    await call('contacts.create', { lastName: 'Twin One', emails: [{ address: 'twins@example.com' }] });
    await call('contacts.create', { lastName: 'Twin Two', emails: [{ address: 'twins@example.com' }] });
    const acme = await call('accounts.create', { name: 'Acme' });
    const annMember = member(c, 'contact', ann.id);
    touch(c, mail, annMember, 'email', daysAgo(5), 'sent', 'A');
    return { c, mail, ann, annLead, bob, lena, acme, annMember };
  }

  it('records nothing when any row is bad, and lists every bad row with its line and reason', async () => {
    const { c, acme } = await world();
    const csv = [
      'E-Mail;Response;Date;Note', // line 1
      'ann@adams.example;replied;2026-02-20;fine', // 2
      'nobody@nowhere.example;replied;;', // 3: no such address
      'bob@home.example;maybe;2026-02-20;', // 4: unknown response
      '', // 5: blank, skipped
      'lena@lead.example;bought;2026-13-01;"a note', // 6: bad date; the quoted note runs over two lines
      'on two lines"', // 7
      'twins@example.com;registered;;', // 8: ambiguous
      'ann@adams.example;replied;2026-03-05;', // 9: in the future
      'not-an-address;replied;;', // 10
      `;bought;;${'x'.repeat(501)}`, // 11: nobody, and a note too long
    ].join('\r\n');
    const before = await snapshot(host);
    const result = await call('campaigns.importResponses', { campaignId: c, csv });
    expect(result.recorded).toBe(0);
    expect(result.errors).toEqual([
      { line: 3, message: 'No contact or lead has the e-mail address nobody@nowhere.example' },
      { line: 4, message: expect.stringMatching(/^"maybe" is not a response \(replied, called back/) },
      { line: 6, message: expect.stringContaining('"2026-13-01" is not a day of the calendar') },
      { line: 8, message: expect.stringMatching(/^twins@example.com belongs to 2 contacts \(Twin One #\d+, Twin Two #\d+\): give record_id and entity instead$/) },
      { line: 9, message: '2026-03-05 is in the future' },
      { line: 10, message: '"not-an-address" is not an e-mail address' },
      { line: 11, message: 'No e-mail address (or record_id and entity); The note has more than 500 characters' },
    ]);
    expect(await snapshot(host)).toEqual(before);

    const noColumns = await call('campaigns.importResponses', { campaignId: c, csv: 'name,when\nAnn,2026-01-01' });
    expect(noColumns.errors).toEqual([
      { line: 1, message: 'The file has no "response" column' },
      { line: 1, message: 'The file needs an "email" column, or "record_id" and "entity" columns' },
    ]);
    const byId = await call('campaigns.importResponses', { campaignId: c, csv: `record_id,entity,response\n${acme.id},account,replied\n${acme.id + 100},account,replied\n5,person,replied` });
    expect(byId).toEqual({
      recorded: 0,
      alreadyRecorded: 0,
      errors: [
        { line: 3, message: `There is no account with id ${acme.id + 100} (or it is in the recycle bin)` },
        { line: 4, message: '"person" is not contact, lead or account' },
      ],
    });
    expect(await snapshot(host)).toEqual(before);
  });

  it('records a good file: enrolled records first, locale dates, "called back", ids; an unsubscribe opts out; a second import records nothing twice', async () => {
    const { c, mail, ann, annLead, bob, lena, acme, annMember } = await world();
    const csv = [
      'email,record_id,entity,response,date,note',
      'ann@adams.example,,,Replied,20.02.2026,Liked it',
      'BOB@home.example,,,called back,2026-02-21T15:30:00+01:00,',
      'lena@lead.example,,,unsubscribed,,',
      `,${acme.id},Account,REGISTERED,21.02.2026,`,
      'ann@adams.example,,,replied,2026-02-20,same day again',
    ].join('\n');
    const result = await call('campaigns.importResponses', { campaignId: c, csv, locale: 'de-DE' });
    expect(result).toEqual({ recorded: 4, alreadyRecorded: 1, errors: [] });
    const rows = db.prepare(`SELECT entity, record_id, kind, source, member_id, step_id, variant, note, responded_at FROM campaign_responses ORDER BY id`).all();
    expect(rows).toEqual([
      { entity: 'contact', record_id: ann.id, kind: 'replied', source: 'import', member_id: annMember, step_id: mail, variant: 'A', note: 'Liked it', responded_at: '2026-02-20T12:00:00.000Z' },
      { entity: 'contact', record_id: bob.id, kind: 'called_back', source: 'import', member_id: null, step_id: null, variant: null, note: null, responded_at: '2026-02-21T14:30:00.000Z' },
      { entity: 'lead', record_id: lena.id, kind: 'unsubscribed', source: 'import', member_id: null, step_id: null, variant: null, note: null, responded_at: now() },
      { entity: 'account', record_id: acme.id, kind: 'registered', source: 'import', member_id: null, step_id: null, variant: null, note: null, responded_at: '2026-02-21T12:00:00.000Z' },
    ]);
    expect(db.prepare(`SELECT value FROM suppressions WHERE kind = 'email'`).pluck().all()).toEqual(['lena@lead.example']);
    // The lead with Ann's address was not the one meant.
    expect(db.prepare(`SELECT COUNT(*) FROM campaign_responses WHERE entity = 'lead' AND record_id = ?`).pluck().get(annLead.id)).toBe(0);

    clock.advance(3_600_000);
    expect(await call('campaigns.importResponses', { campaignId: c, csv, locale: 'de-DE' })).toEqual({ recorded: 0, alreadyRecorded: 5, errors: [] });
    expect(db.prepare(`SELECT COUNT(*) FROM campaign_responses`).pluck().get()).toBe(4);
  });

  it('is for marketing, sales managers and administrators', async () => {
    const c = campaign('Autumn');
    const rita = await call('users.create', { name: 'Rita Rep', email: 'rita@example.com', role: 'sales_rep' });
    host.session.userId = rita.id;
    expect(await fail('campaigns.importResponses', { campaignId: c, csv: 'email,response\na@b.example,replied' })).toMatchObject({ code: 'forbidden' });
  });
});

describe('first- and last-touch attribution', () => {
  it("a lead's response sets its last touch every time and its first touch once (a campaign set by hand came first)", async () => {
    const a = campaign('A');
    const b = campaign('B');
    const handSet = campaign('Hand');
    const lead = await call('leads.create', { lastName: 'Lead' });
    await call('campaigns.recordResponse', { campaignId: a, entity: 'lead', recordId: lead.id, kind: 'replied' });
    expect(await call('leads.get', { id: lead.id })).toMatchObject({ campaignId: a, firstTouchCampaignId: a, version: 2 });
    await call('campaigns.recordResponse', { campaignId: b, entity: 'lead', recordId: lead.id, kind: 'registered' });
    expect(await call('leads.get', { id: lead.id })).toMatchObject({ campaignId: b, firstTouchCampaignId: a, version: 3 });
    await call('campaigns.recordResponse', { campaignId: b, entity: 'lead', recordId: lead.id, kind: 'bought' });
    expect(await call('leads.get', { id: lead.id })).toMatchObject({ campaignId: b, firstTouchCampaignId: a, version: 3 });

    const other = await call('leads.create', { lastName: 'Other', campaignId: handSet });
    await call('campaigns.recordResponse', { campaignId: a, entity: 'lead', recordId: other.id, kind: 'replied' });
    expect(await call('leads.get', { id: other.id })).toMatchObject({ campaignId: a, firstTouchCampaignId: handSet });
  });

  it("an opportunity takes its converted lead's touches, else its contact's first and latest campaign within 365 days; a chosen campaign wins the last touch", async () => {
    const old = campaign('Too old');
    const first = campaign('First');
    const latest = campaign('Latest');
    const chosen = campaign('Chosen');
    const ann = await call('contacts.create', { firstName: 'Ann', lastName: 'Adams' });
    const s1 = step(old, 1, 'email');
    const s2 = step(first, 1, 'letter');
    const s3 = step(latest, 1, 'email');
    touch(old, s1, member(old, 'contact', ann.id), 'email', daysAgo(400));
    touch(first, s2, member(first, 'contact', ann.id), 'letter', daysAgo(200));
    // Queued (not mailed) and skipped touches reached no one.
    touch(latest, s3, member(latest, 'contact', ann.id), 'email', daysAgo(5), 'skipped');
    db.prepare(`INSERT INTO campaign_responses (campaign_id, entity, record_id, kind, source, responded_at, created_at, created_by_id) VALUES (?, 'contact', ?, 'replied', 'manual', ?, ?, ?)`).run(
      latest,
      ann.id,
      daysAgo(10),
      now(),
      admin,
    );
    const eur = { amountMinor: 500_00, currency: 'EUR' };
    const plain = await call('opportunities.create', { name: 'Plain', primaryContactId: ann.id, amount: eur });
    expect(plain).toMatchObject({ campaignId: latest, firstTouchCampaignId: first });
    const picked = await call('opportunities.create', { name: 'Picked', primaryContactId: ann.id, amount: eur, campaignId: chosen });
    expect(picked).toMatchObject({ campaignId: chosen, firstTouchCampaignId: first });
    const bob = await call('contacts.create', { lastName: 'Brown' });
    expect(await call('opportunities.create', { name: 'Nothing known', primaryContactId: bob.id, amount: eur, campaignId: chosen })).toMatchObject({
      campaignId: chosen,
      firstTouchCampaignId: chosen,
    });
    expect(await call('opportunities.create', { name: 'No contact', amount: eur })).toMatchObject({ campaignId: null, firstTouchCampaignId: null });

    // Converting a lead: its own touches, not its new contact's.
    const lead = await call('leads.create', { firstName: 'Lou', lastName: 'Lead', company: 'Lead Ltd' });
    await call('campaigns.recordResponse', { campaignId: first, entity: 'lead', recordId: lead.id, kind: 'replied' });
    await call('campaigns.recordResponse', { campaignId: latest, entity: 'lead', recordId: lead.id, kind: 'replied' });
    const current = await call('leads.get', { id: lead.id });
    const converted = await call('leads.convert', {
      id: lead.id,
      version: current.version,
      account: { create: {} },
      contact: { existingId: ann.id },
      opportunity: { name: 'From the lead', amount: eur },
    });
    expect(await call('opportunities.get', { id: converted.opportunityId! })).toMatchObject({ leadId: lead.id, campaignId: latest, firstTouchCampaignId: first });
    // A converted lead keeps the attribution it was converted with.
    await call('campaigns.recordResponse', { campaignId: chosen, entity: 'lead', recordId: lead.id, kind: 'replied' });
    expect(await call('leads.get', { id: lead.id })).toMatchObject({ status: 'converted', campaignId: latest, firstTouchCampaignId: first });
  });
});
