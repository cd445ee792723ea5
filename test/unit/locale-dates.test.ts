import fc from 'fast-check';
import { expect, it } from 'vitest';
import { parseDate } from '../../shared/imports/locale-values';

/** The calendar check through Date, as parseDate did it for every date before its fast path. */
function viaDate(y: number, m: number, d: number): string | null {
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d ? date.toISOString().slice(0, 10) : null;
}

it('reads ISO dates on the fast path exactly as the calendar through Date does', () => {
  const digits = (n: number, max: number) => fc.integer({ min: 0, max }).map((v) => String(v).padStart(n, '0'));
  fc.assert(
    fc.property(digits(4, 9999), digits(2, 13), digits(2, 32), (y, m, d) => {
      const parsed = parseDate(`${y}-${m}-${d}`, 'de-DE');
      const expected = viaDate(Number(y), Number(m), Number(d));
      expect(parsed.ok ? parsed.value : null).toBe(expected);
    }),
    { numRuns: 20_000 },
  );
  expect(parseDate('2024-02-29', 'en-US')).toEqual({ ok: true, value: '2024-02-29' });
  expect(parseDate('2100-02-29', 'en-US').ok).toBe(false);
  expect(parseDate('31.12.2024', 'de-DE')).toEqual({ ok: true, value: '2024-12-31' });
});
