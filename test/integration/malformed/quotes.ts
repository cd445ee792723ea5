import type { MalformedCases } from './cases';

const item = { kind: 'item', name: 'Consulting', quantity: 1, unitPriceMinor: 100 };

/** Inputs the untrusted renderer might send; ids 1 exist (an account, a contact), so a missing check would really write. */
export const cases: MalformedCases = {
  'quotes.create': [
    {},
    { opportunityId: 'one' },
    { opportunityId: 1, lines: [{ ...item, quantity: 0 }] },
    { opportunityId: 1, lines: [{ ...item, quantity: 1.0005 }] },
    { opportunityId: 1, lines: [{ ...item, unitPriceMinor: -5 }] },
    { opportunityId: 1, lines: [{ ...item, unitPriceMinor: 1.5 }] },
    { opportunityId: 1, lines: [{ ...item, discount: { kind: 'percent', percent: 101 } }] },
    { opportunityId: 1, lines: [{ ...item, discount: { kind: 'bogo' } }] },
    { opportunityId: 1, lines: [{ kind: 'heading', text: '' }] },
    { opportunityId: 1, lines: [{ ...item, key: 'has spaces' }] },
    { opportunityId: 1, lines: Array.from({ length: 1001 }, () => item) },
    { opportunityId: 1, validUntil: '31.12.2026' },
    { opportunityId: 1, shippingMinor: -1 },
    { opportunityId: 1, status: 'accepted' },
  ],
  'quotes.get': [{}, { id: -1 }],
  'quotes.update': [{ id: 1, patch: {} }, { id: 1, version: 1, patch: { status: 'approved' } }, { id: 1, version: 1, patch: { lines: [{ kind: 'item', quantity: -1 }] } }],
  'quotes.delete': [{ id: 'x' }],
  'quotes.list': [{ startRow: 0, endRow: 10, sort: [{ colId: 'secret', sort: 'asc' }] }, { startRow: 0, endRow: 10000 }],
  'quotes.submit': [{ id: 1 }, { id: 1, version: 0 }],
  'quotes.approve': [{ id: 1, version: 1, comment: 'x'.repeat(1001) }],
  'quotes.rejectReview': [{ id: 1, version: 1 }, { id: 1, version: 1, comment: '   ' }],
  'quotes.markSent': [{ id: 1 }],
  'quotes.send': [
    { id: 1, version: 1, to: 'not-an-address' },
    { id: 1, version: 1, cc: Array.from({ length: 11 }, (_, i) => `a${i}@b.example`) },
    { id: 1, version: 1, subject: '' },
  ],
  'quotes.emailDraft': [{ id: 0 }],
  'quotes.accept': [{ id: 1 }],
  'quotes.decline': [{ id: 1, version: 'latest' }],
  'quotes.revise': [{ id: 1 }],
  'quotes.compare': [{ leftId: 1 }, { leftId: 1, rightId: 'two' }],
  'quotes.history': [{ id: null }],
  'quotes.generatePdf': [{ id: 1.5 }],
  'attachments.content': [{ id: '1' }],
  'attachments.saveAs': [{ id: 1, path: '/etc/passwd' }],
};
