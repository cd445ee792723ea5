import { MAX_DEPTH, MAX_GROUP_ITEMS, type SegmentEntity } from '../../../../shared/contract/segments';
import { ConditionEditor } from './ConditionEditor';
import { emptyCondition, emptyGroup, type DraftGroup, type DraftNode } from './segmentDraft';

export interface GroupEditorProps {
  entity: SegmentEntity;
  group: DraftGroup;
  /** "" for the top group, "2" or "2.1" for nested ones: the numbering of its conditions. */
  path: string;
  depth: number;
  missing: Map<string, string>;
  onChange: (next: DraftGroup) => void;
  onRemove?: () => void;
}

/** A group of conditions joined by AND ("all of") or OR ("any of"), with nested groups. */
export function GroupEditor({ entity, group, path, depth, missing, onChange, onRemove }: GroupEditorProps) {
  const name = path ? `Group ${path}` : 'Top group';
  const number = (i: number) => (path ? `${path}.${i + 1}` : String(i + 1));
  const setItem = (index: number, next: DraftNode) => onChange({ ...group, items: group.items.map((n, i) => (i === index ? next : n)) });
  const removeItem = (index: number) => onChange({ ...group, items: group.items.filter((_, i) => i !== index) });
  const full = group.items.length >= MAX_GROUP_ITEMS;
  return (
    <fieldset className={`segment-group segment-group--${group.op}${depth > 1 ? ' segment-group--nested' : ''}`}>
      <legend>
        <span className="sr-only">{name}: </span>
        {depth === 1 ? 'Records that match' : 'A group that matches'}
      </legend>
      <div className="segment-group__head">
        <div className="segment-group__op" role="radiogroup" aria-label={`${name} joins its conditions with`}>
          {(['and', 'or'] as const).map((op) => (
            <label key={op} className="check">
              <input type="radio" name={`op-${group.key}`} value={op} checked={group.op === op} onChange={() => onChange({ ...group, op })} />
              {op === 'and' ? 'All of (AND)' : 'Any of (OR)'}
            </label>
          ))}
        </div>
        {onRemove ? (
          <button type="button" className="btn btn--small btn--ghost" onClick={onRemove}>
            Remove {name.toLowerCase()}
          </button>
        ) : null}
      </div>
      {group.items.length === 0 ? <p className="muted">{depth === 1 ? 'No conditions: every record matches.' : 'No conditions yet.'}</p> : null}
      {missing.get(group.key) ? <p className="field__error">{missing.get(group.key)}</p> : null}
      <ol className="segment-group__items">
        {group.items.map((node, i) => (
          <li key={node.key} className="segment-group__item">
            {i > 0 ? (
              <span className="segment-group__joiner" aria-hidden="true">
                {group.op === 'and' ? 'and' : 'or'}
              </span>
            ) : null}
            {node.kind === 'group' ? (
              <GroupEditor entity={entity} group={node} path={number(i)} depth={depth + 1} missing={missing} onChange={(next) => setItem(i, next)} onRemove={() => removeItem(i)} />
            ) : (
              <ConditionEditor entity={entity} condition={node} label={`Condition ${number(i)}`} missing={missing.get(node.key)} onChange={(next) => setItem(i, next)} onRemove={() => removeItem(i)} />
            )}
          </li>
        ))}
      </ol>
      <div className="segment-group__actions">
        <button type="button" className="btn btn--small" disabled={full} onClick={() => onChange({ ...group, items: [...group.items, emptyCondition(entity)] })}>
          Add condition{path ? ` to group ${path}` : ''}
        </button>
        {depth < MAX_DEPTH ? (
          <button type="button" className="btn btn--small" disabled={full} onClick={() => onChange({ ...group, items: [...group.items, emptyGroup(group.op === 'and' ? 'or' : 'and', [emptyCondition(entity)])] })}>
            Add group{path ? ` to group ${path}` : ''}
          </button>
        ) : null}
      </div>
    </fieldset>
  );
}
