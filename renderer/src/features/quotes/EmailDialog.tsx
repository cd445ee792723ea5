import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import type { Quote } from '../../../../shared/contract/quotes';
import { CrmError, call } from '../../lib/api';
import { errorMessage } from '../../lib/formErrors';

export interface EmailDialogProps {
  quote: Quote;
  onSent: (result: { quote: Quote; to: string }) => void;
  onCancel: () => void;
}

/**
 * "E-mail…": the recipient, subject and text the quote settings suggest
 * (quotes.emailDraft), editable, then quotes.send: the PDF is rendered,
 * attached, mailed and logged on the timeline, and the quote is marked sent.
 */
export function EmailDialog({ quote, onSent, onCancel }: EmailDialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const draft = useQuery({ queryKey: ['quotes', 'emailDraft', quote.id, quote.version], queryFn: () => call('quotes.emailDraft', { id: quote.id }), staleTime: 0 });
  const [to, setTo] = useState('');
  const [cc, setCc] = useState('');
  const [subject, setSubject] = useState('');
  const [body, setBody] = useState('');
  const [filled, setFilled] = useState(false);
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<{ field: Record<string, string>; general: string[] }>({ field: {}, general: [] });

  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => dialog?.close();
  }, []);

  useEffect(() => {
    if (!draft.data || filled) return;
    setTo(draft.data.to ?? '');
    setSubject(draft.data.subject);
    setBody(draft.data.body);
    setFilled(true);
  }, [draft.data, filled]);

  const send = async () => {
    setBusy(true);
    setErrors({ field: {}, general: [] });
    const ccList = cc
      .split(/[,;]/)
      .map((s) => s.trim())
      .filter(Boolean);
    try {
      const result = await call('quotes.send', {
        id: quote.id,
        version: quote.version,
        ...(to.trim() ? { to: to.trim() } : {}),
        cc: ccList,
        subject,
        body,
      });
      onSent({ quote: result.quote, to: to.trim() || (draft.data?.to ?? '') });
    } catch (error) {
      if (error instanceof CrmError && error.issues?.length) {
        const field: Record<string, string> = {};
        const general: string[] = [];
        for (const issue of error.issues) {
          const top = issue.path.split('.')[0] ?? '';
          if (['to', 'cc', 'subject', 'body'].includes(top)) field[top] = issue.message;
          else general.push(issue.message);
        }
        setErrors({ field, general: Object.keys(field).length ? general : [error.message] });
      } else setErrors({ field: {}, general: [errorMessage(error)] });
    } finally {
      setBusy(false);
    }
  };

  const described = (name: string) => (errors.field[name] ? { 'aria-invalid': true as const, 'aria-describedby': `quote-email-${name}-error` } : {});
  const fieldError = (name: string) =>
    errors.field[name] ? (
      <p className="field__error" id={`quote-email-${name}-error`}>
        {errors.field[name]}
      </p>
    ) : null;

  return (
    <dialog
      ref={ref}
      className="quote-dialog quote-dialog--wide"
      aria-labelledby="quote-email-title"
      onCancel={(e) => {
        e.preventDefault();
        onCancel();
      }}
    >
      <form
        method="dialog"
        onSubmit={(e) => {
          e.preventDefault();
          void send();
        }}
      >
        <h2 id="quote-email-title">
          E-mail quote {quote.number} (version {quote.revision})
        </h2>
        {draft.isPending ? <p className="muted">Preparing the message…</p> : null}
        {draft.isError ? (
          <p className="quote-dialog__error" role="alert">
            Could not prepare the message: {errorMessage(draft.error)}
          </p>
        ) : null}
        <div className="quote-dialog__fields">
          <div className="field">
            <label htmlFor="quote-email-to">To</label>
            <input id="quote-email-to" type="email" value={to} onChange={(e) => setTo(e.target.value)} placeholder="customer@example.com" {...described('to')} />
            {fieldError('to')}
          </div>
          <div className="field">
            <label htmlFor="quote-email-cc">Cc</label>
            <input id="quote-email-cc" type="text" value={cc} onChange={(e) => setCc(e.target.value)} placeholder="Several addresses: separate with commas" {...described('cc')} />
            {fieldError('cc')}
          </div>
          <div className="field">
            <label htmlFor="quote-email-subject">Subject</label>
            <input id="quote-email-subject" type="text" value={subject} maxLength={300} onChange={(e) => setSubject(e.target.value)} {...described('subject')} />
            {fieldError('subject')}
          </div>
          <div className="field">
            <label htmlFor="quote-email-body">Message</label>
            <textarea id="quote-email-body" rows={9} value={body} onChange={(e) => setBody(e.target.value)} {...described('body')} />
            {fieldError('body')}
          </div>
          <p className="muted">The proposal PDF is attached, and the e-mail is logged on the opportunity’s timeline.</p>
        </div>
        {errors.general.length ? (
          <div className="quote-dialog__error" role="alert">
            <strong>Not sent.</strong>
            {errors.general.map((m) => (
              <p key={m}>{m}</p>
            ))}
          </div>
        ) : null}
        <div className="quote-dialog__actions">
          <button type="submit" className="btn btn--primary" disabled={busy || !filled}>
            {busy ? 'Sending…' : 'Send'}
          </button>
          <button type="button" className="btn" onClick={onCancel} disabled={busy}>
            Cancel
          </button>
        </div>
      </form>
    </dialog>
  );
}
