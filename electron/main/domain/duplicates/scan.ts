import type { Database } from 'better-sqlite3';
import { candidates, e164, phoneBlock, type Candidate, type ScanEntity } from './candidates';
import { jaroWinkler } from './similarity';

export type Reason = 'same_email' | 'same_phone' | 'same_name' | 'similar_name' | 'same_company' | 'same_domain';

export interface DuplicateGroup {
  confidence: number;
  reasons: Reason[];
  records: { id: number; name: string; detail: string }[];
}

export interface ScanResult {
  entity: ScanEntity;
  scanned: number;
  groups: DuplicateGroup[];
  groupCount: number;
  /** Blocks too common to compare pairwise (e.g. one company domain on thousands of records): skipped, named here. */
  skippedBlocks: number;
  ms: number;
}

/**
 * What a shared fact says about two records being one. Combined as independent evidence (1 − Π(1 − w)): an e-mail
 * alone is enough (0.95), a phone is (0.7); a name needs the company too (0.6 or 0.5 with 0.45 → 0.78 / 0.73).
 */
const WEIGHT: Record<Reason, number> = { same_email: 0.95, same_phone: 0.7, same_name: 0.6, similar_name: 0.5, same_company: 0.45, same_domain: 0.5 };
/** A block bigger than this holds a key that says little (a shared switchboard number, a big employer's domain). */
const MAX_BLOCK = 200;
/** Name-within-company blocks compare pairwise by Jaro-Winkler: kept small, a big company's "J…" block is skipped. */
const MAX_FUZZY_BLOCK = 50;

/** Each phone of a candidate as E.164 (null when not a valid number), parsed once: libphonenumber is the scan's most expensive call. */
const e164Cache = new WeakMap<Candidate, (string | null)[]>();
function e164Of(c: Candidate): (string | null)[] {
  let numbers = e164Cache.get(c);
  if (!numbers) e164Cache.set(c, (numbers = c.phones.map(e164)));
  return numbers;
}

/**
 * The last four digits of each phone, or null when its text has letters or
 * marks an extension could hide behind. The same E.164 number always ends in
 * the same digits, so a pair whose tails differ is told apart without parsing
 * either: most pairs are, and most records then never need parsing at all.
 */
const tailCache = new WeakMap<Candidate, (string | null)[]>();
function tailsOf(c: Candidate): (string | null)[] {
  let tails = tailCache.get(c);
  if (!tails) tailCache.set(c, (tails = c.phones.map((p) => (/[^\d\s()+./-]/.test(p.number) ? null : p.number.replace(/\D/g, '').slice(-4)))));
  return tails;
}

function samePhone(a: Candidate, b: Candidate): boolean {
  if (!a.phones.length || !b.phones.length) return false;
  const [ta, tb] = [tailsOf(a), tailsOf(b)];
  for (let i = 0; i < ta.length; i++) {
    for (let j = 0; j < tb.length; j++) {
      if (ta[i] !== null && tb[j] !== null && ta[i] !== tb[j]) continue;
      const number = e164Of(a)[i];
      if (number && number === e164Of(b)[j]) return true;
    }
  }
  return false;
}

function blockKeys(c: Candidate, entity: ScanEntity): string[] {
  const keys: string[] = [];
  for (const e of c.emails) keys.push(`e:${e}`);
  for (const p of c.phones) {
    const block = phoneBlock(p.number);
    if (block) keys.push(`p:${block}`);
  }
  if (entity === 'account') {
    if (c.company) keys.push(`c:${c.company}`);
    if (c.domain) keys.push(`d:${c.domain}`);
  } else if (c.nameKey) {
    // The same person at the same company, and typos of a name within a company (same first letter).
    keys.push(`n:${c.nameKey}|${c.company}`);
    if (c.company || c.domain) keys.push(`f:${c.company || c.domain}|${c.nameKey[0]}`);
  }
  return keys;
}

function compare(a: Candidate, b: Candidate, entity: ScanEntity): { confidence: number; reasons: Reason[] } {
  const reasons: Reason[] = [];
  if (a.emails.some((e) => b.emails.includes(e))) reasons.push('same_email');
  if (samePhone(a, b)) reasons.push('same_phone');
  if (entity === 'account') {
    if (a.company && a.company === b.company) reasons.push('same_name');
    else if (a.company && b.company && jaroWinkler(a.company, b.company) >= 0.93) reasons.push('similar_name');
    if (a.domain && a.domain === b.domain) reasons.push('same_domain');
  } else {
    if (a.nameKey && a.nameKey === b.nameKey) reasons.push('same_name');
    else if (a.nameKey && b.nameKey && jaroWinkler(a.nameKey, b.nameKey) >= 0.92) reasons.push('similar_name');
    if (a.company && a.company === b.company) reasons.push('same_company');
    // The same address already says the same domain.
    else if (a.domain && a.domain === b.domain && !reasons.includes('same_email')) reasons.push('same_domain');
  }
  const confidence = 1 - reasons.reduce((p, r) => p * (1 - WEIGHT[r]), 1);
  return { confidence, reasons };
}

class UnionFind {
  private readonly parent = new Map<number, number>();
  find(x: number): number {
    let root = x;
    while (this.parent.has(root) && this.parent.get(root) !== root) root = this.parent.get(root)!;
    let node = x;
    while (node !== root) {
      const next = this.parent.get(node) ?? root;
      this.parent.set(node, root);
      node = next;
    }
    return root;
  }
  union(a: number, b: number): void {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra !== rb) this.parent.set(Math.max(ra, rb), Math.min(ra, rb));
    if (!this.parent.has(Math.min(ra, rb))) this.parent.set(Math.min(ra, rb), Math.min(ra, rb));
  }
}

/**
 * Finds likely duplicates among all live records of a kind: records meet only
 * inside blocks that share a key (an e-mail, the end of a phone number, a name
 * at a company, a company name or domain), pairs are scored by what they share
 * (e-mail, E.164 phone, exact or Jaro-Winkler-similar name, company, domain),
 * and pairs above the threshold join groups.
 */
export function scanDuplicates(db: Database, entity: ScanEntity, options: { minConfidence: number; limit: number; progress?: (done: number) => void }): ScanResult {
  const started = performance.now();
  const byId = new Map<number, Candidate>();
  const blocks = new Map<string, number[]>();
  for (const c of candidates(db, entity)) {
    byId.set(c.id, c);
    for (const key of blockKeys(c, entity)) {
      const list = blocks.get(key);
      if (list) list.push(c.id);
      else blocks.set(key, [c.id]);
    }
    if (byId.size % 50_000 === 0) options.progress?.(byId.size);
  }
  const pairs = new Map<string, { confidence: number; reasons: Reason[] }>();
  let skippedBlocks = 0;
  for (const [key, ids] of blocks) {
    if (ids.length < 2) continue;
    if (ids.length > (key.startsWith('f:') ? MAX_FUZZY_BLOCK : MAX_BLOCK)) {
      skippedBlocks++;
      continue;
    }
    for (let i = 0; i < ids.length; i++) {
      for (let j = i + 1; j < ids.length; j++) {
        const key = ids[i]! < ids[j]! ? `${ids[i]}:${ids[j]}` : `${ids[j]}:${ids[i]}`;
        if (pairs.has(key)) continue;
        pairs.set(key, compare(byId.get(ids[i]!)!, byId.get(ids[j]!)!, entity));
      }
    }
  }
  const groups = new UnionFind();
  const strong: [number, number, { confidence: number; reasons: Reason[] }][] = [];
  for (const [key, score] of pairs) {
    if (score.confidence < options.minConfidence) continue;
    const [a, b] = key.split(':').map(Number) as [number, number];
    groups.union(a, b);
    strong.push([a, b, score]);
  }
  const byRoot = new Map<number, { ids: Set<number>; confidence: number; reasons: Set<Reason> }>();
  for (const [a, b, score] of strong) {
    const root = groups.find(a);
    const g = byRoot.get(root) ?? { ids: new Set<number>(), confidence: 0, reasons: new Set<Reason>() };
    g.ids.add(a).add(b);
    g.confidence = Math.max(g.confidence, score.confidence);
    for (const r of score.reasons) g.reasons.add(r);
    byRoot.set(root, g);
  }
  const all = [...byRoot.values()].sort((x, y) => y.confidence - x.confidence || Math.min(...x.ids) - Math.min(...y.ids));
  return {
    entity,
    scanned: byId.size,
    groupCount: all.length,
    skippedBlocks,
    groups: all.slice(0, options.limit).map((g) => ({
      confidence: Math.round(g.confidence * 100) / 100,
      reasons: [...g.reasons],
      records: [...g.ids].sort((a, b) => a - b).map((id) => ({ id, name: byId.get(id)!.name, detail: byId.get(id)!.detail })),
    })),
    ms: performance.now() - started,
  };
}
