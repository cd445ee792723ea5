import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { Input, MethodName } from '../../shared/contract';
import { startE2eApp, type E2eApp } from './fixture';

/**
 * One user's day with accounts and contacts, in real Chromium against the
 * harness: create, find, edit, collide with a second tab, delete and undo.
 */
describe('accounts and contacts journey', () => {
  let app: E2eApp;

  beforeAll(async () => {
    app = await startE2eApp();
  });

  afterAll(async () => {
    await app?.close();
  });

  /** Reads the database through the same dispatch the UI uses. */
  const db = <M extends MethodName>(method: M, input: Input<M>) => app.call(method, input);

  function idFromUrl(page: Page, kind: 'accounts' | 'contacts'): number {
    const match = new RegExp(`#/${kind}/(\\d+)`).exec(page.url());
    if (!match) throw new Error(`No ${kind} id in ${page.url()}`);
    return Number(match[1]);
  }

  async function createContact(page: Page, first: string, last: string, title: string, email: string): Promise<number> {
    await page.getByRole('link', { name: 'New contact' }).click();
    await page.getByRole('heading', { level: 1, name: 'New contact', exact: true }).waitFor();
    await page.getByLabel('First name', { exact: true }).fill(first);
    await page.getByRole('textbox', { name: 'Last name', exact: true }).fill(last);
    await page.getByLabel('Title', { exact: true }).fill(title);
    await page.getByRole('button', { name: 'Add e-mail' }).click();
    await page.getByLabel('E-mail 1', { exact: true }).fill(email);
    await page.getByRole('button', { name: 'Create contact' }).click();
    await page.getByRole('heading', { level: 1, name: `${first} ${last}`, exact: true }).waitFor();
    return idFromUrl(page, 'contacts');
  }

  /** Both tabs hold the edit form; the first save wins, the second is refused with a banner. */
  async function conflictInSecondTab(page: Page, second: Page, quimbyId: number): Promise<void> {
    // Let the start page settle before moving the second tab to the same form.
    await second.getByRole('heading', { level: 1, name: 'Accounts', exact: true }).waitFor();
    await second.goto(`${app.harness.url}#/contacts/${quimbyId}/edit`);
    await second.getByLabel('Title', { exact: true }).waitFor();
    expect(await second.getByLabel('Title', { exact: true }).inputValue()).toBe('Chief Engineer');

    await page.getByLabel('Title', { exact: true }).fill('CTO');
    await page.keyboard.press('Control+s');
    await page.getByText('CTO · Journey Werke GmbH').waitFor();

    await second.getByLabel('Title', { exact: true }).fill('VP Engineering');
    await second.getByRole('button', { name: 'Save' }).click();
    const banner = second.getByRole('alert').filter({ hasText: 'changed by someone else' });
    await banner.waitFor();
    expect(await banner.textContent()).toContain('Erika Mustermann saved this contact after you opened it');
    await app.screenshot(second, '07-conflict-banner');
    expect((await db('contacts.get', { id: quimbyId })).title).toBe('CTO');

    await banner.getByRole('button', { name: 'Reload' }).click();
    await banner.waitFor({ state: 'detached' });
    expect(await second.getByLabel('Title', { exact: true }).inputValue()).toBe('CTO');
    await app.screenshot(second, '08-conflict-reloaded');
  }

  async function journey(page: Page): Promise<void> {
    await page.getByRole('heading', { name: 'Accounts' }).waitFor();
    await page.getByText('0 accounts').waitFor();

    // 1. Create an account (with money in the form).
    await page.getByRole('link', { name: 'New account' }).click();
    await page.getByRole('heading', { level: 1, name: 'New account', exact: true }).waitFor();
    await page.getByRole('textbox', { name: 'Name', exact: true }).fill('Journey Werke GmbH');
    await page.getByLabel('Industry', { exact: true }).selectOption('Engineering');
    await page.getByLabel('Website', { exact: true }).fill('journey-werke.example');
    await page.getByLabel('Annual revenue', { exact: true }).fill('1,234,567.5');
    await page.getByLabel('Billing city', { exact: true }).fill('Köln');
    await page.getByLabel('Billing country', { exact: true }).selectOption('DE');
    await app.screenshot(page, '01-new-account-form');
    await page.getByRole('button', { name: 'Create account' }).click();
    await page.getByRole('heading', { level: 1, name: 'Journey Werke GmbH', exact: true }).waitFor();
    const accountId = idFromUrl(page, 'accounts');
    const account = await db('accounts.get', { id: accountId });
    expect(account.annualRevenue).toEqual({ amountMinor: 123456750, currency: 'EUR' });
    expect(account.website).toBe('https://journey-werke.example');
    expect(account.billingAddress.country).toBe('DE');
    await page.getByText('€1,234,567.50').waitFor();
    await app.screenshot(page, '02-account-created');

    // 2. Two contacts for it; the first try without a last name is refused in the form.
    await page.getByRole('link', { name: 'New contact' }).click();
    await page.getByRole('heading', { level: 1, name: 'New contact', exact: true }).waitFor();
    await page.getByLabel('First name', { exact: true }).fill('Ada');
    await page.getByRole('button', { name: 'Create contact' }).click();
    await page.getByText('Last name is required').waitFor();
    expect(await page.getByRole('textbox', { name: 'Last name', exact: true }).getAttribute('aria-invalid')).toBe('true');
    await app.screenshot(page, '03-contact-validation');
    await page.getByRole('button', { name: 'Cancel' }).click();
    await page.getByRole('heading', { level: 1, name: 'Journey Werke GmbH', exact: true }).waitFor();

    const quimbyId = await createContact(page, 'Ada', 'Quimby', 'Engineer', 'ada.quimby@journey-werke.example');
    expect(await page.getByRole('link', { name: 'Journey Werke GmbH' }).count()).toBe(1);
    await page.getByRole('link', { name: 'Journey Werke GmbH' }).click();
    await page.getByRole('heading', { level: 1, name: 'Journey Werke GmbH', exact: true }).waitFor();
    await createContact(page, 'Bert', 'Zellweger', 'Buyer', 'bert.zellweger@journey-werke.example');
    const quimby = await db('contacts.get', { id: quimbyId });
    expect(quimby.account).toEqual({ id: accountId, name: 'Journey Werke GmbH' });
    expect(quimby.emails).toEqual([{ label: 'work', address: 'ada.quimby@journey-werke.example' }]);
    expect((await db('contacts.list', { startRow: 0, endRow: 10, accountId, withTotal: true })).total).toBe(2);
    // The account's page lists both in its contacts grid.
    await page.getByRole('link', { name: 'Journey Werke GmbH' }).click();
    await page.getByRole('region', { name: 'Contacts of this account' }).getByRole('gridcell', { name: 'Quimby', exact: true }).waitFor();
    await page.getByText('2 contacts').waitFor();

    // 3. Find one contact through the grid's floating filter on last name.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Contacts' }).click();
    await page.getByText('2 contacts').waitFor();
    const rows = page.locator('.ag-grid-scrolling-container [role="row"]');
    await page.getByRole('gridcell', { name: 'Zellweger', exact: true }).waitFor();

    // Column choice is remembered per user: hide City through the Columns menu.
    expect(await page.getByRole('columnheader', { name: 'City' }).count()).toBe(1);
    await page.getByRole('button', { name: 'Columns' }).click();
    await page.getByRole('checkbox', { name: 'City' }).uncheck();
    await page.getByRole('columnheader', { name: 'City' }).waitFor({ state: 'detached' });
    await page.keyboard.press('Escape');
    await expect
      .poll(async () => (await db('preferences.getGridState', { grid: 'contacts' })).columns?.find((c) => c.colId === 'city')?.hide, { timeout: 5_000 })
      .toBe(true);

    await page.getByRole('textbox', { name: 'Last name Filter Input' }).fill('Quim');
    await page.getByText('1 contact', { exact: true }).waitFor();
    await page.getByRole('gridcell', { name: 'Zellweger', exact: true }).waitFor({ state: 'detached' });
    expect(await rows.count()).toBe(1);
    expect(await page.getByRole('gridcell', { name: 'Quimby', exact: true }).isVisible()).toBe(true);
    await app.screenshot(page, '04-contacts-filtered');

    // 4. Open it (double-click), edit the title, save, see the new value and its history.
    await page.getByRole('gridcell', { name: 'Quimby', exact: true }).dblclick();
    await page.getByRole('heading', { level: 1, name: 'Ada Quimby', exact: true }).waitFor();
    await page.getByRole('link', { name: 'Edit' }).click();
    await page.getByRole('heading', { level: 1, name: 'Edit Ada Quimby', exact: true }).waitFor();
    await page.getByLabel('Title', { exact: true }).fill('Chief Engineer');
    await app.screenshot(page, '05-contact-edit');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('heading', { level: 1, name: 'Ada Quimby', exact: true }).waitFor();
    await page.getByText('Chief Engineer · Journey Werke GmbH').waitFor();
    const history = page.getByRole('region', { name: 'History' });
    await history.getByText('Chief Engineer').waitFor();
    expect(await history.textContent()).toContain('Title: Engineer → Chief Engineer');
    const edited = await db('contacts.get', { id: quimbyId });
    expect(edited.title).toBe('Chief Engineer');
    expect(edited.version).toBe(quimby.version + 1);
    expect(edited.emails).toEqual(quimby.emails);
    await app.screenshot(page, '06-contact-edited');

    // 5. The same form in a second tab: the first save wins, the second sees the conflict.
    await page.getByRole('link', { name: 'Edit' }).click();
    await page.getByRole('heading', { level: 1, name: 'Edit Ada Quimby', exact: true }).waitFor();
    const second = await app.newPage();
    try {
      await conflictInSecondTab(page, second, quimbyId);
    } catch (error) {
      await app.screenshot(second, 'failure-second-tab').catch(() => undefined);
      throw error;
    } finally {
      await second.close();
    }

    // 6. Delete moves it to the recycle bin; the toast's Undo brings it back.
    await page.getByRole('button', { name: 'Delete' }).click();
    await page.getByRole('heading', { level: 1, name: 'Contacts', exact: true }).waitFor();
    const toast = page.getByRole('status').filter({ hasText: 'Contact deleted' });
    await toast.waitFor();
    await page.getByText('1 contact', { exact: true }).waitFor();
    expect(await page.getByRole('gridcell', { name: 'Quimby', exact: true }).count()).toBe(0);
    // The grid came back with the remembered columns.
    expect(await page.getByRole('columnheader', { name: 'City' }).count()).toBe(0);
    expect((await db('contacts.get', { id: quimbyId })).deletedAt).not.toBeNull();
    await app.screenshot(page, '09-deleted-with-undo');

    await toast.getByRole('button', { name: 'Undo' }).click();
    await page.getByRole('gridcell', { name: 'Quimby', exact: true }).waitFor();
    await page.getByText('2 contacts').waitFor();
    const restored = await db('contacts.get', { id: quimbyId });
    expect(restored.deletedAt).toBeNull();
    expect(restored.title).toBe('CTO');
    await app.screenshot(page, '10-undone');
  }

  it('creates, finds, edits, conflicts, deletes and undoes', async () => {
    const page = await app.newPage();
    try {
      await journey(page);
    } catch (error) {
      await app.screenshot(page, 'failure').catch(() => undefined);
      throw error;
    }
  });
});
