import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Sql } from '../../electron/main/db/sql';
import { personSortKey } from '../../shared/text';
import { csv, upload } from '../support/import-upload';
import { snapshot, tempHost, type TestHost } from '../support/temp-host';

let host: TestHost;
beforeEach(async () => {
  host = await tempHost();
});
afterEach(async () => {
  await host.close();
});

const contact = (lastName: string, extra: Record<string, unknown> = {}) => host.call('contacts.create', { lastName, ...extra });
const eur = (amountMinor: number) => ({ amountMinor, currency: 'EUR' });

/** The records and their relations; the search index the triggers keep, logs and the merge history itself left out. */
async function records(): Promise<Record<string, unknown[]>> {
  const all = await snapshot(host);
  // grid_generation only counts changes, and a merge and its un-merge are two.
  for (const name of Object.keys(all)) if (name.startsWith('search_index') || ['merges', 'audit_log', 'triggers_paused', 'grid_generation'].includes(name)) delete all[name];
  // Triggers rewrite the e-mail keys under new ids when e-mails change: what the keys say must come back, not their ids.
  all.record_keys = (all.record_keys as { id: number }[]).map(({ id: _id, ...key }) => JSON.stringify(key)).sort();
  return all;
}

describe('duplicate scan', () => {
  it('groups contacts that share an e-mail, a phone (as E.164) or a similar name at the same company, with reasons', async () => {
    const acme = await host.call('accounts.create', { name: 'Acme GmbH' });
    const a = await contact('Able', { emails: [{ address: 'Same@Example.com' }] });
    const b = await contact('Baker', { emails: [{ address: 'same@example.com ' }] });
    const c = await contact('Clark', { phones: [{ number: '+49 89 1234567' }], address: { country: 'DE' } });
    const d = await contact('Dunn', { phones: [{ number: '089 1234567' }], address: { country: 'DE' } });
    const e = await contact('Meier', { firstName: 'Hans', accountId: acme.id });
    const f = await contact('Meyer', { firstName: 'Hans', accountId: acme.id });
    await contact('Meier', { firstName: 'Hans' });
    await contact('Unrelated', { emails: [{ address: 'nobody@example.com' }] });

    const result = await host.call('duplicates.scan', { entity: 'contact' });
    expect(result.scanned).toBe(8);
    const groups = result.groups.map((g) => ({ ids: g.records.map((r) => r.id), reasons: g.reasons.sort(), confidence: g.confidence }));
    expect(groups).toEqual([
      { ids: [a.id, b.id], reasons: ['same_email'], confidence: 0.95 },
      { ids: [e.id, f.id], reasons: ['same_company', 'similar_name'], confidence: 0.73 },
      { ids: [c.id, d.id], reasons: ['same_phone'], confidence: 0.7 },
    ]);
    // A bare common name is not enough at the default threshold; at a lower one it shows, with its reason.
    const loose = await host.call('duplicates.scan', { entity: 'contact', minConfidence: 0.5 });
    expect(loose.groupCount).toBe(3);
  });

  it('groups accounts by company name without legal form and by web domain, and leads by e-mail', async () => {
    const one = await host.call('accounts.create', { name: 'Müller GmbH & Co. KG', website: 'mueller.example' });
    const two = await host.call('accounts.create', { name: 'MÜLLER gmbh', website: 'https://www.mueller.example/kontakt' });
    await host.call('accounts.create', { name: 'Schmidt AG', website: 'schmidt.example' });
    const accounts = await host.call('duplicates.scan', { entity: 'account' });
    expect(accounts.groups).toEqual([{ confidence: 0.8, reasons: ['same_name', 'same_domain'], records: [expect.objectContaining({ id: one.id }), expect.objectContaining({ id: two.id })] }]);

    const l1 = await host.call('leads.create', { lastName: 'Lee', company: 'X', email: 'lee@x.example' });
    const l2 = await host.call('leads.create', { lastName: 'Li', company: 'Y', email: 'LEE@x.example' });
    const leads = await host.call('duplicates.scan', { entity: 'lead' });
    expect(leads.groups.map((g) => g.records.map((r) => r.id))).toEqual([[l1.id, l2.id]]);
  });
});

describe('merge and un-merge', () => {
  it('merges contacts with chosen values, all e-mails and phones, cautious consent, every relation re-pointed; un-merge restores every row exactly', async () => {
    const acme = await host.call('accounts.create', { name: 'Acme' });
    const other = await host.call('accounts.create', { name: 'Other Ltd' });
    const keep = await contact('Smith', { firstName: 'Ann', emails: [{ address: 'ann@acme.example' }], phones: [{ number: '+49 30 111' }], accountId: acme.id, title: 'Buyer' });
    const dup = await contact('Smyth', { firstName: 'Anne', emails: [{ address: 'ANN@acme.example' }, { label: 'home', address: 'ann@home.example' }], phones: [{ label: 'mobile', number: '+49 170 222' }], accountId: other.id, title: 'Head of purchasing', emailOptOut: true, birthday: '1980-05-17' });
    // Relations of the duplicate: a call, a meeting both attended, an opportunity, an external id from an import.
    await host.call('activities.create', { type: 'call', subject: 'Call with Anne', direction: 'outbound', contactId: dup.id });
    await host.call('activities.create', { type: 'meeting', subject: 'Kick-off', startsAt: '2026-03-02T13:00:00Z', endsAt: '2026-03-02T14:00:00Z', attendees: [{ contactId: keep.id }, { contactId: dup.id }], contactId: keep.id });
    await host.call('opportunities.create', { name: 'Deal', accountId: other.id, primaryContactId: dup.id, amount: eur(100_00) });
    const fileId = await upload(host, csv(['Contact ID,Last Name,Email', '003X,Extra,extra@example.com']), 'ids.csv');
    await host.call('imports.run', { fileId, target: 'contacts', encoding: 'utf-8', delimiter: ',', columns: ['externalId', 'lastName', 'email'] });
    const extra = (await new Sql(host.dataSource).all<{ id: number }>(`SELECT id FROM contacts WHERE last_name = 'Extra'`))[0]!;

    host.clock.advance(60_000);
    const { mergeId, survivor } = await host.call('duplicates.merge', { entity: 'contact', survivorId: keep.id, mergedIds: [dup.id, extra.id], fields: { title: dup.id, birthday: dup.id } });
    expect(survivor).toMatchObject({
      firstName: 'Ann',
      lastName: 'Smith',
      title: 'Head of purchasing',
      birthday: '1980-05-17',
      account: { id: acme.id },
      emailOptOut: true,
      emails: [
        { address: 'ann@acme.example' },
        { label: 'home', address: 'ann@home.example' },
        { address: 'extra@example.com' },
      ],
      phones: [{ number: '+49 30 111' }, { label: 'mobile', number: '+49 170 222' }],
    });
    const sql = new Sql(host.dataSource);
    expect(await sql.all(`SELECT contact_id FROM activities WHERE contact_id IS NOT NULL ORDER BY id`)).toEqual([{ contact_id: keep.id }, { contact_id: keep.id }]);
    expect(await sql.all(`SELECT contact_id FROM activity_attendees WHERE contact_id IS NOT NULL`)).toEqual([{ contact_id: keep.id }]);
    expect(await sql.all(`SELECT primary_contact_id FROM opportunities`)).toEqual([{ primary_contact_id: keep.id }]);
    expect(await sql.all(`SELECT record_id FROM record_keys WHERE kind = 'external'`)).toEqual([{ record_id: keep.id }]);
    expect(await sql.all(`SELECT id FROM contacts WHERE deleted_at IS NOT NULL ORDER BY id`)).toEqual([{ id: dup.id }, { id: extra.id }]);
    // An upsert by the external id now finds the survivor.
    const again = await upload(host, csv(['Contact ID,Title', '003X,Chief buyer']), 'again.csv');
    const upsert = await host.call('imports.run', { fileId: again, target: 'contacts', encoding: 'utf-8', delimiter: ',', columns: ['externalId', 'title'], mode: 'update' });
    expect(upsert.counts.updated).toBe(1);
    await host.call('imports.undo', { importId: upsert.importId! });

    // Un-merge refuses while the survivor carries a later edit… the import's undo above restored its values but moved its version on.
    expect(await host.fail('duplicates.unmerge', { mergeId })).toMatchObject({ code: 'conflict' });
  });

  it('un-merge right after a merge gives back a byte-identical set of rows and relations', async () => {
    const acme = await host.call('accounts.create', { name: 'Acme' });
    const keep = await contact('Smith', { firstName: 'Ann', emails: [{ address: 'ann@acme.example' }], accountId: acme.id });
    const dup = await contact('Smyth', { emails: [{ address: 'ann@acme.example' }], doNotCall: true });
    await host.call('activities.create', { type: 'note', subject: 'Met at the fair', contactId: dup.id });
    await host.call('activities.create', { type: 'meeting', subject: 'Both', startsAt: '2026-03-02T13:00:00Z', endsAt: '2026-03-02T14:00:00Z', attendees: [{ contactId: keep.id }, { contactId: dup.id }], contactId: keep.id });
    await host.call('opportunities.create', { name: 'Deal', primaryContactId: dup.id, amount: eur(5_00) });
    const before = await records();
    host.clock.advance(60_000);
    const { mergeId } = await host.call('duplicates.merge', { entity: 'contact', survivorId: keep.id, mergedIds: [dup.id] });
    expect(await records()).not.toEqual(before);
    const { restoredIds } = await host.call('duplicates.unmerge', { mergeId });
    expect(restoredIds).toEqual([dup.id]);
    expect(await records()).toEqual(before);
    expect((await host.call('duplicates.merges', {}))[0]).toMatchObject({ id: mergeId, status: 'undone', survivorId: keep.id, mergedIds: [dup.id] });
    expect(await host.fail('duplicates.unmerge', { mergeId })).toMatchObject({ code: 'validation', message: 'This merge was already undone.' });
  });

  it('moves tags, custom picks, list and campaign memberships and responses by (entity, record id); un-merge restores them exactly', async () => {
    const keep = await contact('Smith', { firstName: 'Ann', emails: [{ address: 'ann@acme.example' }] });
    const dup = await contact('Smyth', { firstName: 'Anne', emails: [{ address: 'anne@acme.example' }] });
    const vip = await host.call('tags.create', { name: 'VIP' });
    const fair = await host.call('tags.create', { name: 'Fair 2026' });
    await host.call('tags.set', { entity: 'contact', recordId: keep.id, tagIds: [vip.id] });
    await host.call('tags.set', { entity: 'contact', recordId: dup.id, tagIds: [vip.id, fair.id] });
    const tier = await host.call('customFields.create', { entity: 'contact', label: 'Tier', options: ['Gold', 'Silver'] });
    const topics = await host.call('customFields.create', { entity: 'contact', label: 'Topics', options: ['CRM', 'ERP', 'BI'], multiple: true });
    await host.call('customFields.setValues', { entity: 'contact', recordId: keep.id, values: [{ fieldId: tier.id, values: ['Gold'] }, { fieldId: topics.id, values: ['CRM'] }] });
    await host.call('customFields.setValues', { entity: 'contact', recordId: dup.id, values: [{ fieldId: tier.id, values: ['Silver'] }, { fieldId: topics.id, values: ['CRM', 'ERP'] }] });
    const both = await host.call('lists.create', { name: 'Both', entity: 'contact', channel: null });
    const dupOnly = await host.call('lists.create', { name: 'Dup only', entity: 'contact', channel: null });
    await host.call('lists.add', { listId: both.id, ids: [keep.id, dup.id] });
    await host.call('lists.add', { listId: dupOnly.id, ids: [dup.id] });
    const shared = await host.call('campaigns.create', { name: 'Shared', type: 'email', currency: 'EUR' });
    const own = await host.call('campaigns.create', { name: 'Own', type: 'email', currency: 'EUR' });
    await host.call('campaigns.enrol', { id: shared.id, entity: 'contact', recordIds: [keep.id, dup.id] });
    await host.call('campaigns.enrol', { id: own.id, entity: 'contact', recordIds: [dup.id] });
    await host.call('campaigns.recordResponse', { campaignId: own.id, entity: 'contact', recordId: dup.id, kind: 'registered' });
    const before = await records();

    host.clock.advance(60_000);
    const { mergeId } = await host.call('duplicates.merge', { entity: 'contact', survivorId: keep.id, mergedIds: [dup.id] });
    const sql = new Sql(host.dataSource);
    expect((await host.call('tags.forRecord', { entity: 'contact', recordId: keep.id })).map((t) => t.name).sort()).toEqual(['Fair 2026', 'VIP']);
    const picks = await sql.all<{ field_id: number; value: string }>(`SELECT field_id, value FROM custom_field_values WHERE record_id = ? ORDER BY field_id, value`, [keep.id]);
    // Single choice: the survivor's pick stays; several: every value of both.
    expect(picks).toEqual([{ field_id: tier.id, value: 'Gold' }, { field_id: topics.id, value: 'CRM' }, { field_id: topics.id, value: 'ERP' }]);
    expect(await sql.all(`SELECT list_id FROM target_list_members WHERE record_id = ? ORDER BY list_id`, [keep.id])).toEqual([{ list_id: both.id }, { list_id: dupOnly.id }]);
    // The survivor's own enrolment in the shared campaign stays; the duplicate's enrolment elsewhere and its response move.
    expect(await sql.all(`SELECT campaign_id, record_id FROM campaign_members ORDER BY campaign_id, record_id`)).toEqual([
      { campaign_id: shared.id, record_id: keep.id },
      { campaign_id: shared.id, record_id: dup.id },
      { campaign_id: own.id, record_id: keep.id },
    ]);
    expect(await sql.all(`SELECT record_id FROM campaign_responses`)).toEqual([{ record_id: keep.id }]);

    await host.call('duplicates.unmerge', { mergeId });
    expect(await records()).toEqual(before);
  });

  it('refuses to merge a contact into itself or one from the recycle bin', async () => {
    const a = await contact('A');
    const b = await contact('B');
    expect(await host.fail('duplicates.merge', { entity: 'contact', survivorId: a.id, mergedIds: [a.id] })).toMatchObject({ code: 'validation' });
    await host.call('contacts.delete', { id: b.id });
    expect(await host.fail('duplicates.merge', { entity: 'contact', survivorId: a.id, mergedIds: [b.id] })).toMatchObject({ code: 'not_found' });
    expect(await host.fail('duplicates.merge', { entity: 'contact', survivorId: a.id, mergedIds: [999], fields: {} })).toMatchObject({ code: 'not_found' });
  });
});

describe('merging accounts', () => {
  const account = (name: string, extra: Record<string, unknown> = {}) => host.call('accounts.create', { name, ...extra });

  it('moves children, contacts, opportunities, quotes, activities, converted leads and external ids to the survivor; never makes it its own parent; un-merge restores every row exactly', async () => {
    const holding = await account('Acme Holding');
    const main = await account('ACME', { parentAccountId: holding.id, website: 'acme.example', industry: 'Manufacturing' });
    const keep = await account('Acme GmbH', { parentAccountId: main.id, phone: '+49 89 1234567' });
    const branch = await account('Acme Branch', { parentAccountId: keep.id, employees: 12 });
    const child = await account('Acme Service', { parentAccountId: main.id });
    const person = await contact('Miller', { accountId: main.id });
    const deal = await host.call('opportunities.create', { name: 'Deal', accountId: main.id, amount: eur(1_000_00) });
    const quote = await host.call('quotes.create', { opportunityId: deal.id });
    await host.call('activities.create', { type: 'call', subject: 'Call with ACME', direction: 'outbound', accountId: main.id });
    const lead = await host.call('leads.create', { lastName: 'Lee', company: 'ACME' });
    await host.call('leads.convert', { id: lead.id, version: lead.version, account: { existingId: main.id }, contact: { create: {} } });
    const sql = new Sql(host.dataSource);
    await sql.run(`INSERT INTO record_keys (entity, kind, key, record_id) VALUES ('account', 'external', '001A', ?)`, [main.id]);
    const before = await records();

    host.clock.advance(60_000);
    const announced: unknown[] = [];
    const unsubscribe = host.events.subscribe((event, payload) => event === 'record.changed' && announced.push(payload));
    const merged = await host.call('duplicates.merge', { entity: 'account', survivorId: keep.id, mergedIds: [main.id, branch.id], fields: { website: main.id, industry: main.id, employees: branch.id } });
    unsubscribe();
    expect(merged).toMatchObject({ entity: 'account', survivor: { id: keep.id, name: 'Acme GmbH', website: 'https://acme.example', industry: 'Manufacturing', employees: 12, phone: '+49 89 1234567', contactCount: 2 } });
    expect(announced).toEqual([
      { entity: 'account', id: keep.id, action: 'update' },
      { entity: 'account', id: main.id, action: 'delete' },
      { entity: 'account', id: branch.id, action: 'delete' },
    ]);
    // Its own parent was one of the merged accounts: the survivor is at the top now, not its own parent.
    expect(merged.entity === 'account' && merged.survivor.parentAccount).toBeNull();
    expect(await sql.all(`SELECT id, parent_account_id FROM accounts WHERE id IN (?, ?) ORDER BY id`, [keep.id, child.id])).toEqual([
      { id: keep.id, parent_account_id: null },
      { id: child.id, parent_account_id: keep.id },
    ]);
    expect(await sql.all(`SELECT account_id FROM contacts WHERE id = ?`, [person.id])).toEqual([{ account_id: keep.id }]);
    expect(await sql.all(`SELECT account_id FROM opportunities`)).toEqual([{ account_id: keep.id }]);
    expect(await sql.all(`SELECT account_id FROM quotes WHERE id = ?`, [quote.id])).toEqual([{ account_id: keep.id }]);
    expect(await sql.all(`SELECT account_id FROM activities WHERE account_id IS NOT NULL`)).toEqual([{ account_id: keep.id }]);
    expect(await sql.all(`SELECT converted_account_id FROM leads`)).toEqual([{ converted_account_id: keep.id }]);
    expect(await sql.all(`SELECT record_id FROM record_keys WHERE entity = 'account'`)).toEqual([{ record_id: keep.id }]);

    const undone = await host.call('duplicates.unmerge', { mergeId: merged.mergeId });
    expect(undone).toEqual({ mergeId: merged.mergeId, entity: 'account', survivorId: keep.id, restoredIds: [main.id, branch.id] });
    expect(await records()).toEqual(before);

    // The parent picked from a merged account that sits under a holding: the survivor moves under the holding.
    const again = await host.call('duplicates.merge', { entity: 'account', survivorId: keep.id, mergedIds: [main.id], fields: { parentAccount: main.id } });
    expect(again.entity === 'account' && again.survivor.parentAccount).toEqual({ id: holding.id, name: 'Acme Holding' });
    expect((await host.call('duplicates.merges', {}))[0]).toMatchObject({ entity: 'account', survivorId: keep.id, mergedIds: [main.id], status: 'applied' });
  });

  it('refuses a parent below one of the merged accounts (a loop), and un-merge after the survivor was edited', async () => {
    const keep = await account('Acme GmbH');
    const dup = await account('ACME');
    const child = await account('Acme Service', { parentAccountId: dup.id });
    const current = await host.call('accounts.update', { id: keep.id, version: keep.version, patch: { parentAccountId: child.id } });
    const before = await records();
    expect(await host.fail('duplicates.merge', { entity: 'account', survivorId: keep.id, mergedIds: [dup.id] })).toMatchObject({
      code: 'validation',
      message: `Account ${child.id} is below one of the accounts being merged: as the parent of the merged account it would make a loop. Choose another parent.`,
      issues: [{ path: 'fields.parentAccount', message: 'This would make a loop of parent accounts' }],
    });
    expect(await records()).toEqual(before);

    // Taking the duplicate's (empty) parent instead works; the child moves under the survivor.
    const { mergeId } = await host.call('duplicates.merge', { entity: 'account', survivorId: keep.id, mergedIds: [dup.id], fields: { parentAccount: dup.id } });
    const survivor = await host.call('accounts.get', { id: keep.id });
    expect(survivor.parentAccount).toBeNull();
    expect((await host.call('accounts.get', { id: child.id })).parentAccount).toEqual({ id: keep.id, name: 'Acme GmbH' });
    expect(current.version).toBeLessThan(survivor.version);

    await host.call('accounts.update', { id: keep.id, version: survivor.version, patch: { industry: 'Retail' } });
    expect(await host.fail('duplicates.unmerge', { mergeId })).toMatchObject({ code: 'conflict', message: 'The surviving account was changed after the merge: un-merging would lose that change.' });
  });
});

describe('merging leads', () => {
  it('keeps the chosen values, recomputes the derived keys and the score from the moved activities; un-merge restores every row exactly', async () => {
    const keep = await host.call('leads.create', { firstName: 'Jo', lastName: 'Lee', company: 'Lee & Co', email: 'jo@lee.example', rating: 'warm' });
    const dup = await host.call('leads.create', { firstName: 'Joanna', lastName: 'Lee', company: 'Lee and Co', phone: '030 1234567', address: { city: 'Berlin', country: 'DE' }, status: 'disqualified', disqualifiedReason: 'No budget' });
    for (const subject of ['Intro', 'Follow-up']) await host.call('activities.create', { type: 'note', subject, leadId: keep.id });
    await host.call('activities.create', { type: 'call', subject: 'Called Joanna', direction: 'outbound', leadId: dup.id });
    const scored = await host.call('leads.get', { id: keep.id });
    expect(scored.scoreReasons.map((r) => r.label)).not.toContain('Three or more activities logged');
    const before = await records();

    host.clock.advance(60_000);
    const merged = await host.call('duplicates.merge', { entity: 'lead', survivorId: keep.id, mergedIds: [dup.id], fields: { firstName: dup.id, phone: dup.id, address: dup.id } });
    expect(merged).toMatchObject({
      entity: 'lead',
      survivor: { firstName: 'Joanna', lastName: 'Lee', email: 'jo@lee.example', phone: '030 1234567', phoneE164: '+49301234567', address: { city: 'Berlin', country: 'DE' }, status: 'new', disqualifiedReason: null, rating: 'warm' },
    });
    // Three activities now: the score counts the merged lead's call too.
    expect(merged.entity === 'lead' && merged.survivor.scoreReasons.map((r) => r.label)).toContain('Three or more activities logged');
    const sql = new Sql(host.dataSource);
    expect(await sql.all(`SELECT DISTINCT lead_id FROM activities`)).toEqual([{ lead_id: keep.id }]);
    expect(await sql.all(`SELECT sort_name, email_normalized FROM leads WHERE id = ?`, [keep.id])).toEqual([{ sort_name: personSortKey('Lee', 'Joanna'), email_normalized: 'jo@lee.example' }]);
    expect((await host.call('leads.get', { id: dup.id })).deletedAt).not.toBeNull();

    const { restoredIds } = await host.call('duplicates.unmerge', { mergeId: merged.mergeId });
    expect(restoredIds).toEqual([dup.id]);
    expect(await records()).toEqual(before);
    expect((await host.call('leads.get', { id: keep.id })).score).toBe(scored.score);
  });

  it('refuses converted leads and un-merge after the survivor was edited', async () => {
    const converted = await host.call('leads.create', { lastName: 'Lee', company: 'Lee & Co' });
    const result = await host.call('leads.convert', { id: converted.id, version: converted.version, account: { create: {} }, contact: { create: {} } });
    const open = await host.call('leads.create', { lastName: 'Lee', company: 'Lee & Co' });
    expect(await host.fail('duplicates.merge', { entity: 'lead', survivorId: open.id, mergedIds: [converted.id] })).toMatchObject({
      code: 'validation',
      message: `Lead ${converted.id} is converted: its account, contact and opportunity carry it on, so it cannot be merged.`,
    });
    expect(result.lead.status).toBe('converted');

    const dup = await host.call('leads.create', { lastName: 'Li', company: 'Lee & Co' });
    const { mergeId, survivor } = await host.call('duplicates.merge', { entity: 'lead', survivorId: open.id, mergedIds: [dup.id] });
    await host.call('leads.update', { id: open.id, version: survivor.version, patch: { rating: 'hot' } });
    expect(await host.fail('duplicates.unmerge', { mergeId })).toMatchObject({ code: 'conflict', message: 'The surviving lead was changed after the merge: un-merging would lose that change.' });
    // Ids are of the kind being merged: a contact's id is no lead.
    expect(await host.fail('duplicates.merge', { entity: 'lead', survivorId: open.id, mergedIds: [result.contactId + 100] })).toMatchObject({ code: 'not_found', message: `Lead ${result.contactId + 100} does not exist or is in the recycle bin.` });
  });
});
