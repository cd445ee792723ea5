import { useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { SendTestInput, type SendTestResult } from '../../../../shared/contract/mail';
import { describedBy } from '../../components/Field';
import { ErrorBanner } from '../../components/ErrorBanner';
import { Section } from '../../components/Section';
import { call } from '../../lib/api';
import { errorMessage } from '../../lib/formErrors';

export interface SendTestMessageProps {
  /** Host and sender are saved: without them the server would only answer "not set up". */
  configured: boolean;
}

/** Sends a short message with the saved settings and shows what the mail server said. */
export function SendTestMessage({ configured }: SendTestMessageProps) {
  const session = useQuery({ queryKey: ['session'], queryFn: () => call('session.current', {}), staleTime: Infinity });
  const [to, setTo] = useState<string | null>(null);
  const [fieldError, setFieldError] = useState<string | undefined>();
  const [failure, setFailure] = useState<string | null>(null);
  const [result, setResult] = useState<(SendTestResult & { to: string }) | null>(null);
  const [sending, setSending] = useState(false);
  const recipient = to ?? session.data?.user.email ?? '';

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (sending) return;
    setFailure(null);
    setResult(null);
    const parsed = SendTestInput.safeParse({ to: recipient });
    if (!parsed.success) {
      setFieldError(parsed.error.issues[0]?.message);
      return;
    }
    setFieldError(undefined);
    setSending(true);
    try {
      const sent = await call('mail.sendTest', parsed.data);
      setResult({ ...sent, to: parsed.data.to });
    } catch (error) {
      setFailure(errorMessage(error));
    } finally {
      setSending(false);
    }
  };

  return (
    <Section title="Send a test message">
      <form className="settings-test" onSubmit={(e) => void submit(e)} noValidate aria-label="Send a test message">
        <p className="muted">Uses the saved settings: save your changes first.</p>
        <div className={`field${fieldError ? ' field--invalid' : ''}`}>
          <label htmlFor="smtp-test-to">Send test message to</label>
          <div className="settings-test__row">
            <input
              id="smtp-test-to"
              type="email"
              autoComplete="off"
              value={recipient}
              onChange={(ev) => setTo(ev.target.value)}
              {...describedBy('smtp-test-to', fieldError)}
            />
            <button type="submit" className="btn" disabled={sending || !configured}>
              {sending ? 'Sending…' : 'Send test message'}
            </button>
          </div>
          {fieldError ? (
            <p className="field__error" id="smtp-test-to-error">
              {fieldError}
            </p>
          ) : null}
        </div>
        {!configured ? <p className="muted">Enter and save the mail server and the From address first.</p> : null}
        <ErrorBanner title="The test message was not sent" messages={failure ? [failure] : []} />
        <div role="status" className="settings-test__result">
          {result ? `Sent: the mail server accepted the message for ${result.accepted.join(', ') || result.to} (message id ${result.messageId}).` : null}
        </div>
      </form>
    </Section>
  );
}
