/**
 * The sender block of a letters document, from the company profile the
 * proposals print too (settings → company). The logo goes through
 * readLogo(), as on quotes: a missing or broken file prints the letters
 * without it and says why.
 */
import type { CompanyProfile } from '../../../../shared/contract/settings';
import { readLogo } from '../quote-logo';
import type { LettersDocument } from './letters-document.schema';

export interface LetterSenderResult {
  sender: LettersDocument['sender'];
  /** The company's country, for addressLines(record, senderCountry). */
  country: string | null;
  warnings: string[];
}

export function letterSenderFromCompany(company: CompanyProfile): LetterSenderResult {
  const cityLine = [company.postcode, company.city].filter(Boolean).join(' ');
  const addressLines = [company.street, [cityLine, company.region].filter(Boolean).join(', '), company.country].filter(
    (line): line is string => !!line && line.trim() !== '',
  );
  const warnings: string[] = [];
  let logo: Buffer | null = null;
  if (company.logoPath) {
    const result = readLogo(company.logoPath);
    if (result.ok) logo = result.bytes;
    else warnings.push(result.warning);
  }
  return { sender: { name: company.name || 'Our company', addressLines, logo }, country: company.country, warnings };
}
