import { foldHeader, IMPORT_FIELDS, type ImportTarget } from './fields';

/** A saved column mapping: a file's header (as written) → a field key. */
export interface MappingPreset {
  id: string;
  name: string;
  target: ImportTarget;
  columns: Record<string, string>;
  builtIn: boolean;
}

const preset = (id: string, name: string, target: ImportTarget, columns: Record<string, string>): MappingPreset => ({ id, name, target, columns, builtIn: true });

/** The export headers of the CRMs and address books people most often leave. */
export const BUILT_IN_PRESETS: readonly MappingPreset[] = [
  preset('salesforce-contacts', 'Salesforce contacts', 'contacts', {
    'Contact ID': 'externalId',
    'First Name': 'firstName',
    'Last Name': 'lastName',
    Title: 'title',
    Email: 'email',
    Phone: 'phone',
    'Mobile Phone': 'mobile',
    'Account Name': 'accountName',
    'Account ID': 'accountExternalId',
    'Mailing Street': 'street',
    'Mailing City': 'city',
    'Mailing State/Province': 'region',
    'Mailing Zip/Postal Code': 'postcode',
    'Mailing Country': 'country',
    Birthdate: 'birthday',
    'Email Opt Out': 'emailOptOut',
    'Do Not Call': 'doNotCall',
    'Contact Owner': 'owner',
  }),
  preset('hubspot-contacts', 'HubSpot contacts', 'contacts', {
    'Record ID': 'externalId',
    'First Name': 'firstName',
    'Last Name': 'lastName',
    'Job Title': 'title',
    Email: 'email',
    'Phone Number': 'phone',
    'Mobile Phone Number': 'mobile',
    'Company Name': 'accountName',
    'Street Address': 'street',
    City: 'city',
    'State/Region': 'region',
    'Postal Code': 'postcode',
    'Country/Region': 'country',
    'Contact owner': 'owner',
    'Unsubscribed from all email': 'emailOptOut',
  }),
  preset('outlook-contacts', 'Outlook contacts', 'contacts', {
    'First Name': 'firstName',
    'Last Name': 'lastName',
    'Job Title': 'title',
    'E-mail Address': 'email',
    'E-mail 2 Address': 'email2',
    'Business Phone': 'phone',
    'Mobile Phone': 'mobile',
    Company: 'accountName',
    'Business Street': 'street',
    'Business City': 'city',
    'Business State': 'region',
    'Business Postal Code': 'postcode',
    'Business Country/Region': 'country',
    Birthday: 'birthday',
  }),
  preset('google-contacts', 'Google Contacts', 'contacts', {
    'First Name': 'firstName',
    'Last Name': 'lastName',
    'Given Name': 'firstName',
    'Family Name': 'lastName',
    'Organization Title': 'title',
    'Organization 1 - Title': 'title',
    'Organization Name': 'accountName',
    'Organization 1 - Name': 'accountName',
    'E-mail 1 - Value': 'email',
    'E-mail 2 - Value': 'email2',
    'Phone 1 - Value': 'phone',
    'Phone 2 - Value': 'mobile',
    'Address 1 - Street': 'street',
    'Address 1 - City': 'city',
    'Address 1 - Region': 'region',
    'Address 1 - Postal Code': 'postcode',
    'Address 1 - Country': 'country',
    Birthday: 'birthday',
  }),
  preset('salesforce-accounts', 'Salesforce accounts', 'accounts', {
    'Account ID': 'externalId',
    'Account Name': 'name',
    Industry: 'industry',
    Website: 'website',
    Phone: 'phone',
    'Billing Street': 'street',
    'Billing City': 'city',
    'Billing State/Province': 'region',
    'Billing Zip/Postal Code': 'postcode',
    'Billing Country': 'country',
    Employees: 'employees',
    'Annual Revenue': 'annualRevenue',
    'Parent Account': 'parentAccountName',
    'Account Owner': 'owner',
  }),
  preset('hubspot-companies', 'HubSpot companies', 'accounts', {
    'Record ID': 'externalId',
    'Company name': 'name',
    Industry: 'industry',
    'Website URL': 'website',
    'Phone Number': 'phone',
    'Street Address': 'street',
    City: 'city',
    'State/Region': 'region',
    'Postal Code': 'postcode',
    'Country/Region': 'country',
    'Number of Employees': 'employees',
    'Annual Revenue': 'annualRevenue',
    'Company owner': 'owner',
  }),
  preset('salesforce-leads', 'Salesforce leads', 'leads', {
    'Lead ID': 'externalId',
    'First Name': 'firstName',
    'Last Name': 'lastName',
    Title: 'title',
    Company: 'company',
    Email: 'email',
    Phone: 'phone',
    Street: 'street',
    City: 'city',
    'State/Province': 'region',
    'Zip/Postal Code': 'postcode',
    Country: 'country',
    Industry: 'industry',
    'No. of Employees': 'employees',
    'Lead Source': 'source',
    'Lead Status': 'status',
    Rating: 'rating',
    'Lead Owner': 'owner',
  }),
  preset('salesforce-opportunities', 'Salesforce opportunities', 'opportunities', {
    'Opportunity ID': 'externalId',
    'Opportunity Name': 'name',
    'Account Name': 'accountName',
    'Account ID': 'accountExternalId',
    Stage: 'stage',
    Amount: 'amount',
    'Opportunity Currency': 'currency',
    'Probability (%)': 'probability',
    'Close Date': 'expectedCloseDate',
    'Forecast Category': 'forecastCategory',
    'Next Step': 'nextStep',
    'Opportunity Owner': 'owner',
  }),
  preset('hubspot-deals', 'HubSpot deals', 'opportunities', {
    'Record ID': 'externalId',
    'Deal Name': 'name',
    'Associated Company': 'accountName',
    Pipeline: 'pipeline',
    'Deal Stage': 'stage',
    Amount: 'amount',
    'Currency code': 'currency',
    'Close Date': 'expectedCloseDate',
    'Forecast category': 'forecastCategory',
    'Next step': 'nextStep',
    'Closed lost reason': 'lostReason',
    'Deal owner': 'owner',
  }),
  preset('salesforce-products', 'Salesforce products', 'products', {
    'Product ID': 'externalId',
    'Product Code': 'sku',
    'Product Name': 'name',
    'Product Description': 'description',
    'Product Family': 'category',
    'Quantity Unit Of Measure': 'unit',
    Active: 'active',
  }),
  preset('hubspot-products', 'HubSpot products', 'products', {
    'Record ID': 'externalId',
    SKU: 'sku',
    Name: 'name',
    Description: 'description',
    'Unit price': 'listPrice',
    'Unit cost': 'cost',
    'Currency code': 'currency',
  }),
];

/** One field per column at most, and no field twice: the first column that claims a field keeps it. */
function dedupe(columns: (string | null)[]): (string | null)[] {
  const taken = new Set<string>();
  return columns.map((field) => {
    if (field === null || taken.has(field)) return null;
    taken.add(field);
    return field;
  });
}

/** Applies a preset to a file's headers; headers the preset does not know stay unmapped. */
export function applyPreset(p: MappingPreset, headers: readonly string[]): (string | null)[] {
  const byHeader = new Map(Object.entries(p.columns).map(([h, f]) => [foldHeader(h), f]));
  return dedupe(headers.map((h) => byHeader.get(foldHeader(h)) ?? null));
}

/** Matches headers to fields by the fields' known spellings. */
export function autoMap(target: ImportTarget, headers: readonly string[]): (string | null)[] {
  const byAlias = new Map<string, string>();
  for (const field of IMPORT_FIELDS[target]) {
    for (const alias of [field.key, field.label, ...field.aliases]) if (!byAlias.has(foldHeader(alias))) byAlias.set(foldHeader(alias), field.key);
  }
  return dedupe(headers.map((h) => byAlias.get(foldHeader(h)) ?? null));
}

/** The preset that knows most of the file's headers, when it knows at least half of them. */
export function detectPreset(presets: readonly MappingPreset[], target: ImportTarget, headers: readonly string[]): MappingPreset | null {
  let best: { preset: MappingPreset; hits: number } | null = null;
  for (const p of presets.filter((x) => x.target === target)) {
    const hits = applyPreset(p, headers).filter((f) => f !== null).length;
    if (hits > 0 && (!best || hits > best.hits)) best = { preset: p, hits };
  }
  return best && best.hits * 2 >= headers.length ? best.preset : null;
}

/** The suggestion the wizard opens with: the detected preset, gaps filled by the fields' spellings. */
export function suggestMapping(presets: readonly MappingPreset[], target: ImportTarget, headers: readonly string[]): { columns: (string | null)[]; presetId: string | null } {
  const detected = detectPreset(presets, target, headers);
  const auto = autoMap(target, headers);
  if (!detected) return { columns: auto, presetId: null };
  const fromPreset = applyPreset(detected, headers);
  return { columns: dedupe(fromPreset.map((f, i) => f ?? auto[i] ?? null)), presetId: detected.id };
}
