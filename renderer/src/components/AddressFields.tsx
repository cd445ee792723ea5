import type { UseFormRegisterReturn } from 'react-hook-form';
import { CountrySelect } from './CountrySelect';
import { Field, describedBy } from './Field';

export type AddressPart = 'street' | 'city' | 'region' | 'postcode' | 'country';

export interface AddressFieldsProps {
  /** Prefix for the ids, e.g. "billing". */
  idPrefix: string;
  /** Label prefix, e.g. "Billing" → "Billing street". Empty for a lone address. */
  labelPrefix?: string;
  register: (part: AddressPart) => UseFormRegisterReturn;
  errors?: Partial<Record<AddressPart, { message?: string | undefined } | undefined>> | undefined;
}

const PARTS: { part: AddressPart; label: string; wide?: boolean }[] = [
  { part: 'street', label: 'Street', wide: true },
  { part: 'postcode', label: 'Postcode' },
  { part: 'city', label: 'City' },
  { part: 'region', label: 'Region' },
  { part: 'country', label: 'Country' },
];

/** Street, postcode, city, region and country of one address. */
export function AddressFields({ idPrefix, labelPrefix, register, errors }: AddressFieldsProps) {
  return (
    <div className="form-grid">
      {PARTS.map(({ part, label, wide }) => {
        const id = `${idPrefix}-${part}`;
        const error = errors?.[part]?.message;
        const fullLabel = labelPrefix ? `${labelPrefix} ${label.toLowerCase()}` : label;
        return (
          <Field key={part} id={id} label={fullLabel} error={error} className={wide ? 'field--wide' : undefined}>
            {part === 'country' ? (
              <CountrySelect id={id} {...register(part)} {...describedBy(id, error)} />
            ) : part === 'street' ? (
              <textarea id={id} rows={2} {...register(part)} {...describedBy(id, error)} />
            ) : (
              <input id={id} type="text" autoComplete="off" {...register(part)} {...describedBy(id, error)} />
            )}
          </Field>
        );
      })}
    </div>
  );
}
