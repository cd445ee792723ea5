import type { MalformedCases } from './cases';

export const cases: MalformedCases = {
  'settings.getCompany': [{ all: true }, 'company'],
  'settings.saveCompany': [{ name: 'x'.repeat(201) }, { name: 'Acme', logoPath: 42 }, { name: 'Acme', evil: true }, { name: 'Acme', logoPath: 'x'.repeat(1001) }],
  'settings.getQuotes': [{ key: 'quotes' }],
  'settings.saveQuotes': [
    { approvalThresholdPercent: 101 },
    { approvalThresholdPercent: -1 },
    { defaultValidityDays: 0 },
    { numberPrefix: 'Q/<script>' },
    { locale: 'xx-INVALID-123456789' },
    { emailSubject: 'x'.repeat(301) },
  ],
};
