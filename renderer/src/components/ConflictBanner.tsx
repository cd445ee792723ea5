export interface ConflictBannerProps {
  message: string;
  onReload: () => void;
  reloading?: boolean;
}

/** Shown when a save was refused because someone else saved the record first. */
export function ConflictBanner({ message, onReload, reloading }: ConflictBannerProps) {
  return (
    <div className="banner banner--warning" role="alert">
      <div className="banner__text">
        <strong>Not saved: this record was changed by someone else.</strong>
        <p>{message}</p>
        <p className="banner__note">Reloading shows the saved version; the changes you made here are lost, so note them first.</p>
      </div>
      <button type="button" className="btn" onClick={onReload} disabled={reloading}>
        {reloading ? 'Reloading…' : 'Reload'}
      </button>
    </div>
  );
}
