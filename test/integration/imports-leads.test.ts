import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addUser, contentOf, importer, rowsOf } from '../support/import-run';
import { csv, upload } from '../support/import-upload';
import { snapshot, tempHost, type TestHost } from '../support/temp-host';

let host: TestHost;
beforeEach(async () => {
  host = await tempHost();
});
afterEach(async () => {
  await host.close();
});

const leads = importer(() => host, 'leads');
const rows = (sql: string, params: unknown[] = []) => rowsOf(host, sql, params);

const SALESFORCE = csv([
  'Lead ID,First Name,Last Name,Company,Email,Phone,Country,No. of Employees,Lead Source,Lead Status,Rating,Lead Owner',
  '00Q1,Hans,Müller,Acme GmbH,hans@example.com,+49 89 1234567,Germany,120,Partner Referral,Open - Not Contacted,Hot,',
  '00Q2,Zoë,Adams,,zoe@example.com,,FR,3,Trade Show,Working - Contacted,,Rolf Rest',
]);

describe('CSV import of leads', () => {
  it("reads a Salesforce export (its sources and statuses too), scores every lead as the service would and assigns owners by the territory rules", async () => {
    const dora = await addUser(host, 'Dora DACH');
    const rolf = await addUser(host, 'Rolf Rest');
    await host.call('territories.save', { name: 'DACH', rules: [{ field: 'country', values: ['DE', 'AT', 'CH'] }], memberIds: [dora] });
    await host.call('assignment.saveSettings', { queueOwnerId: rolf, assignOnCreate: true });
    const { info } = await leads.inspect(SALESFORCE);
    expect(info.presetId).toBe('salesforce-leads');

    const result = await leads.run(SALESFORCE);
    expect(result).toMatchObject({ status: 'applied', counts: { rows: 2, created: 2, failed: 0 } });
    expect(await rows(`SELECT last_name, company, email_normalized, phone_e164, country, employees, source, status, rating, owner_id FROM leads ORDER BY id`)).toEqual([
      { last_name: 'Müller', company: 'Acme GmbH', email_normalized: 'hans@example.com', phone_e164: '+49891234567', country: 'DE', employees: 120, source: 'partner', status: 'new', rating: 'hot', owner_id: dora },
      { last_name: 'Adams', company: null, email_normalized: 'zoe@example.com', phone_e164: null, country: 'FR', employees: 3, source: 'trade_show', status: 'working', rating: null, owner_id: rolf },
    ]);
    // The territory rules assigned the lead without an owner in the file, and wrote its history.
    expect(await rows(`SELECT l.last_name FROM assignments s JOIN leads l ON l.id = s.record_id WHERE s.entity = 'lead'`)).toEqual([{ last_name: 'Müller' }]);

    // The same lead entered through the form scores the same, for the same reasons.
    const [hans] = await rows(`SELECT id FROM leads WHERE last_name = 'Müller'`);
    const imported = await host.call('leads.get', { id: hans!.id as number });
    const typed = await host.call('leads.create', {
      firstName: 'Hans',
      lastName: 'Müller',
      company: 'Acme GmbH',
      email: 'hans2@example.com',
      phone: '+49 89 1234567',
      address: { country: 'DE' },
      employees: 120,
      source: 'partner',
      rating: 'hot',
    });
    expect(imported.score).toBeGreaterThan(0);
    expect({ score: imported.score, reasons: imported.scoreReasons }).toEqual({ score: typed.score, reasons: typed.scoreReasons });

    // Found by global search (the import indexes what it created) and by its Salesforce id next time.
    const found = await host.call('search.global', { text: 'müller', kinds: ['lead'] });
    expect(found.groups[0]!.hits.map((h) => h.id)).toContain(imported.id);
    expect(await rows(`SELECT key FROM record_keys WHERE entity = 'lead' AND kind = 'external' ORDER BY key`)).toEqual([{ key: '00Q1' }, { key: '00Q2' }]);
  });

  it('upserts by e-mail, rescores the changed lead, and undo restores every row exactly, the score included', async () => {
    const kept = await host.call('leads.create', { firstName: 'Old', lastName: 'Name', email: 'old@example.com', rating: 'cold', source: 'web', address: { street: 'Main St 1', city: 'Berlin' } });
    const before = await snapshot(host);
    const result = await leads.run(csv(['Email,Last Name,Rating,Source,City', 'OLD@example.com,Name,Hot,Referral,Hamburg', 'new@example.com,New,,,']), { mode: 'upsert', key: 'email' });
    expect(result.counts).toMatchObject({ rows: 2, created: 1, updated: 1, failed: 0 });
    const updated = await host.call('leads.get', { id: kept.id });
    expect(updated).toMatchObject({ rating: 'hot', source: 'referral', address: { street: 'Main St 1', city: 'Hamburg' } });
    expect(updated.score).toBeGreaterThan(kept.score);
    // What the scoring service computes for the lead as it now is: nothing left to change.
    expect((await host.call('leads.rescore', { id: kept.id })).score).toBe(updated.score);

    const undo = await host.call('imports.undo', { importId: result.importId! });
    expect(undo).toMatchObject({ deleted: 1, restored: 1 });
    const after = await snapshot(host);
    const live = (after.leads as Record<string, unknown>[]).filter((l) => l.deleted_at === null);
    expect(live.map(contentOf)).toEqual((before.leads as Record<string, unknown>[]).map(contentOf));
    expect((after.leads as Record<string, unknown>[]).filter((l) => l.deleted_at !== null).map((l) => l.last_name)).toEqual(['New']);
  });

  it('updates by external id, refusing what the lead form refuses: a converted lead keeps its status, disqualifying needs a reason', async () => {
    await leads.run(csv(['Lead ID,Last Name,Email', '00QA,Alpha,a@example.com', '00QB,Beta,b@example.com']));
    await host.call('leads.create', { lastName: 'Gamma', email: 'a@example.com' });
    const [beta] = await rows(`SELECT id, version FROM leads WHERE last_name = 'Beta'`);
    await rows(`UPDATE leads SET status = 'converted' WHERE id = ?`, [beta!.id]);
    const result = await leads.run(
      csv(['Lead ID,Lead Status,Title,Disqualified reason', '00QA,Closed - Not Converted,CEO,', '00QB,Working,CTO,', '00QC,New,,', '00QA,Closed - Not Converted,,No budget']),
      { mode: 'update', policy: 'skip_and_report' },
    );
    expect(result.errors.map((e) => [e.row, e.field, e.message])).toEqual([
      [1, 'disqualifiedReason', 'A reason is required to disqualify a lead'],
      [2, 'status', 'A converted lead keeps its status'],
      [3, 'externalId', 'No lead has this external id: nothing to update'],
    ]);
    expect(result.counts).toMatchObject({ updated: 1, failed: 3 });
    expect(await rows(`SELECT last_name, status, disqualified_reason FROM leads WHERE last_name = 'Alpha'`)).toEqual([{ last_name: 'Alpha', status: 'disqualified', disqualified_reason: 'No budget' }]);
    // By e-mail, two leads with the address are an ambiguity the import names instead of picking one.
    const ambiguous = await leads.run(csv(['Email,Title', 'a@example.com,CFO']), { mode: 'update', key: 'email', policy: 'skip_and_report' });
    expect(ambiguous.errors).toEqual([{ row: 1, line: 2, field: 'email', message: '2 records have this e-mail: merge them first or import by external id' }]);
  });

  it('refuses duplicates and unknown owners at the door, pinned to the field, in the preview too', async () => {
    await host.call('leads.create', { lastName: 'There', email: 'there@example.com' });
    const file = csv(['Last Name,Email,Owner,Rating', 'New,new@example.com,,', 'Again,THERE@example.com,,', 'Nobody,x@example.com,Nobody Known,', 'Lukewarm,y@example.com,,tepid']);
    const preview = await leads.preview(file);
    expect(preview.map((r) => [r.row, r.action, r.errors.map((e) => [e.field, e.message])])).toEqual([
      [1, 'create', []],
      [2, 'error', [['email', 'A lead with this e-mail already exists: import with "update or create" to update it']]],
      [3, 'error', [['owner', 'No user called "Nobody Known"']]],
      [4, 'error', [['rating', 'Unknown rating "tepid"']]],
    ]);
  });

  it('a dry run reports what would happen and keeps nothing', async () => {
    await addUser(host, 'Rolf Rest');
    const before = await snapshot(host);
    const result = await leads.run(SALESFORCE, { dryRun: true });
    expect(result).toMatchObject({ importId: null, dryRun: true, status: 'applied', counts: { created: 2, failed: 0 } });
    expect(await snapshot(host)).toEqual(before);
  });

  it('round trip: export the leads grid, import the file into a fresh office, and get the same leads', async () => {
    await host.call('leads.create', { firstName: 'Hans', lastName: 'Müller', company: 'Acme GmbH', title: 'CTO', email: 'hans@example.com', phone: '+49 89 1234567', address: { city: 'München', country: 'DE' }, source: 'trade_show', status: 'working', rating: 'hot' });
    await host.call('leads.create', { lastName: 'Adams', email: 'zoe@example.com', source: 'web' });
    const columns = [
      { colId: 'lastName', header: 'Last name' },
      { colId: 'firstName', header: 'First name' },
      { colId: 'company', header: 'Company' },
      { colId: 'status', header: 'Status' },
      { colId: 'rating', header: 'Rating' },
      { colId: 'score', header: 'Score' },
      { colId: 'source', header: 'Source' },
      { colId: 'title', header: 'Title' },
      { colId: 'email', header: 'E-mail' },
      { colId: 'phone', header: 'Phone' },
      { colId: 'city', header: 'City' },
      { colId: 'country', header: 'Country' },
      { colId: 'ownerName', header: 'Owner' },
    ];
    const exported = await host.call('exports.grid', { grid: 'leads', sort: [{ colId: 'lastName', sort: 'asc' }], columns, format: 'csv' });
    const listed = async () =>
      (await host.call('leads.list', { startRow: 0, endRow: 100, sort: [{ colId: 'lastName', sort: 'asc' }] })).rows.map(({ id: _i, version: _v, createdAt: _c, updatedAt: _u, ...r }) => r);
    const before = await listed();
    await host.close();

    host = await tempHost();
    const fileId = await upload(host, Buffer.from(exported.contentBase64!, 'base64'), exported.fileName);
    const inspected = await host.call('imports.inspect', { fileId, target: 'leads' });
    // Everything but the score, which the import computes.
    expect(inspected.columns).toEqual(['lastName', 'firstName', 'company', 'status', 'rating', null, 'source', 'title', 'email', 'phone', 'city', 'country', 'owner']);
    const result = await host.call('imports.run', { fileId, target: 'leads', encoding: inspected.encoding, delimiter: inspected.delimiter, columns: inspected.columns });
    expect(result.counts).toMatchObject({ created: 2, failed: 0 });
    expect(await listed()).toEqual(before);
  });
});
