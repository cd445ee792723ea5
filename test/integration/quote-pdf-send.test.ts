import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Quote } from '../../shared/contract/quotes';
import { quoteFixture } from '../support/quote-fixture';
import { startSmtpServer, type SmtpTestServer } from '../support/smtp-test-server';
import { tempDir, tempHost, type TestHost } from '../support/temp-host';

let host: TestHost;
let f: Awaited<ReturnType<typeof quoteFixture>>;
let smtp: SmtpTestServer | null = null;

beforeEach(async () => {
  host = await tempHost();
  f = await quoteFixture(host);
  await host.call('settings.saveCompany', { name: 'Nordlicht Systems GmbH', street: 'Hafenstraße 5', city: 'Hamburg', postcode: '20457', country: 'Germany' });
});
afterEach(async () => {
  await host.close();
  await smtp?.close();
  smtp = null;
});

async function approvedQuote(): Promise<Quote> {
  const quote = await host.call('quotes.create', {
    opportunityId: f.opportunity.id,
    lines: [
      { kind: 'heading', text: 'Hardware' },
      { kind: 'item', key: 'srv', productId: f.server.id, quantity: 2 },
      { kind: 'item', productId: f.rails.id, quantity: 2 },
      { kind: 'heading', text: 'Services' },
      { kind: 'item', productId: f.support.id, quantity: 1 },
    ],
    shippingMinor: 2_500,
    shippingTaxClassId: f.standard.id,
  });
  return host.call('quotes.submit', { id: quote.id, version: quote.version });
}

const euro = (minor: number) => new Intl.NumberFormat('en-US', { style: 'currency', currency: 'EUR' }).format(minor / 100);

function pdfText(bytes: Buffer): string {
  const file = join(tempDir('crm-pdf-'), 'q.pdf');
  writeFileSync(file, bytes);
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
}

describe('the proposal PDF of a quote', () => {
  it('is kept with the revision, with a SHA-256 that matches its bytes, and prints the customer, lines and totals', async () => {
    const quote = await approvedQuote();
    const generated = await host.call('quotes.generatePdf', { id: quote.id });
    expect(generated.attachment.fileName).toBe('Q-000001-v1.pdf');
    expect(generated.pageCount).toBe(1);
    expect(generated.warnings).toEqual([]);

    const content = await host.call('attachments.content', { id: generated.attachment.id });
    const bytes = Buffer.from(content.base64, 'base64');
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(generated.attachment.sha256);
    expect(bytes.length).toBe(generated.attachment.byteSize);
    expect((await host.call('quotes.get', { id: quote.id })).attachments.map((a) => a.id)).toEqual([generated.attachment.id]);

    const text = pdfText(bytes);
    for (const expected of ['Nordlicht Systems GmbH', 'Αθήνα Trading', 'Zoë Κωνσταντίνου', 'Q-000001', 'Server Łódź', 'Rack rails', 'Support year', 'Hardware', 'Services']) {
      expect(text).toContain(expected);
    }
    expect(text).toContain(euro(quote.totals.totalMinor));
    expect(text).toContain(euro(quote.totals.subtotalMinor));
    for (const tax of quote.totals.taxes) expect(text).toContain(euro(tax.taxMinor));
  });

  it('prints without a logo, and says so, when the logo file has gone', async () => {
    const logo = join(tempDir('crm-logo-'), 'logo.png');
    // A real 1×1 PNG.
    writeFileSync(logo, Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64'));
    await host.call('settings.saveCompany', { name: 'Nordlicht Systems GmbH', logoPath: logo });
    const quote = await approvedQuote();
    const withLogo = await host.call('quotes.generatePdf', { id: quote.id });
    expect(withLogo.warnings).toEqual([]);
    writeFileSync(logo, 'not an image any more');
    const without = await host.call('quotes.generatePdf', { id: quote.id });
    expect(without.warnings.join(' ')).toMatch(/logo/i);
    expect(without.attachment.sha256).not.toBe(withLogo.attachment.sha256);
  });

  it('renders a 500-line quote with a 2,000-character line name across pages, every page numbered', async () => {
    const lines = Array.from({ length: 500 }, (_, i) =>
      i % 25 === 0
        ? { kind: 'heading' as const, text: `Phase ${i / 25 + 1}` }
        : { kind: 'item' as const, name: i === 1 ? `Ünïcödé ${'x'.repeat(1990)}` : `Work package ${i}`, quantity: 1, unitPriceMinor: 1_000 + i },
    );
    const quote = await host.call('quotes.create', { opportunityId: f.opportunity.id, lines });
    expect(quote.lines).toHaveLength(500);
    const generated = await host.call('quotes.generatePdf', { id: quote.id });
    const bytes = Buffer.from((await host.call('attachments.content', { id: generated.attachment.id })).base64, 'base64');
    const file = join(tempDir('crm-pdf-'), 'big.pdf');
    writeFileSync(file, bytes);
    const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))![1]);
    expect(pages).toBe(generated.pageCount);
    expect(pages).toBeGreaterThan(5);
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
    expect(text).toContain('Work package 499');
    expect(text).toContain(`Page ${pages} of ${pages}`);
    expect(text).toContain(euro(quote.totals.totalMinor));
  });

  it('saves a copy through the native dialog when there is one, and says "unsupported" when there is not', async () => {
    const quote = await approvedQuote();
    const { attachment } = await host.call('quotes.generatePdf', { id: quote.id });
    expect(await host.call('attachments.saveAs', { id: attachment.id })).toEqual({ status: 'unsupported' });

    const target = join(tempDir('crm-save-'), 'chosen.pdf');
    const asked: string[] = [];
    host.services.quotes.saveFile = async (name, bytes) => {
      asked.push(name);
      writeFileSync(target, bytes);
      return target;
    };
    expect(await host.call('attachments.saveAs', { id: attachment.id })).toEqual({ status: 'saved', path: target });
    expect(asked).toEqual(['Q-000001-v1.pdf']);
    expect(createHash('sha256').update(readFileSync(target)).digest('hex')).toBe(attachment.sha256);
    host.services.quotes.saveFile = async () => null;
    expect(await host.call('attachments.saveAs', { id: attachment.id })).toEqual({ status: 'cancelled' });
  });
});

describe('e-mailing the proposal', () => {
  it('mails the PDF byte for byte to the contact, marks the quote sent and logs it on the timeline', async () => {
    smtp = await startSmtpServer({ auth: { user: 'crm', password: 'pa55' } });
    await host.call('mail.saveSettings', { host: smtp.host, port: smtp.port, tlsMode: 'none', user: 'crm', password: 'pa55', fromAddress: 'sales@nordlicht.example', fromName: 'Nordlicht Sales' });
    const quote = await approvedQuote();
    const draft = await host.call('quotes.emailDraft', { id: quote.id });
    expect(draft).toMatchObject({ to: 'zoe@athena.example', subject: 'Quote Q-000001 (version 1): Data centre refresh' });
    expect(draft.body).toContain('Dear Zoë Κωνσταντίνου');
    expect(draft.body).toContain('valid until March 31, 2026');

    const result = await host.call('quotes.send', { id: quote.id, version: quote.version, cc: ['boss@athena.example'] });
    expect(result.quote.status).toBe('sent');
    expect(result.quote.sentAt).not.toBeNull();
    const [mail] = await smtp.waitForMessages(1);
    expect(mail!.subject).toBe(draft.subject);
    expect(mail!.envelope.to.sort()).toEqual(['boss@athena.example', 'zoe@athena.example']);
    expect(mail!.attachments).toHaveLength(1);
    const stored = Buffer.from((await host.call('attachments.content', { id: result.attachment.id })).base64, 'base64');
    expect(mail!.attachments[0]!.filename).toBe('Q-000001-v1.pdf');
    expect(mail!.attachments[0]!.content.equals(stored)).toBe(true);

    const timeline = await host.call('timeline.forRecord', { entity: 'opportunity', id: f.opportunity.id });
    expect(timeline.items.map((i) => i.title)).toContain('Note: Quote Q-000001 v1 e-mailed to zoe@athena.example');
  });

  it('keeps nothing when the mail server refuses: the quote stays approved and no PDF or note is added', async () => {
    smtp = await startSmtpServer({ rejectRecipients: ['zoe@athena.example'] });
    await host.call('mail.saveSettings', { host: smtp.host, port: smtp.port, tlsMode: 'none', user: null, fromAddress: 'sales@nordlicht.example', fromName: 'Nordlicht Sales' });
    const quote = await approvedQuote();
    const error = await host.fail('quotes.send', { id: quote.id, version: quote.version });
    expect(error.message).toMatch(/zoe@athena\.example/);
    const after = await host.call('quotes.get', { id: quote.id });
    expect(after.status).toBe('approved');
    expect(after.attachments).toEqual([]);
    const timeline = await host.call('timeline.forRecord', { entity: 'opportunity', id: f.opportunity.id, kinds: ['note'] });
    expect(timeline.items).toEqual([]);
  });

  it('refuses to send a draft, and a quote whose contact has no address unless one is given', async () => {
    const quote = await host.call('quotes.create', { opportunityId: f.opportunity.id, contactId: null, lines: [{ kind: 'item', name: 'Consulting', quantity: 1, unitPriceMinor: 100 }] });
    expect((await host.fail('quotes.send', { id: quote.id, version: quote.version, to: 'a@b.example' })).message).toMatch(/draft and cannot be sent/);
    const approved = await host.call('quotes.submit', { id: quote.id, version: quote.version });
    expect((await host.fail('quotes.send', { id: quote.id, version: approved.version })).message).toMatch(/no contact with an e-mail address/);
  });
});
