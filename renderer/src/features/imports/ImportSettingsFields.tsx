import { CSV_DELIMITERS, CSV_ENCODINGS, FAILURE_POLICIES, IMPORT_KEYS_BY_TARGET, IMPORT_MODES } from '../../../../shared/contract/imports';
import { DELIMITER_LABELS, ENCODING_LABELS, KEY_LABELS, KEY_LABELS_BY_TARGET, LOCALES, MODE_LABELS } from './importLabels';
import type { ImportDraft } from './importDraft';

export interface ImportSettingsFieldsProps {
  draft: ImportDraft;
  onChange: (patch: Partial<ImportDraft>) => void;
  /** Encoding and delimiter change how the file is read: the columns are read again. */
  onReadAgain: (patch: Pick<ImportDraft, 'encoding' | 'delimiter'>) => void;
}

/** How the file is read (encoding, delimiter, locale, currency) and what the import does (mode, key, failure policy). */
export function ImportSettingsFields({ draft, onChange, onReadAgain }: ImportSettingsFieldsProps) {
  return (
    <div className="form-grid import-settings">
      <div className="field">
        <label htmlFor="import-encoding">Encoding</label>
        <select id="import-encoding" value={draft.encoding} onChange={(e) => onReadAgain({ encoding: e.target.value as ImportDraft['encoding'], delimiter: draft.delimiter })}>
          {CSV_ENCODINGS.map((e) => (
            <option key={e} value={e}>
              {ENCODING_LABELS[e]}
            </option>
          ))}
        </select>
      </div>
      {draft.format === 'csv' ? (
      <div className="field">
        <label htmlFor="import-delimiter">Delimiter</label>
        <select id="import-delimiter" value={draft.delimiter} onChange={(e) => onReadAgain({ encoding: draft.encoding, delimiter: e.target.value as ImportDraft['delimiter'] })}>
          {CSV_DELIMITERS.map((d) => (
            <option key={d} value={d}>
              {DELIMITER_LABELS[d]}
            </option>
          ))}
        </select>
      </div>
      ) : null}
      <div className="field">
        <label htmlFor="import-locale">Numbers and dates as in</label>
        <select id="import-locale" value={draft.locale} onChange={(e) => onChange({ locale: e.target.value })}>
          {[...new Set([draft.locale, ...LOCALES])].map((l) => (
            <option key={l} value={l}>
              {l} ({new Intl.NumberFormat(l).format(1234.5)} · {new Intl.DateTimeFormat(l, { dateStyle: 'short', timeZone: 'UTC' }).format(new Date(Date.UTC(2024, 11, 31)))})
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="import-currency">Currency of amounts</label>
        <input id="import-currency" value={draft.currency} maxLength={3} onChange={(e) => onChange({ currency: e.target.value.toUpperCase() })} />
        {draft.columns.includes('currency') ? <span className="field__hint">Rows with a value in the currency column use theirs.</span> : null}
      </div>
      <fieldset className="field field--wide">
        <legend>What the import does</legend>
        {IMPORT_MODES.map((m) => (
          <label key={m} className="check">
            <input type="radio" name="import-mode" value={m} checked={draft.mode === m} onChange={() => onChange({ mode: m })} /> {MODE_LABELS[m]}
          </label>
        ))}
      </fieldset>
      {draft.mode !== 'create' ? (
        <div className="field">
          <label htmlFor="import-key">Find existing records by</label>
          <select id="import-key" value={draft.key} onChange={(e) => onChange({ key: e.target.value as ImportDraft['key'] })}>
            {IMPORT_KEYS_BY_TARGET[draft.target].map((k) => (
              <option key={k} value={k}>
                {KEY_LABELS_BY_TARGET[draft.target]?.[k] ?? KEY_LABELS[k]}
              </option>
            ))}
          </select>
        </div>
      ) : null}
      <fieldset className="field field--wide">
        <legend>When rows have errors</legend>
        {FAILURE_POLICIES.map((p) => (
          <label key={p} className="check">
            <input type="radio" name="import-policy" value={p} checked={draft.policy === p} onChange={() => onChange({ policy: p })} />{' '}
            {p === 'all_or_nothing' ? 'Import nothing (all or nothing)' : 'Skip bad rows and give me an error file'}
          </label>
        ))}
      </fieldset>
      {draft.target === 'contacts' ? (
        <label className="check field--wide">
          <input type="checkbox" checked={draft.createAccounts} onChange={(e) => onChange({ createAccounts: e.target.checked })} /> Create accounts the file names that do not exist yet
        </label>
      ) : null}
    </div>
  );
}
