import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { snapshot, tempHost, type TestHost } from '../support/temp-host';

let host: TestHost;
beforeEach(async () => {
  host = await tempHost();
});
afterEach(async () => {
  await host.close();
});

async function logActivity(leadId: number) {
  const now = host.clock.now().toISOString();
  const user = host.session.userId;
  await host.dataSource.query(
    `INSERT INTO activities (version, created_at, created_by_id, updated_at, updated_by_id, type, subject, owner_id, lead_id)
     VALUES (1, ?, ?, ?, ?, 'call', 'First call', ?, ?)`,
    [now, user, now, user, user, leadId],
  );
}

const newLead = () =>
  host.call('leads.create', {
    firstName: 'Grace',
    lastName: 'Hopper',
    company: 'Hopper Navy Systems',
    title: 'CTO',
    email: 'grace@hopper.example',
    phone: '+1 212 456 7890',
    address: { city: 'Arlington', region: 'VA', country: 'US' },
    industry: 'Government',
    employees: 500,
  });

describe('converting a lead', () => {
  it('creates an account, a contact and an opportunity, marks the lead converted and moves its activities, in one transaction', async () => {
    const lead = await newLead();
    await logActivity(lead.id);
    await logActivity(lead.id);
    const announced: unknown[] = [];
    const unsubscribe = host.events.subscribe((_e, payload) => announced.push(payload));
    host.clock.advance(60_000);
    const result = await host.call('leads.convert', {
      id: lead.id,
      version: lead.version,
      account: { create: {} },
      contact: { create: { title: 'Rear Admiral' } },
      opportunity: { name: 'Compiler licences', amount: { amountMinor: 12_000_00, currency: 'USD' }, expectedCloseDate: '2026-06-30' },
    });
    unsubscribe();

    const account = await host.call('accounts.get', { id: result.accountId });
    expect(account).toMatchObject({ name: 'Hopper Navy Systems', industry: 'Government', employees: 500, phone: '+1 212 456 7890', billingAddress: { city: 'Arlington', country: 'US' } });
    const contact = await host.call('contacts.get', { id: result.contactId });
    expect(contact).toMatchObject({
      firstName: 'Grace',
      lastName: 'Hopper',
      title: 'Rear Admiral',
      emails: [{ label: 'work', address: 'grace@hopper.example' }],
      phones: [{ label: 'work', number: '+1 212 456 7890' }],
      account: { id: result.accountId },
    });
    const opportunity = await host.call('opportunities.get', { id: result.opportunityId! });
    expect(opportunity).toMatchObject({
      name: 'Compiler licences',
      account: { id: result.accountId },
      primaryContact: { id: result.contactId, name: 'Grace Hopper' },
      pipeline: { name: 'Sales' },
      stage: { name: 'Prospecting' },
      amount: { amountMinor: 1_200_000, currency: 'USD' },
      leadId: lead.id,
    });
    expect(await host.call('opportunities.stageHistory', { id: opportunity.id })).toHaveLength(1);
    expect(result.lead).toMatchObject({
      status: 'converted',
      convertedAt: '2026-03-01T09:01:00.000Z',
      convertedAccountId: result.accountId,
      convertedContactId: result.contactId,
      convertedOpportunityId: result.opportunityId,
      version: lead.version + 1,
    });
    const activities = await host.dataSource.query(`SELECT lead_id, contact_id, account_id, opportunity_id FROM activities ORDER BY id`);
    expect(activities).toEqual([
      { lead_id: lead.id, contact_id: result.contactId, account_id: result.accountId, opportunity_id: result.opportunityId },
      { lead_id: lead.id, contact_id: result.contactId, account_id: result.accountId, opportunity_id: result.opportunityId },
    ]);
    expect(announced).toEqual(
      expect.arrayContaining([
        { entity: 'account', id: result.accountId, action: 'create' },
        { entity: 'contact', id: result.contactId, action: 'create' },
        { entity: 'opportunity', id: result.opportunityId, action: 'create' },
        { entity: 'lead', id: lead.id, action: 'update' },
      ]),
    );
    const again = await host.fail('leads.convert', { id: lead.id, version: result.lead.version, account: { existingId: result.accountId }, contact: { existingId: result.contactId } });
    expect(again.code).toBe('conflict');
    expect((await host.fail('leads.update', { id: lead.id, version: result.lead.version, patch: { status: 'working' } })).code).toBe('validation');
  });

  it('links an existing account and contact, without an opportunity', async () => {
    const account = await host.call('accounts.create', { name: 'Existing Co' });
    const contact = await host.call('contacts.create', { lastName: 'Existing', accountId: account.id });
    const lead = await newLead();
    const before = await host.dataSource.query(`SELECT (SELECT COUNT(*) FROM accounts) AS a, (SELECT COUNT(*) FROM contacts) AS c`);
    const result = await host.call('leads.convert', { id: lead.id, version: 1, account: { existingId: account.id }, contact: { existingId: contact.id } });
    expect(result).toMatchObject({ accountId: account.id, contactId: contact.id, opportunityId: null, lead: { status: 'converted', convertedOpportunityId: null } });
    expect(await host.dataSource.query(`SELECT (SELECT COUNT(*) FROM accounts) AS a, (SELECT COUNT(*) FROM contacts) AS c`)).toEqual(before);
  });

  it('is all or nothing: a failure while inserting the opportunity leaves no account, contact or change behind', async () => {
    const lead = await newLead();
    await logActivity(lead.id);
    const before = await snapshot(host);
    const announced: unknown[] = [];
    const unsubscribe = host.events.subscribe((_e, payload) => announced.push(payload));
    await host.dataSource.query(`CREATE TRIGGER fail_opportunity BEFORE INSERT ON opportunities BEGIN SELECT RAISE(ABORT, 'disk says no'); END`);
    try {
      const error = await host.fail('leads.convert', {
        id: lead.id,
        version: 1,
        account: { create: { name: 'Half written?' } },
        contact: { create: {} },
        opportunity: { name: 'Deal', amount: { amountMinor: 1, currency: 'EUR' } },
      });
      expect(error.code).toBe('internal');
    } finally {
      await host.dataSource.query(`DROP TRIGGER fail_opportunity`);
      unsubscribe();
    }
    expect(await snapshot(host)).toEqual(before);
    expect(announced).toEqual([]);
  });

  it('a refused choice midway (a lost stage needs a reason) writes nothing either', async () => {
    const lead = await newLead();
    const [sales] = await host.call('pipelines.list', {});
    const lost = sales!.stages.find((s) => s.kind === 'lost')!;
    const before = await snapshot(host);
    const error = await host.fail('leads.convert', {
      id: lead.id,
      version: 1,
      account: { create: {} },
      contact: { create: {} },
      opportunity: { name: 'Deal', amount: { amountMinor: 1, currency: 'EUR' }, stageId: lost.id },
    });
    expect(error.code).toBe('validation');
    expect(await snapshot(host)).toEqual(before);
  });

  it('refuses a stale version and names bad overrides by their path', async () => {
    const lead = await newLead();
    await host.call('leads.update', { id: lead.id, version: 1, patch: { title: 'CEO' } });
    const stale = await host.fail('leads.convert', { id: lead.id, version: 1, account: { create: {} }, contact: { create: {} } });
    expect(stale.code).toBe('conflict');
    const noName = await host.call('leads.create', { lastName: 'Solo' });
    const ok = await host.call('leads.convert', { id: noName.id, version: 1, account: { create: {} }, contact: { create: {} } });
    expect((await host.call('accounts.get', { id: ok.accountId })).name).toBe('Solo'); // no company: the person's name
    const missing = await host.fail('leads.convert', { id: lead.id, version: 2, account: { existingId: 9999 }, contact: { create: {} } });
    expect(missing.issues).toEqual([{ path: 'account.existingId', message: 'Account does not exist' }]);
  });
});
