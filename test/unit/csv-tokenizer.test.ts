import v8 from 'node:v8';
import vm from 'node:vm';
import { describe, expect, it } from 'vitest';
import { CsvTokenizer, type CsvSyntaxFailure, type RawRecord } from '../../electron/main/domain/imports/csv/csv-tokenizer';

function tokenize(text: string, pieceLength = text.length || 1, maxFieldChars = 1_000_000) {
  const tokenizer = new CsvTokenizer(',', maxFieldChars);
  const records: RawRecord[] = [];
  for (let i = 0; i < text.length; i += pieceLength) tokenizer.push(text.slice(i, i + pieceLength), records);
  tokenizer.end(records);
  return { records, failure: tokenizer.failure as CsvSyntaxFailure | null };
}

const values = (text: string) => tokenize(text).records.map((r) => r.values);

describe('splitting CSV text into records', () => {
  it('ends lines at CRLF, LF and CR alike, and skips blank lines of each kind', () => {
    const { records } = tokenize('h1,h2\r\na,b\nc,d\re,f\r\n\r\n\n\rg,h');
    expect(records).toEqual([
      { line: 1, values: ['h1', 'h2'] },
      { line: 2, values: ['a', 'b'] },
      { line: 3, values: ['c', 'd'] },
      { line: 4, values: ['e', 'f'] },
      { line: 8, values: ['g', 'h'] },
    ]);
  });

  it('keeps empty fields, a trailing delimiter and a last line without a line break', () => {
    expect(values('a,,c,\n,,\n"",x\nlast,one')).toEqual([['a', '', 'c', ''], ['', '', ''], ['', 'x'], ['last', 'one']]);
  });

  it('unescapes doubled quotes and keeps line breaks inside quotes, counting them as lines', () => {
    const { records } = tokenize('"a ""b""","x\r\ny\rz\nw"\nnext,1\n');
    expect(records).toEqual([
      { line: 1, values: ['a "b"', 'x\r\ny\rz\nw'] },
      { line: 5, values: ['next', '1'] },
    ]);
  });

  it('treats a quote inside an unquoted field as text', () => {
    expect(values('ab"c,12" screen,x""y\n')).toEqual([['ab"c', '12" screen', 'x""y']]);
  });

  it('tolerates spaces after a closing quote and stray quotes on the first line of a quoted field', () => {
    expect(values('"abc"  ,"d"\n"He said "hi" to me",x\n"5" screen",y\n"say "  hi" there",z\n')).toEqual([
      ['abc', 'd'],
      ['He said "hi" to me', 'x'],
      ['5" screen', 'y'],
      ['say "  hi" there', 'z'],
    ]);
  });

  it('reports a quoted field that never closes at the line of its opening quote', () => {
    expect(tokenize('a,b\n1,2\n3,"open\n4,5\n6,7\n')).toMatchObject({ failure: { kind: 'unclosed-quote', line: 3 } });
  });

  it('does not let a missing closing quote swallow the next lines until some other field’s quote', () => {
    // Without the rule, line 3's quoted field would end at line 5's `"Bar"` and merge three records.
    const { records, failure } = tokenize('a,b,c\n1,2,3\n4,"Acme, Inc,London\n5,6,7\n8,"Bar",9\n');
    expect(failure).toEqual({ kind: 'quote-runs-on', line: 3, untilLine: 5 });
    expect(records.map((r) => r.line)).toEqual([1, 2]);
  });

  it('stops at a value longer than the limit, measuring it without keeping it', () => {
    const { records, failure } = tokenize(`a,b\n1,2\n3,"${'x'.repeat(50)}\n${'y'.repeat(9)}"\n`, 7, 40);
    expect(failure).toEqual({ kind: 'field-too-long', line: 3, column: 2, length: 60 });
    expect(records).toHaveLength(2);
    expect(tokenize('a,b\n1,' + 'z'.repeat(41), 5, 40).failure).toEqual({ kind: 'field-too-long', line: 2, column: 2, length: 41 });
    expect(tokenize('a,b\n1,' + 'z'.repeat(40), 5, 40).records[1]!.values[1]).toHaveLength(40);
  });

  it('does not keep the characters of a value past the limit while it measures it', () => {
    v8.setFlagsFromString('--expose-gc');
    const gc = vm.runInNewContext('gc') as () => void;
    const tokenizer = new CsvTokenizer(',', 1_000_000);
    tokenizer.push('a,b\n1,"', []);
    gc();
    const baseline = process.memoryUsage().heapUsed;
    // 100 MB of one never-ending value, in fresh 1 MB pieces.
    for (let i = 0; i < 100; i++) tokenizer.push(String(i % 10).repeat(1_000_000), []);
    gc();
    expect(process.memoryUsage().heapUsed - baseline).toBeLessThan(10_000_000);
    const records: RawRecord[] = [];
    tokenizer.push('"\n', records);
    expect(tokenizer.failure).toEqual({ kind: 'field-too-long', line: 2, column: 2, length: 100_000_000 });
  });

  it('gives the same records and lines however the text is cut into pieces', () => {
    const text = 'h1,h2,h3\r\n"a\r\nb",c,"d""e"\r\rplain,"x"  ,"He said "hi" ok"\n\n"q\r",\r\n,,z\r';
    const whole = tokenize(text);
    expect(whole.failure).toBeNull();
    expect(whole.records.map((r) => r.line)).toEqual([1, 2, 5, 7, 9]);
    for (const piece of [1, 2, 3, 5, 8]) expect(tokenize(text, piece)).toEqual(whole);
  });
});
