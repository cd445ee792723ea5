import { describe, expect, it } from 'vitest';
import { detectDelimiter, detectEncoding } from '../../electron/main/domain/imports/csv';

const bytes = (...parts: (string | number[])[]) => Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'utf8') : Buffer.from(p))));
const utf16be = (text: string) => Buffer.from(text, 'utf16le').swap16();

describe('guessing the encoding from the first bytes', () => {
  it('trusts a byte-order mark', () => {
    expect(detectEncoding(bytes([0xef, 0xbb, 0xbf], 'Name\n'))).toEqual({ encoding: 'utf-8', bom: true });
    expect(detectEncoding(bytes([0xff, 0xfe], [0x4e, 0]))).toEqual({ encoding: 'utf-16le', bom: true });
    expect(detectEncoding(bytes([0xfe, 0xff], [0, 0x4e]))).toEqual({ encoding: 'utf-16be', bom: true });
  });

  it('recognises UTF-16 without a BOM by the zero high bytes of Latin text', () => {
    const text = 'First Name,Last Name\nAnna,Müller\n';
    expect(detectEncoding(Buffer.from(text, 'utf16le'))).toEqual({ encoding: 'utf-16le', bom: false });
    expect(detectEncoding(utf16be(text))).toEqual({ encoding: 'utf-16be', bom: false });
  });

  it('calls valid UTF-8 UTF-8, even when the sample cuts a character in two', () => {
    const cut = bytes('Name\nPrice\n12 €').subarray(0, -1); // € is E2 82 AC
    expect(detectEncoding(cut)).toEqual({ encoding: 'utf-8', bom: false });
    // …but not when those bytes are the whole file: then "â‚" is what the file says.
    expect(detectEncoding(cut, true).encoding).toBe('windows-1252');
    expect(detectEncoding(bytes('plain ascii,only\n')).encoding).toBe('utf-8');
  });

  it('falls back to Windows-1252 for 8-bit text that is not UTF-8', () => {
    expect(detectEncoding(Buffer.from('Name;Umsatz\nMüller;1.234,50 €\n', 'latin1').map((b) => (b === 0xac ? 0x80 : b)))).toEqual({
      encoding: 'windows-1252',
      bom: false,
    });
    expect(detectEncoding(bytes('Name\nFran', [0xe7], 'oise\n')).encoding).toBe('windows-1252');
  });

  it('does not take encoded surrogates or overlong forms for UTF-8', () => {
    expect(detectEncoding(bytes('Name\n', [0xed, 0xa0, 0x80], '\n'), true).encoding).toBe('windows-1252');
    expect(detectEncoding(bytes('Name\n', [0xc0, 0xaf], '\n'), true).encoding).toBe('windows-1252');
    expect(detectEncoding(bytes('Name\n', [0xf4, 0x90, 0x80, 0x80], '\n'), true).encoding).toBe('windows-1252');
  });

  it('calls a sample with real UTF-8 and a stray 8-bit byte UTF-8, so that reading stops at that line', () => {
    expect(detectEncoding(bytes('Name\nMüller\nSoci', [0xe9], 't', [0xe9], '\n')).encoding).toBe('utf-8');
  });
});

describe('guessing the delimiter', () => {
  it('finds commas, semicolons and tabs', () => {
    expect(detectDelimiter('First Name,Last Name,Email\nAnn,Lee,ann@example.com\n')).toBe(',');
    expect(detectDelimiter('First Name;Last Name;Email\nAnn;Lee;ann@example.com\n')).toBe(';');
    expect(detectDelimiter('First Name\tLast Name\tEmail\nAnn\tLee\tann@example.com\n')).toBe('\t');
  });

  it('is not fooled by decimal commas in a semicolon file', () => {
    const text = 'Name;Umsatz;Rabatt\nMüller;1,5;0,25\nWeiß;1.234,50;0,1\nLee;2,75;0,3\n';
    expect(detectDelimiter(text)).toBe(';');
  });

  it('is not fooled by commas in the values of a tab file, nor by delimiters inside quotes', () => {
    expect(detectDelimiter('Name\tCompany\nAnn\tAcme, Inc.\nBob\tFoo, Bar, Baz\n')).toBe('\t');
    expect(detectDelimiter('Name,Notes\n"Lee; Ann","a;b;c"\n"Roe; Bob","d;e"\n')).toBe(',');
  });

  it('prefers the delimiter that splits every row like the header', () => {
    // Every row has one comma too, but the comma rows do not match the header's count.
    const text = 'A;B;C\n1,5;x;y\n2;z,w;v\n3;q;r\n';
    expect(detectDelimiter(text)).toBe(';');
  });

  it('ignores a record cut off at the end of a sample, unless the sample is the whole file', () => {
    const text = 'a;b;c\n1;2;3\n4;5,6,7,8,9,10';
    expect(detectDelimiter(text)).toBe(';');
    expect(detectDelimiter('a,b\n1,2', true)).toBe(',');
  });

  it('says comma for a one-column file', () => {
    expect(detectDelimiter('Email\nann@example.com\nbob@example.com\n')).toBe(',');
  });
});
