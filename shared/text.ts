/** Letters that do not decompose under NFD but that people read as plain Latin. */
const FOLD: Record<string, string> = { ß: 'ss', æ: 'ae', œ: 'oe', ø: 'o', ł: 'l', đ: 'd', ð: 'd', þ: 'th', ı: 'i' };

/**
 * A sort and match key: case- and accent-free, so "Ångström", "angstrom" and
 * "ANGSTROM" sit together and "Ángel" sorts beside "Angela", not after "Zimmer".
 */
export function foldForSort(text: string | null | undefined): string {
  if (!text) return '';
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[ßæœøłđðþı]/g, (c) => FOLD[c] ?? c)
    .trim();
}

/** Contacts sort by last name, then first name. U+0001 keeps "Li, Zoe" before "Lim, Ann". */
export function personSortKey(lastName: string | null | undefined, firstName: string | null | undefined): string {
  return `${foldForSort(lastName)}\u0001${foldForSort(firstName)}`;
}
