import type { DUPLICATE_REASONS, SCAN_ENTITIES } from '../../../../shared/contract/duplicates';

export const REASON_LABELS: Record<(typeof DUPLICATE_REASONS)[number], string> = {
  same_email: 'same e-mail',
  same_phone: 'same phone',
  same_name: 'same name',
  similar_name: 'similar name',
  same_company: 'same company',
  same_domain: 'same web domain',
};

export const ENTITY_LABELS: Record<(typeof SCAN_ENTITIES)[number], string> = { contact: 'Contacts', account: 'Accounts', lead: 'Leads' };

export const RECORD_PATHS: Record<(typeof SCAN_ENTITIES)[number], string> = { contact: '/contacts', account: '/accounts', lead: '/leads' };

export const ENTITY_NOUNS: Record<(typeof SCAN_ENTITIES)[number], string> = { contact: 'contact', account: 'account', lead: 'lead' };
