import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Input, MethodName } from '../../shared/contract';
import { startE2eApp, type E2eApp } from './fixture';

/**
 * The administrator sets up the sales team: a team, a sales manager with a
 * larger capacity in it; then hands an account to that manager and ticks
 * "Keep this owner", which survives a reload.
 */
describe('users and teams journey', () => {
  let app: E2eApp;

  beforeAll(async () => {
    app = await startE2eApp();
  });

  afterAll(async () => {
    await app?.close();
  });

  const db = <M extends MethodName>(method: M, input: Input<M>) => app.call(method, input);

  /** A field by its label; a required field's label ends in " *". */
  const field = (scope: Page | ReturnType<Page['locator']>, label: string) =>
    scope.getByLabel(new RegExp(`^${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}( \\*)?$`));

  it('creates a team and a sales manager with capacity 150, then edits an account’s owner and keeps it', async () => {
    const page = await app.newPage();
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Users' }).click();
    await page.getByRole('heading', { level: 1, name: 'Users', exact: true }).waitFor();
    await page.getByRole('table', { name: 'Users' }).getByRole('rowheader', { name: 'Erika Mustermann' }).waitFor();

    // A team first.
    await page.getByRole('navigation', { name: 'User administration' }).getByRole('link', { name: 'Teams' }).click();
    await page.getByRole('heading', { level: 1, name: 'Teams', exact: true }).waitFor();
    await page.getByRole('button', { name: 'New team' }).click();
    const teamPanel = page.getByRole('complementary', { name: 'New team' });
    await field(teamPanel, 'Name').fill('Nord');
    await teamPanel.getByRole('button', { name: 'Add team' }).click();
    await page.getByRole('table', { name: 'Teams' }).getByRole('rowheader', { name: 'Nord' }).waitFor();

    // The sales manager, in that team, with capacity 150.
    await page.getByRole('navigation', { name: 'User administration' }).getByRole('link', { name: 'Users' }).click();
    await page.getByRole('button', { name: 'New user' }).click();
    const panel = page.getByRole('complementary', { name: 'New user' });
    await field(panel, 'Name').fill('Jürgen Köhler');
    await field(panel, 'E-mail').fill('juergen.koehler@example.com');
    await field(panel, 'Role').selectOption({ label: 'Sales manager' });
    await field(panel, 'Capacity').fill('150');
    await field(panel, 'Team').selectOption({ label: 'Nord' });
    await app.screenshot(page, 'users-01-new-user');
    await panel.getByRole('button', { name: 'Add user' }).click();
    await panel.waitFor({ state: 'detached' });

    const row = page.getByRole('table', { name: 'Users' }).getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'Jürgen Köhler' }) });
    await row.waitFor();
    const cells = await row.getByRole('cell').allTextContents();
    expect(cells.slice(0, 6)).toEqual(['juergen.koehler@example.com', 'Sales manager', 'Nord', '—', '150', 'Active']);
    await app.screenshot(page, 'users-02-listed');
    const juergen = (await db('users.listAll', {})).find((u) => u.name === 'Jürgen Köhler');
    expect(juergen).toMatchObject({ role: 'sales_manager', capacity: 150, active: true, team: { name: 'Nord' } });

    // A duplicate e-mail address is refused at the field.
    await page.getByRole('button', { name: 'New user' }).click();
    const again = page.getByRole('complementary', { name: 'New user' });
    await field(again, 'Name').fill('Someone Else');
    await field(again, 'E-mail').fill('JUERGEN.KOEHLER@example.com');
    await again.getByRole('button', { name: 'Add user' }).click();
    await again.getByText('Already used by Jürgen Köhler').waitFor();
    expect(await field(again, 'E-mail').getAttribute('aria-invalid')).toBe('true');
    await again.getByRole('button', { name: 'Cancel' }).click();
    expect((await db('users.listAll', { includeInactive: true })).length).toBe(2);

    // The first administrator has no e-mail address and can still be edited; the office keeps its only admin.
    await page.getByRole('button', { name: 'Edit Erika Mustermann' }).click();
    const self = page.getByRole('complementary', { name: 'Edit Erika Mustermann' });
    await field(self, 'Role').selectOption({ label: 'Sales rep' });
    await self.getByRole('button', { name: 'Save user' }).click();
    await self.getByText('The office must keep an active administrator').waitFor();
    await field(self, 'Role').selectOption({ label: 'Administrator' });
    await field(self, 'Capacity').fill('120');
    await self.getByRole('button', { name: 'Save user' }).click();
    await self.waitFor({ state: 'detached' });
    expect((await db('session.current', {})).user).toMatchObject({ role: 'admin', capacity: 120, email: null });

    // An account: its owner handed to Jürgen, kept.
    const account = await db('accounts.create', { name: 'Owner Probe GmbH' });
    await page.goto(`${app.harness.url}#/accounts/${account.id}/edit`);
    await page.getByRole('heading', { level: 1, name: 'Edit Owner Probe GmbH', exact: true }).waitFor();
    const owner = page.getByLabel('Owner', { exact: true });
    await owner.locator('option', { hasText: 'Jürgen Köhler' }).waitFor({ state: 'attached' });
    expect(await owner.locator('option:checked').textContent()).toBe('Erika Mustermann');
    await owner.selectOption({ label: 'Jürgen Köhler' });
    const keep = page.getByRole('checkbox', { name: 'Keep this owner' });
    expect(await keep.getAttribute('aria-describedby')).toBe('ownerLocked-hint');
    await page.getByText("Territory realignment and the account's owner changes leave it alone").waitFor();
    await keep.check();
    await app.screenshot(page, 'users-03-account-owner');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('heading', { level: 1, name: 'Owner Probe GmbH', exact: true }).waitFor();
    expect(await db('accounts.get', { id: account.id })).toMatchObject({ owner: { id: juergen!.id, name: 'Jürgen Köhler' }, ownerLocked: true });

    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Owner Probe GmbH', exact: true }).waitFor();
    const details = page.locator('.detail-list');
    await details.getByText('Jürgen Köhler').waitFor();
    const keptRow = details.locator('.detail-list__row').filter({ hasText: 'Keep this owner' });
    expect(await keptRow.locator('dd').textContent()).toBe('Yes');
    await app.screenshot(page, 'users-04-account-detail');
    await page.goto(`${app.harness.url}#/accounts/${account.id}/edit`);
    await page.getByRole('heading', { level: 1, name: 'Edit Owner Probe GmbH', exact: true }).waitFor();
    expect(await page.getByRole('checkbox', { name: 'Keep this owner' }).isChecked()).toBe(true);
    expect(await page.getByLabel('Owner', { exact: true }).locator('option:checked').textContent()).toBe('Jürgen Köhler');
    await app.screenshot(page, 'users-05-edit-after-reload');
  });
});
