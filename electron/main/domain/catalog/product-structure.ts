import type { z } from 'zod';
import type { ComponentInput, RuleInput, RuleKind } from '../../../../shared/contract/catalog';
import { CrmError, type ErrorIssue } from '../../../../shared/errors';
import { quantityToMilli } from '../../../../shared/quote-math';
import type { Sql } from '../../db/sql';

type Component = z.output<typeof ComponentInput>;
type Rule = z.output<typeof RuleInput>;

interface Referenced {
  id: number;
  sku: string;
  name: string;
  deleted_at: string | null;
  is_bundle: number;
}

const label = (p: { sku: string; name: string }) => `${p.name} (${p.sku})`;

/** Refuses with every issue at once, the first one as the message. */
export function throwIssues(issues: ErrorIssue[]): void {
  const first = issues[0];
  if (first) throw new CrmError('validation', first.message, issues);
}

async function referenced(sql: Sql, ids: readonly number[]): Promise<Map<number, Referenced>> {
  const unique = [...new Set(ids)];
  if (!unique.length) return new Map();
  const rows = await sql.all<Referenced>(
    `SELECT p.id, p.sku, p.name, p.deleted_at, EXISTS (SELECT 1 FROM product_components c WHERE c.bundle_id = p.id) AS is_bundle
       FROM products p WHERE p.id IN (${unique.map(() => '?').join(',')})`,
    unique,
  );
  return new Map(rows.map((r) => [r.id, r]));
}

/** A live bundle the product is a part of, if any. */
export async function bundleContaining(sql: Sql, productId: number): Promise<{ sku: string; name: string } | undefined> {
  return sql.get<{ sku: string; name: string }>(
    `SELECT b.sku, b.name FROM product_components c JOIN products b ON b.id = c.bundle_id AND b.deleted_at IS NULL
      WHERE c.component_id = ? ORDER BY b.sort_name LIMIT 1`,
    [productId],
  );
}

/**
 * A bundle's parts: live plain products, each once, never the bundle itself.
 * Bundles are one level deep (a part is never a bundle, and a part cannot
 * become one) so a quote shows a bundle and its parts, never parts of parts.
 */
export async function checkComponents(sql: Sql, productId: number | null, components: readonly Component[], path: string): Promise<void> {
  const issues: ErrorIssue[] = [];
  const found = await referenced(sql, components.map((c) => c.productId));
  const seen = new Set<number>();
  components.forEach((c, i) => {
    const at = `${path}.${i}.productId`;
    const part = found.get(c.productId);
    if (c.productId === productId) issues.push({ path: at, message: 'A bundle cannot contain itself' });
    else if (!part) issues.push({ path: at, message: `Product ${c.productId} does not exist` });
    else if (part.deleted_at) issues.push({ path: at, message: `${label(part)} is in the recycle bin` });
    else if (seen.has(c.productId)) issues.push({ path: at, message: `${label(part)} is in the bundle twice; change its quantity instead` });
    else if (part.is_bundle) {
      issues.push({ path: at, message: `${label(part)} is itself a bundle; bundles hold plain products only (one level keeps quotes readable)` });
    }
    seen.add(c.productId);
  });
  if (components.length && productId !== null) {
    const bundle = await bundleContaining(sql, productId);
    if (bundle) {
      issues.push({
        path,
        message: `This product is part of the bundle ${label(bundle)}, so it cannot be a bundle itself (bundles are one level deep)`,
      });
    }
  }
  throwIssues(issues);
}

/**
 * Configurator rules: each points at another live product, once per kind;
 * a product never both requires (or recommends) and excludes the same one,
 * nor requires a product that excludes it (no quote could ever hold it).
 */
export async function checkRules(sql: Sql, productId: number | null, rules: readonly Rule[], path: string): Promise<void> {
  const issues: ErrorIssue[] = [];
  const found = await referenced(sql, rules.map((r) => r.targetId));
  const kinds = new Map<number, Set<RuleKind>>();
  // Rules the targets hold about this product: "B excludes A" makes "A requires B" impossible.
  const reverse = new Map<number, Set<RuleKind>>();
  if (productId !== null && found.size) {
    const ids = [...found.keys()];
    const rows = await sql.all<{ product_id: number; kind: RuleKind }>(
      `SELECT product_id, kind FROM product_rules WHERE target_id = ? AND product_id IN (${ids.map(() => '?').join(',')})`,
      [productId, ...ids],
    );
    for (const r of rows) reverse.set(r.product_id, (reverse.get(r.product_id) ?? new Set()).add(r.kind));
  }
  rules.forEach((r, i) => {
    const at = `${path}.${i}.targetId`;
    const target = found.get(r.targetId);
    const mine = kinds.get(r.targetId) ?? new Set<RuleKind>();
    kinds.set(r.targetId, mine);
    const theirs = reverse.get(r.targetId);
    if (r.targetId === productId) issues.push({ path: at, message: 'A rule cannot point at the product itself' });
    else if (!target) issues.push({ path: at, message: `Product ${r.targetId} does not exist` });
    else if (target.deleted_at) issues.push({ path: at, message: `${label(target)} is in the recycle bin` });
    else if (mine.has(r.kind)) issues.push({ path: at, message: `The rule “${r.kind} ${target.sku}” is there twice` });
    else if (r.kind === 'excludes' && (mine.has('requires') || mine.has('recommends'))) {
      issues.push({ path: at, message: `A product cannot both ${mine.has('requires') ? 'require' : 'recommend'} and exclude ${label(target)}` });
    } else if (r.kind !== 'excludes' && mine.has('excludes')) {
      issues.push({ path: at, message: `A product cannot both ${r.kind === 'requires' ? 'require' : 'recommend'} and exclude ${label(target)}` });
    } else if (r.kind === 'requires' && theirs?.has('excludes')) {
      issues.push({ path: at, message: `${label(target)} excludes this product, so this product cannot require it` });
    } else if (r.kind === 'excludes' && theirs?.has('requires')) {
      issues.push({ path: at, message: `${label(target)} requires this product, so this product cannot exclude it` });
    }
    mine.add(r.kind);
  });
  throwIssues(issues);
}

export interface StoredComponent {
  componentId: number;
  sku: string;
  quantityMilli: number;
  optional: boolean;
}

export interface StoredRule {
  kind: RuleKind;
  targetId: number;
  sku: string;
  message: string | null;
}

export async function storedComponents(sql: Sql, bundleId: number): Promise<StoredComponent[]> {
  const rows = await sql.all<{ component_id: number; sku: string; quantity_milli: number; optional: number }>(
    `SELECT c.component_id, p.sku, c.quantity_milli, c.optional FROM product_components c JOIN products p ON p.id = c.component_id
      WHERE c.bundle_id = ? ORDER BY c.position, c.id`,
    [bundleId],
  );
  return rows.map((r) => ({ componentId: r.component_id, sku: r.sku, quantityMilli: r.quantity_milli, optional: r.optional === 1 }));
}

export async function storedRules(sql: Sql, productId: number): Promise<StoredRule[]> {
  const rows = await sql.all<{ kind: RuleKind; target_id: number; sku: string; message: string | null }>(
    `SELECT r.kind, r.target_id, t.sku, r.message FROM product_rules r JOIN products t ON t.id = r.target_id WHERE r.product_id = ? ORDER BY r.id`,
    [productId],
  );
  return rows.map((r) => ({ kind: r.kind, targetId: r.target_id, sku: r.sku, message: r.message }));
}

export const sameComponents = (a: readonly StoredComponent[], b: readonly Component[]) =>
  a.length === b.length &&
  a.every((c, i) => c.componentId === b[i]!.productId && c.quantityMilli === quantityToMilli(b[i]!.quantity) && c.optional === b[i]!.optional);

export const sameRules = (a: readonly StoredRule[], b: readonly Rule[]) =>
  a.length === b.length && a.every((r, i) => r.kind === b[i]!.kind && r.targetId === b[i]!.targetId && r.message === b[i]!.message);

export async function replaceComponents(sql: Sql, bundleId: number, components: readonly Component[]): Promise<void> {
  await sql.run(`DELETE FROM product_components WHERE bundle_id = ?`, [bundleId]);
  for (const [position, c] of components.entries()) {
    await sql.run(`INSERT INTO product_components (bundle_id, component_id, quantity_milli, optional, position) VALUES (?, ?, ?, ?, ?)`, [
      bundleId,
      c.productId,
      quantityToMilli(c.quantity),
      c.optional ? 1 : 0,
      position,
    ]);
  }
}

export async function replaceRules(sql: Sql, productId: number, rules: readonly Rule[]): Promise<void> {
  await sql.run(`DELETE FROM product_rules WHERE product_id = ?`, [productId]);
  for (const r of rules) {
    await sql.run(`INSERT INTO product_rules (product_id, kind, target_id, message) VALUES (?, ?, ?, ?)`, [productId, r.kind, r.targetId, r.message]);
  }
}
