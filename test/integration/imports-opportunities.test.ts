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

const opportunities = importer(() => host, 'opportunities');
const rows = (sql: string, params: unknown[] = []) => rowsOf(host, sql, params);
const eur = (amountMinor: number) => ({ amountMinor, currency: 'EUR' });

/** Opportunity fields that follow from the stage, and those the file sets. */
const STATE = `name, account_id, primary_contact_id, owner_id, stage_id, amount_minor, currency, probability, expected_close_date, forecast_category, lost_reason, closed_at`;

async function office() {
  const rep = await addUser(host, 'Rita Rep');
  const acme = await host.call('accounts.create', { name: 'Acme GmbH', ownerId: rep });
  const ada = await host.call('contacts.create', { lastName: 'Lovelace', emails: [{ address: 'ada@acme.example' }], accountId: acme.id });
  const [sales] = await host.call('pipelines.list', {});
  const stage = (name: string) => sales!.stages.find((s) => s.name === name)!.id;
  return { rep, acme, ada, stage };
}

describe('CSV import of opportunities', () => {
  it('puts each opportunity in its stage as the service would: probability, closing and lost reason follow the stage; the history is written', async () => {
    const { rep, acme, ada, stage } = await office();
    const result = await opportunities.run(
      csv([
        'Opportunity Name,Account Name,Stage,Amount,Probability (%),Close Date,Contact Email,Loss Reason,Forecast Category',
        'Big deal,ACME gmbh,Qualification,"1,234.50",,2026-06-30,ada@acme.example,,Best Case',
        'Won deal,Acme GmbH,Closed Won,500,10,2026-03-01,,,Closed',
        'Lost deal,,closed lost,0,,,,Too expensive,',
        'Open deal,,,99.99,35,,,,',
      ]),
    );
    expect(result).toMatchObject({ status: 'applied', counts: { created: 4, failed: 0 } });

    // The same four entered through the form.
    await host.call('opportunities.create', { name: 'Big deal', accountId: acme.id, primaryContactId: ada.id, stageId: stage('Qualification'), amount: eur(123450), expectedCloseDate: '2026-06-30', forecastCategory: 'best_case', ownerId: rep });
    await host.call('opportunities.create', { name: 'Won deal', accountId: acme.id, stageId: stage('Closed won'), amount: eur(50000), probability: 10, expectedCloseDate: '2026-03-01', forecastCategory: 'commit', ownerId: rep });
    await host.call('opportunities.create', { name: 'Lost deal', stageId: stage('Closed lost'), amount: eur(0), lostReason: 'Too expensive' });
    await host.call('opportunities.create', { name: 'Open deal', amount: eur(9999), probability: 35 });
    const stored = await rows(`SELECT ${STATE} FROM opportunities ORDER BY id`);
    expect(stored.slice(0, 4)).toEqual(stored.slice(4));
    // Owners: the account's without an owner column; probability 100 and 0 forced by the won and lost stages.
    expect(stored.slice(0, 4).map((o) => [o.name, o.owner_id, o.probability, o.closed_at])).toEqual([
      ['Big deal', rep, 20, null],
      ['Won deal', rep, 100, '2026-03-01T09:00:00.000Z'],
      ['Lost deal', host.session.userId, 0, '2026-03-01T09:00:00.000Z'],
      ['Open deal', host.session.userId, 35, null],
    ]);
    const history = await rows(`SELECT o.name, h.from_stage_id, h.to_stage_id, h.amount_minor, h.probability FROM opportunity_stage_history h JOIN opportunities o ON o.id = h.opportunity_id WHERE o.id <= 4 ORDER BY h.id`);
    expect(history).toEqual([
      { name: 'Big deal', from_stage_id: null, to_stage_id: stage('Qualification'), amount_minor: 123450, probability: 20 },
      { name: 'Won deal', from_stage_id: null, to_stage_id: stage('Closed won'), amount_minor: 50000, probability: 100 },
      { name: 'Lost deal', from_stage_id: null, to_stage_id: stage('Closed lost'), amount_minor: 0, probability: 0 },
      { name: 'Open deal', from_stage_id: null, to_stage_id: stage('Prospecting'), amount_minor: 9999, probability: 35 },
    ]);
    const found = await host.call('search.global', { text: 'won deal', kinds: ['opportunity'] });
    expect(found.groups[0]!.total).toBe(2);
  });

  it('names what it cannot resolve, pinned to the field: stage, pipeline, account, contact, lost reason, amount', async () => {
    await office();
    await host.call('accounts.create', { name: 'Twin AG' });
    await host.call('accounts.create', { name: 'twin ag' });
    const result = await opportunities.run(
      csv([
        'Name,Account,Pipeline,Stage,Amount,Contact Email,Lost Reason,Currency',
        'A,,,Signed,10,,,',
        'B,,Renewals,,10,,,',
        'C,Twin AG,,,10,,,',
        'D,,,,10,nobody@example.com,,',
        'E,,,Closed lost,10,,,',
        'F,,,,,,,',
        'G,,,,-5,,,',
        'H,,,,10,,,EURO',
      ]),
      { policy: 'skip_and_report' },
    );
    expect(result.errors.map((e) => [e.row, e.field, e.message])).toEqual([
      [1, 'stage', 'No stage "Signed" in the pipeline Sales (stages: Prospecting, Qualification, Needs analysis, Proposal, Negotiation, Closed won, Closed lost)'],
      [2, 'pipeline', 'No pipeline called "Renewals" (pipelines: Sales)'],
      [3, 'accountName', '2 accounts are called "Twin AG": use the account\'s external id'],
      [4, 'contactEmail', 'No contact has the e-mail "nobody@example.com"'],
      [5, 'lostReason', 'Say why the opportunity was lost'],
      [6, 'amount', 'Enter an amount'],
      [7, 'amount', 'An amount cannot be negative'],
      [8, 'currency', '"EURO": Use a three-letter ISO currency code such as EUR'],
    ]);
    expect(result.counts).toMatchObject({ created: 0, failed: 8 });
  });

  it('updates by name within the account and by external id; a stage change is recorded; undo restores the rows and takes the history back', async () => {
    const { acme, stage } = await office();
    const deal = await host.call('opportunities.create', { name: 'Renewal', accountId: acme.id, amount: eur(1000), stageId: stage('Proposal'), nextStep: 'Call' });
    await host.call('opportunities.create', { name: 'Renewal', amount: eur(5) });
    const before = await snapshot(host);

    const byName = await opportunities.run(csv(['Name,Account,Stage,Amount,Opportunity ID', 'Renewal,acme gmbh,Negotiation,"2,000",006A', 'Renewal,Acme GmbH,Negotiation,"2,000",']), {
      mode: 'update',
      key: 'name',
      policy: 'skip_and_report',
    });
    expect(byName.counts).toMatchObject({ updated: 1, unchanged: 1, failed: 0 });
    expect(await host.call('opportunities.get', { id: deal.id })).toMatchObject({ stage: { name: 'Negotiation' }, probability: 80, amount: eur(200000), nextStep: 'Call' });
    const byId = await opportunities.run(csv(['Opportunity ID,Name,Stage,Amount', '006A,Renewal,Closed won,"2,000"', '006B,Fresh,,1']), { mode: 'upsert', key: 'externalId' });
    expect(byId.counts).toMatchObject({ updated: 1, created: 1 });
    expect((await host.call('opportunities.stageHistory', { id: deal.id })).map((h) => [h.fromStage?.name ?? null, h.toStage.name, h.probability])).toEqual([
      [null, 'Proposal', 60],
      ['Proposal', 'Negotiation', 80],
      ['Negotiation', 'Closed won', 100],
    ]);

    await host.call('imports.undo', { importId: byId.importId! });
    await host.call('imports.undo', { importId: byName.importId! });
    const after = await snapshot(host);
    const live = (after.opportunities as Record<string, unknown>[]).filter((o) => o.deleted_at === null);
    expect(live.map(contentOf)).toEqual((before.opportunities as Record<string, unknown>[]).map(contentOf));
    expect(after.opportunity_stage_history).toEqual([...(before.opportunity_stage_history as unknown[]), expect.objectContaining({ to_stage_id: stage('Prospecting') })]);
    // The external id the update added is gone; the created opportunity keeps its own in the recycle bin.
    expect(await rows(`SELECT k.key, o.deleted_at IS NOT NULL AS deleted FROM record_keys k JOIN opportunities o ON o.id = k.record_id WHERE k.entity = 'opportunity'`)).toEqual([{ key: '006B', deleted: 1 }]);
  });

  it('refuses an opportunity already on file by name and account, or by external id', async () => {
    const { acme } = await office();
    await host.call('opportunities.create', { name: 'Big deal', accountId: acme.id, amount: eur(1) });
    const result = await opportunities.run(csv(['Name,Account,Amount', 'BIG DEAL,Acme GmbH,1', 'Big deal,,1']), { policy: 'skip_and_report' });
    expect(result.errors.map((e) => [e.row, e.field, e.message])).toEqual([[1, 'name', 'An opportunity with this name already exists for this account: import with "update or create" to update it']]);
    expect(result.counts).toMatchObject({ created: 1, failed: 1 });
  });

  it('a dry run reports what would happen and keeps nothing', async () => {
    await office();
    const before = await snapshot(host);
    const result = await opportunities.run(csv(['Name,Stage,Amount', 'A,Closed won,10', 'B,Nowhere,10']), { dryRun: true });
    expect(result).toMatchObject({ importId: null, dryRun: true, status: 'failed', counts: { created: 1, failed: 1 } });
    expect(await snapshot(host)).toEqual(before);
  });

  it('round trip: export the opportunities grid, import the file into a fresh office, and get the same opportunities', async () => {
    const { acme, stage } = await office();
    await host.call('opportunities.create', { name: 'Big deal', accountId: acme.id, amount: eur(123450), stageId: stage('Negotiation'), probability: 70, expectedCloseDate: '2026-06-30', forecastCategory: 'best_case' });
    await host.call('opportunities.create', { name: 'Yen deal', amount: { amountMinor: 5000, currency: 'JPY' }, stageId: stage('Closed won') });
    const columns = [
      { colId: 'name', header: 'Name' },
      { colId: 'accountName', header: 'Account' },
      { colId: 'stageName', header: 'Stage' },
      { colId: 'amountMinor', header: 'Amount' },
      { colId: 'probability', header: 'Probability' },
      { colId: 'expectedCloseDate', header: 'Expected close' },
      { colId: 'ownerName', header: 'Owner' },
      { colId: 'pipelineName', header: 'Pipeline' },
      { colId: 'forecastCategory', header: 'Forecast category' },
    ];
    const exported = await host.call('exports.grid', { grid: 'opportunities', columns, format: 'csv' });
    const listed = async () => (await host.call('opportunities.list', { startRow: 0, endRow: 100 })).rows.map(({ id: _i, version: _v, updatedAt: _u, ...r }) => r);
    const before = await listed();
    await host.close();

    host = await tempHost();
    await host.call('accounts.create', { name: 'Acme GmbH' });
    const fileId = await upload(host, Buffer.from(exported.contentBase64!, 'base64'), exported.fileName);
    const inspected = await host.call('imports.inspect', { fileId, target: 'opportunities' });
    expect(inspected.columns).toEqual(['name', 'accountName', 'stage', 'amount', 'probability', 'expectedCloseDate', 'owner', 'pipeline', 'forecastCategory', 'currency']);
    const result = await host.call('imports.run', { fileId, target: 'opportunities', encoding: inspected.encoding, delimiter: inspected.delimiter, columns: inspected.columns });
    expect(result.counts).toMatchObject({ created: 2, failed: 0 });
    expect(await listed()).toEqual(before);
  });
});
