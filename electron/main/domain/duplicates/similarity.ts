import { foldForSort } from '../../../../shared/text';

/** Jaro-Winkler similarity of two strings, 0..1: forgiving of typos and transpositions in names ("Meier" ~ "Meyer"). */
export function jaroWinkler(a: string, b: string): number {
  if (a === b) return a.length ? 1 : 0;
  if (!a.length || !b.length) return 0;
  const window = Math.max(0, Math.floor(Math.max(a.length, b.length) / 2) - 1);
  const aMatched = new Array<boolean>(a.length).fill(false);
  const bMatched = new Array<boolean>(b.length).fill(false);
  let matches = 0;
  for (let i = 0; i < a.length; i++) {
    for (let j = Math.max(0, i - window); j < Math.min(b.length, i + window + 1); j++) {
      if (bMatched[j] || a[i] !== b[j]) continue;
      aMatched[i] = bMatched[j] = true;
      matches++;
      break;
    }
  }
  if (!matches) return 0;
  let transpositions = 0;
  for (let i = 0, j = 0; i < a.length; i++) {
    if (!aMatched[i]) continue;
    while (!bMatched[j]) j++;
    if (a[i] !== b[j]) transpositions++;
    j++;
  }
  const m = matches;
  const jaro = (m / a.length + m / b.length + (m - transpositions / 2) / m) / 3;
  let prefix = 0;
  while (prefix < Math.min(4, a.length, b.length) && a[prefix] === b[prefix]) prefix++;
  return jaro + prefix * 0.1 * (1 - jaro);
}

const LEGAL_FORMS = /\b(gmbh|mbh|ag|kg|ohg|gbr|ug|e\.?\s?v|se|sa|sas|sarl|srl|spa|bv|nv|ab|as|oy|ltd|limited|plc|llc|llp|inc|incorporated|corp|corporation|co|company|group|holding)\b\.?/g;

/** A company name without case, accents, punctuation and legal form: "Müller GmbH & Co. KG" → "muller". */
export function companyKey(name: string | null | undefined): string {
  return foldForSort(name)
    .replace(/&/g, ' ')
    .replace(LEGAL_FORMS, ' ')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

const FREE_MAIL = new Set(['gmail.com', 'googlemail.com', 'yahoo.com', 'hotmail.com', 'outlook.com', 'live.com', 'gmx.de', 'gmx.net', 'web.de', 't-online.de', 'icloud.com', 'me.com', 'aol.com', 'mail.ru', 'yandex.ru', 'orange.fr', 'free.fr', 'libero.it', 'proton.me', 'protonmail.com']);

/** The registrable-looking domain of a website or an e-mail, or null for free-mail providers (they say nothing about the company). */
export function domainOf(text: string | null | undefined): string | null {
  if (!text) return null;
  const host = text.includes('@') ? text.split('@').pop()! : text.replace(/^[a-z]+:\/\//i, '').split(/[/?#:]/)[0]!;
  const domain = host.trim().toLowerCase().replace(/^www\./, '');
  return domain && domain.includes('.') && !FREE_MAIL.has(domain) ? domain : null;
}
