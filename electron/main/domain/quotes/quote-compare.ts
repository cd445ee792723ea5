import type { QuoteComparison } from '../../../../shared/contract/quotes';
import { CrmError } from '../../../../shared/errors';
import type { Sql } from '../../db/sql';
import { loadLines, loadQuoteRow, lineOut, quoteTotals, totalsOut } from './quote-read';
import type { StoredLine } from './quote-lines';

type Side = NonNullable<QuoteComparison['lines'][number]['left']>;

const FIELDS = ['kind', 'name', 'quantity', 'unitPriceMinor', 'discount', 'taxRatePercent', 'netMinor'] as const;

function sides(lines: StoredLine[], totals: ReturnType<typeof quoteTotals>): Map<string, Side> {
  let item = 0;
  return new Map(
    lines.map((l) => {
      const out = lineOut(l, l.kind === 'item' ? totals.lines[item++] : undefined);
      const side: Side =
        out.kind === 'heading'
          ? { kind: 'heading', name: out.text, quantity: null, unitPriceMinor: null, discount: null, taxRatePercent: null, netMinor: null }
          : { kind: 'item', name: out.name, quantity: out.quantity, unitPriceMinor: out.unitPriceMinor, discount: out.discount, taxRatePercent: out.taxRatePercent, netMinor: out.netMinor };
      return [l.line_key, side];
    }),
  );
}

/**
 * Lines are matched by their key, which a revision copies, so a line whose
 * price changed shows as changed rather than as one removed and one added.
 * The order is the right-hand revision's, with removed lines where they were.
 */
export async function compareRevisions(sql: Sql, leftId: number, rightId: number): Promise<QuoteComparison> {
  const [leftRow, rightRow] = [await loadQuoteRow(sql, leftId), await loadQuoteRow(sql, rightId)];
  if (leftRow.number !== rightRow.number) {
    throw new CrmError('validation', `Quotes ${leftRow.number} and ${rightRow.number} are different quotes; compare versions of one quote.`);
  }
  const [leftLines, rightLines] = [await loadLines(sql, leftId), await loadLines(sql, rightId)];
  const [leftTotals, rightTotals] = [quoteTotals(leftRow, leftLines), quoteTotals(rightRow, rightLines)];
  const left = sides(leftLines, leftTotals);
  const right = sides(rightLines, rightTotals);

  const order: string[] = [];
  const rightKeys = rightLines.map((l) => l.line_key);
  const leftKeys = leftLines.map((l) => l.line_key);
  const seen = new Set<string>();
  let r = 0;
  for (const key of leftKeys) {
    if (right.has(key)) {
      if (seen.has(key)) continue;
      // Emit right-hand lines up to and including this shared one.
      while (r < rightKeys.length) {
        const k = rightKeys[r++]!;
        if (!seen.has(k)) {
          order.push(k);
          seen.add(k);
        }
        if (k === key) break;
      }
    } else {
      order.push(key);
      seen.add(key);
    }
  }
  for (; r < rightKeys.length; r++) if (!seen.has(rightKeys[r]!)) order.push(rightKeys[r]!);

  return {
    left: { id: leftId, revision: leftRow.revision, totals: totalsOut(leftTotals) },
    right: { id: rightId, revision: rightRow.revision, totals: totalsOut(rightTotals) },
    lines: order.map((key) => {
      const a = left.get(key) ?? null;
      const b = right.get(key) ?? null;
      if (!a) return { key, change: 'added' as const, left: null, right: b, fields: [] };
      if (!b) return { key, change: 'removed' as const, left: a, right: null, fields: [] };
      const fields = FIELDS.filter((f) => JSON.stringify(a[f]) !== JSON.stringify(b[f]));
      return { key, change: fields.length ? ('changed' as const) : ('same' as const), left: a, right: b, fields: [...fields] };
    }),
  };
}
