import { CrmError } from '../../../../shared/errors';
import type { CsvEncoding, CsvRecord } from '../imports/csv/csv-types';
import { readVcards, type Vcard } from './read-vcards';
import { components, unescapeText, type VcardProperty } from './vcard-property';

/** The columns a vCard becomes, named so the contacts fields map themselves. */
export const VCARD_HEADERS = ['First name', 'Last name', 'Job title', 'E-mail', 'Second e-mail', 'Phone', 'Mobile', 'Company', 'Street', 'City', 'Region', 'Postcode', 'Country', 'Birthday', 'UID'] as const;
export const VCARD_COLUMNS = ['firstName', 'lastName', 'title', 'email', 'email2', 'phone', 'mobile', 'accountName', 'street', 'city', 'region', 'postcode', 'country', 'birthday', 'externalId'] as const;

const types = (p: VcardProperty) => p.params.get('TYPE') ?? [];
const preferred = (p: VcardProperty) => (p.params.has('PREF') || types(p).includes('pref') ? 0 : 1);
const byPreference = (list: VcardProperty[]) => [...list].sort((a, b) => preferred(a) - preferred(b));

/** 19801231, 1980-12-31 or 1980-12-31T…; a birthday without a year (--1231) has no place in a date field and is left out. */
function birthday(value: string): string {
  const v = value.trim();
  const compact = /^(\d{4})(\d{2})(\d{2})$/.exec(v);
  if (compact) return `${compact[1]}-${compact[2]}-${compact[3]}`;
  const iso = /^(\d{4}-\d{2}-\d{2})/.exec(v);
  return iso ? iso[1]! : v.startsWith('--') ? '' : v;
}

/** One card as a row under VCARD_HEADERS: the preferred e-mails first, a work phone and a mobile, the preferred address. */
export function vcardValues(card: Vcard): string[] {
  const all = (name: string) => card.properties.filter((p) => p.name === name);
  const one = (name: string) => all(name)[0];
  const n = one('N') ? components(one('N')!.value) : [];
  let [last = '', first = ''] = n.map((s) => s.trim());
  if (!last && !first && one('FN')) {
    const full = unescapeText(one('FN')!.value).trim().split(/\s+/);
    last = full.pop() ?? '';
    first = full.join(' ');
  }
  const emails = byPreference(all('EMAIL')).map((p) => unescapeText(p.value).trim());
  const tels = byPreference(all('TEL')).map((p) => ({ mobile: types(p).includes('cell') || types(p).includes('mobile'), number: unescapeText(p.value).replace(/^tel:/i, '').trim() }));
  const phone = tels.find((t) => !t.mobile)?.number ?? '';
  const mobile = tels.find((t) => t.mobile)?.number ?? '';
  const adr = byPreference(all('ADR'))[0];
  const [, , street = '', city = '', region = '', postcode = '', country = ''] = adr ? components(adr.value) : [];
  const org = one('ORG') ? components(one('ORG')!.value)[0] ?? '' : '';
  const uid = one('UID') ? unescapeText(one('UID')!.value).trim() : '';
  return [first, last, one('TITLE') ? unescapeText(one('TITLE')!.value) : '', emails[0] ?? '', emails[1] ?? '', phone, mobile, org, street, city, region, postcode, country, one('BDAY') ? birthday(one('BDAY')!.value) : '', uid];
}

/** A .vcf file as import rows: one per card, `line` where its BEGIN is. */
export async function* readVcardRows(path: string, options: { encoding: CsvEncoding; signal?: AbortSignal | undefined; onBytes?: ((done: number, total: number) => void) | undefined; sizeBytes?: number }): AsyncGenerator<CsvRecord> {
  let row = 0;
  for await (const card of readVcards(path, options.encoding, options.signal)) {
    if (card.version && !/^(2\.1|3\.0|4\.0)$/.test(card.version)) throw new CrmError('validation', `Line ${card.line}: vCard version ${card.version} is not one this import reads (2.1, 3.0, 4.0).`);
    row++;
    yield { row, line: card.line, values: vcardValues(card) };
  }
}
