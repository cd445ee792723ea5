import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startE2eApp, type E2eApp } from './fixture';

/**
 * Marketing builds a segment in real Chromium against the harness: two
 * conditions in an OR group, the live count following each change; saves it,
 * freezes it into an e-mail list (the opted-out contact stays off) and sees
 * the members in the list's grid.
 */
describe('segments journey', () => {
  let app: E2eApp;

  beforeAll(async () => {
    app = await startE2eApp();
    const people: [string, string, string, boolean][] = [
      ['Anna', 'Becker', 'DE', false],
      ['Jonas', 'Schmidt', 'DE', false],
      ['Lea', 'Wagner', 'DE', true],
      ['Camille', 'Martin', 'FR', false],
      ['Hugo', 'Bernard', 'FR', false],
      ['Ayşe', 'Çelik', 'TR', false],
    ];
    for (const [firstName, lastName, country, emailOptOut] of people) {
      await app.call('contacts.create', { firstName, lastName, emails: [{ address: `${firstName.normalize('NFD').replace(/[^a-z]/gi, '').toLowerCase()}@example.com` }], address: { country }, emailOptOut });
    }
  });

  afterAll(async () => {
    await app?.close();
  });

  const total = (page: Page) => page.getByRole('status').filter({ hasText: /match$|^Counting/ });

  async function countryCondition(page: Page, n: number, country: string): Promise<void> {
    await page.getByRole('button', { name: 'Add condition', exact: true }).click();
    await page.getByLabel(`Condition ${n} field`, { exact: true }).selectOption('field:country');
    await page.getByLabel(`Condition ${n} operator`, { exact: true }).selectOption('equals');
    await page.getByLabel(`Condition ${n} value`, { exact: true }).selectOption(country);
  }

  it('builds a segment with two conditions in an OR group, sees the live count change, saves it, freezes it into a list and sees the members', async () => {
    const page = await app.newPage();
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Segments' }).click();
    await page.getByRole('link', { name: 'New segment' }).click();
    await page.getByLabel('Name', { exact: true }).fill('Germany or France');
    // No conditions yet: everyone.
    await total(page).filter({ hasText: '6 contacts match' }).waitFor();

    await page.getByRole('radio', { name: 'Any of (OR)' }).check();
    await countryCondition(page, 1, 'DE');
    await total(page).filter({ hasText: '3 contacts match' }).waitFor();
    await countryCondition(page, 2, 'FR');
    await total(page).filter({ hasText: '5 contacts match' }).waitFor();
    const sample = page.getByRole('table', { name: 'Sample of matching records' });
    await sample.getByRole('link', { name: 'Camille Martin' }).waitFor();
    expect(await sample.getByRole('row').count()).toBe(1 + 5);
    // Four of the five may be mailed: Lea Wagner opted out.
    await page.getByRole('definition').filter({ hasText: /^4$/ }).first().waitFor();
    await app.screenshot(page, 'segments-01-builder');

    // Back to AND: nobody is in both countries.
    await page.getByRole('radio', { name: 'All of (AND)' }).check();
    await total(page).filter({ hasText: '0 contacts match' }).waitFor();
    await page.getByRole('radio', { name: 'Any of (OR)' }).focus();
    await page.keyboard.press('Space');
    await total(page).filter({ hasText: '5 contacts match' }).waitFor();

    await page.getByRole('button', { name: 'Save segment' }).click();
    await page.getByRole('status').filter({ hasText: 'Segment “Germany or France” saved' }).waitFor();
    // A new segment's page opens again as the saved one: the list fields are filled there, not in the page it replaces.
    await page.getByRole('heading', { name: 'Germany or France' }).waitFor();
    const [saved] = await app.call('segments.list', {});
    expect(saved).toMatchObject({ name: 'Germany or France', entity: 'contact', version: 1 });
    expect((await app.call('segments.get', { id: saved!.id })).root).toEqual({
      type: 'group',
      op: 'or',
      items: [
        { type: 'field', field: 'country', op: 'equals', value: 'DE' },
        { type: 'field', field: 'country', op: 'equals', value: 'FR' },
      ],
    });

    await page.getByLabel('List name', { exact: true }).fill('Spring mailing');
    await page.getByLabel('For', { exact: true }).selectOption('email');
    await page.getByRole('button', { name: 'Freeze into list' }).click();
    await page.getByRole('heading', { name: 'Spring mailing' }).waitFor();
    const members = page.getByRole('region', { name: 'Members of Spring mailing' });
    for (const name of ['Anna Becker', 'Jonas Schmidt', 'Camille Martin', 'Hugo Bernard']) await members.getByRole('gridcell', { name, exact: true }).waitFor();
    await page.getByText('4 contacts', { exact: true }).waitFor();
    expect(await members.getByRole('gridcell', { name: 'Lea Wagner', exact: true }).count()).toBe(0);
    await app.screenshot(page, 'segments-02-list');

    const [list] = await app.call('lists.list', {});
    expect(list).toMatchObject({ name: 'Spring mailing', channel: 'email', memberCount: 4, segment: { id: saved!.id } });

    // The lists page shows it, and the suppression list is one tab away.
    await page.getByRole('navigation', { name: 'Segments and lists' }).getByRole('link', { name: 'Target lists' }).click();
    await page.getByRole('table', { name: 'Target lists' }).getByRole('link', { name: 'Spring mailing' }).waitFor();
    await page.getByRole('navigation', { name: 'Segments and lists' }).getByRole('link', { name: 'Suppression list' }).click();
    await page.getByLabel('Entries', { exact: true }).fill('camille@example.com');
    await page.getByRole('button', { name: 'Add to the suppression list' }).click();
    await page.getByRole('table', { name: 'Suppressed entries' }).getByRole('cell', { name: 'camille@example.com', exact: true }).first().waitFor();
    expect(await app.call('lists.get', { id: list!.id })).toMatchObject({ memberCount: 4, eligibleCount: 3 });
  });
});
