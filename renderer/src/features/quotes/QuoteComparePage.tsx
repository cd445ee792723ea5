import { LineHeaderCells } from './LineHeaderCells';
import type { ReactNode } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import type { QuoteComparison } from '../../../../shared/contract/quotes';
import { formatMoney } from '../../../../shared/money';
import { ErrorBanner } from '../../components/ErrorBanner';
import { PageHeader } from '../../components/PageHeader';
import { RecordLoadState } from '../../components/RecordLoadState';
import { Section } from '../../components/Section';
import { errorMessage } from '../../lib/formErrors';
import { formatPercent, formatQuantity } from './labels';
import { useQuote, useQuoteComparison } from './queries';
import './quotes.css';

type Line = QuoteComparison['lines'][number];
type Side = NonNullable<Line['left']>;

const CHANGE_LABELS: Record<Line['change'], string> = { added: 'Added', removed: 'Removed', changed: 'Changed', same: 'Same' };

/** /quotes/:id/compare?with=<otherId> — two versions of one quote, line by line, and their totals. */
export function QuoteComparePage() {
  const id = Number(useParams().id);
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const quote = useQuote(id);
  const revisions = quote.data?.revisions ?? [];
  const here = revisions.findIndex((r) => r.id === id);
  const fallback = revisions[here > 0 ? here - 1 : here + 1]?.id ?? 0;
  const withId = Number(params.get('with') ?? fallback) || fallback;
  // The older version on the left.
  const revisionOf = (rid: number) => revisions.find((r) => r.id === rid)?.revision ?? 0;
  const [leftId, rightId] = revisionOf(withId) <= revisionOf(id) ? [withId, id] : [id, withId];
  const comparison = useQuoteComparison(leftId, rightId);

  if (!quote.isSuccess) return <RecordLoadState query={quote} noun="quote" />;
  const q = quote.data;
  const money = (amountMinor: number | null) => (amountMinor === null ? '' : formatMoney({ amountMinor, currency: q.currency }));
  const pick = (side: 'left' | 'right', value: number) => {
    const [l, r] = side === 'left' ? [value, rightId] : [leftId, value];
    navigate(`/quotes/${r}/compare?with=${l}`, { replace: true });
  };

  const versionSelect = (side: 'left' | 'right', value: number) => (
    <div className="field">
      <label htmlFor={`compare-${side}`}>{side === 'left' ? 'Left version' : 'Right version'}</label>
      <select id={`compare-${side}`} value={value} onChange={(e) => pick(side, Number(e.target.value))}>
        {revisions.map((r) => (
          <option key={r.id} value={r.id}>
            Version {r.revision}
          </option>
        ))}
      </select>
    </div>
  );

  const c = comparison.data;
  return (
    <div className="page quote-page">
      <PageHeader
        title={`Compare versions of quote ${q.number}`}
        subtitle={q.title}
        breadcrumb={
          <>
            <Link to="/quotes">Quotes</Link> / <Link to={`/quotes/${id}`}>{q.number}</Link>
          </>
        }
      />
      {revisions.length < 2 ? (
        <p className="banner banner--muted">This quote has only one version so far: revise it to have something to compare.</p>
      ) : (
        <div className="quote-compare__pickers">
          {versionSelect('left', leftId)}
          <span aria-hidden="true" className="quote-compare__arrow">
            →
          </span>
          {versionSelect('right', rightId)}
        </div>
      )}
      {comparison.isError ? <ErrorBanner title="Cannot compare" messages={[errorMessage(comparison.error)]} /> : null}
      {revisions.length >= 2 && leftId === rightId ? <p className="muted">Pick two different versions.</p> : null}
      {comparison.isPending && revisions.length >= 2 && leftId !== rightId ? <p className="muted">Comparing…</p> : null}
      {c ? (
        <>
          <Section title="Lines">
            <table className="quote-lines quote-compare" aria-label="Line changes">
              <thead>
                <tr>
                  <th scope="col">Change</th>
                  <LineHeaderCells />
                </tr>
              </thead>
              <tbody>
                {c.lines.map((line) => (
                  <CompareRow key={line.key} line={line} money={money} />
                ))}
              </tbody>
            </table>
          </Section>
          <Section title="Totals">
            <table className="quote-table quote-compare__totals" aria-label="Totals compared">
              <thead>
                <tr>
                  <th scope="col">
                    <span className="sr-only">Amount</span>
                  </th>
                  <th scope="col" className="num">
                    Version {c.left.revision}
                  </th>
                  <th scope="col" className="num">
                    Version {c.right.revision}
                  </th>
                  <th scope="col" className="num">
                    Difference
                  </th>
                </tr>
              </thead>
              <tbody>
                {(
                  [
                    ['Subtotal', c.left.totals.subtotalMinor, c.right.totals.subtotalMinor],
                    ['Discount', c.left.totals.quoteDiscountMinor, c.right.totals.quoteDiscountMinor],
                    ['Shipping', c.left.totals.shippingMinor, c.right.totals.shippingMinor],
                    ['Tax', c.left.totals.taxMinor, c.right.totals.taxMinor],
                    ['Total', c.left.totals.totalMinor, c.right.totals.totalMinor],
                  ] as const
                ).map(([label, l, r]) => (
                  <tr key={label} className={`${label === 'Total' ? 'quote-compare__total' : ''}${l !== r ? ' quote-diff--changed' : ''}`}>
                    <th scope="row">{label}</th>
                    <td className="num">{money(l)}</td>
                    <td className="num">{money(r)}</td>
                    <td className="num">{l === r ? '—' : `${r > l ? '+' : '−'}${money(Math.abs(r - l))}`}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </Section>
        </>
      ) : null}
    </div>
  );
}

interface CompareRowProps {
  line: Line;
  money: (amountMinor: number | null) => string;
}

function CompareRow({ line, money }: CompareRowProps) {
  const fields = new Set(line.fields);
  const discount = (d: Side['discount']) => (!d ? '' : d.kind === 'percent' ? formatPercent(d.percent) : money(d.amountMinor));
  const tax = (s: Side) => (s.kind === 'heading' ? '' : s.taxRatePercent === null ? 'No tax' : formatPercent(s.taxRatePercent));
  const show = (name: string, render: (s: Side) => string): ReactNode => {
    const l = line.left ? render(line.left) : '';
    const r = line.right ? render(line.right) : '';
    if (line.change === 'changed' && fields.has(name)) {
      return (
        <span className="quote-diff">
          <del>{l || '—'}</del> <span aria-hidden="true">→</span> <ins>{r || '—'}</ins>
        </span>
      );
    }
    return line.change === 'removed' ? l : r;
  };
  const side = (line.right ?? line.left)!;
  if (side.kind === 'heading' && (!line.left || line.left.kind === 'heading') && (!line.right || line.right.kind === 'heading')) {
    return (
      <tr className={`quote-line quote-line--heading quote-compare--${line.change}`}>
        <td>
          <span className={`quote-change quote-change--${line.change}`}>{CHANGE_LABELS[line.change]}</span>
        </td>
        <th scope="rowgroup" colSpan={6}>
          {show('name', (s) => s.name)}
        </th>
      </tr>
    );
  }
  return (
    <tr className={`quote-compare--${line.change}`}>
      <td>
        <span className={`quote-change quote-change--${line.change}`}>{CHANGE_LABELS[line.change]}</span>
      </td>
      <td className={fields.has('name') ? 'quote-diff--changed' : undefined}>{show('name', (s) => s.name)}</td>
      <td className={`num${fields.has('quantity') ? ' quote-diff--changed' : ''}`}>{show('quantity', (s) => (s.quantity === null ? '' : formatQuantity(s.quantity)))}</td>
      <td className={`num${fields.has('unitPriceMinor') ? ' quote-diff--changed' : ''}`}>{show('unitPriceMinor', (s) => money(s.unitPriceMinor))}</td>
      <td className={`num${fields.has('discount') ? ' quote-diff--changed' : ''}`}>{show('discount', (s) => discount(s.discount))}</td>
      <td className={`num${fields.has('taxRatePercent') ? ' quote-diff--changed' : ''}`}>{show('taxRatePercent', tax)}</td>
      <td className={`num${fields.has('netMinor') ? ' quote-diff--changed' : ''}`}>{show('netMinor', (s) => money(s.netMinor))}</td>
    </tr>
  );
}
