import fc from 'fast-check';
import { expect, it } from 'vitest';
import { fastContactInput, type ContactDraft } from '../../electron/main/domain/imports/targets/contact-input-fast';
import { ContactInput } from '../../shared/contract/contacts';

const today = new Date().toISOString().slice(0, 10);
const pad = (s: fc.Arbitrary<string>) => fc.tuple(fc.constantFrom('', ' ', '  ', '\t'), s, fc.constantFrom('', ' ', '\n')).map(([a, b, c]) => a + b + c);
/** Mostly the values a file gives, now and then one at or past an edge. */
const usually = <T, U>(common: fc.Arbitrary<T>, edge: fc.Arbitrary<U>) => fc.oneof({ arbitrary: common, weight: 12 }, { arbitrary: edge, weight: 1 });
const text = (max: number) =>
  usually(
    fc.oneof(fc.constant(undefined), pad(fc.string({ maxLength: 12 }))),
    fc.oneof(fc.constant(null), fc.constant(''), fc.string({ minLength: max - 3, maxLength: max + 3 }), fc.integer()),
  );
const email = usually(
  fc.oneof(fc.emailAddress(), pad(fc.emailAddress())),
  fc.oneof(
    fc.constantFrom('a@b', 'x@@y.de', 'no at sign', '', ' p.müller@example.de', "o'brien@example.co.uk", 'a..b@example.com', `${'x'.repeat(250)}@example.com`),
    fc.string(),
  ),
);
const phone = usually(
  fc.oneof(fc.constantFrom('+49 89 123456', '(0)30/1234-5', '+1 555 0100 ext. 12', '555 0100 x9'), pad(fc.stringMatching(/^[+()\d ./-]{0,45}$/))),
  fc.constantFrom('12', 'call me', '', '   ', '1'.repeat(41)),
);
const country = usually(fc.constantFrom(undefined, 'DE', 'US', 'GB'), fc.oneof(fc.constantFrom(null, '', 'de', ' DE', 'XX', 'Germany'), fc.string({ maxLength: 3 })));
const date = usually(
  fc.oneof(fc.constant(undefined), fc.date({ min: new Date('1850-01-01'), max: new Date('2100-01-01'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10))),
  fc.constantFrom(null, '', '1899-12-31', '1900-01-01', '2024-02-29', '2023-02-29', '2023-04-31', '1980-13-01', '3000-01-01', today, '1980-1-1', ' 1980-01-01'),
);
const flag = usually(fc.constantFrom(undefined, true, false), fc.constantFrom('yes', 1));
const label = (labels: string[]) => usually(fc.constantFrom(...labels), fc.constantFrom('pager', ''));

const draft: fc.Arbitrary<ContactDraft> = fc.record({
  firstName: text(100),
  lastName: fc.oneof(text(100), pad(fc.string({ minLength: 1, maxLength: 20 }))),
  title: text(150),
  emails: usually(fc.array(fc.record({ label: label(['work', 'home', 'other']), address: email }), { maxLength: 2 }), fc.array(fc.record({ label: fc.constant('work'), address: fc.emailAddress() }), { minLength: 9, maxLength: 11 })),
  phones: usually(fc.array(fc.record({ label: label(['work', 'mobile', 'home', 'fax', 'other']), number: phone }), { maxLength: 2 }), fc.array(fc.record({ label: fc.constant('work'), number: fc.constant('+49 1') }), { minLength: 9, maxLength: 11 })),
  accountId: usually(fc.constantFrom(null, 1, 42), fc.constantFrom(0, -3, 1.5)),
  address: fc.record(
    { street: text(300), city: text(100), region: text(100), postcode: text(20), country },
    { requiredKeys: [] },
  ).chain((a) => usually(fc.constant(a), fc.constant({ ...a, extra: 'x' }))),
  birthday: date,
  emailOptOut: flag,
  doNotCall: flag,
}) as fc.Arbitrary<ContactDraft>;

it('builds exactly what ContactInput builds, and steps aside whenever it is not sure', () => {
  let fast = 0;
  fc.assert(
    fc.property(draft, (d) => {
      const quick = fastContactInput(d, today);
      if (quick === null) return;
      fast++;
      const parsed = ContactInput.safeParse(d);
      expect(parsed.success).toBe(true);
      expect(quick).toStrictEqual(parsed.data);
    }),
    { numRuns: 20_000 },
  );
  // The generator reaches the fast path often enough for the comparison to mean something.
  expect(fast).toBeGreaterThan(200);
});

it('takes the ordinary import row', () => {
  const row: ContactDraft = {
    firstName: 'Anna',
    lastName: 'Müller-Lüdenscheidt',
    title: undefined,
    emails: [{ label: 'work', address: 'anna@example.de' }],
    phones: [{ label: 'work', number: '+49 89 123456' }, { label: 'mobile', number: '0171 2345678' }],
    accountId: 7,
    address: { city: 'München', country: 'DE' },
    birthday: '1980-02-29',
    emailOptOut: undefined,
    doNotCall: true,
  };
  expect(fastContactInput(row, today)).toStrictEqual(ContactInput.parse(row));
});
