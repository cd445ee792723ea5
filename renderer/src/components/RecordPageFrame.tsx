import type { ReactNode } from 'react';
import type { DeleteWithUndo } from '../lib/useDeleteWithUndo';
import { ErrorBanner } from './ErrorBanner';
import { PageHeader } from './PageHeader';
import { RecordActions } from './RecordActions';
import { RecycleBinBanner } from './RecycleBinBanner';

export interface RecordPageFrameProps {
  /** "account": names the record in the recycle-bin banner. */
  noun: string;
  title: string;
  subtitle?: string | undefined;
  breadcrumb: ReactNode;
  editPath: string;
  /** A record in the recycle bin can only be restored, not edited or deleted. */
  deleted: boolean;
  actions: DeleteWithUndo;
  /** The toast after a delete, e.g. "Account deleted: Acme". */
  deletedMessage: string;
  children: ReactNode;
}

/** The page of one record: header with Edit/Delete, recycle-bin banner, errors, then the record's sections. */
export function RecordPageFrame({ noun, title, subtitle, breadcrumb, editPath, deleted, actions, deletedMessage, children }: RecordPageFrameProps) {
  return (
    <div className="page">
      <PageHeader
        title={title}
        subtitle={subtitle}
        breadcrumb={breadcrumb}
        actions={deleted ? null : <RecordActions editPath={editPath} onDelete={() => actions.remove(deletedMessage)} busy={actions.busy} />}
      />
      {deleted ? <RecycleBinBanner noun={noun} restoring={actions.busy} onRestore={actions.restore} /> : null}
      <ErrorBanner title="Something went wrong" messages={actions.failure ? [actions.failure] : []} />
      {children}
    </div>
  );
}
