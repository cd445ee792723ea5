import type { Contact } from '../../../../shared/contract/contacts';
import { countryName } from '../../../../shared/countries';
import { escapeText } from './vcard-property';

export type VcardVersion = '3.0' | '4.0';

const PHONE_TYPES: Record<string, string> = { work: 'work,voice', mobile: 'cell', home: 'home,voice', fax: 'fax', other: 'voice' };

/** Folds a content line at 75 octets (RFC 6350 3.2) without splitting a UTF-8 character. */
function fold(line: string): string {
  const bytes = Buffer.from(line, 'utf8');
  if (bytes.length <= 75) return line;
  const parts: string[] = [];
  let start = 0;
  let limit = 75;
  while (start < bytes.length) {
    let end = Math.min(start + limit, bytes.length);
    while (end < bytes.length && (bytes[end]! & 0xc0) === 0x80) end--;
    parts.push(bytes.subarray(start, end).toString('utf8'));
    start = end;
    limit = 74; // the leading space of a continuation counts
  }
  return parts.join('\r\n ');
}

/** One contact as a vCard 3.0 or 4.0 (UTF-8, CRLF, folded). */
export function contactVcard(c: Contact, version: VcardVersion): string {
  const pref = (i: number) => (i === 0 ? (version === '4.0' ? ';PREF=1' : ',pref') : '');
  const lines = ['BEGIN:VCARD', `VERSION:${version}`];
  lines.push(`UID:${version === '4.0' ? 'urn:x-office-crm:contact:' : 'office-crm-contact-'}${c.id}`);
  lines.push(`FN:${escapeText([c.firstName, c.lastName].filter(Boolean).join(' '))}`);
  lines.push(`N:${escapeText(c.lastName)};${escapeText(c.firstName ?? '')};;;`);
  if (c.account) lines.push(`ORG:${escapeText(c.account.name)}`);
  if (c.title) lines.push(`TITLE:${escapeText(c.title)}`);
  c.emails.forEach((e, i) => lines.push(version === '4.0' ? `EMAIL;TYPE=${e.label === 'home' ? 'home' : 'work'}${pref(i)}:${e.address}` : `EMAIL;TYPE=internet,${e.label === 'home' ? 'home' : 'work'}${pref(i)}:${e.address}`));
  c.phones.forEach((p, i) => lines.push(version === '4.0' ? `TEL;VALUE=text;TYPE="${PHONE_TYPES[p.label] ?? 'voice'}"${pref(i)}:${escapeText(p.number)}` : `TEL;TYPE=${PHONE_TYPES[p.label] ?? 'voice'}${pref(i)}:${escapeText(p.number)}`));
  const a = c.address;
  if (a.street || a.city || a.region || a.postcode || a.country) {
    const country = a.country ? countryName(a.country, 'en') : '';
    lines.push(`ADR;TYPE=work:;;${[a.street, a.city, a.region, a.postcode].map((x) => escapeText(x ?? '')).join(';')};${escapeText(country)}`);
  }
  if (c.birthday) lines.push(`BDAY:${version === '4.0' ? c.birthday.replace(/-/g, '') : c.birthday}`);
  lines.push(`REV:${c.updatedAt.replace(/[-:]/g, '').replace(/\.\d+/, '')}`);
  lines.push('END:VCARD');
  return lines.map(fold).join('\r\n') + '\r\n';
}
