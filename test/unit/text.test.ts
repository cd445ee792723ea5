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
