import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import type { DuplicateMatch } from '../../../../shared/contract/leads';
import { call } from '../../lib/api';
import { errorMessage } from '../../lib/formErrors';
import { useDebounced } from '../../lib/useDebounced';
import './leads.css';

export interface DuplicateProbe {
  firstName: string;
  lastName: string;
  company: string;
  email: string;
  phone: string;
  country: string;
}

export interface DuplicatePanelProps {
  probe: DuplicateProbe;
  /** The lead being edited, so it does not match itself. */
  excludeLeadId?: number | undefined;
}

const REASONS: Record<DuplicateMatch['reasons'][number], string> = {
  email: 'same e-mail',
  phone: 'same phone',
  name_and_company: 'same name and company',
  company_name: 'company name matches',
};

const ENTITY: Record<DuplicateMatch['entity'], { label: string; path: string }> = {
  lead: { label: 'Lead', path: '/leads' },
  contact: { label: 'Contact', path: '/contacts' },
  account: { label: 'Account', path: '/accounts' },
};

const DELAY_MS = 400;

/** Leads, contacts and accounts that look like what is typed, asked for once typing pauses. */
export function DuplicatePanel({ probe, excludeLeadId }: DuplicatePanelProps) {
  const settled = useDebounced(probe, DELAY_MS);
  const trimmed = {
    firstName: settled.firstName.trim(),
    lastName: settled.lastName.trim(),
    company: settled.company.trim(),
    email: settled.email.trim(),
    phone: settled.phone.trim(),
  };
  const worthAsking = Boolean(trimmed.email || trimmed.phone || trimmed.company || (trimmed.lastName && trimmed.firstName));
  const query = useQuery({
    queryKey: ['leads', 'duplicates', trimmed, settled.country, excludeLeadId ?? null],
    queryFn: () =>
      call('leads.findDuplicates', {
        ...trimmed,
        country: /^[A-Z]{2}$/.test(settled.country) ? settled.country : null,
        ...(excludeLeadId ? { excludeLeadId } : {}),
      }),
    enabled: worthAsking,
    staleTime: 5_000,
    placeholderData: (previous) => previous,
  });

  const matches = worthAsking ? (query.data ?? []) : [];
  return (
    <section className="lead-duplicates" role="region" aria-label="Possible duplicates" aria-live="polite">
      <h2 className="lead-duplicates__title">Possible duplicates</h2>
      {query.isError ? (
        <p className="field__error">Could not check for duplicates: {errorMessage(query.error)}</p>
      ) : !worthAsking ? (
        <p className="muted">Type an e-mail, a phone or a company to check for existing records.</p>
      ) : matches.length === 0 ? (
        <p className="muted">{query.isFetching ? 'Checking…' : 'No similar leads, contacts or accounts.'}</p>
      ) : (
        <>
          <p className="lead-duplicates__note">These records look similar. You can still save.</p>
          <ul className="lead-duplicates__list">
            {matches.map((m) => (
              <li key={`${m.entity}:${m.id}`} className="lead-duplicates__item">
                <span className="tag">{ENTITY[m.entity].label}</span>{' '}
                <Link to={`${ENTITY[m.entity].path}/${m.id}`}>
                  {m.name}
                </Link>
                {m.company && m.entity !== 'account' ? <span className="muted"> · {m.company}</span> : null}
                {m.email ? <span className="muted"> · {m.email}</span> : null}
                {m.phone ? <span className="muted"> · {m.phone}</span> : null}
                <div className="lead-duplicates__reasons">{m.reasons.map((r) => REASONS[r]).join(', ')}</div>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
