import { Link } from 'react-router';

export interface RecordActionsProps {
  editPath: string;
  onDelete: () => void;
  busy: boolean;
}

/** Edit and Delete in the header of a record's page. */
export function RecordActions({ editPath, onDelete, busy }: RecordActionsProps) {
  return (
    <>
      <Link className="btn btn--primary" to={editPath}>
        Edit
      </Link>
      <button type="button" className="btn btn--danger" onClick={onDelete} disabled={busy}>
        Delete
      </button>
    </>
  );
}
