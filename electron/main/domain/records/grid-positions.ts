import type { Database, Statement } from 'better-sqlite3';
import { GRID_GENERATION_TABLES } from '../../db/migrations/grid-generation-triggers';

/**
 * The tables whose every insert, update and delete moves `grid_generation` on.
 * A grid view may use positions only when all the tables it reads are among
 * them, or a change it depends on could go unseen.
 */
const TRACKED_TABLES: ReadonlySet<string> = new Set(GRID_GENERATION_TABLES);

/** A grid's order as a row value that an index can seek to: every term NOT NULL, one direction. */
export interface GridSeek {
  keys: string[];
  desc: boolean;
}

/** One filtered, sorted grid view: the parts of its page query that decide which rows are where. */
export interface GridView {
  table: string;
  alias: string;
  filterJoins: string;
  where: string;
  params: unknown[];
  orderBy: string;
  seek: GridSeek;
}

export interface Positions {
  /** The view's row count. */
  total: number;
  /** anchors[i]: the seek key of row (i + 1) × every − 1, the last row of block i. */
  anchors: unknown[][];
  every: number;
}

interface Cached extends Positions {
  generation: number;
}

/** Anchor steps between two looks at the event loop: ≈ 5 ms of index stepping at 1M rows. */
const STEPS_PER_SLICE = 64;
const MAX_VIEWS = 16;

const TABLE_NAMES = /\b(?:FROM|JOIN)\s+"?(\w+)"?/gi;

/** Whether every table the view's FROM, joins and filters name is tracked by `grid_generation`. */
export function viewIsTracked(view: Pick<GridView, 'table' | 'filterJoins' | 'where'>): boolean {
  if (!TRACKED_TABLES.has(view.table)) return false;
  for (const [, name] of `${view.filterJoins} ${view.where}`.matchAll(TABLE_NAMES)) if (!TRACKED_TABLES.has(name!)) return false;
  return true;
}

/** The rows after an anchor in the view's order, as a row-value comparison with one placeholder per key. */
export function seekAfter(seek: GridSeek): string {
  return `(${seek.keys.join(', ')}) ${seek.desc ? '<' : '>'} (${seek.keys.map(() => '?').join(', ')})`;
}

const nextTick = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Where each block of a large grid starts, so that a page deep into a million
 * rows is an index seek plus at most `every` steps instead of OFFSET stepping
 * over every earlier row. Built in one pass over the view's index (which also
 * gives its exact row count), in slices that leave the event loop free, and
 * kept until anything in a tracked table changes. Positions built from a
 * snapshot another write could have moved are thrown away, never used.
 */
export class GridPositions {
  /** Rows per anchor: a deep page steps over at most this many index entries. */
  every = 1000;
  private readonly views = new Map<string, Cached>();
  private readonly building = new Map<string, Promise<Positions | null>>();
  private readonly counts = new Map<string, { total: number; generation: number }>();
  private readonly indexed = new Map<string, boolean>();

  private readonly generationNow: Statement;

  constructor(private readonly db: Database) {
    this.generationNow = db.prepare(`SELECT generation FROM grid_generation WHERE id = 1`).pluck();
  }

  generation(): number {
    return this.generationNow.get() as number;
  }

  /**
   * The view's anchors and total, built if missing or out of date. Null when
   * they cannot be had safely now (a write transaction is open on this
   * connection, or writes kept landing while they were built): the caller
   * then pages with OFFSET and counts, as if there were no positions at all.
   */
  async positions(view: GridView): Promise<Positions | null> {
    if (this.db.inTransaction) return null;
    const key = JSON.stringify([view.table, view.alias, view.filterJoins, view.where, view.params, view.orderBy]);
    const generation = this.generation();
    const cached = this.views.get(key);
    if (cached && cached.generation === generation && cached.every === this.every) {
      // Most recently used last, so the oldest view is the one to drop.
      this.views.delete(key);
      this.views.set(key, cached);
      return cached;
    }
    if (!this.servedByIndex(key, view)) return null;
    let pending = this.building.get(key);
    if (!pending) {
      pending = this.build(key, view).finally(() => this.building.delete(key));
      this.building.set(key, pending);
    }
    return pending;
  }

  /**
   * Whether an index gives the view its order. Without one (a sort by a
   * joined owner's name), every anchor would sort the whole view again: a
   * thousand sorts of a million rows. Such views page with OFFSET, which
   * sorts once per page, as before.
   */
  private servedByIndex(key: string, view: GridView): boolean {
    let served = this.indexed.get(key);
    if (served === undefined) {
      const plan = this.db
        .prepare(`EXPLAIN QUERY PLAN SELECT ${view.alias}.id FROM ${view.table} ${view.alias} ${view.filterJoins} WHERE ${view.where} ORDER BY ${view.orderBy} LIMIT 1`)
        .all(...view.params) as { detail: string }[];
      served = !plan.some((step) => /TEMP B-TREE FOR (?:RIGHT PART OF )?ORDER BY/.test(step.detail));
      this.indexed.set(key, served);
      if (this.indexed.size > MAX_VIEWS * 4) this.indexed.delete(this.indexed.keys().next().value!);
    }
    return served;
  }

  /**
   * A view's row count for sorts that cannot seek (no positions): counted
   * once and kept until the generation moves on, like the positions. Null
   * while a write transaction is open on the connection (count afresh).
   */
  count(view: Pick<GridView, 'table' | 'alias' | 'filterJoins' | 'where' | 'params'>): number | null {
    if (this.db.inTransaction) return null;
    const key = JSON.stringify(['count', view.table, view.alias, view.filterJoins, view.where, view.params]);
    const generation = this.generation();
    const cached = this.counts.get(key);
    if (cached && cached.generation === generation) return cached.total;
    const total = this.db.prepare(`SELECT COUNT(*) FROM ${view.table} ${view.alias} ${view.filterJoins} WHERE ${view.where}`).pluck().get(...view.params) as number;
    this.counts.delete(key);
    this.counts.set(key, { total, generation });
    if (this.counts.size > MAX_VIEWS) this.counts.delete(this.counts.keys().next().value!);
    return total;
  }

  /*
   * Each anchor is found from the one before with `first key >= its value`,
   * a range the index consumes, and an OFFSET that adds the rows sharing that
   * value up to the anchor (usually one). A row-value seek would give the same
   * row, but SQLite re-tests it on every row stepped over: ≈4× slower here.
   */
  private async build(key: string, view: GridView): Promise<Positions | null> {
    const every = this.every;
    const [first, ...rest] = view.seek.keys as [string, ...string[]];
    const [after, upTo] = view.seek.desc ? ['<=', '>='] : ['>=', '<='];
    const from = `FROM ${view.table} ${view.alias} ${view.filterJoins} WHERE ${view.where}`;
    const keys = view.seek.keys.map((k, i) => `${k} AS k${i}`).join(', ');
    const firstAnchor = this.db.prepare(`SELECT ${keys} ${from} ORDER BY ${view.orderBy} LIMIT 1 OFFSET ${every - 1}`).raw();
    const nextAnchor = this.db.prepare(`SELECT ${keys} ${from} AND ${first} ${after} ? ORDER BY ${view.orderBy} LIMIT 1 OFFSET ?`).raw();
    // Counted only up to where it stops paying, or a sort by owner would count every row of that owner again per anchor.
    const crowd = 3 * every;
    const sameUpTo = this.db
      .prepare(`SELECT COUNT(*) FROM (SELECT 1 ${from} AND ${first} = ? AND (${rest.join(', ')}) ${upTo} (${rest.map(() => '?').join(', ')}) LIMIT ${crowd + 1})`)
      .pluck();
    const firstRest = this.db.prepare(`SELECT COUNT(*) FROM (SELECT 1 ${from} LIMIT ${every})`).pluck();
    const nextRest = this.db.prepare(`SELECT COUNT(*) FROM (SELECT 1 ${from} AND ${first} ${after} ? LIMIT ?)`).pluck();
    // When many rows share the first key (a sort by owner), stepping over them all again would cost more than the re-test.
    const seekAnchor = this.db.prepare(`SELECT ${keys} ${from} AND ${seekAfter(view.seek)} ORDER BY ${view.orderBy} LIMIT 1 OFFSET ${every - 1}`).raw();
    const seekRest = this.db.prepare(`SELECT COUNT(*) FROM (SELECT 1 ${from} AND ${seekAfter(view.seek)} LIMIT ${every})`).pluck();
    const crowded = (same: number) => same > crowd;

    const generation = this.generation();
    const anchors: unknown[][] = [];
    let anchor = firstAnchor.get(...view.params) as unknown[] | undefined;
    let same = 0;
    while (anchor) {
      anchors.push(anchor);
      if (anchors.length % STEPS_PER_SLICE === 0) {
        await nextTick();
        if (this.db.inTransaction || this.generation() !== generation) return null;
      }
      same = sameUpTo.get(...view.params, ...anchor) as number;
      anchor = (crowded(same) ? seekAnchor.get(...view.params, ...anchor) : nextAnchor.get(...view.params, anchor[0], every - 1 + same)) as unknown[] | undefined;
    }
    const last = anchors.at(-1);
    let tail: number;
    if (!last) tail = firstRest.get(...view.params) as number;
    else if (crowded(same)) tail = seekRest.get(...view.params, ...last) as number;
    else tail = (nextRest.get(...view.params, last[0], every + same) as number) - same;
    if (this.db.inTransaction || this.generation() !== generation) return null;

    const built: Cached = { total: anchors.length * every + tail, anchors, every, generation };
    this.views.delete(key);
    this.views.set(key, built);
    if (this.views.size > MAX_VIEWS) this.views.delete(this.views.keys().next().value!);
    return built;
  }
}

const byConnection = new WeakMap<Database, GridPositions>();

/** The positions kept for one connection (the main process has one). */
export function gridPositions(db: Database): GridPositions {
  let positions = byConnection.get(db);
  if (!positions) byConnection.set(db, (positions = new GridPositions(db)));
  return positions;
}
