import { describe, expect, it } from 'vitest';
import { MAX_QUERY_TOKENS, searchTokens, toFtsQuery } from '../../electron/main/domain/search/fts-query';

describe('turning typed text into a safe FTS5 query', () => {
  it('quotes each word as a prefix term and requires all of them', () => {
    expect(toFtsQuery('mull')).toBe('"mull"*');
    expect(toFtsQuery('  Müller   Masch ')).toBe('"Müller"* AND "Masch"*');
  });

  it('drops FTS5 syntax and quotes, keeping the words', () => {
    expect(toFtsQuery('"mull"')).toBe('"mull"*');
    expect(toFtsQuery('mull* -masch ^bau title:x NEAR(a b) (x')).toBe('"mull"* AND "masch"* AND "bau"* AND "title"* AND "x"* AND "NEAR"* AND "a"* AND "b"*');
    expect(toFtsQuery("o'brien")).toBe('"o"* AND "brien"*');
    expect(toFtsQuery('anna@example.com')).toBe('"anna"* AND "example"* AND "com"*');
  });

  it('gives null for empty or syntax-only text', () => {
    for (const text of ['', '   ', '"', '""', '*', '-', ':', '^', '(', ')', '()', 'AND'.slice(0, 0), '"*"', '\u0308', '— … «»']) {
      expect(toFtsQuery(text), JSON.stringify(text)).toBeNull();
    }
  });

  it('composes decomposed accents, drops repeats and caps the number of words', () => {
    expect(searchTokens('Mu\u0308ller')).toEqual(['Müller']);
    expect(searchTokens('mull MULL Mull')).toEqual(['mull']);
    expect(searchTokens(Array.from({ length: 40 }, (_, i) => `w${i}`).join(' '))).toHaveLength(MAX_QUERY_TOKENS);
  });

  it('never lets a double quote into a term', () => {
    const q = toFtsQuery('a"b""c"*"d');
    expect(q).toBe('"a"* AND "b"* AND "c"* AND "d"*');
  });
});
