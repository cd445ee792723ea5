import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import type { Input, MethodName } from '../../shared/contract';
import { startE2eApp, type E2eApp } from './fixture';
import { seedTerritoryJourney, type TerritorySeed } from './territory-seed';

/**
 * A sales manager's territories, in real Chromium against the harness: build
 * EMEA > DACH with rules and members in the tree editor while the match count
 * follows the rules, drag a territory under another, preview a realignment
 * with its real counts, apply it (owners change), and undo it (owners back).
 */
describe('territories journey', () => {
  let app: E2eApp;
  let seed: TerritorySeed;

  beforeAll(async () => {
    app = await startE2eApp();
    seed = await seedTerritoryJourney(app.host);
  });

  afterAll(async () => {
    await app?.close();
  });

  const db = <M extends MethodName>(method: M, input: Input<M>) => app.call(method, input);

  const node = (page: Page, name: string) => page.getByRole('list', { name: 'Territory tree' }).getByRole('listitem', { name, exact: true });
  const matches = (page: Page) => page.getByRole('status').filter({ hasText: /^Matches|^Counting/ });

  /** dnd-kit's pointer sensor wants real pointer events with movement: press on the handle, move in steps, release over the middle of the row. */
  async function drag(page: Page, handle: Locator, target: Locator): Promise<void> {
    const from = await handle.boundingBox();
    const to = await target.boundingBox();
    if (!from || !to) throw new Error('The handle or the target row is not visible');
    const x = from.x + from.width / 2;
    const y = from.y + from.height / 2;
    await page.mouse.move(x, y);
    await page.mouse.down();
    await page.mouse.move(x + 8, y - 6, { steps: 4 });
    await page.mouse.move(to.x + to.width / 2, to.y + to.height / 2, { steps: 16 });
    await page.mouse.move(to.x + to.width / 2 + 2, to.y + to.height / 2 + 1, { steps: 2 });
    await page.mouse.up();
  }

  async function addCountryRule(page: Page, n: number, codes: string): Promise<void> {
    await page.getByLabel('New rule on', { exact: true }).selectOption('country');
    await page.getByRole('button', { name: 'Add rule', exact: true }).click();
    await page.getByLabel(`Rule ${n}: Country codes`, { exact: true }).fill(codes);
  }

  async function addMember(page: Page, name: string): Promise<void> {
    await page.getByLabel('Add member', { exact: true }).selectOption({ label: `${name} (capacity ${name === 'Doris Alpen' ? 150 : 100})` });
    await page.getByRole('button', { name: 'Add', exact: true }).click();
    await page.getByRole('list', { name: 'Members in round-robin order' }).getByRole('listitem', { name }).waitFor();
  }

  /** Opens the account's page and waits for the owner it shows to settle (a cached page refetches first). */
  async function ownerOnPage(page: Page, accountId: number, expected: string | string[]): Promise<string> {
    await page.goto(`${app.harness.url}#/accounts/${accountId}`);
    const owner = page.locator('.detail-list__row', { has: page.locator('dt', { hasText: /^Owner$/ }) }).locator('dd');
    const wanted = Array.isArray(expected) ? expected : [expected];
    await expect.poll(async () => wanted.includes((await owner.textContent()) ?? ''), { timeout: 5_000 }).toBe(true);
    return (await owner.textContent()) ?? '';
  }

  it('builds a tree, re-parents by drag, previews, applies and undoes a realignment', async () => {
    const page = await app.newPage();
    try {
      await journey(page);
    } catch (error) {
      await app.screenshot(page, 'territories-failure');
      throw error;
    }
  });

  async function journey(page: Page): Promise<void> {
    const started = Date.now();
    await page.getByRole('heading', { level: 1, name: 'Accounts', exact: true }).waitFor();
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Territories' }).click();
    await page.getByRole('heading', { level: 1, name: 'Territories', exact: true }).waitFor();
    await page.getByText('No territories yet').waitFor();

    // 1. EMEA at the top: the count follows the rules as they are typed.
    await page.getByRole('button', { name: 'New territory', exact: true }).click();
    await page.getByRole('heading', { name: 'New top-level territory' }).waitFor();
    await page.getByRole('textbox', { name: 'Name', exact: true }).fill('EMEA');
    await expect.poll(() => matches(page).textContent(), { timeout: 5_000 }).toBe('Matches 20 accounts and 0 open leads');
    await addCountryRule(page, 1, 'DE');
    await expect.poll(() => matches(page).textContent(), { timeout: 5_000 }).toBe('Matches 8 accounts and 0 open leads');
    await page.getByLabel('Rule 1: Country codes', { exact: true }).fill('DE, AT, FR');
    await expect.poll(() => matches(page).textContent(), { timeout: 5_000 }).toBe('Matches 20 accounts and 0 open leads');
    await addMember(page, 'Emma Europa');
    await page.getByRole('button', { name: 'Create territory' }).click();
    await node(page, 'EMEA').waitFor();
    await page.getByRole('heading', { level: 2, name: 'EMEA', exact: true }).waitFor();
    const emea = (await db('territories.list', {})).find((t) => t.name === 'EMEA')!;
    expect(emea.rules.map((r) => r.rule)).toEqual([{ field: 'country', values: ['DE', 'AT', 'FR'] }]);
    expect(emea.members.map((m) => m.id)).toEqual([seed.reps.emma]);

    // 2. DACH under EMEA with two reps in round-robin order; a bad code is named next to the field.
    await page.getByRole('button', { name: 'Add child', exact: true }).click();
    await page.getByRole('heading', { name: 'New territory under EMEA' }).waitFor();
    await page.getByRole('textbox', { name: 'Name', exact: true }).fill('DACH');
    await addCountryRule(page, 1, 'DE, XX');
    await addMember(page, 'Doris Alpen');
    await addMember(page, 'Dieter Berg');
    await page.getByRole('button', { name: 'Move Dieter Berg up' }).click();
    await page.getByRole('button', { name: 'Create territory' }).click();
    await page.getByText('XX: Use a two-letter ISO country code such as DE or US').waitFor();
    await page.getByLabel('Rule 1: Country codes', { exact: true }).fill('DE, AT');
    await expect.poll(() => matches(page).textContent(), { timeout: 5_000 }).toBe('Matches 14 accounts and 0 open leads');
    await app.screenshot(page, 'territories-01-form');
    await page.getByRole('button', { name: 'Create territory' }).click();
    await node(page, 'DACH').waitFor();
    const dach = (await db('territories.list', {})).find((t) => t.name === 'DACH')!;
    expect(dach).toMatchObject({ parentId: emea.id, depth: 1, method: 'round_robin' });
    expect(dach.members.map((m) => m.id)).toEqual([seed.reps.dieter, seed.reps.doris]);

    // 3. France at the top level, then dragged onto EMEA to sit under it; ▲ puts it first.
    await page.getByRole('button', { name: 'New territory', exact: true }).click();
    await page.getByRole('textbox', { name: 'Name', exact: true }).fill('France');
    await addCountryRule(page, 1, 'FR');
    await expect.poll(() => matches(page).textContent(), { timeout: 5_000 }).toBe('Matches 6 accounts and 0 open leads');
    await addMember(page, 'Fabienne Roux');
    await page.getByRole('button', { name: 'Create territory' }).click();
    await node(page, 'France').waitFor();
    await expect.poll(async () => (await db('territories.list', {})).map((t) => `${t.name}@${t.depth}`)).toEqual(['EMEA@0', 'DACH@1', 'France@0']);

    await drag(page, node(page, 'France').getByRole('button', { name: 'Drag France' }), node(page, 'EMEA').locator('.tree-node__row'));
    await expect.poll(async () => (await db('territories.list', {})).map((t) => `${t.name}@${t.depth}`), { timeout: 5_000 }).toEqual(['EMEA@0', 'DACH@1', 'France@1']);
    await page.getByText('France moved under EMEA, last').waitFor();
    // The keyboard's way: the Position controls of the selected territory.
    await node(page, 'France').getByRole('button', { name: 'France', exact: true }).click();
    await page.getByRole('group', { name: 'Position of France' }).waitFor();
    await page.getByRole('button', { name: 'Move France up' }).click();
    await expect.poll(async () => (await db('territories.list', {})).map((t) => `${t.name}@${t.depth}`), { timeout: 5_000 }).toEqual(['EMEA@0', 'France@1', 'DACH@1']);
    expect(await page.getByLabel('Parent', { exact: true }).inputValue()).toBe(String(emea.id));
    // And dnd-kit's keyboard drag: Space picks it up, the arrows step through the drop places (announced), Space drops.
    await node(page, 'France').getByRole('button', { name: 'Drag France' }).focus();
    await page.keyboard.press('Space');
    const announced = () => page.locator('[id^="DndLiveRegion"]').textContent();
    await expect.poll(announced, { timeout: 5_000 }).toContain('Picked up France');
    // Each arrow's announcement arrives a moment later: wait for it before judging (or pressing again).
    for (let i = 0; i < 8; i++) {
      const heard = await announced();
      if (heard === 'France would go under EMEA, last.') break;
      await page.keyboard.press('ArrowDown');
      // Not every step is announced (the first may land where the drag began): wait a little, not forever.
      for (let t = 0; t < 10 && (await announced()) === heard; t++) await page.waitForTimeout(100);
    }
    expect(await announced()).toBe('France would go under EMEA, last.');
    await page.keyboard.press('Space');
    await expect.poll(async () => (await db('territories.list', {})).map((t) => `${t.name}@${t.depth}`), { timeout: 5_000 }).toEqual(['EMEA@0', 'DACH@1', 'France@1']);
    await app.screenshot(page, 'territories-02-tree');

    // 4. Realign: the preview counts what really moves, from the admin to each territory's reps.
    await page.getByRole('navigation', { name: 'Territories' }).getByRole('link', { name: 'Realign' }).click();
    await page.getByRole('button', { name: 'Preview realignment' }).click();
    const table = page.getByRole('table', { name: 'Realignment moves' });
    await table.waitFor();
    const expected = await db('assignment.preview', { kind: 'realignment' });
    expect(expected.byEntity).toEqual({ account: 20, lead: 0, contact: 20, opportunity: 0 });
    expect(expected.unmatched).toBe(0);
    const rows = await table.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => Array.from(tr.querySelectorAll('td')).slice(0, 3).map((td) => td.textContent?.replace('→', '').trim())));
    const byRep = Object.fromEntries(rows.map(([from, to, count]) => [`${from} → ${to}`, Number(count)]));
    expect(byRep).toEqual(Object.fromEntries(expected.moves.map((m) => [`${m.from?.name} → ${m.to.name}`, m.count])));
    expect(byRep['Erika Mustermann → Fabienne Roux']).toBe(12);
    expect(byRep['Erika Mustermann → Dieter Berg']! + byRep['Erika Mustermann → Doris Alpen']!).toBe(28);
    const tiles = page.getByRole('region', { name: 'Realignment preview' });
    expect(await tiles.getByRole('definition').allTextContents()).toEqual(['40', '20', '0', '20', '0', '0']);
    // Samples link to their records.
    const sample = table.getByRole('link').first();
    expect(await sample.getAttribute('href')).toMatch(/^#\/(accounts|contacts)\/\d+$/);
    await app.screenshot(page, 'territories-03-preview');

    // 5. Apply: the batch is recorded and an account's page shows its new owner.
    const applyStarted = Date.now();
    await page.getByRole('button', { name: 'Apply realignment' }).click();
    await page.getByRole('dialog', { name: 'Apply the realignment?' }).getByRole('button', { name: 'Apply realignment' }).click();
    await page.getByText('Applied: Realignment by the territory rules').waitFor();
    console.log(`[timing] realignment of 40 records applied in ${Date.now() - applyStarted} ms`);
    await app.screenshot(page, 'territories-04-applied');
    const batches = await db('assignment.batches', {});
    expect(batches).toMatchObject([{ kind: 'realignment', status: 'applied', moveCount: 40 }]);

    const lyon = seed.accounts.fr['Lyon Textiles SA']!;
    const berlin = seed.accounts.de['Berliner Werkstatt GmbH']!;
    await ownerOnPage(page, lyon, 'Fabienne Roux');
    const berlinOwner = await ownerOnPage(page, berlin, ['Dieter Berg', 'Doris Alpen']);
    expect((await db('accounts.get', { id: berlin })).owner.name).toBe(berlinOwner);
    const history = page.locator('details', { has: page.getByRole('heading', { name: 'Assignment history' }) });
    await history.locator('summary').click();
    await history.getByRole('table', { name: 'Assignment history' }).getByRole('cell', { name: 'DACH' }).waitFor();
    await app.screenshot(page, 'territories-05-account-history');

    // 6. Undo from the history: every owner goes back.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Territories' }).click();
    await page.getByRole('navigation', { name: 'Territories' }).getByRole('link', { name: 'History' }).click();
    const batchRow = page.getByRole('table', { name: 'Bulk moves' }).getByRole('row', { name: 'Realignment by the territory rules' });
    await batchRow.getByText('Applied').waitFor();
    await batchRow.getByRole('button', { name: 'Show moves of Realignment by the territory rules' }).click();
    await page.getByRole('table', { name: 'Moves of the batch' }).getByRole('link', { name: 'Lyon Textiles SA' }).waitFor();
    expect(await page.getByRole('table', { name: 'Moves of the batch' }).locator('tbody tr').count()).toBe(40);
    await app.screenshot(page, 'territories-06-history');
    await batchRow.getByRole('button', { name: 'Undo Realignment by the territory rules' }).click();
    await page.getByRole('dialog', { name: 'Undo Realignment by the territory rules?' }).getByRole('button', { name: 'Undo batch' }).click();
    await batchRow.getByText('Undone').waitFor();
    expect((await db('assignment.batches', {}))[0]).toMatchObject({ status: 'undone' });
    await ownerOnPage(page, lyon, 'Erika Mustermann');
    await ownerOnPage(page, berlin, 'Erika Mustermann');
    console.log(`[timing] territories journey took ${Date.now() - started} ms`);
  }
});
