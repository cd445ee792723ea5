import fc from 'fast-check';
import { expect, it } from 'vitest';
import { foldForSort, personSortKey } from '../../shared/text';

it('folds case and accents, including letters NFD does not split', () => {
  expect(foldForSort(' Müller ')).toBe('muller');
  expect(foldForSort('Øresund Łódź Straße Æther')).toBe('oresund lodz strasse aether');
  expect(foldForSort('Γιώργος')).toBe('γιωργος');
  expect(foldForSort(null)).toBe('');
});

it('orders people by last name, then first name, with short last names first', () => {
  const keys = [personSortKey('Lim', 'Ann'), personSortKey('Li', 'Zoe'), personSortKey('Ávila', null)].sort();
  expect(keys).toEqual([personSortKey('Ávila', null), personSortKey('Li', 'Zoe'), personSortKey('Lim', 'Ann')]);
});

it('folds plain ASCII and Latin-1 on their fast paths exactly as the full Unicode fold does', () => {
  const FOLD: Record<string, string> = { ß: 'ss', æ: 'ae', œ: 'oe', ø: 'o', ł: 'l', đ: 'd', ð: 'd', þ: 'th', ı: 'i' };
  const fullFold = (t: string) =>
    t
      .normalize('NFD')
      .replace(/\p{M}/gu, '')
      .toLowerCase()
      .replace(/[ßæœøłđðþı]/g, (c) => FOLD[c] ?? c)
      .trim();
  fc.assert(fc.property(fc.oneof(fc.string({ unit: 'binary-ascii' }), fc.string({ unit: fc.integer({ min: 0, max: 255 }).map((c) => String.fromCharCode(c)) }), fc.string({ unit: 'grapheme' })), (text) => foldForSort(text) === fullFold(text)), { numRuns: 5000 });
});
