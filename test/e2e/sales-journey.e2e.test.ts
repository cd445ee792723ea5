import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import type { Input, MethodName } from '../../shared/contract';
import { startE2eApp, type E2eApp } from './fixture';

/**
 * Issue #3's journey, in real Chromium against the harness: a lead that looks
 * like an existing contact is flagged; a clean lead gets a logged call and is
 * converted with an opportunity; the opportunity is dragged across the kanban
 * to Won; the forecast and the timelines show it; the command palette finds
 * the new contact by a partial name typed without its accents.
 */
describe('sales journey: lead → call → conversion → kanban → forecast → palette', () => {
  let app: E2eApp;

  beforeAll(async () => {
    app = await startE2eApp();
  });

  afterAll(async () => {
    await app?.close();
  });

  const db = <M extends MethodName>(method: M, input: Input<M>) => app.call(method, input);

  const idIn = (page: Page, kind: string) => Number(new RegExp(`#/${kind}/(\\d+)`).exec(page.url())?.[1] ?? Number.NaN);
  const nav = (page: Page, name: string) => page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name, exact: true }).click();
  const heading = (page: Page, name: string) => page.getByRole('heading', { level: 1, name, exact: true }).waitFor();
  const column = (page: Page, stage: string) => page.getByRole('region', { name: stage, exact: true });

  /**
   * Carries a card with the board's keyboard drag (Space, arrows, Space): the
   * pointer drag is covered in opportunities.e2e.test.ts, and across many
   * columns the board scrolls under a scripted pointer.
   */
  async function carry(page: Page, handle: Locator, name: string, stage: string): Promise<void> {
    const announced = () => page.locator('[id^="DndLiveRegion"]').textContent();
    await handle.focus();
    await page.keyboard.press('Space');
    await expect.poll(announced, { timeout: 5_000 }).toContain(`Picked up ${name}`);
    for (let i = 0; i < 10 && (await announced()) !== `${name} is over ${stage}.`; i++) {
      await page.keyboard.press('ArrowRight');
      await page.waitForTimeout(50);
    }
    expect(await announced()).toBe(`${name} is over ${stage}.`);
    await page.keyboard.press('Space');
  }

  async function journey(page: Page): Promise<void> {
    const existing = await db('contacts.create', { firstName: 'Jürgen', lastName: 'Weiß', emails: [{ address: 'juergen.weiss@example.de' }] });
    await heading(page, 'Accounts');

    // 1. A lead that looks like an existing contact: the form warns before saving.
    await nav(page, 'Leads');
    await page.getByRole('link', { name: 'New lead' }).click();
    await heading(page, 'New lead');
    await page.getByLabel('First name', { exact: true }).fill('Jürgen');
    await page.getByRole('textbox', { name: 'Last name', exact: true }).fill('Weiss');
    await page.getByLabel('E-mail', { exact: true }).fill('Juergen.Weiss@Example.de');
    const duplicates = page.getByRole('region', { name: 'Possible duplicates' });
    const match = duplicates.getByRole('link', { name: 'Jürgen Weiß' });
    await match.waitFor();
    expect(await match.getAttribute('href')).toBe(`#/contacts/${existing.id}`);
    await app.screenshot(page, 'sales-01-duplicate-warning');
    await page.getByRole('button', { name: 'Cancel' }).click();

    // 2. A clean lead.
    await nav(page, 'Leads');
    await page.getByRole('link', { name: 'New lead' }).click();
    await heading(page, 'New lead');
    await page.getByLabel('First name', { exact: true }).fill('Zoë');
    await page.getByRole('textbox', { name: 'Last name', exact: true }).fill('Ångström');
    await page.getByLabel('Company', { exact: true }).fill('Nordljus Analys AB');
    await page.getByLabel('E-mail', { exact: true }).fill('zoe@nordljus.example');
    await page.getByLabel('Rating', { exact: true }).selectOption('hot');
    await duplicates.getByText('No similar leads, contacts or accounts.').waitFor();
    await page.keyboard.press('Control+s');
    await heading(page, 'Zoë Ångström');
    const leadId = idIn(page, 'leads');

    // 3. Log a call on the lead; it shows on the lead's timeline.
    const panel = page.getByRole('region', { name: 'Activities' });
    await panel.getByRole('button', { name: 'Log call' }).click();
    const callForm = page.getByRole('form', { name: 'Log call' });
    await callForm.getByLabel('Subject').fill('Discovery call');
    await callForm.getByLabel('Outcome').selectOption('connected');
    await callForm.getByLabel('Duration (minutes)').fill('20');
    await callForm.getByRole('button', { name: 'Save call' }).click();
    await callForm.waitFor({ state: 'detached' });
    await page.getByRole('list', { name: 'Timeline' }).getByText('Call: Discovery call').waitFor();
    await app.screenshot(page, 'sales-02-lead-with-call');

    // 4. Convert it with an opportunity.
    await page.getByRole('link', { name: 'Convert' }).click();
    await heading(page, 'Convert Zoë Ångström');
    await page.getByLabel('Also create an opportunity').check();
    await page.getByRole('textbox', { name: 'Opportunity name', exact: true }).fill('Nordljus – analytics rollout');
    await page.getByLabel('Amount', { exact: true }).fill('40,000');
    await page.getByRole('button', { name: 'Convert lead' }).click();
    await heading(page, 'Zoë Ångström');
    const contactId = idIn(page, 'contacts');
    const lead = await db('leads.get', { id: leadId });
    expect(lead).toMatchObject({ status: 'converted', convertedContactId: contactId });
    const opportunityId = lead.convertedOpportunityId!;
    // The call moved to the contact, and its timeline shows it.
    await page.getByRole('list', { name: 'Timeline' }).getByText('Call: Discovery call').waitFor();
    const calls = await db('activities.forRecord', { entity: 'contact', id: contactId });
    expect(calls.map((a) => a.subject)).toContain('Discovery call');

    // 5. Drag the opportunity across the kanban to Won.
    await nav(page, 'Pipeline');
    await heading(page, 'Pipeline');
    const card = column(page, 'Prospecting').getByRole('article', { name: 'Nordljus – analytics rollout' });
    await card.waitFor();
    await carry(page, card.getByRole('button', { name: 'Move Nordljus – analytics rollout' }), 'Nordljus – analytics rollout', 'Closed won');
    await column(page, 'Closed won').getByRole('article', { name: 'Nordljus – analytics rollout' }).waitFor();
    await expect.poll(async () => (await db('opportunities.get', { id: opportunityId })).stage.name, { timeout: 5_000 }).toBe('Closed won');
    const won = await db('opportunities.get', { id: opportunityId });
    expect(won).toMatchObject({ probability: 100, amount: { amountMinor: 4_000_000, currency: 'EUR' } });
    expect(won.closedAt).not.toBeNull();
    await app.screenshot(page, 'sales-03-kanban-won');

    // 6. The forecast shows the won amount in this quarter.
    await nav(page, 'Forecast');
    await heading(page, 'Forecast');
    const now = new Date();
    const quarter = `${now.getFullYear()}-Q${Math.ceil((now.getMonth() + 1) / 3)}`;
    const row = page.getByRole('table', { name: 'Forecast figures' }).getByRole('row', { name: new RegExp(`^${quarter}`) });
    await row.getByRole('cell', { name: '€40,000.00' }).first().waitFor();
    await app.screenshot(page, 'sales-04-forecast');

    // 7. The opportunity's timeline shows the stage change to Won.
    await page.goto(`${app.harness.url}#/opportunities/${opportunityId}`);
    await heading(page, 'Nordljus – analytics rollout');
    await page.getByRole('list', { name: 'Timeline' }).getByText('Nordljus – analytics rollout: Prospecting → Closed won').waitFor();
    await app.screenshot(page, 'sales-05-opportunity-timeline');

    // 8. The palette finds the new contact by a partial name typed without accents.
    await page.keyboard.press('Control+k');
    const palette = page.getByRole('dialog', { name: 'Search and commands' });
    await palette.waitFor();
    await page.keyboard.type('angstr');
    const hit = palette.getByRole('group', { name: 'Contacts' }).getByRole('option', { name: /Zoë Ångström/ });
    await hit.waitFor();
    await app.screenshot(page, 'sales-06-palette');
    await hit.click();
    await heading(page, 'Zoë Ångström');
    expect(page.url()).toContain(`#/contacts/${contactId}`);
  }

  it('finds duplicates, converts a lead, wins the deal and finds it again', async () => {
    const page = await app.newPage();
    try {
      await journey(page);
    } catch (error) {
      await app.screenshot(page, 'sales-failure').catch(() => undefined);
      throw error;
    }
  });
});
