import { minorDigits } from '../../../../shared/money';

export interface AmountInputProps {
  id: string;
  /** The accessible name; shown only when `showLabel`. */
  label: string;
  showLabel?: boolean;
  currency: string;
  value: string;
  onChange: (text: string) => void;
  error?: string | undefined;
  disabled?: boolean;
  className?: string;
}

/**
 * An amount in the quote's one currency, typed as text ("1,234.50") and read
 * with shared/money.ts's parseMoney by the editor: unlike MoneyInput there is
 * no currency to choose, since a quote has the currency of its opportunity.
 */
export function AmountInput({ id, label, showLabel = false, currency, value, onChange, error, disabled, className }: AmountInputProps) {
  const placeholder = minorDigits(currency) === 0 ? '0' : `0.${'0'.repeat(minorDigits(currency))}`;
  return (
    <div className={`quote-amount${className ? ` ${className}` : ''}`}>
      <label htmlFor={id} className={showLabel ? 'quote-amount__label' : 'sr-only'}>
        {label}
      </label>
      <div className="quote-amount__box">
        <input
          id={id}
          type="text"
          inputMode="decimal"
          autoComplete="off"
          value={value}
          placeholder={placeholder}
          disabled={disabled}
          onChange={(e) => onChange(e.target.value)}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
        />
        <span className="quote-amount__currency" aria-hidden="true">
          {currency}
        </span>
      </div>
      {error ? (
        <p className="field__error" id={`${id}-error`}>
          {error}
        </p>
      ) : null}
    </div>
  );
}
