import { describe, expect, it } from 'vitest';
import { gridSql, type GridColumn } from '../../electron/main/domain/records/grid-sql';

const columns: Record<string, GridColumn> = {
  name: { sql: 't.name', kind: 'text', sortSql: 't.sort_name', notNull: true },
  city: { sql: 't.city', kind: 'text' },
  size: { sql: 't.size', kind: 'number' },
};
const def = { colId: 'name', sort: 'asc' } as const;

describe('grid SQL', () => {
  it('sorts by the default with an id tie-break, and NULLs last on nullable columns', () => {
    expect(gridSql(columns, { sort: [], filter: {} }, def, 't.id').orderBy).toBe('t.sort_name ASC, t.id ASC');
    expect(gridSql(columns, { sort: [{ colId: 'city', sort: 'desc' }], filter: {} }, def, 't.id').orderBy).toBe(
      't.city COLLATE NOCASE IS NULL, t.city COLLATE NOCASE DESC, t.id DESC',
    );
  });

  it('binds every value as a parameter and escapes LIKE wildcards', () => {
    const g = gridSql(columns, { sort: [], filter: { city: { filterType: 'text', type: 'contains', filter: "50%_o'k" } } }, def, 't.id');
    expect(g.where).toEqual(["t.city LIKE ? ESCAPE '\\'"]);
    expect(g.params).toEqual(["%50\\%\\_o'k%"]);
  });

  it('combines conditions and skips incomplete ones', () => {
    const g = gridSql(
      columns,
      {
        sort: [],
        filter: {
          size: { filterType: 'number', operator: 'OR', conditions: [{ filterType: 'number', type: 'inRange', filter: 10, filterTo: 5 }, { filterType: 'number', type: 'blank' }] },
          city: { filterType: 'text', type: 'startsWith', filter: '' },
        },
      },
      def,
      't.id',
    );
    expect(g.where).toEqual(['(t.size BETWEEN ? AND ? OR t.size IS NULL)']);
    expect(g.params).toEqual([5, 10]);
  });

  it('refuses a number filter on a text column', () => {
    expect(() => gridSql(columns, { sort: [], filter: { city: { filterType: 'number', type: 'equals', filter: 3 } } }, def, 't.id')).toThrow(/takes a text filter/);
  });
});

describe('prefix ranges', () => {
  it('the upper bound is the next string after every one with the prefix', async () => {
    const { prefixUpperBound } = await import('../../electron/main/domain/records/grid-sql');
    expect(prefixUpperBound('mu')).toBe('mv');
    expect(prefixUpperBound('\u0001')).toBe('\u0002');
    expect(prefixUpperBound('a\ud7ff')).toBe('a\ue000');
    expect(prefixUpperBound('')).toBeNull();
    expect(prefixUpperBound('a\u{10ffff}')).toBeNull();
    for (const s of ['mu', 'mü', 'muz', 'mu\u{1f600}']) {
      expect(s >= 'mu' && s < prefixUpperBound('mu')!).toBe(s.startsWith('mu'));
    }
  });
});
