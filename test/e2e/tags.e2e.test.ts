import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startE2eApp, type E2eApp } from './fixture';

/**
 * Tags and a custom picklist in real Chromium: tag two contacts on their pages (one with a tag made on the
 * spot, from the keyboard), add a "Tier" picklist in Settings, set it on one contact, then build the segment
 * "tag VIP and Tier is Gold" and see the live count.
 */
describe('tags and custom picklists journey', () => {
  let app: E2eApp;
  const ids: number[] = [];

  beforeAll(async () => {
    app = await startE2eApp();
    for (const lastName of ['Becker', 'Schmidt', 'Wagner']) ids.push((await app.call('contacts.create', { firstName: 'Test', lastName })).id);
  });

  afterAll(async () => {
    await app?.close();
  });

  /** Opens a contact's page once the app has started (its start-up route would otherwise win). */
  async function openContact(page: Page, n: number): Promise<void> {
    await page.getByRole('navigation', { name: 'Main' }).waitFor();
    await page.goto(`${app.harness.url}#/contacts/${ids[n]}`);
    await page.getByRole('heading', { level: 1, name: `Test ${['Becker', 'Schmidt', 'Wagner'][n]}`, exact: true }).waitFor();
  }

  const tagBox = (page: Page) => page.getByRole('combobox', { name: 'Add a tag' });
  const chips = (page: Page) => page.getByRole('list', { name: 'Tags' });

  it('tags two contacts, sets a custom pick on one and counts the segment "VIP and Tier = Gold"', async () => {
    const page = await app.newPage();

    // Contact 1: a new tag typed and created with Enter.
    await openContact(page, 0);
    await tagBox(page).fill('VIP');
    await page.getByRole('option', { name: 'Create tag "VIP"' }).waitFor();
    await tagBox(page).press('Enter');
    await chips(page).getByText('VIP').waitFor();

    // Contact 2: the existing tag offered as you type, picked with the mouse; a second tag removed again.
    await openContact(page, 1);
    await tagBox(page).fill('vi');
    await page.getByRole('option', { name: 'VIP', exact: true }).click();
    await chips(page).getByText('VIP').waitFor();
    await tagBox(page).fill('Newsletter');
    await tagBox(page).press('Enter');
    await chips(page).getByText('Newsletter').waitFor();
    await page.getByRole('button', { name: 'Remove tag Newsletter' }).click();
    await chips(page).getByText('Newsletter').waitFor({ state: 'detached' });
    expect((await app.call('tags.forRecord', { entity: 'contact', recordId: ids[1]! })).map((t) => t.name)).toEqual(['VIP']);
    await app.screenshot(page, 'tags-01-contact');

    // Settings → Custom fields: a "Tier" picklist for contacts.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click();
    await page.getByRole('tab', { name: 'Custom fields' }).click();
    await page.getByRole('button', { name: 'New custom field' }).click();
    const form = page.getByRole('form', { name: 'New custom field' });
    await form.getByLabel('Field of').selectOption('contact');
    await form.getByLabel('Label').fill('Tier');
    await form.getByLabel('Options (one a line)').fill('Gold\nSilver\nBronze');
    await form.getByRole('button', { name: 'Add field' }).click();
    await page.getByRole('table', { name: 'Custom fields' }).getByRole('cell', { name: 'Gold, Silver, Bronze' }).waitFor();

    // Set it on the first contact.
    await openContact(page, 0);
    await page.getByLabel('Tier', { exact: true }).selectOption('Gold');
    await expect.poll(async () => (await app.call('customFields.forRecord', { entity: 'contact', recordId: ids[0]! }))[0]!.values).toEqual(['Gold']);

    // The segment: tag VIP (two contacts), then Tier is Gold (one of them).
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Segments' }).click();
    await page.getByRole('link', { name: 'New segment' }).click();
    const total = page.getByRole('status').filter({ hasText: /match$|^Counting/ });
    await total.filter({ hasText: '3 contacts match' }).waitFor();
    await page.getByRole('button', { name: 'Add condition', exact: true }).click();
    await page.getByLabel('Condition 1 field', { exact: true }).selectOption('fact:tag');
    await page.getByLabel('Condition 1 operator', { exact: true }).selectOption('any');
    await page.getByRole('group', { name: 'Condition 1 tags' }).getByRole('checkbox', { name: 'VIP' }).check();
    await total.filter({ hasText: '2 contacts match' }).waitFor();
    await page.getByRole('button', { name: 'Add condition', exact: true }).click();
    await page.getByLabel('Condition 2 field', { exact: true }).selectOption({ label: 'Tier' });
    await page.getByLabel('Condition 2 operator', { exact: true }).selectOption('anyOf');
    await page.getByRole('group', { name: 'Condition 2 values' }).getByRole('checkbox', { name: 'Gold' }).check();
    await total.filter({ hasText: '1 contact match' }).waitFor();
    await page.getByRole('table', { name: 'Sample of matching records' }).getByRole('link', { name: 'Test Becker' }).waitFor();
    await app.screenshot(page, 'tags-02-segment');
  });
});
