import type { TaxClass } from '../../../../shared/contract/catalog';
import { canMove, type DraftItem, type DraftLine, type Evaluation, type LineField, type Pricing } from './draft';
import { HeadingRow } from './HeadingRow';
import { LineRow } from './LineRow';
import { bundleOptions, type BundleOption, type BundlePart } from './useBundleOptions';

export interface LinesTableProps {
  lines: DraftLine[];
  currency: string;
  evaluation: Evaluation;
  serverErrors: Record<string, Partial<Record<LineField, string>>>;
  taxClasses: TaxClass[];
  parts: ReadonlyMap<number, BundlePart[]>;
  pricing: (productId: number) => Pricing | undefined;
  onChangeLine: (key: string, change: Partial<DraftItem>) => void;
  onChangeHeading: (key: string, text: string) => void;
  onMove: (key: string, direction: -1 | 1) => void;
  onRemove: (key: string) => void;
  onToggleOption: (bundle: DraftItem, option: BundleOption, checked: boolean) => void;
}

/** The editable lines: group headings, products, bundle parts and free text, in the order of the proposal. */
export function LinesTable(props: LinesTableProps) {
  const { lines, currency, evaluation, serverErrors, taxClasses, parts, pricing } = props;
  if (lines.length === 0) {
    return <p className="quote-lines__empty muted">No lines yet: add a product, a free-text line or a group heading below.</p>;
  }
  return (
    <table className="quote-lines" aria-label="Lines">
      <thead>
        <tr>
          <th scope="col" className="quote-lines__move">
            <span className="sr-only">Order</span>
          </th>
          <th scope="col">Item</th>
          <th scope="col">Quantity</th>
          <th scope="col">Unit price</th>
          <th scope="col">Discount</th>
          <th scope="col">Tax</th>
          <th scope="col" className="num">
            Net
          </th>
          <th scope="col">
            <span className="sr-only">Remove</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {lines.map((line, i) =>
          line.kind === 'heading' ? (
            <HeadingRow
              key={line.key}
              line={line}
              position={i + 1}
              error={serverErrors[line.key]?.text ?? serverErrors[line.key]?.line}
              canMoveUp={canMove(lines, line.key, -1)}
              canMoveDown={canMove(lines, line.key, 1)}
              onChange={(text) => props.onChangeHeading(line.key, text)}
              onMove={(d) => props.onMove(line.key, d)}
              onRemove={() => props.onRemove(line.key)}
            />
          ) : (
            <LineRow
              key={line.key}
              line={line}
              position={i + 1}
              currency={currency}
              evaluated={evaluation.items.get(line.key)}
              serverErrors={serverErrors[line.key]}
              taxClasses={taxClasses}
              canMoveUp={canMove(lines, line.key, -1)}
              canMoveDown={canMove(lines, line.key, 1)}
              options={bundleOptions(line, lines, parts, pricing)}
              onChange={(change) => props.onChangeLine(line.key, change)}
              onMove={(d) => props.onMove(line.key, d)}
              onRemove={() => props.onRemove(line.key)}
              onToggleOption={(option, checked) => props.onToggleOption(line, option, checked)}
            />
          ),
        )}
      </tbody>
    </table>
  );
}
