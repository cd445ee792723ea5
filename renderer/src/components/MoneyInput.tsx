import { useEffect, useRef, useState } from 'react';
import { minorToDecimalText, parseMoney, type Money } from '../../../shared/money';
import { Field, describedBy } from './Field';

export const COMMON_CURRENCIES = ['EUR', 'USD', 'GBP', 'CHF', 'SEK', 'NOK', 'DKK', 'PLN', 'CZK', 'JPY', 'CNY', 'CAD', 'AUD', 'INR', 'BRL'] as const;

export interface MoneyInputProps {
  id: string;
  label: string;
  value: Money | null | undefined;
  onChange: (value: Money | null) => void;
  onBlur?: () => void;
  error?: string | undefined;
  defaultCurrency?: string;
}

function textOf(value: Money | null | undefined): string {
  return value && Number.isFinite(value.amountMinor) ? minorToDecimalText(value.amountMinor, value.currency) : '';
}

function same(a: Money | null | undefined, b: Money | null | undefined): boolean {
  if (!a || !b) return !a && !b;
  return a.currency === b.currency && (a.amountMinor === b.amountMinor || (Number.isNaN(a.amountMinor) && Number.isNaN(b.amountMinor)));
}

/**
 * An amount as text plus a currency; the form holds {amountMinor, currency}.
 * Text that does not parse is held as NaN minor units so the contract's schema
 * refuses the save; the message shown is parseMoney's.
 */
export function MoneyInput({ id, label, value, onChange, onBlur, error, defaultCurrency = 'EUR' }: MoneyInputProps) {
  const [text, setText] = useState(() => textOf(value));
  const [currency, setCurrency] = useState(value?.currency ?? defaultCurrency);
  const [parseError, setParseError] = useState<string | null>(null);
  const emitted = useRef<Money | null | undefined>(value);

  useEffect(() => {
    if (same(value, emitted.current)) return;
    emitted.current = value;
    setText(textOf(value));
    if (value) setCurrency(value.currency);
    setParseError(null);
  }, [value]);

  const emit = (nextText: string, nextCurrency: string) => {
    let next: Money | null;
    if (nextText.trim() === '') {
      next = null;
      setParseError(null);
    } else {
      const parsed = parseMoney(nextText, nextCurrency);
      if (parsed.ok) {
        next = { amountMinor: parsed.amountMinor, currency: nextCurrency };
        setParseError(null);
      } else {
        next = { amountMinor: Number.NaN, currency: nextCurrency };
        setParseError(parsed.message);
      }
    }
    emitted.current = next;
    onChange(next);
  };

  const currencies: string[] = [...COMMON_CURRENCIES];
  if (!currencies.includes(currency)) currencies.unshift(currency);
  const shown = parseError ?? error;

  return (
    <Field id={id} label={label} error={shown}>
      <div className="money-input">
        <input
          id={id}
          type="text"
          inputMode="decimal"
          autoComplete="off"
          value={text}
          placeholder="0.00"
          onChange={(e) => {
            setText(e.target.value);
            emit(e.target.value, currency);
          }}
          onBlur={onBlur}
          {...describedBy(id, shown)}
        />
        <label htmlFor={`${id}-currency`} className="sr-only">
          {label} currency
        </label>
        <select
          id={`${id}-currency`}
          value={currency}
          onChange={(e) => {
            setCurrency(e.target.value);
            emit(text, e.target.value);
          }}
        >
          {currencies.map((c) => (
            <option key={c} value={c}>
              {c}
            </option>
          ))}
        </select>
      </div>
    </Field>
  );
}
