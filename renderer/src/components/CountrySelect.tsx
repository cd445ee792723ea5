import { forwardRef, useMemo, type SelectHTMLAttributes } from 'react';
import { COUNTRY_CODES, countryName } from '../../../shared/countries';

export type CountrySelectProps = SelectHTMLAttributes<HTMLSelectElement>;

/** ISO country codes as a select of names, sorted by name. */
export const CountrySelect = forwardRef<HTMLSelectElement, CountrySelectProps>(function CountrySelect(props, ref) {
  const options = useMemo(
    () => COUNTRY_CODES.map((code) => ({ code, name: countryName(code) })).sort((a, b) => a.name.localeCompare(b.name)),
    [],
  );
  return (
    <select ref={ref} {...props}>
      <option value="">—</option>
      {options.map((o) => (
        <option key={o.code} value={o.code}>
          {o.name}
        </option>
      ))}
    </select>
  );
});
