import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import type { Input, MethodName } from '../../shared/contract';
import { startE2eApp, type E2eApp } from './fixture';

/**
 * A deal from first contact to won, in real Chromium against the harness:
 * create it in the form, drag it across the kanban, see it in the forecast.
 */
describe('opportunities journey', () => {
  let app: E2eApp;

  beforeAll(async () => {
    app = await startE2eApp();
  });

  afterAll(async () => {
    await app?.close();
  });

  const db = <M extends MethodName>(method: M, input: Input<M>) => app.call(method, input);

  function idFromUrl(page: Page, kind: string): number {
    const match = new RegExp(`#/${kind}/(\\d+)`).exec(page.url());
    if (!match) throw new Error(`No ${kind} id in ${page.url()}`);
    return Number(match[1]);
  }

  const column = (page: Page, stage: string) => page.getByRole('region', { name: stage, exact: true });
  const totals = (page: Page, stage: string) => page.getByLabel(`Totals of ${stage}`, { exact: true });

  /** dnd-kit's pointer sensor wants real pointer events with movement: press on the handle, move in steps, release over the column. */
  async function drag(page: Page, handle: Locator, target: Locator): Promise<void> {
    await target.scrollIntoViewIfNeeded();
    await handle.scrollIntoViewIfNeeded();
    const from = await handle.boundingBox();
    const to = await target.boundingBox();
    if (!from || !to) throw new Error('The card or the column is not visible');
    const x = from.x + from.width / 2;
    const y = from.y + from.height / 2;
    await page.mouse.move(x, y);
    await page.mouse.down();
    await page.mouse.move(x + 12, y + 4, { steps: 4 });
    await page.mouse.move(to.x + to.width / 2, to.y + 140, { steps: 20 });
    await page.mouse.move(to.x + to.width / 2 + 2, to.y + 142, { steps: 2 });
    await page.mouse.up();
  }

  async function journey(page: Page): Promise<void> {
    await page.getByRole('heading', { name: 'Accounts' }).waitFor();

    // 1. An account, then an opportunity for it through the form.
    await page.getByRole('link', { name: 'New account' }).click();
    await page.getByRole('textbox', { name: 'Name', exact: true }).fill('Kanban Werke GmbH');
    await page.getByRole('button', { name: 'Create account' }).click();
    await page.getByRole('heading', { level: 1, name: 'Kanban Werke GmbH', exact: true }).waitFor();
    const accountId = idFromUrl(page, 'accounts');

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Opportunities' }).click();
    await page.getByRole('heading', { level: 1, name: 'Opportunities', exact: true }).waitFor();
    await page.getByText('0 opportunities').waitFor();
    await page.getByRole('link', { name: 'New opportunity' }).click();
    await page.getByRole('heading', { level: 1, name: 'New opportunity', exact: true }).waitFor();
    await page.getByRole('textbox', { name: 'Name', exact: true }).fill('Fleet renewal');
    // Without an amount the form refuses to save.
    await page.getByRole('button', { name: 'Create opportunity' }).click();
    await page.getByText('Enter an amount').waitFor();
    await page.getByRole('combobox', { name: 'Account' }).fill('Kanban');
    await page.getByRole('option', { name: 'Kanban Werke GmbH' }).click();
    await page.getByLabel('Amount', { exact: true }).fill('50,000');
    expect(await page.getByLabel('Stage', { exact: true }).locator('option:checked').textContent()).toBe('Prospecting');
    expect(await page.getByLabel('Probability (%)').inputValue()).toBe('10');
    // Choosing a stage sets its probability; back to the first one.
    await page.getByLabel('Stage', { exact: true }).selectOption({ label: 'Negotiation' });
    expect(await page.getByLabel('Probability (%)').inputValue()).toBe('80');
    await page.getByLabel('Stage', { exact: true }).selectOption({ label: 'Prospecting' });
    await page.getByLabel('Probability (%)').fill('15');
    await page.getByLabel('Expected close').fill(new Date().toISOString().slice(0, 10));
    await page.getByLabel('Next step').fill('Send the offer');
    await app.screenshot(page, 'opp-01-new-opportunity-form');
    await page.getByRole('button', { name: 'Create opportunity' }).click();
    await page.getByRole('heading', { level: 1, name: 'Fleet renewal', exact: true }).waitFor();
    const id = idFromUrl(page, 'opportunities');
    const created = await db('opportunities.get', { id });
    expect(created.account).toEqual({ id: accountId, name: 'Kanban Werke GmbH' });
    expect(created.amount).toEqual({ amountMinor: 5_000_000, currency: 'EUR' });
    expect(created.stage.name).toBe('Prospecting');
    expect(created.probability).toBe(15);
    await page.getByRole('region', { name: 'Stage history' }).getByRole('cell', { name: 'Prospecting' }).waitFor();
    await app.screenshot(page, 'opp-02-detail');

    // 2. The board: drag the card to Proposal, then to Closed won.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Pipeline' }).click();
    await page.getByRole('heading', { level: 1, name: 'Pipeline', exact: true }).waitFor();
    const card = page.getByRole('article', { name: 'Fleet renewal' });
    await column(page, 'Prospecting').getByRole('article', { name: 'Fleet renewal' }).waitFor();
    await totals(page, 'Prospecting').getByText('€50,000.00').waitFor();
    await totals(page, 'Prospecting').getByText('weighted €7,500.00').waitFor();
    await app.screenshot(page, 'opp-03-board');

    const started = Date.now();
    await drag(page, card.getByRole('button', { name: 'Move Fleet renewal' }), column(page, 'Proposal'));
    await column(page, 'Proposal').getByRole('article', { name: 'Fleet renewal' }).waitFor();
    await expect.poll(async () => (await db('opportunities.get', { id })).stage.name, { timeout: 5_000 }).toBe('Proposal');
    expect((await db('opportunities.get', { id })).probability).toBe(60);
    await totals(page, 'Proposal').getByText('weighted €30,000.00').waitFor();
    await totals(page, 'Prospecting').getByText('€50,000.00').waitFor({ state: 'detached' });
    console.log(`[timing] drag to Proposal saved in ${Date.now() - started} ms`);
    await app.screenshot(page, 'opp-04-board-proposal');

    await drag(page, card.getByRole('button', { name: 'Move Fleet renewal' }), column(page, 'Closed won'));
    await column(page, 'Closed won').getByRole('article', { name: 'Fleet renewal' }).waitFor();
    await expect.poll(async () => (await db('opportunities.get', { id })).stage.name, { timeout: 5_000 }).toBe('Closed won');
    const won = await db('opportunities.get', { id });
    expect(won.probability).toBe(100);
    expect(won.closedAt).not.toBeNull();
    await totals(page, 'Closed won').getByText('weighted €50,000.00').waitFor();
    await totals(page, 'Proposal').getByText('€50,000.00').waitFor({ state: 'detached' });
    expect(await column(page, 'Closed won').getByText('1 opportunity', { exact: true }).count()).toBe(1);
    await app.screenshot(page, 'opp-05-board-won');
    const history = await db('opportunities.stageHistory', { id });
    expect(history.map((h) => h.toStage.name)).toEqual(['Prospecting', 'Proposal', 'Closed won']);

    // A second deal goes to Closed lost with the keyboard; the lost column asks why.
    const pipeline = (await db('pipelines.list', {})).find((p) => p.isDefault);
    const lostDeal = await db('opportunities.create', {
      name: 'Spare parts',
      accountId,
      amount: { amountMinor: 1_200_000, currency: 'EUR' },
      expectedCloseDate: new Date().toISOString().slice(0, 10),
      ...(pipeline ? { pipelineId: pipeline.id } : {}),
    });
    await page.reload();
    const lostCard = column(page, 'Prospecting').getByRole('article', { name: 'Spare parts' });
    await lostCard.waitFor();
    await totals(page, 'Prospecting').getByText('€12,000.00').waitFor();
    const handle = lostCard.getByRole('button', { name: 'Move Spare parts' });
    await handle.focus();
    await page.keyboard.press('Space');
    // dnd-kit's live region tells a screen reader what happens.
    const announced = () => page.locator('[id^="DndLiveRegion"]').textContent();
    await expect.poll(announced, { timeout: 5_000 }).toContain('Picked up Spare parts');
    const presses: string[] = [];
    for (let i = 0; i < 10 && (await announced()) !== 'Spare parts is over Closed lost.'; i++) {
      await page.keyboard.press('ArrowRight');
      await page.waitForTimeout(50);
      presses.push((await announced()) ?? '');
    }
    console.log('[keyboard]', presses.join(' | '));
    expect(await announced()).toBe('Spare parts is over Closed lost.');
    await page.keyboard.press('Space');
    const dialog = page.getByRole('dialog', { name: 'Move Spare parts to Closed lost' });
    await dialog.waitFor();
    await dialog.getByRole('button', { name: 'Move' }).click();
    await dialog.getByText('A lost reason is required').waitFor();
    await dialog.getByLabel('Why was it lost?').fill('Price too high');
    await app.screenshot(page, 'opp-05b-lost-reason');
    await dialog.getByRole('button', { name: 'Move' }).click();
    await column(page, 'Closed lost').getByRole('article', { name: 'Spare parts' }).waitFor();
    await expect.poll(async () => (await db('opportunities.get', { id: lostDeal.id })).stage.name, { timeout: 5_000 }).toBe('Closed lost');
    const lost = await db('opportunities.get', { id: lostDeal.id });
    expect(lost.lostReason).toBe('Price too high');
    expect(lost.probability).toBe(0);
    await totals(page, 'Closed lost').getByText('€12,000.00').waitFor();
    await totals(page, 'Prospecting').getByText('€12,000.00').waitFor({ state: 'detached' });

    // The grid lists both.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Opportunities' }).click();
    await page.getByText('2 opportunities').waitFor();
    await page.getByRole('gridcell', { name: 'Closed won', exact: true }).waitFor();
    await app.screenshot(page, 'opp-05c-grid');

    // 3. The forecast shows the won amount in this quarter.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Forecast' }).click();
    await page.getByRole('heading', { level: 1, name: 'Forecast', exact: true }).waitFor();
    const now = new Date();
    const quarter = `${now.getFullYear()}-Q${Math.ceil((now.getMonth() + 1) / 3)}`;
    const row = page.getByRole('table', { name: 'Forecast figures' }).getByRole('row', { name: new RegExp(`^${quarter}`) });
    await row.getByRole('cell', { name: '€50,000.00' }).first().waitFor();
    expect(await row.getByRole('cell').first().textContent()).toBe('€50,000.00');
    await page.getByRole('img', { name: /Forecast in EUR/ }).locator('.recharts-bar-rectangle').first().waitFor();
    // A quota for this quarter shows as the line and in the table.
    await page.getByLabel('Period', { exact: true }).last().fill(quarter);
    await page.getByLabel('Quota', { exact: true }).fill('100000');
    await page.getByRole('button', { name: 'Set quota' }).click();
    await row.getByRole('cell', { name: '€100,000.00' }).waitFor();
    await row.getByRole('cell', { name: '50 %' }).waitFor();
    await app.screenshot(page, 'opp-06-forecast');

    // 4. Win/loss counts the won deal.
    await page.getByRole('link', { name: 'Win/loss' }).click();
    await page.getByRole('heading', { level: 1, name: 'Win/loss', exact: true }).waitFor();
    await page.getByText('50 %', { exact: true }).first().waitFor();
    await page.getByRole('img', { name: 'Lost reasons' }).getByText('Price too high').waitFor();
    await app.screenshot(page, 'opp-07-win-loss');

    // 5. Pipeline admin: a stage's probability changes; a stage without a name is refused.
    await page.goto(`${app.harness.url}#/settings/pipelines`);
    await page.getByRole('heading', { level: 1, name: 'Pipelines', exact: true }).waitFor();
    await page.getByLabel('Stage 2 probability').fill('25');
    await page.getByRole('button', { name: 'Save pipeline' }).click();
    await page.getByText('Saved Sales.').waitFor();
    expect((await db('pipelines.list', {})).find((p) => p.isDefault)?.stages[1]?.probability).toBe(25);
    await page.getByLabel('Stage 2 name').fill('');
    await page.getByRole('button', { name: 'Save pipeline' }).click();
    await page.getByRole('alert').getByText(/Stage 2.*required/).waitFor();
    await app.screenshot(page, 'opp-08-pipeline-admin');

    // 6. Edit: a lost stage asks for a reason in the form; a change is saved with its version.
    await page.goto(`${app.harness.url}#/opportunities/${id}/edit`);
    await page.getByRole('heading', { level: 1, name: 'Edit Fleet renewal', exact: true }).waitFor();
    expect(await page.getByLabel('Probability (%)').inputValue()).toBe('100');
    await page.getByLabel('Stage', { exact: true }).selectOption({ label: 'Closed lost' });
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText('A lost reason is required').waitFor();
    await page.getByLabel('Stage', { exact: true }).selectOption({ label: 'Closed won' });
    await page.getByLabel('Next step').fill('Kick-off meeting');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('heading', { level: 1, name: 'Fleet renewal', exact: true }).waitFor();
    await page.getByText('Kick-off meeting').first().waitFor();
    const edited = await db('opportunities.get', { id });
    expect(edited.nextStep).toBe('Kick-off meeting');
    expect(edited.stage.name).toBe('Closed won');
    expect(edited.version).toBe(won.version + 1);
    await page.getByRole('region', { name: 'Stage history' }).getByRole('cell', { name: 'Closed won' }).waitFor();
  }

  it('creates an opportunity, drags it to won and sees it in the forecast', async () => {
    const page = await app.newPage();
    try {
      await journey(page);
    } catch (error) {
      await app.screenshot(page, 'opp-failure').catch(() => undefined);
      throw error;
    }
  });
});
