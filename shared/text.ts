/** Letters that do not decompose under NFD but that people read as plain Latin. */
const FOLD: Record<string, string> = { ß: 'ss', æ: 'ae', œ: 'oe', ø: 'o', ł: 'l', đ: 'd', ð: 'd', þ: 'th', ı: 'i' };

const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;
const LATIN_1 = /^[\x00-\xff]*$/;

/** Case, accents and the FOLD letters taken off, not yet trimmed. */
function foldLetters(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[ßæœøłđðþı]/g, (c) => FOLD[c] ?? c);
}

/** Each Latin-1 character folds on its own (NFD and lower case do not look at neighbours there): a table does it. */
let latin1Table: string[] | undefined;

/**
 * A sort and match key: case- and accent-free, so "Ångström", "angstrom" and
 * "ANGSTROM" sit together and "Ángel" sorts beside "Angela", not after "Zimmer".
 * Plain ASCII and Latin-1 (most names, every key an import looks up) skip
 * Unicode normalisation, which costs more than the rest of an import's row.
 */
export function foldForSort(text: string | null | undefined): string {
  if (!text) return '';
  if (PRINTABLE_ASCII.test(text)) return text.toLowerCase().trim();
  if (LATIN_1.test(text)) {
    latin1Table ??= Array.from({ length: 256 }, (_, c) => foldLetters(String.fromCharCode(c)));
    let out = '';
    for (let i = 0; i < text.length; i++) out += latin1Table[text.charCodeAt(i)]!;
    return out.trim();
  }
  return foldLetters(text).trim();
}

/** Contacts sort by last name, then first name. U+0001 keeps "Li, Zoe" before "Lim, Ann". */
export function personSortKey(lastName: string | null | undefined, firstName: string | null | undefined): string {
  return `${foldForSort(lastName)}\u0001${foldForSort(firstName)}`;
}
