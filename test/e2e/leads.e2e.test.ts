import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { Input, MethodName } from '../../shared/contract';
import { startE2eApp, type E2eApp } from './fixture';

/**
 * A salesperson's leads, in real Chromium against the harness: the duplicate
 * check while typing, a clean lead with its score and reasons, conversion into
 * an account, a contact and an opportunity, and the scoring rules page.
 */
describe('leads journey', () => {
  let app: E2eApp;

  beforeAll(async () => {
    app = await startE2eApp();
  });

  afterAll(async () => {
    await app?.close();
  });

  const db = <M extends MethodName>(method: M, input: Input<M>) => app.call(method, input);

  function idFromUrl(page: Page, kind: 'leads' | 'contacts'): number {
    const match = new RegExp(`#/${kind}/(\\d+)`).exec(page.url());
    if (!match) throw new Error(`No ${kind} id in ${page.url()}`);
    return Number(match[1]);
  }

  async function openNewLead(page: Page): Promise<void> {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Leads' }).click();
    await page.getByRole('heading', { level: 1, name: 'Leads', exact: true }).waitFor();
    await page.getByRole('link', { name: 'New lead' }).click();
    await page.getByRole('heading', { level: 1, name: 'New lead', exact: true }).waitFor();
  }

  async function journey(page: Page, juergenId: number): Promise<void> {
    await page.getByRole('heading', { level: 1, name: 'Accounts', exact: true }).waitFor();

    // 1. A lead with the contact's e-mail in other letter case: the panel names the contact before saving.
    await openNewLead(page);
    const duplicates = page.getByRole('region', { name: 'Possible duplicates' });
    await duplicates.getByText('Type an e-mail').waitFor();
    await page.getByLabel('First name', { exact: true }).fill('Jürgen');
    await page.getByRole('textbox', { name: 'Last name', exact: true }).fill('Weiss');
    await page.getByLabel('E-mail', { exact: true }).fill('JUERGEN.WEISS@example.de');
    const match = duplicates.getByRole('link', { name: 'Jürgen Weiß' });
    await match.waitFor();
    expect(await match.getAttribute('href')).toBe(`#/contacts/${juergenId}`);
    expect(await duplicates.textContent()).toContain('same e-mail');
    await app.screenshot(page, 'leads-01-duplicate-panel');
    // Saving is still allowed.
    await page.getByRole('button', { name: 'Create lead' }).click();
    await page.getByRole('heading', { level: 1, name: 'Jürgen Weiss', exact: true }).waitFor();
    const dupLead = await db('leads.get', { id: idFromUrl(page, 'leads') });
    expect(dupLead.email).toBe('JUERGEN.WEISS@example.de');

    // Edit it: disqualifying asks for a reason (the field appears only then); Ctrl+S saves.
    await page.getByRole('link', { name: 'Edit' }).click();
    await page.getByRole('heading', { level: 1, name: 'Edit Jürgen Weiss', exact: true }).waitFor();
    // Editing does not match the lead itself, only the contact.
    await duplicates.getByRole('link', { name: 'Jürgen Weiß' }).waitFor();
    expect(await duplicates.getByRole('listitem').count()).toBe(1);
    await page.getByLabel('Status', { exact: true }).selectOption('disqualified');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText('A reason is required to disqualify a lead').waitFor();
    await page.getByRole('textbox', { name: 'Reason for disqualifying', exact: true }).fill('Already a customer contact');
    await page.keyboard.press('Control+s');
    await page.getByRole('heading', { level: 1, name: 'Jürgen Weiss', exact: true }).waitFor();
    await page.getByText('Disqualified: Already a customer contact').waitFor();
    const disqualified = await db('leads.get', { id: dupLead.id });
    expect(disqualified.status).toBe('disqualified');
    expect(disqualified.version).toBe(dupLead.version + 1);

    // 2. A clean lead: no matches; rated hot, by referral, with e-mail, phone and 120 employees.
    await openNewLead(page);
    await page.getByLabel('First name', { exact: true }).fill('Grace');
    await page.getByRole('textbox', { name: 'Last name', exact: true }).fill('Hopper');
    await page.getByLabel('Company', { exact: true }).fill('Hopper Analytics GmbH');
    await page.getByLabel('Title', { exact: true }).fill('Head of Data');
    await page.getByLabel('E-mail', { exact: true }).fill('grace@hopper-analytics.example');
    await page.getByLabel('Phone', { exact: true }).fill('+49 221 1234567');
    await page.getByLabel('Employees', { exact: true }).fill('120');
    await page.getByLabel('Source', { exact: true }).selectOption('referral');
    await page.getByLabel('Rating', { exact: true }).selectOption('hot');
    // Disqualified asks for a reason; the field is only there then.
    expect(await page.getByLabel('Reason for disqualifying').count()).toBe(0);
    await page.getByLabel('Status', { exact: true }).selectOption('disqualified');
    await page.getByLabel('Reason for disqualifying').waitFor();
    await page.getByLabel('Status', { exact: true }).selectOption('working');
    await page.getByLabel('Reason for disqualifying').waitFor({ state: 'detached' });
    await page.getByLabel('City', { exact: true }).fill('Köln');
    await page.getByLabel('Country', { exact: true }).selectOption('DE');
    await duplicates.getByText('No similar leads, contacts or accounts.').waitFor();
    await app.screenshot(page, 'leads-02-clean-lead-form');
    await page.keyboard.press('Control+s');
    await page.getByRole('heading', { level: 1, name: 'Grace Hopper', exact: true }).waitFor();
    const leadId = idFromUrl(page, 'leads');

    // 3. Its score and the reasons for it.
    const score = page.getByRole('region', { name: 'Score' });
    await score.getByText('Rated hot +20').waitFor();
    const lead = await db('leads.get', { id: leadId });
    expect(lead.score).toBe(55);
    expect(lead.scoreReasons.map((r) => r.label)).toEqual([
      'Rated hot',
      'Came by referral or partner',
      'Has an e-mail address',
      'Has a phone number',
      'Company of 50 or more employees',
    ]);
    expect(await score.getByLabel('Score 55').count()).toBe(1);
    expect(await score.textContent()).toContain('Came by referral or partner +15');
    await app.screenshot(page, 'leads-03-lead-detail');

    // The grid lists both leads, best score first.
    await page.getByRole('link', { name: 'Leads', exact: true }).first().click();
    await page.getByText('2 leads').waitFor();
    await page.getByRole('gridcell', { name: 'Hopper', exact: true }).waitFor();
    await app.screenshot(page, 'leads-04-grid');
    await page.getByRole('gridcell', { name: 'Hopper', exact: true }).dblclick();
    await page.getByRole('heading', { level: 1, name: 'Grace Hopper', exact: true }).waitFor();

    // 4. Convert with an opportunity; the page says what will be created.
    await page.getByRole('link', { name: 'Convert' }).click();
    await page.getByRole('heading', { level: 1, name: 'Convert Grace Hopper', exact: true }).waitFor();
    await page.getByLabel('Also create an opportunity').check();
    await page.getByRole('textbox', { name: 'Opportunity name', exact: true }).fill('Hopper Analytics – data platform');
    await page.getByLabel('Amount', { exact: true }).fill('25,000');
    await page.getByLabel('Expected close date', { exact: true }).fill('2027-03-31');
    const summary = page.getByRole('region', { name: 'What will happen' });
    await summary.getByText('A new account “Hopper Analytics GmbH”', { exact: false }).waitFor();
    await summary.getByText('“Hopper Analytics – data platform” of €25,000.00', { exact: false }).waitFor();
    await app.screenshot(page, 'leads-05-convert');
    await page.getByRole('button', { name: 'Convert lead' }).click();
    await page.getByRole('heading', { level: 1, name: 'Grace Hopper', exact: true }).waitFor();
    await page.getByRole('status').filter({ hasText: 'Lead converted' }).waitFor();
    const contactId = idFromUrl(page, 'contacts');
    await app.screenshot(page, 'leads-06-converted-contact');

    // 5. In the database: the lead is converted and the three records exist and point at each other.
    const converted = await db('leads.get', { id: leadId });
    expect(converted.status).toBe('converted');
    expect(converted.convertedContactId).toBe(contactId);
    const account = await db('accounts.get', { id: converted.convertedAccountId! });
    expect(account.name).toBe('Hopper Analytics GmbH');
    expect(account.employees).toBe(120);
    const contact = await db('contacts.get', { id: contactId });
    expect(contact.account?.id).toBe(account.id);
    expect(contact.emails).toEqual([{ label: 'work', address: 'grace@hopper-analytics.example' }]);
    expect(contact.title).toBe('Head of Data');
    const opportunity = await db('opportunities.get', { id: converted.convertedOpportunityId! });
    expect(opportunity.name).toBe('Hopper Analytics – data platform');
    expect(opportunity.amount).toEqual({ amountMinor: 2_500_000, currency: 'EUR' });
    expect(opportunity.expectedCloseDate).toBe('2027-03-31');

    // The lead's page links to what it became and offers no more Edit or Convert.
    await page.goto(`${app.harness.url}#/leads/${leadId}`);
    await page.getByRole('heading', { level: 1, name: 'Grace Hopper', exact: true }).waitFor();
    await page.getByRole('note', { name: 'Converted' }).getByRole('link', { name: 'Contact', exact: true }).waitFor();
    expect(await page.getByRole('link', { name: 'Convert' }).count()).toBe(0);
    expect(await page.getByRole('note', { name: 'Converted' }).getByRole('link', { name: 'Opportunity' }).getAttribute('href')).toBe(`#/opportunities/${opportunity.id}`);
    await app.screenshot(page, 'leads-07-lead-converted');

    // 6. Scoring rules: a new empty rule is refused with its errors on that row; then removed.
    await page.goto(`${app.harness.url}#/leads/scoring`);
    await page.getByRole('heading', { level: 1, name: 'Lead scoring rules', exact: true }).waitFor();
    expect(await page.getByLabel('Rule 1 label').inputValue()).toBe('Rated hot');
    const rules = await db('leadScoring.listRules', {});
    await page.getByRole('button', { name: 'Add rule' }).click();
    const n = rules.length + 1;
    await page.getByRole('button', { name: 'Save rules' }).click();
    const row = page.getByRole('listitem', { name: `Rule ${n}` });
    await row.getByText('Label is required').waitFor();
    await row.getByText('equals takes exactly one value').waitFor();
    await app.screenshot(page, 'leads-08-scoring-errors');
    await page.getByLabel(`Rule ${n} label`).fill('From Germany');
    await page.getByLabel(`Rule ${n} field`).selectOption('country');
    await page.getByLabel(`Rule ${n} values`).fill('DE');
    await page.getByRole('button', { name: `Move rule ${n} up` }).click();
    await page.getByRole('button', { name: 'Save rules' }).click();
    await page.getByRole('status').filter({ hasText: 'Scoring rules saved' }).waitFor();
    const saved = await db('leadScoring.listRules', {});
    expect(saved.map((r) => r.label)[n - 2]).toBe('From Germany');
    expect(saved).toHaveLength(n);
  }

  it('checks duplicates, scores, converts and edits scoring rules', async () => {
    const juergen = await db('contacts.create', {
      firstName: 'Jürgen',
      lastName: 'Weiß',
      emails: [{ label: 'work', address: 'juergen.weiss@example.de' }],
    });
    const page = await app.newPage();
    try {
      await journey(page, juergen.id);
    } catch (error) {
      await app.screenshot(page, 'leads-failure').catch(() => undefined);
      throw error;
    }
  });

  it('converts a lead onto an existing account and contact, without an opportunity', async () => {
    const account = await db('accounts.create', { name: 'Weißbach Consulting' });
    const contact = await db('contacts.create', { firstName: 'Lena', lastName: 'Weißbach', accountId: account.id });
    const lead = await db('leads.create', { firstName: 'Lena', lastName: 'Weissbach', company: 'Weißbach Consulting', source: 'web' });
    const page = await app.newPage();
    try {
      // Let the start page settle before moving to the lead.
      await page.getByRole('heading', { level: 1, name: 'Accounts', exact: true }).waitFor();
      await page.goto(`${app.harness.url}#/leads/${lead.id}/convert`);
      await page.getByRole('heading', { level: 1, name: 'Convert Lena Weissbach', exact: true }).waitFor();
      await page.getByLabel('Link an existing account').check();
      // Converting without choosing says what is missing, at the field.
      await page.getByRole('button', { name: 'Convert lead' }).click();
      await page.getByText('Choose the account to link').waitFor();
      await page.getByRole('combobox', { name: 'Existing account' }).fill('Weißb');
      await page.getByRole('option', { name: 'Weißbach Consulting' }).click();
      await page.getByText('Choose the account to link').waitFor({ state: 'detached' });
      await page.getByLabel('Link an existing contact').check();
      await page.getByRole('combobox', { name: 'Existing contact' }).fill('Weiß');
      await page.getByRole('option', { name: 'Lena Weißbach (Weißbach Consulting)' }).click();
      const summary = page.getByRole('region', { name: 'What will happen' });
      await summary.getByText('Link to the account “Weißbach Consulting”').waitFor();
      expect(await summary.textContent()).not.toContain('opportunity “');
      await app.screenshot(page, 'leads-09-convert-link-existing');
      await page.getByRole('button', { name: 'Convert lead' }).click();
      await page.getByRole('heading', { level: 1, name: 'Lena Weißbach', exact: true }).waitFor();
      await page.getByRole('status').filter({ hasText: 'Lead converted' }).waitFor();

      const converted = await db('leads.get', { id: lead.id });
      expect(converted.status).toBe('converted');
      expect(converted.convertedAccountId).toBe(account.id);
      expect(converted.convertedContactId).toBe(contact.id);
      expect(converted.convertedOpportunityId).toBeNull();
      expect((await db('accounts.list', { startRow: 0, endRow: 10, withTotal: true, filter: { name: { filterType: 'text', type: 'contains', filter: 'Weißbach' } } })).total).toBe(1);
    } catch (error) {
      await app.screenshot(page, 'leads-failure-link-existing').catch(() => undefined);
      throw error;
    }
  });
});
