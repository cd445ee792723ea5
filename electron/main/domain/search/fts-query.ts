/** More words than this add nothing a person means; the rest are dropped. */
export const MAX_QUERY_TOKENS = 12;

/**
 * Letters, digits and combining marks make words; everything else (spaces,
 * punctuation, FTS5 syntax: quotes, *, ^, :, -, +, parentheses) separates them.
 * This mirrors the index's unicode61 tokenizer, so "o'brien" becomes "o" and
 * "brien", the same two tokens the index holds for "O'Brien".
 */
const WORDS = /[\p{L}\p{N}\p{M}\p{Co}]+/gu;
/** A word made only of marks tokenizes to nothing. */
const HAS_BASE = /[\p{L}\p{N}\p{Co}]/u;

/** The words of the user's text: NFC, deduplicated (case-free), at most MAX_QUERY_TOKENS. */
export function searchTokens(text: string): string[] {
  const seen = new Set<string>();
  const tokens: string[] = [];
  for (const [word] of text.normalize('NFC').matchAll(WORDS)) {
    if (!HAS_BASE.test(word)) continue;
    const key = word.toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    tokens.push(word);
    if (tokens.length === MAX_QUERY_TOKENS) break;
  }
  return tokens;
}

/**
 * Turns what a user typed into a safe FTS5 MATCH expression: each word as a
 * quoted prefix term, all of them required ("mül ma" → `"mül"* AND "ma"*`).
 * A word never contains a double quote, so nothing the user types is read as
 * FTS5 syntax. Returns null when there is no word to look for.
 */
export function toFtsQuery(text: string): string | null {
  const tokens = searchTokens(text);
  return tokens.length === 0 ? null : tokens.map((t) => `"${t}"*`).join(' AND ');
}
