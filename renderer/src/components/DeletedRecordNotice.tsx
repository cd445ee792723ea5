import { Link } from 'react-router';
import { ErrorBanner } from './ErrorBanner';

export interface DeletedRecordNoticeProps {
  /** "account", for "Back to the account". */
  noun: string;
  /** The record's page, where it can be restored. */
  recordPath: string;
}

/** Instead of an edit form: a record in the recycle bin must be restored before it can be edited. */
export function DeletedRecordNotice({ noun, recordPath }: DeletedRecordNoticeProps) {
  return (
    <div className="page">
      <ErrorBanner title="This record is in the recycle bin" messages={['Restore it before editing.']} />
      <Link to={recordPath}>Back to the {noun}</Link>
    </div>
  );
}
