import { useState } from 'react';
import { LEAD_SOURCES } from '../../../../shared/contract/leads';
import { INDUSTRIES } from '../../../../shared/picklists';
import { COMMON_CURRENCIES } from '../../components/MoneyInput';
import { FIELD_LABELS, RULE_FIELDS, optionLabel, type RuleField } from './labels';
import { emptyRange, emptyRule, type RuleDraft, type RuleErrors } from './territoryDraft';

export interface RulesEditorProps {
  rules: RuleDraft[];
  errors: RuleErrors[];
  disabled: boolean;
  onChange: (rules: RuleDraft[]) => void;
}

const aria = (id: string, error: string | undefined) => (error ? { 'aria-invalid': true as const, 'aria-describedby': `${id}-error` } : {});

function FieldError({ id, error }: { id: string; error: string | undefined }) {
  return error ? (
    <p className="field__error" id={`${id}-error`}>
      {error}
    </p>
  ) : null;
}

interface RuleBodyProps {
  rule: RuleDraft;
  n: number;
  errors: RuleErrors;
  disabled: boolean;
  change: (patch: Partial<RuleDraft>) => void;
}

/** Checkboxes for a fixed list (industries, lead sources). */
function PickList({ rule, n, errors, disabled, change, options }: RuleBodyProps & { options: readonly string[] }) {
  const id = `rule-${n}-values`;
  const label = FIELD_LABELS[rule.field];
  const toggle = (value: string, on: boolean) => change({ picked: on ? options.filter((o) => o === value || rule.picked.includes(o)) : rule.picked.filter((v) => v !== value) });
  return (
    <fieldset className={`checks rule-picklist${errors.values ? ' field--invalid' : ''}`} {...aria(id, errors.values)}>
      <legend>
        <span className="sr-only">Rule {n}: </span>
        {label} is any of
      </legend>
      <div className="rule-picklist__options">
        {options.map((o) => (
          <label key={o} className="check">
            <input type="checkbox" checked={rule.picked.includes(o)} disabled={disabled} onChange={(e) => toggle(o, e.target.checked)} /> {rule.field === 'leadSource' ? optionLabel(o) : o}
          </label>
        ))}
      </div>
      <FieldError id={id} error={errors.values} />
    </fieldset>
  );
}

function BandInputs({ rule, n, errors, disabled, change }: RuleBodyProps) {
  const revenue = rule.field === 'revenue';
  return (
    <div className="rule-band">
      <div className={`field${errors.min || errors.band ? ' field--invalid' : ''}`}>
        <label htmlFor={`rule-${n}-min`}>
          <span className="sr-only">{`Rule ${n}: `}</span>
          {revenue ? 'Revenue at least' : 'Employees at least'}
        </label>
        <input id={`rule-${n}-min`} type="text" inputMode="decimal" value={rule.min} disabled={disabled} placeholder="No lower limit" onChange={(e) => change({ min: e.target.value })} {...aria(`rule-${n}-min`, errors.min ?? errors.band)} />
        <FieldError id={`rule-${n}-min`} error={errors.min ?? errors.band} />
      </div>
      <div className={`field${errors.max ? ' field--invalid' : ''}`}>
        <label htmlFor={`rule-${n}-max`}>
          <span className="sr-only">{`Rule ${n}: `}</span>
          {revenue ? 'Revenue at most' : 'Employees at most'}
        </label>
        <input id={`rule-${n}-max`} type="text" inputMode="decimal" value={rule.max} disabled={disabled} placeholder="No upper limit" onChange={(e) => change({ max: e.target.value })} {...aria(`rule-${n}-max`, errors.max)} />
        <FieldError id={`rule-${n}-max`} error={errors.max} />
      </div>
      {revenue ? (
        <div className={`field rule-band__currency${errors.currency ? ' field--invalid' : ''}`}>
          <label htmlFor={`rule-${n}-currency`}>
            <span className="sr-only">{`Rule ${n}: `}</span>
            Currency
          </label>
          <select id={`rule-${n}-currency`} value={rule.currency} disabled={disabled} onChange={(e) => change({ currency: e.target.value })} {...aria(`rule-${n}-currency`, errors.currency)}>
            {(COMMON_CURRENCIES as readonly string[]).includes(rule.currency) ? null : <option value={rule.currency}>{rule.currency}</option>}
            {COMMON_CURRENCIES.map((c) => (
              <option key={c} value={c}>
                {c}
              </option>
            ))}
          </select>
          <FieldError id={`rule-${n}-currency`} error={errors.currency} />
        </div>
      ) : null}
    </div>
  );
}

function PostcodeInputs({ rule, n, errors, disabled, change }: RuleBodyProps) {
  const id = `rule-${n}-prefixes`;
  const setRange = (key: string, patch: { from?: string; to?: string }) => change({ ranges: rule.ranges.map((r) => (r.key === key ? { ...r, ...patch } : r)) });
  return (
    <div className="rule-postcode">
      <div className={`field${errors.values ? ' field--invalid' : ''}`}>
        <label htmlFor={id}>
          <span className="sr-only">{`Rule ${n}: `}</span>
          Postcode starts with
        </label>
        <input id={id} type="text" value={rule.text} disabled={disabled} placeholder="e.g. 80, 81, SW1A" onChange={(e) => change({ text: e.target.value })} {...aria(id, errors.values)} />
        {errors.values ? <FieldError id={id} error={errors.values} /> : <p className="field__hint">Prefixes, separated by commas; spaces and case are ignored.</p>}
      </div>
      <fieldset className="rule-ranges">
        <legend>
          <span className="sr-only">{`Rule ${n}: `}</span>
          Postcode ranges
        </legend>
        {rule.ranges.length === 0 ? <p className="muted">No ranges.</p> : null}
        {rule.ranges.map((r, i) => {
          const rid = `rule-${n}-range-${i + 1}`;
          const error = errors.ranges?.[i];
          return (
            <div key={r.key} className={`rule-range${error ? ' field--invalid' : ''}`}>
              <input id={`${rid}-from`} type="text" aria-label={`Rule ${n} range ${i + 1} from`} value={r.from} disabled={disabled} placeholder="01000" onChange={(e) => setRange(r.key, { from: e.target.value })} {...aria(rid, error)} />
              <span aria-hidden="true">–</span>
              <input id={`${rid}-to`} type="text" aria-label={`Rule ${n} range ${i + 1} to`} value={r.to} disabled={disabled} placeholder="19999" onChange={(e) => setRange(r.key, { to: e.target.value })} {...aria(rid, error)} />
              <button type="button" className="btn btn--small btn--ghost" aria-label={`Remove rule ${n} range ${i + 1}`} disabled={disabled} onClick={() => change({ ranges: rule.ranges.filter((x) => x.key !== r.key) })}>
                ✕
              </button>
              <FieldError id={rid} error={error} />
            </div>
          );
        })}
        <button type="button" className="btn btn--small" disabled={disabled || rule.ranges.length >= 100} onClick={() => change({ ranges: [...rule.ranges, emptyRange()] })}>
          Add range
        </button>
      </fieldset>
    </div>
  );
}

function TextValues({ rule, n, errors, disabled, change }: RuleBodyProps) {
  const id = `rule-${n}-values`;
  const lines = rule.field !== 'country';
  const label = rule.field === 'country' ? 'Country codes' : rule.field === 'region' ? 'Regions' : 'Cities';
  return (
    <div className={`field rule-values${errors.values ? ' field--invalid' : ''}`}>
      <label htmlFor={id}>
        <span className="sr-only">{`Rule ${n}: `}</span>
        {label}
      </label>
      {lines ? (
        <textarea id={id} rows={3} value={rule.text} disabled={disabled} placeholder={rule.field === 'region' ? 'Bayern\nBaden-Württemberg' : 'München\nStuttgart'} onChange={(e) => change({ text: e.target.value })} {...aria(id, errors.values)} />
      ) : (
        <input id={id} type="text" value={rule.text} disabled={disabled} placeholder="e.g. DE, AT, CH" onChange={(e) => change({ text: e.target.value.toUpperCase() })} {...aria(id, errors.values)} />
      )}
      {errors.values ? (
        <FieldError id={id} error={errors.values} />
      ) : (
        <p className="field__hint">{lines ? 'One per line; case and accents are ignored.' : 'Two-letter ISO codes, separated by commas.'}</p>
      )}
    </div>
  );
}

function RuleBody(props: RuleBodyProps) {
  switch (props.rule.field) {
    case 'industry':
      return <PickList {...props} options={INDUSTRIES} />;
    case 'leadSource':
      return <PickList {...props} options={LEAD_SOURCES} />;
    case 'employees':
    case 'revenue':
      return <BandInputs {...props} />;
    case 'postcode':
      return <PostcodeInputs {...props} />;
    default:
      return <TextValues {...props} />;
  }
}

/** The ordered rules of a territory: every rule must hold (and the parent's). Add by field, edit, reorder, remove. */
export function RulesEditor({ rules, errors, disabled, onChange }: RulesEditorProps) {
  const [adding, setAdding] = useState<RuleField>('country');
  const change = (index: number, patch: Partial<RuleDraft>) => onChange(rules.map((r, i) => (i === index ? { ...r, ...patch } : r)));
  const move = (index: number, by: -1 | 1) => {
    const to = index + by;
    if (to < 0 || to >= rules.length) return;
    const next = [...rules];
    [next[index], next[to]] = [next[to]!, next[index]!];
    onChange(next);
  };
  return (
    <fieldset className="form-section territory-rules">
      <legend>Rules</legend>
      <p className="field__hint territory-rules__note">A record belongs here when every rule below holds, and the parent territory’s rules too. No rules: everything the parent takes.</p>
      {rules.length ? (
        <ol className="territory-rules__list">
          {rules.map((rule, index) => {
            const n = index + 1;
            const e = errors[index] ?? {};
            const invalid = Object.keys(e).length > 0;
            return (
              <li key={rule.key} className={`territory-rule${invalid ? ' territory-rule--invalid' : ''}`} aria-label={`Rule ${n}: ${FIELD_LABELS[rule.field]}`}>
                <div className="territory-rule__head">
                  <span className="territory-rule__number">{n}</span>
                  <span className="territory-rule__field">{FIELD_LABELS[rule.field]}</span>
                  <div className="territory-rule__buttons">
                    <button type="button" className="btn btn--small" aria-label={`Move rule ${n} up`} disabled={disabled || index === 0} onClick={() => move(index, -1)}>
                      ▲
                    </button>
                    <button type="button" className="btn btn--small" aria-label={`Move rule ${n} down`} disabled={disabled || index === rules.length - 1} onClick={() => move(index, 1)}>
                      ▼
                    </button>
                    <button type="button" className="btn btn--small btn--danger" aria-label={`Remove rule ${n}`} disabled={disabled} onClick={() => onChange(rules.filter((_, i) => i !== index))}>
                      Remove
                    </button>
                  </div>
                </div>
                {e.rule ? <p className="field__error territory-rule__error">{e.rule}</p> : null}
                <RuleBody rule={rule} n={n} errors={e} disabled={disabled} change={(patch) => change(index, patch)} />
              </li>
            );
          })}
        </ol>
      ) : (
        <p className="muted">No rules yet.</p>
      )}
      <div className="territory-rules__add">
        <label htmlFor="territory-add-rule-field">New rule on</label>
        <select id="territory-add-rule-field" value={adding} disabled={disabled} onChange={(e) => setAdding(e.target.value as RuleField)}>
          {RULE_FIELDS.map((f) => (
            <option key={f} value={f}>
              {FIELD_LABELS[f]}
            </option>
          ))}
        </select>
        <button type="button" className="btn" disabled={disabled || rules.length >= 50} onClick={() => onChange([...rules, emptyRule(adding)])}>
          Add rule
        </button>
      </div>
    </fieldset>
  );
}
