import { describe, expect, it } from 'vitest';
import { cleanLine, cleanParagraphs, wrapText } from '../../electron/main/pdf/pdf-text';
import { quoteFormatters } from '../../electron/main/pdf/quote-formatters';

/** Every character 1 unit wide: line breaking becomes countable. */
const mono = (s: string) => Array.from(s).length;

describe('wrapText', () => {
  it('breaks at spaces and keeps paragraphs', () => {
    expect(wrapText('aaa bbb ccc\nddd', 7.5, 10, mono)).toEqual({ lines: ['aaa bbb', 'ccc', 'ddd'], truncated: false });
  });

  it('cuts a word wider than the column between characters', () => {
    expect(wrapText('abcdefghij', 4.5, 10, mono).lines).toEqual(['abcd', 'efgh', 'ij']);
  });

  it('stops at maxLines and ends the last line with an ellipsis that fits', () => {
    const wrapped = wrapText('one two three four five six', 8.5, 2, mono);
    expect(wrapped.truncated).toBe(true);
    expect(wrapped.lines).toEqual(['one two', 'three…']);
    expect(Math.max(...wrapped.lines.map(mono))).toBeLessThanOrEqual(8);
  });

  it('measures only as much of a huge text as it prints', () => {
    let calls = 0;
    const counting = (s: string) => (calls++, mono(s));
    wrapText('word '.repeat(100_000), 20, 3, counting);
    expect(calls).toBeLessThan(100);
  });

  it('always makes progress, even when not one character fits', () => {
    expect(wrapText('abc', 0.5, 10, mono).lines).toEqual(['a', 'b', 'c']);
  });
});

describe('cleaning text for print', () => {
  it('turns control characters and line breaks into single spaces on one line', () => {
    expect(cleanLine(' a\u0000b\tc\r\nd\u202Ee   f\u00a0\u00a0g ')).toBe('a b c d e f g');
    expect(cleanLine(null)).toBe('');
  });

  it('keeps paragraphs but not runs of blank lines', () => {
    expect(cleanParagraphs('one\u0007 two  \r\n\r\n\r\n\r\nthree\n')).toBe('one two\n\nthree');
  });

  it('replaces a lone surrogate instead of passing broken UTF-16 to the font', () => {
    expect(cleanLine('a\uD800b')).toBe('a\uFFFDb');
    expect(cleanLine('😀')).toBe('😀');
  });
});

describe('quote formatters', () => {
  it('formats minor units exactly, with the currency’s own decimals', () => {
    expect(quoteFormatters('en-US', 'EUR').money(Number.MAX_SAFE_INTEGER)).toBe('€90,071,992,547,409.91');
    expect(quoteFormatters('en-US', 'EUR').money(-5)).toBe('-€0.05');
    expect(quoteFormatters('en-US', 'JPY').money(1234)).toBe('¥1,234');
    expect(quoteFormatters('en-US', 'BHD').money(1234)).toBe('BHD\u00a01.234');
    expect(quoteFormatters('de-DE', 'EUR').money(123456)).toBe('1.234,56\u00a0€');
  });

  it('formats quantities with up to three decimals and rates as percentages', () => {
    const fmt = quoteFormatters('pl-PL', 'PLN');
    expect(fmt.quantity(1.5)).toBe('1,5');
    expect(fmt.quantity(2.12345)).toBe('2,123');
    expect(fmt.percent(7.5)).toBe('7,5%');
  });

  it('formats an ISO date as that calendar day, year 99 included', () => {
    const fmt = quoteFormatters('en-GB', 'GBP');
    expect(fmt.date('2024-02-29')).toBe('29 February 2024');
    expect(fmt.date('0099-01-01')).toBe('1 January 99');
  });
});
