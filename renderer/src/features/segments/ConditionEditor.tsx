import type { ReactNode } from 'react';
import { OPERATOR_ARITY, type FieldKind, type FieldOperator, type SegmentEntity } from '../../../../shared/contract/segments';
import { COMMON_CURRENCIES } from '../../components/MoneyInput';
import { CountrySelect } from '../../components/CountrySelect';
import { operatorLabel, optionLabel } from './labels';
import { useAllUsers } from './queries';
import { useCustomFields } from '../custom-fields/queries';
import { useTags } from '../tags/queries';
import { choicesFor, emptyCondition, fieldDef, operatorsFor, type DraftCondition } from './segmentDraft';

export interface ConditionEditorProps {
  entity: SegmentEntity;
  condition: DraftCondition;
  /** "Condition 2.1": names every control of this condition for assistive technology. */
  label: string;
  missing: string | undefined;
  onChange: (next: DraftCondition) => void;
  onRemove: () => void;
}

function Currency({ id, label, value, onChange }: { id: string; label: string; value: string; onChange: (v: string) => void }) {
  return (
    <select id={id} aria-label={label} className="segment-condition__currency" value={value} onChange={(e) => onChange(e.target.value)}>
      {COMMON_CURRENCIES.map((c) => (
        <option key={c} value={c}>
          {c}
        </option>
      ))}
    </select>
  );
}

/** Checkboxes for a short fixed list (picklists, owners). */
function Checks({ label, options, picked, onChange }: { label: string; options: { value: string; label: string }[]; picked: string[]; onChange: (v: string[]) => void }) {
  return (
    <fieldset className="checks segment-condition__checks">
      <legend className="sr-only">{label}</legend>
      {options.map((o) => (
        <label key={o.value} className="check">
          <input
            type="checkbox"
            checked={picked.includes(o.value)}
            onChange={(e) => onChange(e.target.checked ? [...picked, o.value] : picked.filter((p) => p !== o.value))}
          />{' '}
          {o.label}
        </label>
      ))}
    </fieldset>
  );
}

function ValueInput({ kind, id, label, value, options, onChange }: { kind: FieldKind; id: string; label: string; value: string; options?: { value: string; label: string }[]; onChange: (v: string) => void }) {
  if (kind === 'picklist' || kind === 'owner') {
    return (
      <select id={id} aria-label={label} value={value} onChange={(e) => onChange(e.target.value)}>
        <option value="">Choose…</option>
        {(options ?? []).map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    );
  }
  if (kind === 'country') return <CountrySelect id={id} aria-label={label} value={value} onChange={(e) => onChange(e.target.value)} />;
  if (kind === 'date') return <input id={id} aria-label={label} type="date" value={value} onChange={(e) => onChange(e.target.value)} />;
  return <input id={id} aria-label={label} type="text" inputMode={kind === 'number' || kind === 'money' ? 'decimal' : undefined} value={value} onChange={(e) => onChange(e.target.value)} />;
}

/** One condition: what (a field or a related fact), how (the operator) and the value(s) its kind needs. */
export function ConditionEditor({ entity, condition: c, label, missing, onChange, onRemove }: ConditionEditorProps) {
  const users = useAllUsers().data ?? [];
  const tags = useTags().data ?? [];
  const customFields = useCustomFields(entity).data ?? [];
  const set = (patch: Partial<DraftCondition>) => onChange({ ...c, ...patch });
  const [type, name] = c.what.split(':') as ['field' | 'fact' | 'pick', string];
  const def = type === 'field' ? fieldDef(entity, name) : undefined;
  const kind: FieldKind | 'fact' = def?.kind ?? 'fact';
  const ops = operatorsFor(entity, c.what);
  const id = `cond-${c.key}`;
  const options =
    kind === 'owner'
      ? users.map((u) => ({ value: String(u.id), label: u.active ? u.name : `${u.name} (inactive)` }))
      : (def?.options ?? []).map((o) => ({ value: o, label: /^[a-z_]+$/.test(o) ? optionLabel(o) : o }));
  const choices = choicesFor(entity, customFields);
  const pickField = type === 'pick' ? customFields.find((f) => String(f.id) === name) : undefined;
  if (type === 'pick' && !pickField && customFields.length) choices.push({ value: c.what, label: `Deleted field #${name}`, group: 'Tags and custom fields' });

  let body: ReactNode = null;
  if (type === 'pick') {
    body =
      c.op === 'anyOf' || c.op === 'noneOf' ? (
        <Checks label={`${label} values`} options={(pickField?.options ?? c.values).map((o) => ({ value: o, label: o }))} picked={c.values} onChange={(values) => set({ values })} />
      ) : null;
  } else if (type === 'fact' && name === 'tag') {
    const known = new Set(tags.map((t) => String(t.id)));
    const options = [...tags.map((t) => ({ value: String(t.id), label: t.name })), ...c.values.filter((v) => !known.has(v)).map((v) => ({ value: v, label: `Deleted tag #${v}` }))];
    body = options.length ? (
      <Checks label={`${label} tags`} options={options} picked={c.values} onChange={(values) => set({ values })} />
    ) : (
      <span className="muted">No tags yet: add some on a record page</span>
    );
  } else if (type === 'fact') {
    if (name === 'wonOpportunity') {
      body = (
        <>
          <input id={`${id}-days`} aria-label={`${label} months`} className="segment-condition__number" type="text" inputMode="numeric" value={c.days} onChange={(e) => set({ days: e.target.value })} />
          <span>months</span>
        </>
      );
    } else if (name === 'lastActivity') {
      body =
        c.op === 'never' ? null : (
          <>
            <input id={`${id}-days`} aria-label={`${label} days`} className="segment-condition__number" type="text" inputMode="numeric" value={c.days} onChange={(e) => set({ days: e.target.value })} />
            <span>days</span>
          </>
        );
    } else {
      body = (
        <>
          <input id={`${id}-value`} aria-label={`${label} amount`} type="text" inputMode="decimal" value={c.value} onChange={(e) => set({ value: e.target.value })} />
          <Currency id={`${id}-currency`} label={`${label} currency`} value={c.currency} onChange={(currency) => set({ currency })} />
        </>
      );
    }
  } else if (def) {
    const arity = OPERATOR_ARITY[c.op as FieldOperator];
    const money = kind === 'money' ? <Currency id={`${id}-currency`} label={`${label} currency`} value={c.currency} onChange={(currency) => set({ currency })} /> : null;
    if (arity === 'value') {
      body = (
        <>
          <ValueInput kind={def.kind} id={`${id}-value`} label={`${label} value`} value={c.value} options={options} onChange={(value) => set({ value })} />
          {money}
        </>
      );
    } else if (arity === 'values') {
      if (def.kind === 'picklist' || def.kind === 'owner') body = <Checks label={`${label} values`} options={options} picked={c.values} onChange={(values) => set({ values })} />;
      else {
        body = (
          <input
            id={`${id}-values`}
            aria-label={`${label} values`}
            type="text"
            placeholder={def.kind === 'country' ? 'DE, AT, CH' : 'Comma-separated'}
            value={c.values.join(', ')}
            onChange={(e) => set({ values: e.target.value.split(',').map((v) => (def.kind === 'country' ? v.trim().toUpperCase() : v.trim())) })}
          />
        );
      }
    } else if (arity === 'range') {
      body = (
        <>
          <ValueInput kind={def.kind} id={`${id}-from`} label={`${label} from`} value={c.from} onChange={(from) => set({ from })} />
          <span>and</span>
          <ValueInput kind={def.kind} id={`${id}-to`} label={`${label} to`} value={c.to} onChange={(to) => set({ to })} />
          {money}
        </>
      );
    } else if (arity === 'days') {
      body = (
        <>
          <input id={`${id}-days`} aria-label={`${label} days`} className="segment-condition__number" type="text" inputMode="numeric" value={c.days} onChange={(e) => set({ days: e.target.value })} />
          <span>days</span>
        </>
      );
    }
  }

  return (
    <div className={`segment-condition${missing ? ' segment-condition--incomplete' : ''}`} role="group" aria-label={label}>
      <select
        id={`${id}-what`}
        aria-label={`${label} field`}
        value={c.what}
        onChange={(e) => {
          const next = emptyCondition(entity, e.target.value);
          onChange({ ...next, key: c.key });
        }}
      >
        {(['Fields', 'Tags and custom fields', 'Related records'] as const).map((g) => (
          <optgroup key={g} label={g}>
            {choices
              .filter((x) => x.group === g)
              .map((x) => (
                <option key={x.value} value={x.value}>
                  {x.label}
                </option>
              ))}
          </optgroup>
        ))}
      </select>
      {ops.length > 1 ? (
        <select id={`${id}-op`} aria-label={`${label} operator`} value={c.op} onChange={(e) => set({ op: e.target.value, values: [], value: def?.kind === 'boolean' ? '' : c.value })}>
          {ops.map((o) => (
            <option key={o} value={o}>
              {operatorLabel(o, kind)}
            </option>
          ))}
        </select>
      ) : (
        <span className="segment-condition__op">{operatorLabel(ops[0] ?? '', kind)}</span>
      )}
      {body}
      <button type="button" className="btn btn--small btn--ghost" aria-label={`Remove ${label.toLowerCase()}`} onClick={onRemove}>
        ✕
      </button>
      {missing ? (
        <p className="field__error segment-condition__missing" id={`${id}-missing`}>
          {missing}
        </p>
      ) : null}
    </div>
  );
}
