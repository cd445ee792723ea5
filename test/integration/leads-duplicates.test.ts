import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempHost, type TestHost } from '../support/temp-host';

let host: TestHost;
beforeEach(async () => {
  host = await tempHost();
});
afterEach(async () => {
  await host.close();
});

const summary = (matches: { entity: string; id: number; reasons: string[] }[]) => matches.map((m) => [m.entity, m.id, [...m.reasons].sort()]);

describe('leads.findDuplicates', () => {
  it('matches e-mails whatever their case and spacing, also a contact’s second address', async () => {
    const lead = await host.call('leads.create', { lastName: 'Roe', email: 'Anna.Roe@Example.com' });
    const contact = await host.call('contacts.create', {
      lastName: 'Roe',
      emails: [
        { label: 'work', address: 'anna@work.example' },
        { label: 'home', address: 'ANNA.ROE@example.COM' },
      ],
    });
    await host.call('leads.create', { lastName: 'Other', email: 'other@example.com' });
    const matches = await host.call('leads.findDuplicates', { email: '  anna.roe@EXAMPLE.com ' });
    expect(summary(matches)).toEqual([
      ['lead', lead.id, ['email']],
      ['contact', contact.id, ['email']],
    ]);
    expect(matches[0]).toMatchObject({ name: 'Roe', email: 'Anna.Roe@Example.com' });
  });

  it('matches phones in any format once read as E.164 in the lead’s country', async () => {
    const lead = await host.call('leads.create', { lastName: 'Huber', phone: '+49 89 1234567' });
    const contact = await host.call('contacts.create', { lastName: 'Maier', phones: [{ label: 'mobile', number: '+49 (89) 123-4567' }] });
    const account = await host.call('accounts.create', { name: 'Huber AG', phone: '089/1234567', billingAddress: { country: 'DE' } });
    await host.call('leads.create', { lastName: 'Elsewhere', phone: '+43 1 1234567' }); // same digits, Vienna
    const matches = await host.call('leads.findDuplicates', { phone: '089 1234567', country: 'DE' });
    expect(summary(matches)).toEqual([
      ['lead', lead.id, ['phone']],
      ['contact', contact.id, ['phone']],
      ['account', account.id, ['phone']],
    ]);
    // Without the country the national number means nothing.
    expect(await host.call('leads.findDuplicates', { phone: '089 1234567' })).toEqual([]);
  });

  it('matches the same person at the same company with accents and case folded, and the company as an account', async () => {
    const account = await host.call('accounts.create', { name: 'Café Zürich GmbH' });
    const contact = await host.call('contacts.create', { firstName: 'José', lastName: 'Núñez', accountId: account.id });
    const lead = await host.call('leads.create', { firstName: 'José', lastName: 'Núñez', company: 'Café Zürich GmbH', email: 'jn@cafe.ch' });
    await host.call('leads.create', { firstName: 'José', lastName: 'Núñez', company: 'Another Firm' });
    const matches = await host.call('leads.findDuplicates', { firstName: 'jose', lastName: 'NUNEZ', company: 'cafe zurich gmbh', email: 'JN@cafe.ch' });
    expect(summary(matches)).toEqual([
      ['lead', lead.id, ['email', 'name_and_company']],
      ['contact', contact.id, ['name_and_company']],
      ['account', account.id, ['company_name']],
    ]);
    expect(matches[1]).toMatchObject({ name: 'José Núñez', company: 'Café Zürich GmbH' });
  });

  it('leaves out the lead being edited and anything in the recycle bin', async () => {
    const lead = await host.call('leads.create', { lastName: 'Roe', email: 'a@b.co' });
    const gone = await host.call('leads.create', { lastName: 'Roe', email: 'a@b.co' });
    await host.call('leads.delete', { id: gone.id });
    expect(await host.call('leads.findDuplicates', { email: 'a@b.co', excludeLeadId: lead.id })).toEqual([]);
    expect(summary(await host.call('leads.findDuplicates', { email: 'a@b.co' }))).toEqual([['lead', lead.id, ['email']]]);
  });
});
