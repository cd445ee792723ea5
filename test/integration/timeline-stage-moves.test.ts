import { afterEach, beforeEach, expect, it } from 'vitest';
import { tempHost, type TestHost } from '../support/temp-host';

let host: TestHost;
beforeEach(async () => {
  host = await tempHost();
});
afterEach(async () => {
  await host.close();
});

it('a kanban move shows on the opportunity timeline once, as a stage change with names', async () => {
  const [pipeline] = await host.call('pipelines.list', {});
  const stages = pipeline!.stages;
  const opp = await host.call('opportunities.create', { name: 'Rollout 2027', amount: { amountMinor: 5_000_000, currency: 'EUR' } });
  host.clock.advance(60_000);
  await host.call('opportunities.move', { id: opp.id, version: opp.version, stageId: stages[3]!.id });
  const { items } = await host.call('timeline.forRecord', { entity: 'opportunity', id: opp.id });
  const stageItems = items.filter((i) => i.kind === 'stage_change');
  expect(stageItems.map((i) => [i.stage?.from, i.stage?.to])).toEqual([
    [stages[0]!.name, stages[3]!.name],
    [null, stages[0]!.name],
  ]);
  const fieldChanges = items.filter((i) => i.kind === 'field_change' && i.change?.action === 'update');
  expect(fieldChanges.flatMap((i) => i.change!.fields.map((f) => f.field))).not.toContain('stage_id');
});
