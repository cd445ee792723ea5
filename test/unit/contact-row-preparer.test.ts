import fc from 'fast-check';
import { expect, it } from 'vitest';
import type { ImportSpec } from '../../shared/contract/imports';
import { ContactInput } from '../../shared/contract/contacts';
import { contactColumns } from '../../electron/main/domain/contacts/contact.mapper';
import { mappedValues } from '../../electron/main/domain/imports/engine/row-values';
import { contactDraft, contactRowPreparer, PREPARED_COLUMNS } from '../../electron/main/domain/imports/targets/contact-prepare';
import { typedValues } from '../../electron/main/domain/imports/targets/target';

const today = new Date().toISOString().slice(0, 10);
const pad = (s: fc.Arbitrary<string>) => fc.tuple(fc.constantFrom('', ' ', '  ', '\t'), s, fc.constantFrom('', ' ', '\n')).map(([a, b, c]) => a + b + c);
const usually = <T,>(common: fc.Arbitrary<T>, edge: fc.Arbitrary<T>) => fc.oneof({ arbitrary: common, weight: 10 }, { arbitrary: edge, weight: 1 });
const anyText = fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom('', "'=1+2", "'+49 89 1", "'\tx", 'Ünïcödé', '\u0000'));
const name = usually(pad(fc.constantFrom('Anna', 'Müller-Lüdenscheidt', "O'Brien", 'José', 'x')), anyText);
const cellsOf: Record<string, fc.Arbitrary<string>> = {
  firstName: name,
  lastName: name,
  title: usually(fc.constantFrom('', 'CEO', 'Head of Sales'), anyText),
  email: usually(fc.oneof(fc.emailAddress(), pad(fc.constantFrom('Anna@Example.de', 'a.b@example.co.uk'))), fc.constantFrom('a@b', 'no at sign', '', "'@x.de")),
  email2: usually(fc.constantFrom('', 'other@example.com'), fc.constantFrom('x@@y', 'Other@Example.com ')),
  phone: usually(fc.constantFrom('+49 89 123456', '(0)30/1234-5', '', "'+49 30 1"), fc.constantFrom('12', 'call me', '1'.repeat(41))),
  mobile: usually(fc.constantFrom('0171 2345678', ''), fc.constantFrom('n/a')),
  accountName: usually(fc.constantFrom('', 'Acme GmbH', ' acme gmbh '), anyText),
  accountExternalId: fc.constantFrom('', 'A-1', ' A-2 '),
  street: usually(fc.constantFrom('', 'Hauptstr. 1'), fc.string({ minLength: 295, maxLength: 305 })),
  city: usually(fc.constantFrom('', 'München', 'Town 7'), anyText),
  region: fc.constantFrom('', 'Bayern'),
  postcode: usually(fc.constantFrom('', '80331'), fc.constantFrom('1'.repeat(21))),
  country: usually(fc.constantFrom('', 'DE', 'de', 'Germany', 'France', ' us '), fc.constantFrom('XX', 'Atlantis', '1')),
  birthday: usually(fc.constantFrom('', '1980-02-29', '1950-01-01', '12/31/1980', '31.12.1980', '1980-1-1'), fc.constantFrom('1899-12-31', '2023-02-29', '3000-01-01', today, 'soon')),
  emailOptOut: usually(fc.constantFrom('', 'yes', 'no', 'TRUE', '0'), fc.constantFrom('maybe')),
  doNotCall: fc.constantFrom('', 'yes', 'no', 'x'),
  owner: fc.constantFrom('', 'Rita Rep', 'rita@example.com'),
  externalId: fc.constantFrom('', 'C-1', ' C-2'),
};
const FIELDS = Object.keys(cellsOf);

/** A mapping (some columns unmapped, now and then a field twice) and a row of cells for it. */
const rowAndMapping = fc
  .array(fc.oneof({ arbitrary: fc.constantFrom(...FIELDS), weight: 8 }, { arbitrary: fc.constant(null), weight: 1 }), { minLength: 1, maxLength: 10 })
  .chain((columns) =>
    fc.record({
      columns: fc.constant(['lastName', ...columns] as (string | null)[]),
      cells: fc.tuple(cellsOf.lastName!, ...columns.map((f) => (f === null ? anyText : cellsOf[f]!))),
      locale: fc.constantFrom('en-US', 'de-DE', 'en-GB'),
    }),
  );

/** The way a row goes on one thread: cells → mapped → typed → draft → the form's schema → columns. */
function onOneThread(cells: string[], spec: ImportSpec): unknown[] | null {
  const { values, errors } = typedValues('contacts', mappedValues(cells, spec.columns), spec);
  if (errors.length) return null;
  const parsed = ContactInput.safeParse(contactDraft(values, null));
  if (!parsed.success) return null;
  const columns = contactColumns(parsed.data);
  const text = (k: string) => (values.get(k) as string | undefined) ?? null;
  const emails = parsed.data.emails.map((e) => e.address);
  return [...PREPARED_COLUMNS.map((c) => columns[c] ?? null), text('email'), text('externalId'), text('accountName'), text('accountExternalId'), text('owner'), emails.length, ...emails];
}

it('prepares exactly the columns and look-up texts the one-thread path computes, and steps aside whenever it is not sure', () => {
  let prepared = 0;
  let valid = 0;
  fc.assert(
    fc.property(rowAndMapping, ({ columns, cells, locale }) => {
      const spec = { columns, locale, currency: 'EUR' } as ImportSpec;
      const expected = onOneThread(cells, spec);
      const out: unknown[] = ['before'];
      const ok = contactRowPreparer(spec, today)(cells, out as never[]);
      if (expected) valid++;
      if (!ok) {
        // Nothing half-written when it steps aside.
        expect(out).toEqual(['before']);
        return;
      }
      prepared++;
      expect(expected).not.toBeNull();
      expect(out.slice(1)).toStrictEqual(expected);
      // Joined for the writer thread, an empty text stands for null: no prepared text may be empty.
      expect(out.slice(1)).not.toContain('');
    }),
    { numRuns: 10_000 },
  );
  // Both ways are reached often enough for the comparison to mean something, and most valid rows are prepared.
  expect(prepared).toBeGreaterThan(500);
  expect(prepared).toBeGreaterThan(valid * 0.8);
}, 60_000);

it('prepares the ordinary row, and leaves a mapping with a field it does not know to the full plan', () => {
  const spec = { columns: ['firstName', 'lastName', 'email', 'country', 'birthday'], locale: 'de-DE', currency: 'EUR' } as ImportSpec;
  const out: unknown[] = [];
  expect(contactRowPreparer(spec, today)([' Anna', 'Müller', 'Anna@Example.de', 'Deutschland', '29.02.1980'], out as never[])).toBe(true);
  expect(out).toStrictEqual(onOneThread([' Anna', 'Müller', 'Anna@Example.de', 'Deutschland', '29.02.1980'], spec));
  expect(out[4]).toBe('[{"label":"work","address":"Anna@Example.de"}]');
  const unknown = { ...spec, columns: ['lastName', 'industry'] } as ImportSpec;
  expect(contactRowPreparer(unknown, today)(['Müller', 'Retail'], [])).toBe(false);
});
