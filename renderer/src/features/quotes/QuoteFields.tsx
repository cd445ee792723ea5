import type { TaxClass } from '../../../../shared/contract/catalog';
import { Field, describedBy } from '../../components/Field';
import { RecordPicker } from '../../components/RecordPicker';
import { searchContacts } from '../opportunities/queries';
import { AmountInput } from './AmountInput';
import type { DiscountKind, QuoteDraft, QuoteField } from './draft';

export interface QuoteFieldsProps {
  draft: QuoteDraft;
  currency: string;
  accountId: number | null;
  taxClasses: TaxClass[];
  errors: Partial<Record<QuoteField, string>>;
  onChange: (change: Partial<QuoteDraft>) => void;
}

/** The quote-level fields: title, contact, validity, quote discount, shipping, terms and notes. */
export function QuoteFields({ draft, currency, accountId, taxClasses, errors, onChange }: QuoteFieldsProps) {
  const classes = taxClasses.filter((t) => t.active || t.id === draft.shippingTaxClassId);
  return (
    <div className="quote-fields">
      <Field id="quote-title" label="Title" error={errors.title} className="quote-fields__wide">
        <input id="quote-title" type="text" maxLength={200} value={draft.title} onChange={(e) => onChange({ title: e.target.value })} {...describedBy('quote-title', errors.title)} />
      </Field>
      <Field id="quote-contact" label="Contact" error={errors.contact} hint={accountId ? 'A contact of the account' : undefined}>
        <RecordPicker
          id="quote-contact"
          value={draft.contact}
          onChange={(contact) => onChange({ contact })}
          search={(text) => searchContacts(text, accountId)}
          placeholder="Type a last name"
          invalid={Boolean(errors.contact)}
          describedById={errors.contact ? 'quote-contact-error' : undefined}
        />
      </Field>
      <Field id="quote-valid-until" label="Valid until" error={errors.validUntil}>
        <input id="quote-valid-until" type="date" value={draft.validUntil} onChange={(e) => onChange({ validUntil: e.target.value })} {...describedBy('quote-valid-until', errors.validUntil)} />
      </Field>
      <div className="field">
        <span className="quote-fields__label" id="quote-discount-label">
          Quote discount
        </span>
        <div className="quote-fields__pair">
          <select
            id="quote-discount-kind"
            aria-label="Quote discount type"
            value={draft.discount.kind}
            onChange={(e) => onChange({ discount: { kind: e.target.value as DiscountKind, text: '' } })}
          >
            <option value="none">None</option>
            <option value="percent">Percent</option>
            <option value="amount">Amount</option>
          </select>
          {draft.discount.kind === 'percent' ? (
            <div className="quote-fields__suffixed">
              <input
                id="quote-discount"
                type="text"
                inputMode="decimal"
                aria-label="Quote discount (%)"
                value={draft.discount.text}
                onChange={(e) => onChange({ discount: { kind: 'percent', text: e.target.value } })}
                {...describedBy('quote-discount', errors.discount)}
              />
              <span aria-hidden="true">%</span>
            </div>
          ) : null}
          {draft.discount.kind === 'amount' ? (
            <AmountInput id="quote-discount" label="Quote discount amount" currency={currency} value={draft.discount.text} onChange={(text) => onChange({ discount: { kind: 'amount', text } })} />
          ) : null}
        </div>
        {errors.discount ? (
          <p className="field__error" id="quote-discount-error">
            {errors.discount}
          </p>
        ) : null}
      </div>
      <div className="field">
        <span className="quote-fields__label">Shipping</span>
        <div className="quote-fields__pair">
          <AmountInput id="quote-shipping" label="Shipping" currency={currency} value={draft.shippingText} onChange={(shippingText) => onChange({ shippingText })} error={errors.shipping} />
          <label htmlFor="quote-shipping-tax" className="sr-only">
            Shipping tax class
          </label>
          <select
            id="quote-shipping-tax"
            value={draft.shippingTaxClassId === null ? '' : String(draft.shippingTaxClassId)}
            onChange={(e) => onChange({ shippingTaxClassId: e.target.value === '' ? null : Number(e.target.value) })}
            aria-invalid={errors.shippingTaxClass ? true : undefined}
          >
            <option value="">No tax</option>
            {classes.map((t) => (
              <option key={t.id} value={t.id}>
                {t.name}
              </option>
            ))}
          </select>
        </div>
        {errors.shippingTaxClass ? <p className="field__error">{errors.shippingTaxClass}</p> : null}
      </div>
      <Field id="quote-terms" label="Terms" error={errors.terms} className="quote-fields__wide">
        <textarea id="quote-terms" rows={3} maxLength={10_000} value={draft.terms} onChange={(e) => onChange({ terms: e.target.value })} {...describedBy('quote-terms', errors.terms)} />
      </Field>
      <Field id="quote-notes" label="Notes" error={errors.notes} className="quote-fields__wide">
        <textarea id="quote-notes" rows={2} maxLength={5000} value={draft.notes} onChange={(e) => onChange({ notes: e.target.value })} {...describedBy('quote-notes', errors.notes)} />
      </Field>
    </div>
  );
}
