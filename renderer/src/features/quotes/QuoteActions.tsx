import { useQueryClient } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { Link, useNavigate } from 'react-router';
import type { GeneratedPdf, Quote } from '../../../../shared/contract/quotes';
import { formatMoney } from '../../../../shared/money';
import { ConflictBanner } from '../../components/ConflictBanner';
import { ErrorBanner } from '../../components/ErrorBanner';
import { useToast } from '../../components/ToastProvider';
import { call } from '../../lib/api';
import { errorMessage, isConflict } from '../../lib/formErrors';
import { CommentDialog } from './CommentDialog';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { EmailDialog } from './EmailDialog';
import { canReview } from './labels';
import { quoteKeys, useCurrentUser } from './queries';
import { saveAttachment } from './saveAttachment';

/** What the draft editor lends the action bar: Submit saves unsaved changes first. */
export interface EditorHandle {
  dirty: boolean;
  saving: boolean;
  /** Saves the draft; null when it was refused (the editor shows why). */
  save: () => Promise<Quote | null>;
  /** The live discount is above the approval threshold. */
  needsApproval: boolean;
}

export interface QuoteActionsProps {
  quote: Quote;
  editor?: EditorHandle | undefined;
}

/** The steps that ask for a comment: a manager's review, the customer's decision. */
type CommentStep = 'approve' | 'sendBack' | 'accept' | 'decline';
type Dialog = CommentStep | 'email' | 'delete' | null;

interface StepSpec {
  title: string;
  confirmLabel: string;
  commentLabel: string;
  required?: boolean;
  danger?: boolean;
  /** For the error title: "Could not approve". */
  action: string;
  send: (comment: string) => Promise<Quote>;
  after?: () => Promise<void>;
  /** The toast once it worked. */
  done: string;
  body: ReactNode;
}

const dialogProps = ({ title, confirmLabel, commentLabel, required, danger }: StepSpec) => ({
  title,
  confirmLabel,
  commentLabel,
  ...(required ? { required } : {}),
  ...(danger ? { danger } : {}),
});

/** The buttons a quote offers in its status: save and submit a draft, review, send, decide, revise, PDFs. */
export function QuoteActions({ quote, editor }: QuoteActionsProps) {
  const client = useQueryClient();
  const navigate = useNavigate();
  const toast = useToast();
  const me = useCurrentUser().data?.user;
  const [dialog, setDialog] = useState<Dialog>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [failure, setFailure] = useState<{ title: string; message: string } | null>(null);
  const [conflict, setConflict] = useState<string | null>(null);
  const [dialogError, setDialogError] = useState<string | null>(null);
  const [pdf, setPdf] = useState<GeneratedPdf | null>(null);

  const latest = quote.isLatest;
  const s = quote.status;
  const total = formatMoney({ amountMinor: quote.totals.totalMinor, currency: quote.currency });

  const refresh = async (changed?: Quote) => {
    if (changed) client.setQueryData(quoteKeys.one(changed.id), changed);
    await client.invalidateQueries({ queryKey: ['quotes'] });
  };

  const at = { id: quote.id, version: quote.version };
  const steps: Record<CommentStep, StepSpec> = {
    approve: {
      title: `Approve quote ${quote.number}`,
      confirmLabel: 'Approve',
      commentLabel: 'Comment (optional)',
      action: 'Approve',
      send: (comment) => call('quotes.approve', { ...at, comment }),
      done: `Quote ${quote.number} approved`,
      body: <p>Largest discount {quote.largestDiscountPercent}% · total {total}. The salesperson can then send it to the customer.</p>,
    },
    sendBack: {
      title: `Send quote ${quote.number} back`,
      confirmLabel: 'Send back',
      commentLabel: 'What should change?',
      required: true,
      action: 'Send back',
      send: (comment) => call('quotes.rejectReview', { ...at, comment }),
      done: `Quote ${quote.number} sent back to ${quote.owner.name}`,
      body: <p>The quote returns to draft with your comment.</p>,
    },
    accept: {
      title: `Customer accepted quote ${quote.number}`,
      confirmLabel: 'Accept quote',
      commentLabel: 'Comment (optional)',
      action: 'Accept',
      send: (comment) => call('quotes.accept', { ...at, comment }),
      // The opportunity is won too.
      after: () => client.invalidateQueries({ queryKey: ['opportunities'] }),
      done: `${quote.opportunity.name} is won with ${total}`,
      body: (
        <p>
          The opportunity <strong>{quote.opportunity.name}</strong> moves to its won stage with the quote’s total, {total}.
        </p>
      ),
    },
    decline: {
      title: `Customer rejected quote ${quote.number}`,
      confirmLabel: 'Mark as rejected',
      commentLabel: 'Reason (optional)',
      danger: true,
      action: 'Reject',
      send: (comment) => call('quotes.decline', { ...at, comment }),
      done: `Quote ${quote.number} marked as rejected`,
      body: <p>You can still revise it into a new version afterwards.</p>,
    },
  };
  const stepRun = (spec: StepSpec) => (comment: string) =>
    run(
      spec.action,
      async () => {
        await refresh(await spec.send(comment));
        await spec.after?.();
        toast.show({ message: spec.done });
      },
      true,
    );

  /** Runs one action; errors show in the open dialog, or above the page. */
  const run = async (label: string, work: () => Promise<void>, inDialog = false) => {
    setBusy(label);
    setFailure(null);
    setConflict(null);
    setDialogError(null);
    try {
      await work();
      setDialog(null);
    } catch (error) {
      if (isConflict(error)) {
        setDialog(null);
        setConflict(error.message);
      } else if (inDialog) setDialogError(errorMessage(error));
      else setFailure({ title: `Could not ${label.toLowerCase()}`, message: errorMessage(error) });
    } finally {
      setBusy(null);
    }
  };

  const versionNow = async (): Promise<number | null> => {
    if (!editor?.dirty) return quote.version;
    const saved = await editor.save();
    return saved ? saved.version : null;
  };

  const submit = () =>
    run('Submit', async () => {
      const version = await versionNow();
      if (version === null) return;
      const next = await call('quotes.submit', { id: quote.id, version });
      await refresh(next);
      toast.show({ message: next.status === 'in_review' ? `Quote ${next.number} is waiting for approval` : `Quote ${next.number} is approved` });
    });

  const step = (label: string, method: 'quotes.markSent', message: string) =>
    run(label, async () => {
      const next = await call(method, { id: quote.id, version: quote.version });
      await refresh(next);
      toast.show({ message });
    });

  const revise = () =>
    run('Revise', async () => {
      const next = await call('quotes.revise', { id: quote.id, version: quote.version });
      await refresh(next);
      toast.show({ message: `Version ${next.revision} created as a draft` });
      navigate(`/quotes/${next.id}`);
    });

  const generate = () =>
    run('Generate the PDF', async () => {
      const version = await versionNow();
      if (version === null) return;
      const result = await call('quotes.generatePdf', { id: quote.id });
      setPdf(result);
      await refresh();
    });

  const savePdf = (id: number) =>
    run('Save the PDF', async () => {
      const outcome = await saveAttachment(id);
      if (outcome.kind === 'saved') toast.show({ message: `Saved to ${outcome.path}` });
      else if (outcome.kind === 'downloaded') toast.show({ message: `Downloaded ${outcome.fileName}` });
    });

  const newestPdf = quote.attachments[0];
  const here = quote.revisions.findIndex((r) => r.id === quote.id);
  const compareWith = quote.revisions[here > 0 ? here - 1 : here + 1];
  // The four-eyes rule: a manager does not approve their own quote (an administrator may).
  const ownQuote = me?.id === quote.owner.id;
  const reviewer = canReview(me?.role) && (!ownQuote || me?.role === 'admin');
  const saving = editor?.saving ?? false;

  return (
    <>
      <div className="quote-actions" role="group" aria-label="Quote actions">
        {latest && s === 'draft' && editor ? (
          <>
            <button type="button" className={`btn${editor.dirty ? ' btn--primary' : ''}`} onClick={() => void editor.save()} disabled={saving || busy !== null}>
              {saving ? 'Saving…' : 'Save'}
            </button>
            <button type="button" className={`btn${editor.dirty ? '' : ' btn--primary'}`} onClick={() => void submit()} disabled={saving || busy !== null}>
              {busy === 'Submit' ? 'Submitting…' : editor.needsApproval ? 'Submit for approval' : 'Submit'}
            </button>
            <span className={`quote-save-state${editor.dirty ? ' quote-save-state--dirty' : ''}`} role="status">
              {editor.dirty ? 'Unsaved changes' : 'All changes saved'}
            </span>
          </>
        ) : null}
        {latest && s === 'in_review' && reviewer ? (
          <>
            <button type="button" className="btn btn--primary" onClick={() => setDialog('approve')} disabled={busy !== null}>
              Approve
            </button>
            <button type="button" className="btn" onClick={() => setDialog('sendBack')} disabled={busy !== null}>
              Send back
            </button>
          </>
        ) : null}
        {latest && s === 'in_review' && !reviewer ? (
          <span className="quote-actions__note">{ownQuote && canReview(me?.role) ? 'Another manager must approve your own quote' : 'Waiting for a sales manager’s approval'}</span>
        ) : null}
        {latest && (s === 'approved' || s === 'sent') ? (
          <>
            <button type="button" className="btn btn--primary" onClick={() => setDialog('email')} disabled={busy !== null}>
              E-mail…
            </button>
            {s === 'approved' ? (
              <button type="button" className="btn" onClick={() => void step('Mark as sent', 'quotes.markSent', `Quote ${quote.number} marked as sent`)} disabled={busy !== null}>
                Mark as sent
              </button>
            ) : null}
            <button type="button" className="btn" onClick={() => setDialog('accept')} disabled={busy !== null}>
              Accept
            </button>
            <button type="button" className="btn" onClick={() => setDialog('decline')} disabled={busy !== null}>
              Customer rejected
            </button>
          </>
        ) : null}
        {latest && s !== 'draft' && s !== 'accepted' ? (
          <button type="button" className="btn" onClick={() => void revise()} disabled={busy !== null}>
            {busy === 'Revise' ? 'Revising…' : 'Revise'}
          </button>
        ) : null}
        <span className="quote-actions__spacer" />
        <button type="button" className="btn" onClick={() => void generate()} disabled={busy !== null || saving}>
          {busy === 'Generate the PDF' ? 'Generating…' : 'Generate PDF'}
        </button>
        {newestPdf ? (
          <button type="button" className="btn" onClick={() => void savePdf(newestPdf.id)} disabled={busy !== null}>
            Save PDF
          </button>
        ) : null}
        {compareWith ? (
          <Link className="btn" to={`/quotes/${quote.id}/compare?with=${compareWith.id}`}>
            Compare versions
          </Link>
        ) : null}
        {latest && s === 'draft' ? (
          <button type="button" className="btn btn--danger" onClick={() => setDialog('delete')} disabled={busy !== null}>
            Delete draft
          </button>
        ) : null}
      </div>

      {conflict ? <ConflictBanner message={conflict} onReload={() => void refresh().then(() => setConflict(null))} /> : null}
      <ErrorBanner title={failure?.title} messages={failure ? [failure.message] : []} />
      {pdf ? (
        <div className={`banner ${pdf.warnings.length ? 'banner--warning' : 'banner--muted'}`} role="status">
          <div className="banner__text">
            <strong>
              PDF created: {pdf.attachment.fileName} ({pdf.pageCount} {pdf.pageCount === 1 ? 'page' : 'pages'})
            </strong>
            {pdf.warnings.map((w) => (
              <p key={w}>{w}</p>
            ))}
          </div>
          <button type="button" className="btn btn--ghost btn--small" onClick={() => setPdf(null)} aria-label="Dismiss">
            ✕
          </button>
        </div>
      ) : null}

      {dialog !== null && dialog in steps ? (
        <CommentDialog
          {...dialogProps(steps[dialog as CommentStep])}
          busy={busy !== null}
          error={dialogError}
          onCancel={() => setDialog(null)}
          onConfirm={(comment) => void stepRun(steps[dialog as CommentStep])(comment)}
        >
          {steps[dialog as CommentStep].body}
        </CommentDialog>
      ) : null}
      {dialog === 'delete' ? (
        <ConfirmDialog
          title={`Delete version ${quote.revision} of quote ${quote.number}?`}
          confirmLabel="Delete draft"
          busy={busy !== null}
          error={dialogError}
          onCancel={() => setDialog(null)}
          onConfirm={() =>
            void run(
              'Delete',
              async () => {
                await call('quotes.delete', { id: quote.id });
                const previous = quote.revisions.filter((r) => r.id !== quote.id).at(-1);
                client.removeQueries({ queryKey: quoteKeys.one(quote.id) });
                await client.invalidateQueries({ queryKey: ['quotes'] });
                toast.show({ message: `Draft ${quote.number} version ${quote.revision} deleted` });
                navigate(previous ? `/quotes/${previous.id}` : `/opportunities/${quote.opportunity.id}`);
              },
              true,
            )
          }
        >
          <p>{quote.revision > 1 ? `Version ${quote.revision - 1} becomes the current version again.` : 'The quote and its lines are removed.'}</p>
        </ConfirmDialog>
      ) : null}
      {dialog === 'email' ? (
        <EmailDialog
          quote={quote}
          onCancel={() => setDialog(null)}
          onSent={({ quote: next, to }) => {
            setDialog(null);
            void refresh(next);
            toast.show({ message: `Quote ${quote.number} e-mailed to ${to}` });
          }}
        />
      ) : null}
    </>
  );
}
