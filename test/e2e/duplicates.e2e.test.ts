import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startE2eApp, type E2eApp } from './fixture';

/** Two entries of the same person are found, merged with a value picked from each, and un-merged again. */
describe('duplicates journey', () => {
  let app: E2eApp;

  beforeAll(async () => {
    app = await startE2eApp();
  });

  afterAll(async () => {
    await app?.close();
  });

  it('finds a duplicate pair, merges it with chosen values, and un-merges it', async () => {
    const first = await app.call('contacts.create', { firstName: 'Ann', lastName: 'Smith', title: 'Buyer', emails: [{ address: 'ann@acme.example' }] });
    const second = await app.call('contacts.create', { firstName: 'Anne', lastName: 'Smith', title: 'Head of purchasing', emails: [{ address: 'ANN@acme.example' }, { label: 'home', address: 'ann@home.example' }], emailOptOut: true });
    await app.call('contacts.create', { firstName: 'Bob', lastName: 'Other', emails: [{ address: 'bob@other.example' }] });

    const page = await app.newPage();
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Duplicates' }).click();
    await page.getByRole('button', { name: 'Find duplicates' }).click();
    const groups = page.getByRole('list', { name: 'Duplicate groups' });
    await groups.getByText('98 % · same e-mail, similar name').waitFor();
    await page.getByRole('heading', { name: '1 group of likely duplicates among 3 contacts' }).waitFor();
    await app.screenshot(page, 'duplicates-01-scan');

    await groups.getByRole('button', { name: 'Merge…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Merge 2 contacts' });
    await dialog.getByRole('table', { name: 'Values to keep' }).waitFor();
    await dialog.getByLabel(`Title from #${second.id}`).check();
    await dialog.getByText('E-mail opt-out: kept').waitFor();
    await app.screenshot(page, 'duplicates-02-merge');
    await dialog.getByRole('button', { name: 'Merge', exact: true }).click();
    await page.getByText('Contacts merged').waitFor();

    const merged = await app.call('contacts.get', { id: first.id });
    expect(merged).toMatchObject({ firstName: 'Ann', title: 'Head of purchasing', emailOptOut: true, emails: [{ address: 'ann@acme.example' }, { address: 'ann@home.example' }] });
    expect((await app.call('contacts.get', { id: second.id })).deletedAt).not.toBeNull();

    await page.getByRole('list', { name: 'Merges' }).getByRole('button', { name: 'Un-merge' }).click();
    await page.getByText('Un-merged: 1 contact back').waitFor();
    expect(await app.call('contacts.get', { id: second.id })).toMatchObject({ deletedAt: null, title: 'Head of purchasing' });
    expect(await app.call('contacts.get', { id: first.id })).toMatchObject({ title: 'Buyer', emailOptOut: false });
  });

  it('merges two entries of one company, picking values by mouse and keyboard; the child account moves along; un-merges it', async () => {
    const first = await app.call('accounts.create', { name: 'Müller GmbH', website: 'mueller.example', industry: 'Manufacturing' });
    const second = await app.call('accounts.create', { name: 'MÜLLER gmbh', website: 'https://www.mueller.example', industry: 'Retail', phone: '+49 89 1234567' });
    const child = await app.call('accounts.create', { name: 'Service Partner', parentAccountId: second.id });

    const page = await app.newPage();
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Duplicates' }).click();
    await page.getByLabel('Look in').selectOption('account');
    await page.getByRole('button', { name: 'Find duplicates' }).click();
    await page.getByRole('heading', { name: '1 group of likely duplicates among 3 accounts' }).waitFor();
    await page.getByRole('list', { name: 'Duplicate groups' }).getByRole('button', { name: 'Merge…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Merge 2 accounts' });
    await dialog.getByRole('table', { name: 'Values to keep' }).waitFor();
    await dialog.getByLabel(`Phone from #${second.id}`).check();
    // Each field is one radio group: the arrow keys move the choice.
    await dialog.getByLabel(`Industry from #${first.id}`).focus();
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => dialog.getByLabel(`Industry from #${second.id}`).isChecked()).toBe(true);
    await app.screenshot(page, 'duplicates-03-merge-accounts');
    await dialog.getByRole('button', { name: 'Merge', exact: true }).click();
    await page.getByText('Accounts merged').waitFor();

    expect(await app.call('accounts.get', { id: first.id })).toMatchObject({ name: 'Müller GmbH', website: 'https://mueller.example', industry: 'Retail', phone: '+49 89 1234567' });
    expect((await app.call('accounts.get', { id: child.id })).parentAccount).toEqual({ id: first.id, name: 'Müller GmbH' });

    await page.getByRole('list', { name: 'Merges' }).getByRole('button', { name: 'Un-merge' }).click();
    await page.getByText('Un-merged: 1 account back').waitFor();
    expect((await app.call('accounts.get', { id: child.id })).parentAccount).toEqual({ id: second.id, name: 'MÜLLER gmbh' });
    expect(await app.call('accounts.get', { id: first.id })).toMatchObject({ industry: 'Manufacturing', phone: null });
  });

  it('changes the title of selected contacts in the grid at once, and undoes it', async () => {
    await app.call('contacts.create', { lastName: 'Aaberg', firstName: 'Mass' });
    await app.call('contacts.create', { lastName: 'Aabye', firstName: 'Mass' });
    const page = await app.newPage();
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Contacts' }).click();
    await page.getByRole('gridcell', { name: 'Aabye', exact: true }).waitFor();
    const checkboxes = page.locator('.ag-selection-checkbox input[type="checkbox"]');
    await checkboxes.nth(0).check();
    await checkboxes.nth(1).check();
    await page.getByRole('button', { name: 'Change 2 selected…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Change 2 selected records' });
    await dialog.getByLabel('Field').selectOption('title');
    await dialog.getByLabel('New value').fill('Trade fair 2026');
    await app.screenshot(page, 'mass-update-01-dialog');
    await dialog.getByRole('button', { name: 'Change all' }).click();
    await page.getByText('Changed 2 contacts').waitFor();
    const titles = async () => (await app.call('contacts.list', { startRow: 0, endRow: 10, sort: [{ colId: 'lastName', sort: 'asc' }] })).rows.map((r) => r.title);
    expect(await titles()).toEqual(expect.arrayContaining(['Trade fair 2026']));
    expect((await titles()).filter((t) => t === 'Trade fair 2026')).toHaveLength(2);
    await page.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(async () => (await titles()).filter((t) => t === 'Trade fair 2026')).toHaveLength(0);
  });
});
