import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PipelineInput } from '../../shared/contract/opportunities';
import { tempHost, type TestHost } from '../support/temp-host';

let host: TestHost;
beforeEach(async () => {
  host = await tempHost();
});
afterEach(async () => {
  await host.close();
});

const stages: PipelineInput['stages'] = [
  { name: 'Lead in', probability: 10, kind: 'open' },
  { name: 'Demo', probability: 50, kind: 'open' },
  { name: 'Won', probability: 100, kind: 'won' },
  { name: 'Lost', probability: 0, kind: 'lost' },
];

describe('pipelines', () => {
  it('ships a default "Sales" pipeline with seven ordered stages', async () => {
    const [sales] = await host.call('pipelines.list', {});
    expect(sales).toMatchObject({ name: 'Sales', isDefault: true, active: true });
    expect(sales!.stages.map((s) => [s.name, s.probability, s.kind])).toEqual([
      ['Prospecting', 10, 'open'],
      ['Qualification', 20, 'open'],
      ['Needs analysis', 40, 'open'],
      ['Proposal', 60, 'open'],
      ['Negotiation', 80, 'open'],
      ['Closed won', 100, 'won'],
      ['Closed lost', 0, 'lost'],
    ]);
  });

  it('creates, renames, reorders, adds and deletes unused stages', async () => {
    const p = await host.call('pipelines.save', { name: 'Partners', stages });
    expect(p).toMatchObject({ name: 'Partners', isDefault: false });
    const [lead, demo, won, lost] = p.stages;
    const saved = await host.call('pipelines.save', {
      id: p.id,
      name: 'Partner deals',
      stages: [
        { id: demo!.id, name: 'Live demo', probability: 40, kind: 'open' },
        { id: lead!.id, name: 'Lead in', probability: 10, kind: 'open' },
        { name: 'Contract', probability: 90, kind: 'open' },
        { id: won!.id, name: 'Won', probability: 100, kind: 'won' },
        { id: lost!.id, name: 'Lost', probability: 0, kind: 'lost' },
      ],
    });
    expect(saved.name).toBe('Partner deals');
    expect(saved.stages.map((s) => [s.name, s.position])).toEqual([
      ['Live demo', 0],
      ['Lead in', 1],
      ['Contract', 2],
      ['Won', 3],
      ['Lost', 4],
    ]);
    expect(saved.stages[0]!.id).toBe(demo!.id);
    // Leaving out an unused stage deletes it.
    const fewer = await host.call('pipelines.save', {
      id: p.id,
      name: 'Partner deals',
      stages: saved.stages.filter((s) => s.name !== 'Contract').map(({ id, name, probability, kind }) => ({ id, name, probability, kind })),
    });
    expect(fewer.stages.map((s) => s.name)).toEqual(['Live demo', 'Lead in', 'Won', 'Lost']);
  });

  it('needs exactly one won stage, at least one lost and one open stage', async () => {
    const twoWon = await host.fail('pipelines.save', { name: 'X', stages: [...stages, { name: 'Won again', probability: 100, kind: 'won' }] });
    expect(twoWon).toMatchObject({ code: 'validation', message: 'A pipeline needs exactly one active won stage' });
    const noLost = await host.fail('pipelines.save', { name: 'X', stages: stages.filter((s) => s.kind !== 'lost') });
    expect(noLost.message).toBe('A pipeline needs at least one active lost stage');
    const noOpen = await host.fail('pipelines.save', { name: 'X', stages: stages.filter((s) => s.kind !== 'open') });
    expect(noOpen.message).toBe('A pipeline needs at least one active open stage');
    const inactiveLost = await host.fail('pipelines.save', { name: 'X', stages: stages.map((s) => (s.kind === 'lost' ? { ...s, active: false } : s)) });
    expect(inactiveLost.code).toBe('validation');
    const sameName = await host.fail('pipelines.save', { name: 'X', stages: [...stages, { name: 'demo', probability: 5, kind: 'open' }] });
    expect(sameName.issues).toEqual([{ path: 'stages.4.name', message: 'Two stages have this name' }]);
    expect((await host.call('pipelines.list', {})).map((p) => p.name)).toEqual(['Sales']);
  });

  it('a stage in use cannot be deleted nor change kind, only be deactivated once empty', async () => {
    const p = await host.call('pipelines.save', { name: 'Partners', stages });
    const demo = p.stages[1]!;
    const o = await host.call('opportunities.create', { name: 'Deal', amount: { amountMinor: 1, currency: 'EUR' }, stageId: demo.id });
    const keep = p.stages.map(({ id, name, probability, kind }) => ({ id, name, probability, kind }));

    const deleted = await host.fail('pipelines.save', { id: p.id, name: 'Partners', stages: keep.filter((s) => s.id !== demo.id) });
    expect(deleted.message).toMatch(/“Demo” is in use and cannot be deleted; deactivate it instead/);
    const kindChange = await host.fail('pipelines.save', { id: p.id, name: 'Partners', stages: keep.map((s) => (s.id === demo.id ? { ...s, kind: 'lost' as const } : s)) });
    expect(kindChange.issues?.[0]).toEqual({ path: 'stages.1.kind', message: 'Opportunities use this stage: its kind cannot change' });
    const deactivate = keep.map((s) => (s.id === demo.id ? { ...s, active: false } : s));
    expect((await host.fail('pipelines.save', { id: p.id, name: 'Partners', stages: deactivate })).issues?.[0]?.path).toBe('stages.1.active');

    // Once the deal has moved on, the stage can be deactivated, but still not deleted (history refers to it).
    await host.call('opportunities.move', { id: o.id, version: 1, stageId: p.stages[0]!.id });
    const saved = await host.call('pipelines.save', { id: p.id, name: 'Partners', stages: deactivate });
    expect(saved.stages.find((s) => s.id === demo.id)).toMatchObject({ active: false, opportunityCount: 0 });
    expect((await host.call('pipelines.list', {})).find((x) => x.id === p.id)!.stages.map((s) => s.name)).toEqual(['Lead in', 'Won', 'Lost']);
    expect((await host.fail('pipelines.save', { id: p.id, name: 'Partners', stages: keep.filter((s) => s.id !== demo.id) })).code).toBe('validation');
    // A deactivated stage takes no new opportunities.
    const refused = await host.fail('opportunities.move', { id: o.id, version: 2, stageId: demo.id });
    expect(refused.code).toBe('validation');
  });

  it('making a pipeline the default unsets the previous default', async () => {
    const p = await host.call('pipelines.save', { name: 'Partners', isDefault: true, stages });
    const all = await host.call('pipelines.list', {});
    expect(all.map((x) => [x.name, x.isDefault])).toEqual([
      ['Sales', false],
      ['Partners', true],
    ]);
    const o = await host.call('opportunities.create', { name: 'D', amount: { amountMinor: 1, currency: 'EUR' } });
    expect(o.pipeline.id).toBe(p.id);
  });

  it('refuses a stage id of another pipeline', async () => {
    const [sales] = await host.call('pipelines.list', {});
    const error = await host.fail('pipelines.save', { name: 'X', stages: [{ ...stages[0]!, id: sales!.stages[0]!.id }, ...stages.slice(1)] });
    expect(error.issues?.[0]?.path).toBe('stages.0.id');
  });
});
