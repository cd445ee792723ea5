import type { TaxClass } from '../../../../shared/contract/catalog';
import { formatMoney, minorToDecimalText } from '../../../../shared/money';
import { AmountInput } from './AmountInput';
import type { DiscountKind, DraftItem, EvaluatedItem, LineField } from './draft';
import { MoveButtons } from './MoveButtons';
import type { BundleOption } from './useBundleOptions';

export interface LineRowProps {
  line: DraftItem;
  /** 1-based position among all lines, for names of free-text lines. */
  position: number;
  currency: string;
  evaluated: EvaluatedItem | undefined;
  serverErrors: Partial<Record<LineField, string>> | undefined;
  taxClasses: TaxClass[];
  canMoveUp: boolean;
  canMoveDown: boolean;
  /** A bundle's optional parts, with whether each is on the quote. */
  options: BundleOption[];
  onChange: (change: Partial<DraftItem>) => void;
  onMove: (direction: -1 | 1) => void;
  onRemove: () => void;
  onToggleOption: (option: BundleOption, checked: boolean) => void;
}

/** One item line of the editor: product or free text, quantity, unit price, discount, tax class and the net it comes to. */
export function LineRow(props: LineRowProps) {
  const { line, position, currency, evaluated, serverErrors, taxClasses, options, onChange } = props;
  const name = line.name.trim() || `line ${position}`;
  const id = (field: string) => `line-${line.key}-${field}`;
  const error = (field: LineField) => serverErrors?.[field] ?? evaluated?.errors[field];
  const money = (amountMinor: number) => formatMoney({ amountMinor, currency });
  const isPart = line.parentKey !== null;
  const list = evaluated?.listPriceMinor ?? null;
  const overridden = line.priceMode === 'manual' && list !== null && evaluated?.unitPriceMinor !== list;
  const classes = taxClasses.filter((t) => t.active || t.id === line.taxClassId);
  const lineProblem = serverErrors?.product ?? serverErrors?.line;

  return (
    <tr className={`quote-line${isPart ? ' quote-line--part' : ''}${lineProblem ? ' quote-line--invalid' : ''}`} data-line-key={line.key}>
      <td className="quote-line__move">
        <MoveButtons lineKey={line.key} name={name} canMoveUp={props.canMoveUp} canMoveDown={props.canMoveDown} onMove={props.onMove} />
      </td>
      <td className="quote-line__item">
        {line.productId !== null ? (
          <div className="quote-line__product">
            <span className="quote-line__name">
              {isPart ? <span className="quote-line__part-mark" aria-hidden="true">↳ </span> : null}
              {line.name}
            </span>
            {line.sku ? <span className="quote-line__sku">{line.sku}</span> : null}
            {line.description && !isPart ? <span className="quote-line__description quote-line__description--clip">{line.description}</span> : null}
          </div>
        ) : (
          <>
            <label htmlFor={id('name')} className="sr-only">
              Line text {position}
            </label>
            <input
              id={id('name')}
              type="text"
              value={line.name}
              placeholder="Describe the item or service"
              maxLength={2000}
              onChange={(e) => onChange({ name: e.target.value })}
              aria-invalid={error('name') ? true : undefined}
              aria-describedby={error('name') ? `${id('name')}-error` : undefined}
            />
            {error('name') ? (
              <p className="field__error" id={`${id('name')}-error`}>
                {error('name')}
              </p>
            ) : null}
          </>
        )}
        {options.length ? (
          <fieldset className="quote-line__options">
            <legend>Options for {line.name}</legend>
            {options.map((o) => (
              <label className="check" key={o.productId}>
                <input type="checkbox" checked={o.checked} onChange={(e) => props.onToggleOption(o, e.target.checked)} />
                {o.name}
                <span className="muted">{o.listPriceMinor === null ? '' : ` +${money(o.listPriceMinor)}`}</span>
              </label>
            ))}
          </fieldset>
        ) : null}
        {lineProblem ? (
          <p className="field__error" role="alert">
            {lineProblem}
          </p>
        ) : null}
      </td>
      <td className="quote-line__quantity">
        <label htmlFor={id('quantity')} className="sr-only">
          Quantity: {name}
        </label>
        <input
          id={id('quantity')}
          type="text"
          inputMode="decimal"
          autoComplete="off"
          value={line.quantityText}
          onChange={(e) => onChange({ quantityText: e.target.value })}
          aria-invalid={error('quantity') ? true : undefined}
          aria-describedby={error('quantity') ? `${id('quantity')}-error` : undefined}
        />
        {line.unit ? <span className="quote-line__unit">{line.unit}</span> : null}
        {error('quantity') ? (
          <p className="field__error" id={`${id('quantity')}-error`}>
            {error('quantity')}
          </p>
        ) : null}
      </td>
      <td className="quote-line__price">
        {line.priceMode === 'included' ? (
          <span className="quote-line__included">Included</span>
        ) : (
          <>
            <AmountInput
              id={id('price')}
              label={`Unit price: ${name}`}
              currency={currency}
              value={line.priceMode === 'manual' ? line.priceText : evaluated?.unitPriceMinor != null ? minorToDecimalText(evaluated.unitPriceMinor, currency) : ''}
              onChange={(text) => onChange({ priceMode: 'manual', priceText: text })}
              error={error('unitPrice')}
            />
            {overridden ? (
              <p className="quote-line__list">
                List {money(list)}{' '}
                <button type="button" className="quote-link" onClick={() => onChange({ priceMode: 'list', priceText: '' })} aria-label={`Use the list price for ${name}`}>
                  Use list price
                </button>
              </p>
            ) : null}
          </>
        )}
      </td>
      <td className="quote-line__discount">
        <div className="quote-line__discount-row">
          <label htmlFor={id('discount-kind')} className="sr-only">
            Discount type: {name}
          </label>
          <select
            id={id('discount-kind')}
            value={line.discount.kind}
            onChange={(e) => onChange({ discount: { kind: e.target.value as DiscountKind, text: e.target.value === line.discount.kind ? line.discount.text : '' } })}
          >
            <option value="none">None</option>
            <option value="percent">%</option>
            <option value="amount">Amount</option>
          </select>
          {line.discount.kind !== 'none' ? (
            <>
              <label htmlFor={id('discount')} className="sr-only">
                Discount: {name}
              </label>
              <input
                id={id('discount')}
                type="text"
                inputMode="decimal"
                autoComplete="off"
                className="quote-line__discount-value"
                placeholder={line.discount.kind === 'percent' ? '0' : '0.00'}
                value={line.discount.text}
                onChange={(e) => onChange({ discount: { kind: line.discount.kind, text: e.target.value } })}
                aria-invalid={error('discount') ? true : undefined}
                aria-describedby={error('discount') ? `${id('discount')}-error` : undefined}
              />
            </>
          ) : null}
        </div>
        {error('discount') ? (
          <p className="field__error" id={`${id('discount')}-error`}>
            {error('discount')}
          </p>
        ) : null}
      </td>
      <td className="quote-line__tax">
        <label htmlFor={id('tax')} className="sr-only">
          Tax class: {name}
        </label>
        <select
          id={id('tax')}
          value={line.taxClassId === null ? '' : String(line.taxClassId)}
          onChange={(e) => onChange({ taxClassId: e.target.value === '' ? null : Number(e.target.value) })}
          aria-invalid={error('taxClass') ? true : undefined}
        >
          {classes.map((t) => (
            <option key={t.id} value={t.id}>
              {t.name}
            </option>
          ))}
          <option value="">No tax</option>
        </select>
        {error('taxClass') ? <p className="field__error">{error('taxClass')}</p> : null}
      </td>
      <td className="quote-line__net num">
        <span className="quote-line__net-value">{evaluated ? money(evaluated.netMinor) : '—'}</span>
        {evaluated?.discountMinor ? <span className="quote-line__saving">−{money(evaluated.discountMinor)}</span> : null}
      </td>
      <td className="quote-line__actions">
        <button type="button" className="btn btn--ghost btn--small quote-line__remove" onClick={props.onRemove} aria-label={`Remove ${name}`} title="Remove line">
          ✕
        </button>
      </td>
    </tr>
  );
}
