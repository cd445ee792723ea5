import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useRef, useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { ConvertInput, type Lead } from '../../../../shared/contract/leads';
import { formatMoney, type Money } from '../../../../shared/money';
import { ErrorBanner } from '../../components/ErrorBanner';
import { Field, describedBy } from '../../components/Field';
import { FormActions } from '../../components/FormActions';
import { MoneyInput } from '../../components/MoneyInput';
import { PageHeader } from '../../components/PageHeader';
import { RecordPicker, type PickedRecord } from '../../components/RecordPicker';
import { useToast } from '../../components/ToastProvider';
import { call } from '../../lib/api';
import { errorMessage } from '../../lib/formErrors';
import { formatDate } from '../../lib/format';
import { useFormShortcuts } from '../../lib/useFormShortcuts';
import { searchAccounts } from '../accounts/queries';
import { leadKeys, leadName } from './queries';
import './leads.css';

export interface LeadConvertFormProps {
  lead: Lead;
}

type Choice = 'create' | 'existing';

/** Contacts whose last name starts with the text (optionally of one account), for the picker. */
async function searchContacts(text: string, accountId: number | null): Promise<PickedRecord[]> {
  const t = text.trim();
  const page = await call('contacts.list', {
    startRow: 0,
    endRow: 20,
    sort: [{ colId: 'lastName', sort: 'asc' }],
    filter: t ? { lastName: { filterType: 'text', type: 'startsWith', filter: t } } : {},
    withTotal: false,
    ...(accountId ? { accountId } : {}),
  });
  return page.rows.map((c) => ({ id: c.id, name: [c.firstName, c.lastName].filter(Boolean).join(' ') + (c.accountName ? ` (${c.accountName})` : '') }));
}

/** Keys of the opportunity fields, for messages from the schema or the server. */
const OPP_FIELDS = ['name', 'amount', 'stageId', 'expectedCloseDate'] as const;
type OppErrors = Partial<Record<(typeof OPP_FIELDS)[number], string>>;

/**
 * Converts a lead: a new or an existing account and contact, and optionally an
 * opportunity in the default pipeline, all or nothing. Shows what will be
 * created before the user confirms.
 */
export function LeadConvertForm({ lead }: LeadConvertFormProps) {
  const navigate = useNavigate();
  const client = useQueryClient();
  const toast = useToast();
  const formRef = useRef<HTMLFormElement>(null);
  const personName = leadName(lead);
  const defaultAccountName = lead.company ?? personName;

  const [accountChoice, setAccountChoice] = useState<Choice>('create');
  const [accountName, setAccountName] = useState(defaultAccountName);
  const [account, setAccount] = useState<PickedRecord | null>(null);
  const [contactChoice, setContactChoice] = useState<Choice>('create');
  const [contact, setContact] = useState<PickedRecord | null>(null);
  const [withOpportunity, setWithOpportunity] = useState(false);
  const [oppName, setOppName] = useState(`${defaultAccountName} – new business`);
  const [amount, setAmount] = useState<Money | null>(null);
  const [stageId, setStageId] = useState<string>('');
  const [closeDate, setCloseDate] = useState('');
  const [errors, setErrors] = useState<{ account?: string; contact?: string; opportunity: OppErrors }>({ opportunity: {} });
  const [general, setGeneral] = useState<string[]>([]);
  const [submitting, setSubmitting] = useState(false);

  const pipelines = useQuery({ queryKey: ['pipelines', 'list'], queryFn: () => call('pipelines.list', {}), staleTime: 60_000 });
  const pipeline = pipelines.data?.find((p) => p.isDefault) ?? pipelines.data?.[0];
  const openStages = (pipeline?.stages ?? []).filter((s) => s.kind === 'open' && s.active);

  const close = () => navigate(`/leads/${lead.id}`);
  /** A choice made clears the message that asked for it. */
  const clearError = (part: 'account' | 'contact') =>
    setErrors((all) => {
      const next = { ...all };
      delete next[part];
      return next;
    });
  useFormShortcuts(() => formRef.current?.requestSubmit(), close);

  if (lead.status === 'converted') {
    return (
      <div className="page">
        <PageHeader title={`Convert ${personName}`} breadcrumb={<Link to="/leads">Leads</Link>} />
        <p className="banner banner--muted">
          This lead has already been converted. <Link to={`/leads/${lead.id}`}>Back to the lead</Link>
        </p>
      </div>
    );
  }

  const buildInput = () => {
    const next: typeof errors = { opportunity: {} };
    if (accountChoice === 'existing' && !account) next.account = 'Choose the account to link';
    if (accountChoice === 'create' && !accountName.trim()) next.account = 'Account name is required';
    if (contactChoice === 'existing' && !contact) next.contact = 'Choose the contact to link';
    const input = {
      id: lead.id,
      version: lead.version,
      account: accountChoice === 'existing' && account ? { existingId: account.id } : { create: { name: accountName } },
      contact: contactChoice === 'existing' && contact ? { existingId: contact.id } : { create: {} },
      ...(withOpportunity
        ? {
            opportunity: {
              name: oppName,
              amount: amount ?? { amountMinor: 0, currency: 'EUR' },
              ...(stageId ? { stageId: Number(stageId) } : {}),
              expectedCloseDate: closeDate || null,
            },
          }
        : {}),
    };
    const parsed = ConvertInput.safeParse(input);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const [top, field] = issue.path.map(String);
        if (top === 'opportunity' && field && (OPP_FIELDS as readonly string[]).includes(field)) next.opportunity[field as (typeof OPP_FIELDS)[number]] ??= issue.message;
        else if (top === 'account') next.account ??= issue.message;
        else if (top === 'contact') next.contact ??= issue.message;
      }
    }
    setErrors(next);
    const failed = next.account || next.contact || Object.keys(next.opportunity).length > 0;
    return failed || !parsed.success ? null : input;
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (submitting) return;
    setGeneral([]);
    const input = buildInput();
    if (!input) return;
    setSubmitting(true);
    try {
      const result = await call('leads.convert', input);
      client.setQueryData(leadKeys.one(lead.id), result.lead);
      await client.invalidateQueries({ queryKey: ['leads'] });
      const made = [accountChoice === 'create' ? 'an account' : null, contactChoice === 'create' ? 'a contact' : null, result.opportunityId ? 'an opportunity' : null].filter(Boolean);
      toast.show({ message: made.length ? `Lead converted: created ${made.join(', ')}` : `Lead converted: ${personName}` });
      navigate(`/contacts/${result.contactId}`);
    } catch (error) {
      setGeneral([errorMessage(error)]);
      setSubmitting(false);
    }
  };

  const summary = [
    accountChoice === 'create' ? `A new account “${accountName.trim() || '…'}” (industry, phone, employees and address from the lead)` : `Link to the account “${account?.name ?? '…'}”`,
    contactChoice === 'create'
      ? `A new contact “${personName}” with the lead's title, e-mail, phone and address, at that account`
      : `Link to the contact “${contact?.name ?? '…'}”`,
    withOpportunity
      ? `A new opportunity “${oppName.trim() || '…'}”${amount && Number.isFinite(amount.amountMinor) ? ` of ${formatMoney(amount)}` : ''} in ${
          openStages.find((s) => String(s.id) === stageId)?.name ?? `the first open stage of ${pipeline?.name ?? 'the default pipeline'}`
        }${closeDate ? `, expected to close ${formatDate(closeDate)}` : ''}`
      : null,
    'The lead is marked converted; its activities move to the contact and account.',
  ].filter((s): s is string => s !== null);

  const o = errors.opportunity;
  return (
    <div className="page">
      <PageHeader
        title={`Convert ${personName}`}
        subtitle={lead.company ?? undefined}
        breadcrumb={
          <>
            <Link to="/leads">Leads</Link> / <Link to={`/leads/${lead.id}`}>{personName}</Link>
          </>
        }
      />
      <form ref={formRef} className="form lead-convert" onSubmit={(e) => void submit(e)} noValidate aria-label="Convert lead">
        <ErrorBanner title="Could not convert" messages={general} />
        <fieldset className="form-section">
          <legend>Account</legend>
          <div className="lead-convert__choices">
            <label className="check">
              <input type="radio" name="accountChoice" checked={accountChoice === 'create'} onChange={() => setAccountChoice('create')} /> Create a new account
            </label>
            <label className="check">
              <input type="radio" name="accountChoice" checked={accountChoice === 'existing'} onChange={() => setAccountChoice('existing')} /> Link an existing account
            </label>
          </div>
          {accountChoice === 'create' ? (
            <Field id="convert-account-name" label="Account name" required error={errors.account}>
              <input id="convert-account-name" type="text" autoComplete="off" value={accountName} onChange={(e) => setAccountName(e.target.value)} {...describedBy('convert-account-name', errors.account)} />
            </Field>
          ) : (
            <Field id="convert-account" label="Existing account" error={errors.account} hint="Type the start of the account's name">
              <RecordPicker
                id="convert-account"
                value={account}
                onChange={(picked) => {
                  setAccount(picked);
                  setContact(null);
                  clearError('account');
                }}
                search={searchAccounts}
                invalid={Boolean(errors.account)}
                describedById={errors.account ? 'convert-account-error' : 'convert-account-hint'}
              />
            </Field>
          )}
        </fieldset>
        <fieldset className="form-section">
          <legend>Contact</legend>
          <div className="lead-convert__choices">
            <label className="check">
              <input type="radio" name="contactChoice" checked={contactChoice === 'create'} onChange={() => setContactChoice('create')} /> Create a new contact from the lead
            </label>
            <label className="check">
              <input type="radio" name="contactChoice" checked={contactChoice === 'existing'} onChange={() => setContactChoice('existing')} /> Link an existing contact
            </label>
          </div>
          {contactChoice === 'existing' ? (
            <Field id="convert-contact" label="Existing contact" error={errors.contact} hint="Type the start of the contact's last name">
              <RecordPicker
                id="convert-contact"
                value={contact}
                onChange={(picked) => {
                  setContact(picked);
                  clearError('contact');
                }}
                search={(text) => searchContacts(text, accountChoice === 'existing' ? (account?.id ?? null) : null)}
                invalid={Boolean(errors.contact)}
                describedById={errors.contact ? 'convert-contact-error' : 'convert-contact-hint'}
              />
            </Field>
          ) : null}
        </fieldset>
        <fieldset className="form-section">
          <legend>Opportunity</legend>
          <label className="check">
            <input type="checkbox" checked={withOpportunity} onChange={(e) => setWithOpportunity(e.target.checked)} /> Also create an opportunity
          </label>
          {withOpportunity ? (
            <div className="form-grid">
              <Field id="convert-opp-name" label="Opportunity name" required error={o.name} className="field--wide">
                <input id="convert-opp-name" type="text" autoComplete="off" value={oppName} onChange={(e) => setOppName(e.target.value)} {...describedBy('convert-opp-name', o.name)} />
              </Field>
              <MoneyInput id="convert-opp-amount" label="Amount" value={amount} onChange={setAmount} error={o.amount} />
              <Field id="convert-opp-stage" label="Stage" error={o.stageId} hint={pipeline ? `Pipeline: ${pipeline.name}` : undefined}>
                <select id="convert-opp-stage" value={stageId} onChange={(e) => setStageId(e.target.value)} {...describedBy('convert-opp-stage', o.stageId)}>
                  <option value="">First open stage</option>
                  {openStages.map((s) => (
                    <option key={s.id} value={s.id}>
                      {s.name} ({s.probability} %)
                    </option>
                  ))}
                </select>
              </Field>
              <Field id="convert-opp-close" label="Expected close date" error={o.expectedCloseDate}>
                <input id="convert-opp-close" type="date" value={closeDate} onChange={(e) => setCloseDate(e.target.value)} {...describedBy('convert-opp-close', o.expectedCloseDate)} />
              </Field>
            </div>
          ) : null}
        </fieldset>
        <section className="lead-convert__summary" role="region" aria-label="What will happen">
          <h2>What will happen</h2>
          <ul>
            {summary.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        </section>
        <FormActions submitLabel="Convert lead" submitting={submitting} onCancel={close} />
      </form>
    </div>
  );
}
