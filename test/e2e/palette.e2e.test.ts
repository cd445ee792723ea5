import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { Input, MethodName } from '../../shared/contract';
import { startE2eApp, type E2eApp } from './fixture';

/**
 * The command palette, by keyboard alone, in real Chromium against the harness:
 * Ctrl+K, type a few letters of a name (accents optional), arrows, Enter, Esc.
 */
describe('command palette', () => {
  let app: E2eApp;

  beforeAll(async () => {
    app = await startE2eApp();
  });

  afterAll(async () => {
    await app?.close();
  });

  const db = <M extends MethodName>(method: M, input: Input<M>) => app.call(method, input);

  const palette = (page: Page) => page.getByRole('dialog', { name: 'Search and commands' });
  const searchBox = (page: Page) => palette(page).getByRole('combobox', { name: 'Search records and commands' });
  const focusedId = (page: Page) => page.evaluate(() => document.activeElement?.id ?? document.activeElement?.tagName ?? null);
  const focusedName = (page: Page) => page.evaluate(() => document.activeElement?.textContent ?? null);

  async function journey(page: Page, accountId: number, contactId: number): Promise<void> {
    await page.getByRole('heading', { level: 1, name: 'Accounts', exact: true }).waitFor();

    // 1. Ctrl+K opens the palette with the focus in its text box; "mull" finds Müller under Accounts.
    await page.keyboard.press('Control+k');
    await palette(page).waitFor();
    expect(await searchBox(page).evaluate((el) => el === document.activeElement)).toBe(true);
    // With nothing typed, the commands are listed.
    await palette(page).getByRole('group', { name: 'Commands' }).getByRole('option', { name: 'New account' }).waitFor();
    await page.keyboard.type('mull');
    const accounts = palette(page).getByRole('group', { name: 'Accounts' });
    const muller = accounts.getByRole('option', { name: /Müller Maschinenbau/ });
    await muller.waitFor();
    expect(await muller.textContent()).toContain('München, DE');
    expect(await muller.getAttribute('aria-selected')).toBe('true');
    // Ayşe's account is Müller, so she is found too, and so is the lead Mila Müllerova.
    const ayse = palette(page).getByRole('group', { name: 'Contacts' }).getByRole('option', { name: /Ayşe Çelik/ });
    await ayse.waitFor();
    const lead = palette(page).getByRole('group', { name: 'Leads' }).getByRole('option', { name: /Mila Müllerova/ });
    expect(await lead.getAttribute('aria-disabled')).not.toBe('true');
    expect(await lead.textContent()).not.toContain('coming soon');
    expect(await palette(page).getByRole('group', { name: 'Commands' }).count()).toBe(0);
    await app.screenshot(page, 'palette-01-mull');

    // Arrows move through the hits, account → contact → lead, and wrap around.
    await page.keyboard.press('ArrowDown');
    expect(await ayse.getAttribute('aria-selected')).toBe('true');
    expect(await muller.getAttribute('aria-selected')).toBe('false');
    await page.keyboard.press('ArrowDown');
    expect(await lead.getAttribute('aria-selected')).toBe('true');
    await page.keyboard.press('ArrowDown');
    expect(await muller.getAttribute('aria-selected')).toBe('true');
    await page.keyboard.press('ArrowUp');
    expect(await lead.getAttribute('aria-selected')).toBe('true');
    await page.keyboard.press('ArrowUp');
    expect(await ayse.getAttribute('aria-selected')).toBe('true');
    await page.keyboard.press('ArrowUp');
    expect(await muller.getAttribute('aria-selected')).toBe('true');

    // Enter opens the account; the palette closes and focus lands on the new page.
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Müller Maschinenbau', exact: true }).waitFor();
    await palette(page).waitFor({ state: 'detached' });
    expect(page.url()).toContain(`#/accounts/${accountId}`);
    await expect.poll(() => focusedId(page)).toBe('main');
    await app.screenshot(page, 'palette-02-account-opened');

    // 2. The header button opens it too; Tab stays inside; Esc closes and gives focus back to the button.
    const button = page.getByRole('banner').getByRole('button', { name: /Search/ });
    await button.focus();
    await page.keyboard.press('Enter');
    await palette(page).waitFor();
    for (let i = 0; i < 3; i++) {
      await page.keyboard.press('Tab');
      expect(await page.evaluate(() => !!document.activeElement?.closest('dialog'))).toBe(true);
    }
    await page.keyboard.press('Shift+Tab');
    expect(await page.evaluate(() => !!document.activeElement?.closest('dialog'))).toBe(true);
    await page.keyboard.press('Escape');
    await palette(page).waitFor({ state: 'detached' });
    await expect.poll(() => focusedName(page)).toMatch(/Search/);

    // 3. "celik" finds Ayşe Çelik; open her with the keyboard.
    await page.keyboard.press('Control+k');
    await palette(page).waitFor();
    expect(await searchBox(page).inputValue()).toBe('');
    await page.keyboard.type('celik');
    const contact = palette(page).getByRole('group', { name: 'Contacts' }).getByRole('option', { name: /Ayşe Çelik/ });
    await contact.waitFor();
    expect(await contact.textContent()).toContain('Müller Maschinenbau · ayse.celik@mueller.example');
    await expect.poll(() => contact.getAttribute('aria-selected')).toBe('true');
    expect(await palette(page).getByRole('group', { name: 'Accounts' }).count()).toBe(0);
    await app.screenshot(page, 'palette-03-celik');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Ayşe Çelik', exact: true }).waitFor();
    expect(page.url()).toContain(`#/contacts/${contactId}`);

    // 4. Commands: "new acc" runs "New account".
    await page.keyboard.press('Control+k');
    await palette(page).waitFor();
    await page.keyboard.type('new acc');
    const command = palette(page).getByRole('group', { name: 'Commands' }).getByRole('option', { name: 'New account' });
    await command.waitFor();
    expect(await palette(page).getByRole('option', { name: 'New contact' }).count()).toBe(0);
    await expect.poll(() => command.getAttribute('aria-selected')).toBe('true');
    await app.screenshot(page, 'palette-04-command');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'New account', exact: true }).waitFor();
    expect(page.url()).toContain('#/accounts/new');

    // 5. Esc in the palette closes only the palette, not the form underneath.
    await page.getByRole('textbox', { name: 'Name', exact: true }).fill('Half typed');
    await page.keyboard.press('Control+k');
    await palette(page).waitFor();
    await page.keyboard.type('go con');
    await palette(page).getByRole('option', { name: 'Go to Contacts' }).waitFor();
    await page.keyboard.press('Escape');
    await palette(page).waitFor({ state: 'detached' });
    expect(page.url()).toContain('#/accounts/new');
    expect(await page.getByRole('textbox', { name: 'Name', exact: true }).inputValue()).toBe('Half typed');
    await expect.poll(() => page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.value ?? null)).toBe('Half typed');

    // 6. A word that matches nothing says so.
    await page.keyboard.press('Control+k');
    await page.keyboard.type('zzqx');
    await palette(page).getByText('No records match “zzqx”.').waitFor();
    await app.screenshot(page, 'palette-05-no-match');
    await page.keyboard.press('Control+k');
    await palette(page).waitFor({ state: 'detached' });
  }

  it('finds records and runs commands from Ctrl+K by keyboard', async () => {
    const account = await db('accounts.create', { name: 'Müller Maschinenbau', billingAddress: { city: 'München', country: 'DE' } });
    const contact = await db('contacts.create', {
      firstName: 'Ayşe',
      lastName: 'Çelik',
      accountId: account.id,
      emails: [{ address: 'ayse.celik@mueller.example' }],
    });
    // Leads have no service yet: one row through SQL, indexed by the search triggers.
    const now = new Date().toISOString();
    const user = app.host.session.userId;
    await app.host.dataSource.query(
      `INSERT INTO leads (created_at, created_by_id, updated_at, updated_by_id, first_name, last_name, sort_name, company, owner_id) VALUES (?, ?, ?, ?, 'Mila', 'Müllerova', 'mullerova', 'Prague Tools', ?)`,
      [now, user, now, user, user],
    );

    const page = await app.newPage();
    try {
      await journey(page, account.id, contact.id);
    } catch (error) {
      await app.screenshot(page, 'palette-failure').catch(() => undefined);
      throw error;
    }
  });
});
