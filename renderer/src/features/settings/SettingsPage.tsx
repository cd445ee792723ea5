import { useQuery } from '@tanstack/react-query';
import { useRef, type KeyboardEvent } from 'react';
import { useSearchParams } from 'react-router';
import { PageHeader } from '../../components/PageHeader';
import { RecordLoadState } from '../../components/RecordLoadState';
import { call } from '../../lib/api';
import { CustomFieldsAdmin } from '../custom-fields/CustomFieldsAdmin';
import { CompanySettingsForm } from './CompanySettingsForm';
import { MailSettingsForm } from './MailSettingsForm';
import { QuoteSettingsForm } from './QuoteSettingsForm';
import { settingsKeys } from './queries';
import { SendTestMessage } from './SendTestMessage';
import { SmsGatewayForm } from './SmsGatewayForm';
import './settings.css';

const TABS = [
  { id: 'company', label: 'Company' },
  { id: 'quotes', label: 'Quotes' },
  { id: 'email', label: 'E-mail (SMTP)' },
  { id: 'sms', label: 'SMS gateway' },
  { id: 'customFields', label: 'Custom fields' },
] as const;
type TabId = (typeof TABS)[number]['id'];

function isTab(value: string | null): value is TabId {
  return TABS.some((t) => t.id === value);
}

/**
 * Office-wide settings for administrators, one tab at a time (each tab is one form, so
 * Ctrl+S and Esc only ever act on the form on screen). The tab is in the URL: ?tab=email.
 */
export function SettingsPage() {
  const [params, setParams] = useSearchParams();
  const tabParam = params.get('tab');
  const tab: TabId = isTab(tabParam) ? tabParam : 'company';
  const tabRefs = useRef<Record<string, HTMLButtonElement | null>>({});

  const select = (id: TabId, focus = false) => {
    setParams((p) => {
      const next = new URLSearchParams(p);
      next.set('tab', id);
      return next;
    }, { replace: true });
    if (focus) tabRefs.current[id]?.focus();
  };

  const onKeyDown = (event: KeyboardEvent) => {
    const index = TABS.findIndex((t) => t.id === tab);
    const move = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
    if (event.key === 'Home' || event.key === 'End') {
      event.preventDefault();
      select(TABS[event.key === 'Home' ? 0 : TABS.length - 1]!.id, true);
    } else if (move) {
      event.preventDefault();
      select(TABS[(index + move + TABS.length) % TABS.length]!.id, true);
    }
  };

  return (
    <div className="page settings">
      <PageHeader title="Settings" subtitle="Office-wide settings; only administrators can change them." />
      <div className="settings-tabs" role="tablist" aria-label="Settings sections" onKeyDown={onKeyDown}>
        {TABS.map((t) => (
          <button
            key={t.id}
            ref={(el) => {
              tabRefs.current[t.id] = el;
            }}
            type="button"
            role="tab"
            id={`settings-tab-${t.id}`}
            aria-selected={tab === t.id}
            aria-controls={`settings-panel-${t.id}`}
            tabIndex={tab === t.id ? 0 : -1}
            className="settings-tabs__tab"
            onClick={() => select(t.id)}
          >
            {t.label}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`settings-panel-${tab}`} aria-labelledby={`settings-tab-${tab}`} className="settings__panel">
        {tab === 'company' ? <CompanyTab /> : tab === 'quotes' ? <QuotesTab /> : tab === 'email' ? <MailTab /> : tab === 'sms' ? <SmsTab /> : <CustomFieldsAdmin />}
      </div>
    </div>
  );
}

function CompanyTab() {
  const query = useQuery({ queryKey: settingsKeys.company, queryFn: () => call('settings.getCompany', {}) });
  return query.isSuccess ? <CompanySettingsForm loaded={query.data} /> : <RecordLoadState query={query} noun="company profile" />;
}

function QuotesTab() {
  const query = useQuery({ queryKey: settingsKeys.quotes, queryFn: () => call('settings.getQuotes', {}) });
  return query.isSuccess ? <QuoteSettingsForm loaded={query.data} /> : <RecordLoadState query={query} noun="quote settings" />;
}

function MailTab() {
  const query = useQuery({ queryKey: settingsKeys.mail, queryFn: () => call('mail.getSettings', {}) });
  if (!query.isSuccess) return <RecordLoadState query={query} noun="e-mail settings" />;
  return (
    <>
      <MailSettingsForm loaded={query.data} />
      <SendTestMessage configured={query.data.host !== '' && query.data.fromAddress !== ''} />
    </>
  );
}

function SmsTab() {
  const query = useQuery({ queryKey: settingsKeys.sms, queryFn: () => call('campaigns.smsGateway', {}) });
  return query.isSuccess ? <SmsGatewayForm loaded={query.data} /> : <RecordLoadState query={query} noun="SMS gateway" />;
}
