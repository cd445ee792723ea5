import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempHost, type TestHost } from '../support/temp-host';

let host: TestHost;
let repId: number;

beforeAll(async () => {
  host = await tempHost();
  repId = (await host.call('users.create', { name: 'Rita Rep', email: 'rita@example.com', role: 'sales_rep' })).id;
});
afterAll(async () => {
  await host.close();
});

const pick = (fieldId: number, op: 'anyOf' | 'noneOf' | 'empty' | 'notEmpty', values?: string[]) => ({ type: 'fact' as const, fact: 'customPick' as const, fieldId, op, ...(values ? { values } : {}) });
const rule = (entity: 'contact' | 'lead' | 'account', ...items: ReturnType<typeof pick>[]) => ({ entity, root: { type: 'group' as const, op: 'and' as const, items } });

describe('custom picklist fields', () => {
  it('administrators define picklists per entity; values are set on records, checked against the options, and kept in option order', async () => {
    const tier = await host.call('customFields.create', { entity: 'contact', label: 'Tier', options: ['Gold', 'Silver', 'Bronze'] });
    expect(tier).toMatchObject({ entity: 'contact', label: 'Tier', options: ['Gold', 'Silver', 'Bronze'], multiple: false, position: 0 });
    const hobbies = await host.call('customFields.create', { entity: 'contact', label: 'Hobbies', options: ['Golf', 'Sailing'], multiple: true });
    expect(hobbies.position).toBe(1);
    // Labels are unique per entity ignoring case; another entity may reuse one.
    expect(await host.fail('customFields.create', { entity: 'contact', label: 'tier', options: ['x'] })).toMatchObject({ code: 'conflict' });
    await host.call('customFields.create', { entity: 'account', label: 'Tier', options: ['A', 'B'] });
    expect((await host.dispatch('customFields.create', { entity: 'lead', label: 'Rep field', options: ['x'] }, { userId: repId })).ok).toBe(false);

    const ann = await host.call('contacts.create', { lastName: 'Ann' });
    const values = await host.call('customFields.setValues', {
      entity: 'contact',
      recordId: ann.id,
      values: [
        { fieldId: tier.id, values: ['Gold'] },
        { fieldId: hobbies.id, values: ['Sailing', 'Golf'] },
      ],
    });
    expect(values.map((v) => [v.label, v.values])).toEqual([
      ['Tier', ['Gold']],
      ['Hobbies', ['Golf', 'Sailing']],
    ]);
    expect((await host.call('customFields.forRecord', { entity: 'contact', recordId: ann.id })).map((v) => v.values)).toEqual([['Gold'], ['Golf', 'Sailing']]);
    const history = await host.call('audit.forRecord', { entity: 'contact', id: ann.id });
    expect(history[0]).toMatchObject({ action: 'update', changes: { Tier: [null, 'Gold'], Hobbies: [null, 'Golf, Sailing'] } });

    const bad = await host.fail('customFields.setValues', { entity: 'contact', recordId: ann.id, values: [{ fieldId: tier.id, values: ['Platinum'] }] });
    expect(bad).toMatchObject({ code: 'validation', issues: [{ path: 'values.0.values.0', message: 'Tier is one of Gold, Silver, Bronze' }] });
    expect(await host.fail('customFields.setValues', { entity: 'contact', recordId: ann.id, values: [{ fieldId: tier.id, values: ['Gold', 'Silver'] }] })).toMatchObject({
      issues: [{ message: 'Tier takes one value' }],
    });
    const accountTier = (await host.call('customFields.list', { entity: 'account' }))[0]!;
    expect(await host.fail('customFields.setValues', { entity: 'contact', recordId: ann.id, values: [{ fieldId: accountTier.id, values: ['A'] }] })).toMatchObject({ code: 'validation' });

    await host.call('contacts.delete', { id: ann.id });
    expect(await host.fail('customFields.setValues', { entity: 'contact', recordId: ann.id, values: [{ fieldId: tier.id, values: [] }] })).toMatchObject({ code: 'conflict' });
    await host.call('contacts.restore', { id: ann.id });
  });

  it('an option in use is not removed (the refusal counts the records), nor one a saved segment names; renaming the label and adding options is fine', async () => {
    const field = await host.call('customFields.create', { entity: 'lead', label: 'Channel', options: ['Web', 'Fair', 'Call'], multiple: true });
    const l1 = await host.call('leads.create', { lastName: 'One', source: 'web' });
    const l2 = await host.call('leads.create', { lastName: 'Two', source: 'web' });
    await host.call('customFields.setValues', { entity: 'lead', recordId: l1.id, values: [{ fieldId: field.id, values: ['Web', 'Fair'] }] });
    await host.call('customFields.setValues', { entity: 'lead', recordId: l2.id, values: [{ fieldId: field.id, values: ['Web'] }] });

    const refused = await host.fail('customFields.update', { id: field.id, options: ['Fair', 'Call'] });
    expect(refused).toMatchObject({ code: 'conflict', message: 'Channel: "Web" is set on 2 leads; change those records before removing the option.' });
    expect(await host.fail('customFields.update', { id: field.id, multiple: false })).toMatchObject({ code: 'conflict', message: expect.stringContaining('1 lead has several values') });

    await host.call('segments.save', { name: 'Called leads', ...rule('lead', pick(field.id, 'anyOf', ['Call'])) });
    expect(await host.fail('customFields.update', { id: field.id, options: ['Web', 'Fair'] })).toMatchObject({ code: 'conflict', message: expect.stringContaining('"Called leads"') });
    expect(await host.fail('customFields.delete', { id: field.id })).toMatchObject({ code: 'conflict' });

    const changed = await host.call('customFields.update', { id: field.id, label: 'Lead channel', options: ['Web', 'Fair', 'Call', 'Mail'] });
    expect(changed).toMatchObject({ label: 'Lead channel', options: ['Web', 'Fair', 'Call', 'Mail'], multiple: true });
    expect((await host.dispatch('customFields.update', { id: field.id, label: 'Rep' }, { userId: repId })).ok).toBe(false);
  });

  it('segments match custom picks set-based, and refuse an unknown field, another entity\'s field or a value not among the options, naming the field', async () => {
    const size = await host.call('customFields.create', { entity: 'account', label: 'Size', options: ['S', 'M', 'L'] });
    const a1 = await host.call('accounts.create', { name: 'Small' });
    const a2 = await host.call('accounts.create', { name: 'Large' });
    await host.call('accounts.create', { name: 'Unset' });
    await host.call('customFields.setValues', { entity: 'account', recordId: a1.id, values: [{ fieldId: size.id, values: ['S'] }] });
    await host.call('customFields.setValues', { entity: 'account', recordId: a2.id, values: [{ fieldId: size.id, values: ['L'] }] });
    const all = (await host.call('segments.count', { rule: rule('account') })).total;
    const count = async (item: ReturnType<typeof pick>) => (await host.call('segments.count', { rule: rule('account', item) })).total;
    expect(await count(pick(size.id, 'anyOf', ['S', 'M']))).toBe(1);
    expect(await count(pick(size.id, 'noneOf', ['S']))).toBe(all - 1);
    expect(await count(pick(size.id, 'empty'))).toBe(all - 2);
    expect(await count(pick(size.id, 'notEmpty'))).toBe(2);

    expect(await host.fail('segments.count', { rule: rule('account', pick(size.id, 'anyOf', ['XL'])) })).toMatchObject({
      code: 'validation',
      message: 'root.items.0.values.0: Size has no option "XL" (its options: S, M, L)',
    });
    expect(await host.fail('segments.save', { name: 'Wrong entity', ...rule('contact', pick(size.id, 'empty')) })).toMatchObject({
      code: 'validation',
      message: 'root.items.0.fieldId: Size is a field of accounts, not of contacts',
    });
    expect(await host.fail('segments.count', { rule: rule('account', pick(987654, 'empty')) })).toMatchObject({ code: 'validation' });
    expect(await host.fail('segments.count', { rule: rule('account', pick(size.id, 'anyOf')) })).toMatchObject({ code: 'validation' });

    // Deleting a field (no segment names it) takes its values with it.
    expect(await host.call('customFields.delete', { id: size.id })).toEqual({ id: size.id, removedValues: 2 });
  });
});
