import { useId } from 'react';
import type { Progress } from '../lib/useProgress';
import './progress-bar.css';

export interface ProgressBarProps {
  /** What is being done, e.g. "Applying the realignment" or "Importing". */
  title: string;
  progress: Progress;
}

/** A labelled progress bar for long work; indeterminate until the main process knows the total. */
export function ProgressBar({ title, progress }: ProgressBarProps) {
  const id = useId();
  const { label, done, total } = progress;
  const known = total !== null && total > 0;
  const percent = known ? Math.min(100, Math.round((done / total) * 100)) : null;
  return (
    <div className="progress-panel" role="group" aria-labelledby={`${id}-title`}>
      <div className="progress-panel__head">
        <strong id={`${id}-title`}>{title}</strong>
        <span className="progress-panel__label" aria-live="polite">
          {label}
          {known ? ` · ${new Intl.NumberFormat('en-US').format(done)} of ${new Intl.NumberFormat('en-US').format(total)}` : '…'}
        </span>
      </div>
      <progress aria-label={title} max={100} {...(percent !== null ? { value: percent } : {})} />
    </div>
  );
}
