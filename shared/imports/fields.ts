import { INDUSTRIES } from '../picklists';

/** What an import can create or update. Leads, opportunities and products follow (see README). */
export const IMPORT_TARGETS = ['contacts', 'accounts'] as const;
export type ImportTarget = (typeof IMPORT_TARGETS)[number];

export type FieldKind = 'text' | 'email' | 'phone' | 'date' | 'integer' | 'money' | 'boolean' | 'picklist' | 'country' | 'website' | 'reference';

export interface ImportField {
  key: string;
  label: string;
  kind: FieldKind;
  required?: boolean;
  /** Allowed values of a picklist, matched without regard to case. */
  options?: readonly string[];
  /** Header spellings that map to this field without a preset (compared folded: case, spaces and punctuation ignored). */
  aliases: readonly string[];
}

const address = (prefix: string, extra: Record<string, readonly string[]> = {}): ImportField[] => [
  { key: 'street', label: 'Street', kind: 'text', aliases: ['street', 'address', `${prefix} street`, 'street address', ...(extra.street ?? [])] },
  { key: 'city', label: 'City', kind: 'text', aliases: ['city', 'town', `${prefix} city`, ...(extra.city ?? [])] },
  { key: 'region', label: 'Region / state', kind: 'text', aliases: ['region', 'state', 'province', 'state/region', 'state/province', `${prefix} state`, `${prefix} state/province`, ...(extra.region ?? [])] },
  { key: 'postcode', label: 'Postcode', kind: 'text', aliases: ['postcode', 'zip', 'zip code', 'postal code', 'plz', `${prefix} zip/postal code`, `${prefix} postal code`, ...(extra.postcode ?? [])] },
  { key: 'country', label: 'Country', kind: 'country', aliases: ['country', 'country/region', 'land', 'pays', `${prefix} country`, `${prefix} country/region`, ...(extra.country ?? [])] },
];

const owner: ImportField = { key: 'owner', label: 'Owner (name or e-mail)', kind: 'reference', aliases: ['owner', 'owner name', 'owner email', 'assigned to', 'sales rep'] };
const externalId = (aliases: string[]): ImportField => ({ key: 'externalId', label: 'External id', kind: 'text', aliases: ['external id', 'id', 'record id', 'uid', ...aliases] });

export const IMPORT_FIELDS: Record<ImportTarget, readonly ImportField[]> = {
  contacts: [
    { key: 'firstName', label: 'First name', kind: 'text', aliases: ['first name', 'firstname', 'given name', 'vorname', 'prénom', 'prenom'] },
    { key: 'lastName', label: 'Last name', kind: 'text', required: true, aliases: ['last name', 'lastname', 'surname', 'family name', 'nachname', 'nom'] },
    { key: 'title', label: 'Job title', kind: 'text', aliases: ['title', 'job title', 'position', 'organization title', 'organization 1 - title'] },
    { key: 'email', label: 'E-mail', kind: 'email', aliases: ['email', 'e-mail', 'email address', 'e-mail address', 'e-mail 1 - value', 'mail', 'work email'] },
    { key: 'email2', label: 'Second e-mail', kind: 'email', aliases: ['email 2', 'e-mail 2', 'e-mail 2 address', 'e-mail 2 - value', 'secondary email', 'other email'] },
    { key: 'phone', label: 'Phone', kind: 'phone', aliases: ['phone', 'phone number', 'business phone', 'work phone', 'telephone', 'telefon', 'phone 1 - value'] },
    { key: 'mobile', label: 'Mobile', kind: 'phone', aliases: ['mobile', 'mobile phone', 'mobile phone number', 'cell', 'cell phone', 'handy', 'phone 2 - value'] },
    { key: 'accountName', label: 'Account (by name)', kind: 'reference', aliases: ['account', 'account name', 'company', 'company name', 'organization', 'organization name', 'organization 1 - name', 'firma'] },
    { key: 'accountExternalId', label: 'Account (by external id)', kind: 'reference', aliases: ['account id', 'account external id', 'company id'] },
    ...address('mailing', {
      street: ['business street', 'address 1 - street'],
      city: ['business city', 'address 1 - city'],
      region: ['business state', 'address 1 - region'],
      postcode: ['business postal code', 'address 1 - postal code'],
      country: ['business country/region', 'address 1 - country'],
    }),
    { key: 'birthday', label: 'Birthday', kind: 'date', aliases: ['birthday', 'birthdate', 'date of birth', 'geburtstag'] },
    { key: 'emailOptOut', label: 'E-mail opt-out', kind: 'boolean', aliases: ['email opt out', 'e-mail opt-out', 'unsubscribed', 'opted out of email'] },
    { key: 'doNotCall', label: 'Do not call', kind: 'boolean', aliases: ['do not call'] },
    { ...owner, aliases: [...owner.aliases, 'contact owner'] },
    externalId(['contact id']),
  ],
  accounts: [
    { key: 'name', label: 'Name', kind: 'text', required: true, aliases: ['name', 'account name', 'company', 'company name', 'organization', 'organisation', 'firma'] },
    { key: 'industry', label: 'Industry', kind: 'picklist', options: INDUSTRIES, aliases: ['industry', 'branche'] },
    { key: 'website', label: 'Website', kind: 'website', aliases: ['website', 'web', 'url', 'website url', 'domain', 'company domain name'] },
    { key: 'phone', label: 'Phone', kind: 'phone', aliases: ['phone', 'phone number', 'telephone', 'telefon'] },
    ...address('billing'),
    { key: 'employees', label: 'Employees', kind: 'integer', aliases: ['employees', 'number of employees', 'mitarbeiter'] },
    { key: 'annualRevenue', label: 'Annual revenue', kind: 'money', aliases: ['annual revenue', 'revenue', 'umsatz'] },
    { key: 'parentAccountName', label: 'Parent account (by name)', kind: 'reference', aliases: ['parent account', 'parent company'] },
    { ...owner, aliases: [...owner.aliases, 'account owner', 'company owner'] },
    externalId(['account id']),
  ],
};

export function importField(target: ImportTarget, key: string): ImportField | undefined {
  return IMPORT_FIELDS[target].find((f) => f.key === key);
}

/** Header comparison ignores case, accents, spaces and punctuation: "E-Mail Address" = "email address". */
export function foldHeader(header: string): string {
  return header
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}/]+/gu, '');
}
