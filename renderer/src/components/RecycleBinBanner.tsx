export interface RecycleBinBannerProps {
  noun: string;
  onRestore: () => void;
  restoring?: boolean;
}

/** Tells the user the record they look at was deleted, with a way back. */
export function RecycleBinBanner({ noun, onRestore, restoring }: RecycleBinBannerProps) {
  return (
    <div className="banner banner--muted" role="status">
      <div className="banner__text">
        <strong>This record is in the recycle bin.</strong>
        <p>Restore the {noun} to edit it again.</p>
      </div>
      <button type="button" className="btn btn--primary" onClick={onRestore} disabled={restoring}>
        Restore
      </button>
    </div>
  );
}
