import { LEAD_EDITABLE_STATUSES, LEAD_RATINGS, LEAD_SOURCES } from '../contract/leads';
import { FORECAST_CATEGORIES } from '../contract/opportunities';
import { INDUSTRIES } from '../picklists';

/** What an import can create or update. */
export const IMPORT_TARGETS = ['contacts', 'accounts', 'leads', 'opportunities', 'products'] as const;
export type ImportTarget = (typeof IMPORT_TARGETS)[number];

export type FieldKind = 'text' | 'email' | 'phone' | 'date' | 'integer' | 'money' | 'boolean' | 'picklist' | 'country' | 'website' | 'reference';

export interface ImportField {
  key: string;
  label: string;
  kind: FieldKind;
  required?: boolean;
  /** Allowed values of a picklist, matched without regard to case, spaces and punctuation ("Trade show" = trade_show). */
  options?: readonly string[];
  /** Other systems' names for the options, folded (see `spellings`): Salesforce's "Open - Not Contacted" is our `new`. */
  optionAliases?: Readonly<Record<string, string>>;
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

/** Alias spellings → option, folded as headers are, so the table can be written as other systems write it. */
const spellings = (aliases: Record<string, string>): Record<string, string> => Object.fromEntries(Object.entries(aliases).map(([k, v]) => [foldHeader(k), v]));

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
  leads: [
    { key: 'firstName', label: 'First name', kind: 'text', aliases: ['first name', 'firstname', 'given name', 'vorname', 'prénom'] },
    { key: 'lastName', label: 'Last name', kind: 'text', required: true, aliases: ['last name', 'lastname', 'surname', 'family name', 'nachname', 'nom'] },
    { key: 'company', label: 'Company', kind: 'text', aliases: ['company', 'company name', 'account name', 'organization', 'organisation', 'firma'] },
    { key: 'title', label: 'Job title', kind: 'text', aliases: ['title', 'job title', 'position'] },
    { key: 'email', label: 'E-mail', kind: 'email', aliases: ['email', 'e-mail', 'email address', 'e-mail address', 'mail'] },
    { key: 'phone', label: 'Phone', kind: 'phone', aliases: ['phone', 'phone number', 'business phone', 'telephone', 'telefon'] },
    ...address('lead', { postcode: ['zip/postal code'] }),
    { key: 'industry', label: 'Industry', kind: 'picklist', options: INDUSTRIES, aliases: ['industry', 'branche'] },
    { key: 'employees', label: 'Employees', kind: 'integer', aliases: ['employees', 'number of employees', 'no. of employees', 'mitarbeiter'] },
    {
      key: 'source',
      label: 'Source',
      kind: 'picklist',
      options: LEAD_SOURCES,
      // Salesforce's standard lead sources; what has no counterpart of its own is "other", as the form would file it.
      optionAliases: spellings({
        website: 'web',
        'web form': 'web',
        'partner referral': 'partner',
        'employee referral': 'referral',
        'external referral': 'referral',
        'word of mouth': 'referral',
        'trade fair': 'trade_show',
        messe: 'trade_show',
        advertisement: 'campaign',
        'email campaign': 'campaign',
        'phone inquiry': 'other',
        'purchased list': 'other',
      }),
      aliases: ['source', 'lead source', 'quelle'],
    },
    {
      key: 'status',
      label: 'Status',
      kind: 'picklist',
      options: LEAD_EDITABLE_STATUSES,
      // Salesforce's and HubSpot's standard lead statuses. "Converted" is not among them: only converting a lead sets it.
      optionAliases: spellings({
        'open - not contacted': 'new',
        open: 'new',
        'working - contacted': 'working',
        'in progress': 'working',
        'attempted to contact': 'working',
        connected: 'working',
        'closed - not converted': 'disqualified',
        unqualified: 'disqualified',
      }),
      aliases: ['status', 'lead status'],
    },
    { key: 'disqualifiedReason', label: 'Disqualified reason', kind: 'text', aliases: ['disqualified reason', 'reason disqualified', 'unqualified reason'] },
    { key: 'rating', label: 'Rating', kind: 'picklist', options: LEAD_RATINGS, aliases: ['rating', 'lead rating'] },
    { ...owner, aliases: [...owner.aliases, 'lead owner'] },
    externalId(['lead id']),
  ],
  opportunities: [
    { key: 'name', label: 'Name', kind: 'text', required: true, aliases: ['name', 'opportunity name', 'opportunity', 'deal name', 'deal'] },
    { key: 'accountName', label: 'Account (by name)', kind: 'reference', aliases: ['account', 'account name', 'company', 'company name', 'associated company', 'organization'] },
    { key: 'accountExternalId', label: 'Account (by external id)', kind: 'reference', aliases: ['account id', 'account external id', 'company id'] },
    { key: 'contactEmail', label: 'Primary contact (by e-mail)', kind: 'reference', aliases: ['contact email', 'contact e-mail', 'primary contact email', 'primary contact e-mail'] },
    { key: 'pipeline', label: 'Pipeline (by name)', kind: 'reference', aliases: ['pipeline', 'deal pipeline'] },
    { key: 'stage', label: 'Stage (by name)', kind: 'reference', aliases: ['stage', 'stage name', 'deal stage', 'sales stage', 'phase'] },
    { key: 'amount', label: 'Amount', kind: 'money', required: true, aliases: ['amount', 'deal amount', 'opportunity amount', 'value', 'betrag'] },
    { key: 'currency', label: 'Currency (of the amount)', kind: 'text', aliases: ['currency', 'opportunity currency', 'amount currency', 'currency code', 'currency iso code', 'währung'] },
    { key: 'probability', label: 'Probability (%)', kind: 'integer', aliases: ['probability', 'probability (%)', 'deal probability', 'win probability'] },
    { key: 'expectedCloseDate', label: 'Expected close date', kind: 'date', aliases: ['close date', 'expected close', 'expected close date', 'closing date'] },
    {
      key: 'forecastCategory',
      label: 'Forecast category',
      kind: 'picklist',
      options: FORECAST_CATEGORIES,
      // Salesforce files won deals under "Closed"; here a closed deal's category is read from its stage, so it keeps the nearest open one.
      optionAliases: spellings({ closed: 'commit' }),
      aliases: ['forecast category'],
    },
    { key: 'nextStep', label: 'Next step', kind: 'text', aliases: ['next step'] },
    { key: 'lostReason', label: 'Lost reason', kind: 'text', aliases: ['lost reason', 'loss reason', 'closed lost reason'] },
    { ...owner, aliases: [...owner.aliases, 'opportunity owner', 'deal owner'] },
    externalId(['opportunity id', 'deal id']),
  ],
  products: [
    { key: 'sku', label: 'SKU', kind: 'text', required: true, aliases: ['sku', 'product code', 'item number', 'article number', 'part number', 'artikelnummer'] },
    { key: 'name', label: 'Name', kind: 'text', required: true, aliases: ['name', 'product name', 'product', 'item name', 'bezeichnung'] },
    { key: 'description', label: 'Description', kind: 'text', aliases: ['description', 'product description', 'beschreibung'] },
    { key: 'unit', label: 'Unit', kind: 'text', aliases: ['unit', 'unit of measure', 'quantity unit of measure', 'uom', 'einheit'] },
    { key: 'category', label: 'Category', kind: 'text', aliases: ['category', 'product family', 'family', 'product category', 'kategorie'] },
    { key: 'active', label: 'Active', kind: 'boolean', aliases: ['active', 'is active', 'aktiv'] },
    { key: 'cost', label: 'Cost', kind: 'money', aliases: ['cost', 'unit cost', 'cost price', 'einkaufspreis'] },
    { key: 'listPrice', label: 'List price (default price book)', kind: 'money', aliases: ['list price', 'price', 'unit price', 'listenpreis'] },
    { key: 'currency', label: 'Currency (of cost and price)', kind: 'text', aliases: ['currency', 'product currency', 'currency code', 'currency iso code', 'währung'] },
    { key: 'taxClass', label: 'Tax class (by name)', kind: 'reference', aliases: ['tax class', 'tax category', 'tax', 'steuerklasse'] },
    externalId(['product id']),
  ],
};

export function importField(target: ImportTarget, key: string): ImportField | undefined {
  return IMPORT_FIELDS[target].find((f) => f.key === key);
}

/** A picklist cell as the option it names, however written, or as another system names it; anything else stays as written (and is refused). */
export function optionSpelling(field: ImportField, raw: string): string {
  const folded = foldHeader(raw);
  return field.options?.find((o) => foldHeader(o) === folded) ?? field.optionAliases?.[folded] ?? raw;
}

/** Header comparison ignores case, accents, spaces and punctuation: "E-Mail Address" = "email address". */
export function foldHeader(header: string): string {
  return header
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}/]+/gu, '');
}
