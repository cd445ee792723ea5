export interface ErrorBannerProps {
  title?: string;
  messages: string[];
}

/** A general error that belongs to no single field. */
export function ErrorBanner({ title = 'Could not save', messages }: ErrorBannerProps) {
  if (!messages.length) return null;
  return (
    <div className="banner banner--error" role="alert">
      <div className="banner__text">
        <strong>{title}</strong>
        {messages.map((m) => (
          <p key={m}>{m}</p>
        ))}
      </div>
    </div>
  );
}
