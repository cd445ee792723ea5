import { afterEach, beforeEach, expect, it } from 'vitest';
import { tempHost, type TestHost } from '../support/temp-host';

let host: TestHost;
beforeEach(async () => {
  host = await tempHost();
});
afterEach(async () => {
  await host.close();
});

it('a deal won at 23:59 UTC on the last day of the range counts in that range, and not in one ending the day before', async () => {
  const [pipeline] = await host.call('pipelines.list', {});
  const won = pipeline!.stages.find((s) => s.kind === 'won')!;
  const opp = await host.call('opportunities.create', { name: 'Year-end deal', amount: { amountMinor: 777_00, currency: 'EUR' } });
  host.clock.advance(Date.parse('2026-12-31T23:59:00.000Z') - host.clock.now().getTime());
  await host.call('opportunities.move', { id: opp.id, version: opp.version, stageId: won.id });
  const closedWon = async (to: string) =>
    (await host.call('forecast.summary', { period: 'month', from: '2026-12-01', to, currency: 'EUR' })).rows.reduce((sum, r) => sum + r.closedWonMinor, 0);
  expect(await closedWon('2026-12-31')).toBe(777_00);
  expect(await closedWon('2026-12-30')).toBe(0);
  const winLoss = await host.call('forecast.winLoss', { from: '2026-12-31', to: '2026-12-31' });
  expect(JSON.stringify(winLoss)).toContain('"won":1');
});
