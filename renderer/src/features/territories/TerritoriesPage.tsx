import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import type { Territory } from '../../../../shared/contract/territories';
import { ErrorBanner } from '../../components/ErrorBanner';
import { useToast } from '../../components/ToastProvider';
import { call } from '../../lib/api';
import { errorMessage } from '../../lib/formErrors';
import { TerritoryForm } from './TerritoryForm';
import { TerritoryPageFrame } from './TerritoryPageFrame';
import { TerritoryTree } from './TerritoryTree';
import { TreePosition } from './TreePosition';
import { pathName, territoryKeys, useActiveUsers, useCanManage, useTerritories } from './queries';
import { describeMove, type MoveTo } from './treeMove';

/** The territory tree beside the selected territory's form: create, edit, drag to re-parent or reorder, delete. */
export function TerritoriesPage() {
  const client = useQueryClient();
  const toast = useToast();
  const tree = useTerritories();
  const users = useActiveUsers();
  const canEdit = useCanManage();
  const [params, setParams] = useSearchParams();
  const [moving, setMoving] = useState(false);
  const [moveFailure, setMoveFailure] = useState<string | null>(null);
  // A fresh form after each save or revert of the same territory.
  const [round, setRound] = useState(0);

  const selectedId = Number(params.get('id')) || null;
  const newParam = params.get('new');
  const creating = newParam !== null;
  const newParentId = creating && newParam !== 'top' ? Number(newParam) || null : null;
  const territories = tree.data ?? [];
  const selected = territories.find((t) => t.id === selectedId) ?? null;

  const go = (next: Record<string, string>) => {
    setParams(next, { replace: false });
    setRound((r) => r + 1);
  };

  const move = async (id: number, to: MoveTo) => {
    const name = territories.find((t) => t.id === id)?.name ?? 'The territory';
    const where = describeMove(territories, id, to);
    setMoving(true);
    setMoveFailure(null);
    try {
      const next = await call('territories.move', { id, ...to });
      client.setQueryData(territoryKeys.list, next);
      toast.show({ message: `${name} moved ${where}` });
    } catch (error) {
      setMoveFailure(`${name} was not moved: ${errorMessage(error)}`);
    } finally {
      setMoving(false);
      void client.invalidateQueries({ queryKey: ['territories'] });
    }
  };

  const parentOfForm = selected ? selected.parentId : newParentId;
  const editorTitle = selected ? selected.name : creating ? (newParentId ? `New territory under ${pathName(territories, newParentId)}` : 'New top-level territory') : null;

  return (
    <TerritoryPageFrame
      actions={
        canEdit ? (
          <button type="button" className="btn btn--primary" onClick={() => go({ new: 'top' })}>
            New territory
          </button>
        ) : null
      }
    >
      {tree.isError ? <ErrorBanner title="Could not load the territories" messages={[errorMessage(tree.error)]} /> : null}
      <ErrorBanner title="Could not move the territory" messages={moveFailure ? [moveFailure] : []} />
      <div className="territory-layout">
        <section className="territory-panel territory-panel--tree" aria-labelledby="territory-tree-title">
          <div className="territory-panel__head">
            <h2 id="territory-tree-title">Tree</h2>
            <span className="muted">{tree.data ? `${territories.length} ${territories.length === 1 ? 'territory' : 'territories'}` : ''}</span>
          </div>
          {tree.isPending ? <p className="muted">Loading…</p> : null}
          {tree.data && territories.length === 0 ? (
            <div className="territory-empty">
              <p>No territories yet: new accounts and leads stay with whoever creates them, or go to the queue owner.</p>
              {canEdit ? (
                <button type="button" className="btn btn--primary" onClick={() => go({ new: 'top' })}>
                  Create the first territory
                </button>
              ) : null}
            </div>
          ) : null}
          {territories.length ? (
            <>
              <TerritoryTree tree={territories} selectedId={selected?.id ?? null} canEdit={canEdit && !moving} onSelect={(id) => go({ id: String(id) })} onMove={(id, to) => void move(id, to)} />
              <p className="territory-panel__foot muted">
                The most specific territory wins: the deepest one whose rules (and its parents’) all hold; between equals, the one higher in the tree.
              </p>
            </>
          ) : null}
        </section>
        <section className="territory-panel territory-panel--editor" aria-labelledby="territory-editor-title">
          {editorTitle ? (
            <>
              <div className="territory-panel__head">
                <div>
                  <h2 id="territory-editor-title">{editorTitle}</h2>
                  {selected && selected.parentId !== null ? <p className="muted territory-panel__path">Under {pathName(territories, selected.parentId)}</p> : null}
                </div>
                {selected && canEdit ? (
                  <button type="button" className="btn btn--small" onClick={() => go({ new: String(selected.id) })}>
                    Add child
                  </button>
                ) : null}
              </div>
              {selected && canEdit ? <TreePosition territory={selected} tree={territories} busy={moving} onMove={(to) => void move(selected.id, to)} /> : null}
              {users.data && (selected || creating) ? (
                <TerritoryForm
                  key={`${selected?.id ?? `new-${newParam}`}-${round}`}
                  territory={selected}
                  parentId={parentOfForm}
                  parentName={parentOfForm === null ? null : pathName(territories, parentOfForm)}
                  users={users.data}
                  canEdit={canEdit}
                  onSaved={(saved: Territory) => go({ id: String(saved.id) })}
                  onClose={() => go({})}
                  onDeleted={() => go({})}
                />
              ) : (
                <p className="muted">Loading…</p>
              )}
            </>
          ) : (
            <div className="territory-empty territory-empty--editor">
              <h2 id="territory-editor-title" className="sr-only">
                Territory
              </h2>
              <p className="muted">{territories.length ? 'Select a territory in the tree to edit it, or create a new one.' : 'A territory’s form opens here.'}</p>
            </div>
          )}
        </section>
      </div>
    </TerritoryPageFrame>
  );
}
