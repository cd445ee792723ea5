import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import type { StepChannel, VariantKey } from '../../../../shared/contract/campaigns';
import { ErrorBanner } from '../../components/ErrorBanner';
import { call } from '../../lib/api';
import { errorMessage } from '../../lib/formErrors';
import { safeHtmlFragment } from './safeHtml';

export interface StepPreviewProps {
  stepId: number;
  channel: StepChannel;
  variants: readonly VariantKey[];
  label: string;
  /** The editor holds changes the saved step does not have yet. */
  stale: boolean;
}

function HtmlView({ html }: { html: string }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    ref.current?.replaceChildren(safeHtmlFragment(html));
  }, [html]);
  return <div ref={ref} className="journey-preview__html" />;
}

/** The saved step merged for a sample recipient (campaigns.preview): subject, the HTML as shown, and the text. */
export function StepPreview({ stepId, channel, variants, label, stale }: StepPreviewProps) {
  const [variant, setVariant] = useState<VariantKey>(variants[0] ?? 'A');
  const preview = useQuery({ queryKey: ['campaigns', 'preview', stepId, variant], queryFn: () => call('campaigns.preview', { stepId, variant }) });
  const p = preview.data;
  return (
    <section className="journey-preview" aria-label={`Preview of ${label}`}>
      {stale ? <p className="banner banner--muted">Shows the saved step: save the journey to preview your changes.</p> : null}
      {variants.length > 1 ? (
        <div className="journey-preview__variants" role="radiogroup" aria-label="Variant">
          {variants.map((v) => (
            <label key={v} className="check">
              <input type="radio" name={`preview-${stepId}`} checked={variant === v} onChange={() => setVariant(v)} /> Variant {v}
            </label>
          ))}
        </div>
      ) : null}
      {preview.isError ? <ErrorBanner title="Cannot preview" messages={[errorMessage(preview.error)]} /> : null}
      {!p && !preview.isError ? <p className="muted">Merging…</p> : null}
      {p ? (
        <>
          {p.subject !== null ? (
            <p className="journey-preview__subject">
              <span className="muted">{channel === 'letter' ? 'Subject line: ' : 'Subject: '}</span>
              {p.subject}
            </p>
          ) : null}
          {p.html !== null ? <HtmlView html={p.html} /> : null}
          <details open={p.html === null}>
            <summary>{p.html === null ? 'Text' : 'Text part'}</summary>
            <pre className="journey-preview__text">{p.text}</pre>
          </details>
        </>
      ) : null}
    </section>
  );
}
