import { useQueryClient } from '@tanstack/react-query';
import { useRef, useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { SCORING_FIELDS, SCORING_OPERATORS, type ScoringRule } from '../../../../shared/contract/leads';
import { CrmError } from '../../../../shared/errors';
import { ErrorBanner } from '../../components/ErrorBanner';
import { FormActions } from '../../components/FormActions';
import { useToast } from '../../components/ToastProvider';
import { call } from '../../lib/api';
import { errorMessage } from '../../lib/formErrors';
import { useFormShortcuts } from '../../lib/useFormShortcuts';
import { leadKeys, optionLabel } from './queries';
import { KIND_LABELS, RULE_KINDS, addIssue, emptyRow, rowFromRule, validateRows, type RowErrors, type RuleRow } from './scoringRows';
import './leads.css';

export interface ScoringRulesEditorProps {
  loaded: ScoringRule[];
}

interface CellProps {
  id: string;
  label: string;
  error: string | undefined;
  children: React.ReactNode;
  wide?: boolean;
}

function Cell({ id, label, error, children, wide }: CellProps) {
  return (
    <div className={`field scoring-rule__cell${wide ? ' scoring-rule__cell--wide' : ''}${error ? ' field--invalid' : ''}`}>
      <label htmlFor={id}>{label}</label>
      {children}
      {error ? (
        <p className="field__error" id={`${id}-error`}>
          {error}
        </p>
      ) : null}
    </div>
  );
}

const aria = (id: string, error: string | undefined) => (error ? { 'aria-invalid': true as const, 'aria-describedby': `${id}-error` } : {});

/** Edit, reorder, add and remove rules; saved as a whole with leadScoring.saveRules. */
export function ScoringRulesEditor({ loaded }: ScoringRulesEditorProps) {
  const navigate = useNavigate();
  const client = useQueryClient();
  const toast = useToast();
  const formRef = useRef<HTMLFormElement>(null);
  const [rows, setRows] = useState<RuleRow[]>(() => loaded.map(rowFromRule));
  const [errors, setErrors] = useState<RowErrors[]>([]);
  const [general, setGeneral] = useState<string[]>([]);
  const [saving, setSaving] = useState(false);

  const close = () => navigate('/leads');
  useFormShortcuts(() => formRef.current?.requestSubmit(), close);

  const change = (index: number, patch: Partial<RuleRow>) => setRows((all) => all.map((r, i) => (i === index ? { ...r, ...patch } : r)));
  const move = (index: number, by: -1 | 1) =>
    setRows((all) => {
      const to = index + by;
      if (to < 0 || to >= all.length) return all;
      const next = [...all];
      [next[index], next[to]] = [next[to]!, next[index]!];
      setErrors([]);
      return next;
    });
  const remove = (index: number) => {
    setRows((all) => all.filter((_, i) => i !== index));
    setErrors([]);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (saving) return;
    const checked = validateRows(rows);
    setErrors(checked.errors);
    setGeneral(checked.general);
    if (!checked.rules) return;
    setSaving(true);
    try {
      const saved = await call('leadScoring.saveRules', { rules: checked.rules });
      client.setQueryData(leadKeys.rules, saved);
      // The editor keeps its rows through refetches; after a save it shows what was stored.
      setRows(saved.map(rowFromRule));
      await client.invalidateQueries({ queryKey: ['leads'] });
      toast.show({ message: `Scoring rules saved (${saved.length}); open leads rescored` });
    } catch (error) {
      if (error instanceof CrmError && error.issues?.length) {
        const rowErrors: RowErrors[] = rows.map(() => ({}));
        const rest: string[] = [];
        for (const issue of error.issues) addIssue(rowErrors, rest, issue.path.split('.'), issue.message);
        setErrors(rowErrors);
        setGeneral(rest);
      } else {
        setGeneral([errorMessage(error)]);
      }
    } finally {
      setSaving(false);
    }
  };

  return (
    <form ref={formRef} className="form scoring-rules" onSubmit={(e) => void submit(e)} noValidate aria-label="Scoring rules">
      <ErrorBanner messages={general} />
      {rows.length === 0 ? <p className="muted">No rules: every lead scores 0.</p> : null}
      <ol className="scoring-rules__list">
        {rows.map((row, index) => {
          const e = errors[index] ?? {};
          const p = `rule-${index + 1}`;
          const n = index + 1;
          return (
            <li key={row.key} className={`scoring-rule${Object.keys(e).length ? ' scoring-rule--invalid' : ''}`} aria-label={`Rule ${n}`}>
              <div className="scoring-rule__head">
                <span className="scoring-rule__number">{n}</span>
                <label className="check">
                  <input type="checkbox" checked={row.active} onChange={(ev) => change(index, { active: ev.target.checked })} /> Active
                </label>
                <div className="scoring-rule__buttons">
                  <button type="button" className="btn btn--small" onClick={() => move(index, -1)} disabled={index === 0} aria-label={`Move rule ${n} up`}>
                    ↑
                  </button>
                  <button type="button" className="btn btn--small" onClick={() => move(index, 1)} disabled={index === rows.length - 1} aria-label={`Move rule ${n} down`}>
                    ↓
                  </button>
                  <button type="button" className="btn btn--small btn--danger" onClick={() => remove(index)} aria-label={`Remove rule ${n}`}>
                    Remove
                  </button>
                </div>
              </div>
              <div className="scoring-rule__cells">
                <Cell id={`${p}-label`} label={`Rule ${n} label`} error={e.label} wide>
                  <input id={`${p}-label`} type="text" value={row.label} onChange={(ev) => change(index, { label: ev.target.value })} {...aria(`${p}-label`, e.label)} />
                </Cell>
                <Cell id={`${p}-points`} label={`Rule ${n} points`} error={e.points}>
                  <input id={`${p}-points`} type="text" inputMode="numeric" value={row.points} onChange={(ev) => change(index, { points: ev.target.value })} {...aria(`${p}-points`, e.points)} />
                </Cell>
                <Cell id={`${p}-kind`} label={`Rule ${n} kind`} error={e.kind}>
                  <select id={`${p}-kind`} value={row.kind} onChange={(ev) => change(index, { kind: ev.target.value as RuleRow['kind'] })}>
                    {RULE_KINDS.map((k) => (
                      <option key={k} value={k}>
                        {KIND_LABELS[k]}
                      </option>
                    ))}
                  </select>
                </Cell>
                {row.kind === 'field' ? (
                  <>
                    <Cell id={`${p}-field`} label={`Rule ${n} field`} error={e.field}>
                      <select id={`${p}-field`} value={row.field} onChange={(ev) => change(index, { field: ev.target.value as RuleRow['field'] })}>
                        {SCORING_FIELDS.map((f) => (
                          <option key={f} value={f}>
                            {optionLabel(f)}
                          </option>
                        ))}
                      </select>
                    </Cell>
                    <Cell id={`${p}-operator`} label={`Rule ${n} operator`} error={e.operator}>
                      <select id={`${p}-operator`} value={row.operator} onChange={(ev) => change(index, { operator: ev.target.value as RuleRow['operator'] })} {...aria(`${p}-operator`, e.operator)}>
                        {SCORING_OPERATORS.map((o) => (
                          <option key={o} value={o}>
                            {o}
                          </option>
                        ))}
                      </select>
                    </Cell>
                    <Cell id={`${p}-values`} label={`Rule ${n} values`} error={e.values} wide>
                      <input
                        id={`${p}-values`}
                        type="text"
                        placeholder="Comma-separated, e.g. referral, partner"
                        value={row.values}
                        disabled={row.operator === 'notBlank'}
                        onChange={(ev) => change(index, { values: ev.target.value })}
                        {...aria(`${p}-values`, e.values)}
                      />
                    </Cell>
                  </>
                ) : row.kind === 'activities' ? (
                  <Cell id={`${p}-count`} label={`Rule ${n} at least this many activities`} error={e.count}>
                    <input id={`${p}-count`} type="text" inputMode="numeric" value={row.count} onChange={(ev) => change(index, { count: ev.target.value })} {...aria(`${p}-count`, e.count)} />
                  </Cell>
                ) : row.kind === 'calls' ? (
                  <Cell id={`${p}-outcomes`} label={`Rule ${n} call outcomes`} error={e.outcomes} wide>
                    <input
                      id={`${p}-outcomes`}
                      type="text"
                      placeholder="Comma-separated, e.g. connected, callback_requested"
                      value={row.outcomes}
                      onChange={(ev) => change(index, { outcomes: ev.target.value })}
                      {...aria(`${p}-outcomes`, e.outcomes)}
                    />
                  </Cell>
                ) : (
                  <Cell id={`${p}-days`} label={`Rule ${n} more than this many days`} error={e.days}>
                    <input id={`${p}-days`} type="text" inputMode="numeric" value={row.days} onChange={(ev) => change(index, { days: ev.target.value })} {...aria(`${p}-days`, e.days)} />
                  </Cell>
                )}
              </div>
            </li>
          );
        })}
      </ol>
      <p>
        <button type="button" className="btn" onClick={() => setRows((all) => [...all, emptyRow()])} disabled={rows.length >= 200}>
          Add rule
        </button>
      </p>
      <FormActions submitLabel="Save rules" submitting={saving} onCancel={close} />
    </form>
  );
}
