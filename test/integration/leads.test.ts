import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempHost, type TestHost } from '../support/temp-host';

let host: TestHost;
beforeEach(async () => {
  host = await tempHost();
});
afterEach(async () => {
  await host.close();
});

const stored = async (id: number) =>
  (await host.dataSource.query(`SELECT sort_name, email_normalized, phone_e164 FROM leads WHERE id = ?`, [id]))[0] as Record<string, string | null>;

describe('leads', () => {
  it('creates a lead with normalised keys and a score explained by the default rules', async () => {
    const lead = await host.call('leads.create', {
      firstName: 'Jörg',
      lastName: ' Müller ',
      company: 'Müller Maschinenbau GmbH',
      email: ' Joerg.Mueller@Example.DE ',
      phone: '089 1234567',
      address: { city: 'München', country: 'de' },
      source: 'referral',
      rating: 'hot',
      employees: 120,
      industry: 'Manufacturing',
    });
    expect(lead).toMatchObject({
      lastName: 'Müller',
      email: 'Joerg.Mueller@Example.DE',
      phone: '089 1234567',
      phoneE164: '+49891234567',
      address: { city: 'München', country: 'DE' },
      status: 'new',
      source: 'referral',
      rating: 'hot',
      owner: { name: 'Test Admin' },
      version: 1,
      score: 55,
      scoreReasons: [
        { label: 'Rated hot', points: 20 },
        { label: 'Came by referral or partner', points: 15 },
        { label: 'Has an e-mail address', points: 5 },
        { label: 'Has a phone number', points: 5 },
        { label: 'Company of 50 or more employees', points: 10 },
      ],
    });
    expect(await stored(lead.id)).toEqual({ sort_name: 'muller\u0001jorg', email_normalized: 'joerg.mueller@example.de', phone_e164: '+49891234567' });
    expect(await host.call('leads.get', { id: lead.id })).toEqual(lead);
    // Derived keys and the score are stored, but not history a person reads.
    const [created] = await host.call('audit.forRecord', { entity: 'lead', id: lead.id });
    expect(Object.keys(created!.changes)).not.toContain('phone_e164');
    expect(Object.keys(created!.changes)).not.toContain('score');
    expect(created!.changes.email).toEqual([null, 'Joerg.Mueller@Example.DE']);
  });

  it('keeps the derived keys in step on every update; an invalid phone has no E.164', async () => {
    const lead = await host.call('leads.create', { lastName: 'Doe', phone: '089 1234567' });
    expect(lead.phoneE164).toBeNull(); // no country, no + prefix: not a valid number
    let updated = await host.call('leads.update', { id: lead.id, version: 1, patch: { address: { country: 'DE' } } });
    expect(updated.phoneE164).toBe('+49891234567');
    updated = await host.call('leads.update', { id: lead.id, version: 2, patch: { phone: '+49 12', firstName: 'Jane', email: 'JANE@x.org' } });
    expect(await stored(lead.id)).toEqual({ sort_name: 'doe\u0001jane', email_normalized: 'jane@x.org', phone_e164: null });
    updated = await host.call('leads.update', { id: lead.id, version: 3, patch: { phone: '+1 212 456 7890' } });
    expect(updated.phoneE164).toBe('+12124567890');
    const history = await host.call('audit.forRecord', { entity: 'lead', id: lead.id });
    expect(history[0]!.changes).toEqual({ phone: ['+49 12', '+1 212 456 7890'] });
  });

  it('refuses a stale save and keeps the newer data', async () => {
    const lead = await host.call('leads.create', { lastName: 'Doe' });
    await host.call('leads.update', { id: lead.id, version: 1, patch: { title: 'CTO' } });
    const error = await host.fail('leads.update', { id: lead.id, version: 1, patch: { title: 'CEO' } });
    expect(error.code).toBe('conflict');
    expect((await host.call('leads.get', { id: lead.id })).title).toBe('CTO');
  });

  it('disqualifying needs a reason; leaving the status clears it', async () => {
    const lead = await host.call('leads.create', { lastName: 'Doe' });
    const refused = await host.fail('leads.update', { id: lead.id, version: 1, patch: { status: 'disqualified' } });
    expect(refused).toMatchObject({ code: 'validation', issues: [{ path: 'patch.disqualifiedReason' }] });
    expect((await host.fail('leads.create', { lastName: 'X', status: 'disqualified' })).code).toBe('validation');
    const dq = await host.call('leads.update', { id: lead.id, version: 1, patch: { status: 'disqualified', disqualifiedReason: 'No budget' } });
    expect(dq).toMatchObject({ status: 'disqualified', disqualifiedReason: 'No budget' });
    const back = await host.call('leads.update', { id: lead.id, version: 2, patch: { status: 'working' } });
    expect(back).toMatchObject({ status: 'working', disqualifiedReason: null });
    expect((await host.fail('leads.update', { id: lead.id, version: 3, patch: { status: 'converted' } })).code).toBe('validation');
  });

  it('moves to the recycle bin and restores, both audited', async () => {
    const lead = await host.call('leads.create', { lastName: 'Doe' });
    await host.call('leads.delete', { id: lead.id });
    expect((await host.call('leads.list', { startRow: 0, endRow: 10 })).rows).toHaveLength(0);
    expect((await host.fail('leads.update', { id: lead.id, version: 2, patch: { title: 'X' } })).code).toBe('not_found');
    const restored = await host.call('leads.restore', { id: lead.id });
    expect(restored.deletedAt).toBeNull();
    const actions = (await host.call('audit.forRecord', { entity: 'lead', id: lead.id })).map((h) => h.action);
    expect(actions).toEqual(['restore', 'delete', 'create']);
  });

  it('lists a grid page: folded name order and filters, status filter, score sort', async () => {
    await host.call('leads.create', { lastName: 'Zimmer', firstName: 'Ann', rating: 'hot' });
    await host.call('leads.create', { lastName: 'Ángel', firstName: 'Bo', status: 'working' });
    await host.call('leads.create', { lastName: 'angela', company: 'Acme', email: 'a@b.co' });
    const page = await host.call('leads.list', { startRow: 0, endRow: 10 });
    expect(page.rows.map((r) => r.lastName)).toEqual(['Ángel', 'angela', 'Zimmer']);
    expect(page.total).toBe(3);
    const byScore = await host.call('leads.list', { startRow: 0, endRow: 10, sort: [{ colId: 'score', sort: 'desc' }] });
    expect(byScore.rows.map((r) => [r.lastName, r.score])).toEqual([
      ['Zimmer', 20],
      ['angela', 5],
      ['Ángel', 0],
    ]);
    const working = await host.call('leads.list', { startRow: 0, endRow: 10, filter: { status: { filterType: 'text', type: 'equals', filter: 'working' } } });
    expect(working.rows.map((r) => r.lastName)).toEqual(['Ángel']);
    const ang = await host.call('leads.list', { startRow: 0, endRow: 10, filter: { lastName: { filterType: 'text', type: 'equals', filter: 'ANGEL' } } });
    expect(ang.rows.map((r) => r.lastName)).toEqual(['Ángel']);
    const starts = await host.call('leads.list', { startRow: 0, endRow: 10, filter: { lastName: { filterType: 'text', type: 'startsWith', filter: 'ang' } } });
    expect(starts.rows).toHaveLength(2);
  });
});
