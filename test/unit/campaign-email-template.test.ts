import { simpleParser } from 'mailparser';
import { createTransport } from 'nodemailer';
import { describe, expect, it } from 'vitest';
import { buildCampaignEmail, htmlToText, type CampaignEmailInput } from '../../electron/main/domain/campaigns/channels/email-template';
import type { MergeRecord } from '../../electron/main/domain/campaigns/channels/merge-fields';
import type { AppSettingsStore } from '../../electron/main/domain/settings/app-settings.store';
import { createMailSender } from '../../electron/main/mail/mail-sender';
import type { SecretCipher } from '../../electron/main/mail/secret-cipher';
import { CrmError } from '../../shared/errors';

const record: MergeRecord = {
  firstName: 'Anna',
  lastName: 'Schmidt',
  fullName: 'Anna Schmidt',
  email: 'anna@example.com',
  phone: '',
  accountName: 'Bäckerei <Schmidt> & Co',
  title: '',
  street: '',
  city: 'Köln',
  postalCode: '',
  region: '',
  country: 'DE',
  ownerName: 'Ben Braun',
};

function input(extra: Partial<CampaignEmailInput> = {}): CampaignEmailInput {
  return {
    subject: 'News for {{accountName}}',
    html: '<p>Hello {{firstName}},</p><p>our <a href="https://shop.example/spring?a=1&amp;b=2">spring offer</a> for {{accountName}}.</p>',
    record,
    campaignName: 'Spring 2026',
    unsubscribe: { mailto: 'unsubscribe@office.example', token: 'c12-m345-x9' },
    ...extra,
  };
}

function validation(run: () => unknown): CrmError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(CrmError);
    expect((error as CrmError).code).toBe('validation');
    return error as CrmError;
  }
  throw new Error('expected a validation error');
}

describe('a campaign e-mail', () => {
  it('carries a mailto List-Unsubscribe with the token, and no one-click header without a web page', () => {
    const mail = buildCampaignEmail(input());
    expect(mail.headers).toEqual({ 'List-Unsubscribe': '<mailto:unsubscribe@office.example?subject=unsubscribe%20c12-m345-x9>' });
  });

  it('offers one-click unsubscribe when an https page is given, and only then', () => {
    const https = buildCampaignEmail(input({ unsubscribe: { mailto: 'unsubscribe@office.example', token: 'tok en', url: 'https://crm.example/u/tok en?x=<1>' } }));
    expect(https.headers).toEqual({
      'List-Unsubscribe': '<https://crm.example/u/tok%20en?x=%3C1%3E>, <mailto:unsubscribe@office.example?subject=unsubscribe%20tok%20en>',
      'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
    });
    const http = buildCampaignEmail(input({ unsubscribe: { mailto: 'unsubscribe@office.example', token: 't', url: 'http://intranet/u/t' } }));
    expect(http.headers['List-Unsubscribe']).toBe('<http://intranet/u/t>, <mailto:unsubscribe@office.example?subject=unsubscribe%20t>');
    expect(http.headers).not.toHaveProperty('List-Unsubscribe-Post');
    expect(validation(() => buildCampaignEmail(input({ unsubscribe: { mailto: 'u@office.example', token: 't', url: 'javascript:alert(1)' } }))).issues?.[0]?.path).toBe(
      'unsubscribe.url',
    );
    expect(validation(() => buildCampaignEmail(input({ unsubscribe: { mailto: 'not an address', token: 't' } }))).issues?.[0]?.path).toBe('unsubscribe.mailto');
  });

  it('merges the subject as text on one line, and refuses a subject template with a line break', () => {
    const mail = buildCampaignEmail(input({ record: { ...record, accountName: 'Acme\r\nBcc: victim@example.com' } }));
    expect(mail.subject).toBe('News for Acme Bcc: victim@example.com');
    expect(buildCampaignEmail(input()).subject).toBe('News for Bäckerei <Schmidt> & Co');
    expect(validation(() => buildCampaignEmail(input({ subject: 'News\nfor you' }))).issues?.[0]?.path).toBe('subject');
    expect(validation(() => buildCampaignEmail(input({ subject: '  ' }))).message).toMatch(/subject is required/);
    expect(validation(() => buildCampaignEmail(input({ subject: 'Hi {{frist}}' }))).issues?.[0]?.path).toBe('subject');
  });

  it('HTML-escapes merged values and wraps a fragment in a minimal document with the footer inside <body>', () => {
    const { html } = buildCampaignEmail(input());
    expect(html).toMatch(/^<!DOCTYPE html>\n<html>\n<head>\n<meta charset="utf-8">\n<title>News for Bäckerei &lt;Schmidt&gt; &amp; Co<\/title>/);
    expect(html).toContain('<p>Hello Anna,</p>');
    expect(html).toContain('for Bäckerei &lt;Schmidt&gt; &amp; Co.</p>');
    expect(html).not.toContain('<Schmidt>');
    const footerAt = html.indexOf('unsubscribe@office.example?subject=unsubscribe%20c12-m345-x9');
    expect(footerAt).toBeGreaterThan(html.indexOf('spring offer'));
    expect(footerAt).toBeLessThan(html.indexOf('</body>'));
    expect(html.trimEnd().endsWith('</body>\n</html>')).toBe(true);
  });

  it('puts the footer last inside the body of a whole document the user wrote', () => {
    const doc = '<!doctype html><html><head><title>x</title></head><BODY><p>Hi {{firstName}}</p></BODY></html>';
    const { html } = buildCampaignEmail(input({ html: doc, unsubscribe: { mailto: 'u@office.example', token: 't', url: 'https://crm.example/u?t=1&c=2' } }));
    expect(html.match(/<html/gi)).toHaveLength(1);
    expect(html).toMatch(/<p>Hi Anna<\/p><hr [^>]*>\n<p [^>]*>If you no longer want to receive these e-mails, you can unsubscribe: <a href="https:\/\/crm\.example\/u\?t=1&amp;c=2">unsubscribe<\/a>\.<\/p>\n<\/BODY><\/html>$/);
  });

  it('derives the text part from the HTML: paragraphs, line breaks, entities, lists and links as "text (url)"', () => {
    const mail = buildCampaignEmail(
      input({
        html:
          '<html><head><style>p { color: red }</style><title>Ignored</title></head><body>\n' +
          '<h1>Spring&nbsp;offer</h1>\n<p>Hello {{firstName}},<br>dear   customer of\n{{accountName}}.</p>\n' +
          '<ul><li>Bread &amp; rolls</li><li>Caf&eacute; &#8211; &#x2615;</li></ul>\n' +
          '<p>See <a href="https://shop.example/spring?a=1&amp;b=2">our offer</a>, write to <a href="mailto:sales@example.com">sales@example.com</a>' +
          ' or visit <a href="https://shop.example">shop.example</a>.</p><!-- hidden --><script>alert(1)</script></body></html>',
      }),
    );
    expect(mail.text).toBe(
      'Spring offer\n\n' +
        'Hello Anna,\ndear customer of Bäckerei <Schmidt> & Co.\n\n' +
        '- Bread & rolls\n- Café – ☕\n\n' +
        'See our offer (https://shop.example/spring?a=1&b=2), write to sales@example.com or visit shop.example.\n\n' +
        '--\nIf you no longer want to receive these e-mails, you can unsubscribe: send an e-mail with the subject "unsubscribe c12-m345-x9" to unsubscribe@office.example\n' +
        '(mailto:unsubscribe@office.example?subject=unsubscribe%20c12-m345-x9)\n',
    );
  });

  it('uses a text template when given, merged verbatim, with the web unsubscribe link in the footer', () => {
    const mail = buildCampaignEmail(
      input({ text: 'Hello {{firstName}} at {{accountName}}: {{unsubscribeLink}}', unsubscribe: { mailto: 'u@office.example', token: 't', url: 'https://crm.example/u/t' } }),
    );
    expect(mail.text).toBe(
      'Hello Anna at Bäckerei <Schmidt> & Co: https://crm.example/u/t\n\n--\nIf you no longer want to receive these e-mails, you can unsubscribe: https://crm.example/u/t\n',
    );
  });

  it('turns tables, images and horizontal rules into readable text', () => {
    expect(htmlToText('<table><tr><td>A</td><td>1</td></tr><tr><td>B</td><td>2</td></tr></table><hr><img src="x.png" alt="Logo"> <a href="https://x.example"><img src="y.png"></a>')).toBe(
      'A 1\nB 2\n\n---\n\nLogo https://x.example',
    );
    expect(htmlToText('<pre>  two\n  lines</pre><p>a &unknown; b &lt;c&gt;</p>')).toBe('two\n  lines\n\na &unknown; b <c>');
  });
});

describe('sent through the mail sender', () => {
  it('arrives as text and HTML alternatives with the List-Unsubscribe headers', async () => {
    const settings = { host: 'smtp.office.example', port: 25, tlsMode: 'none', fromAddress: 'office@office.example', fromName: 'Office' };
    const store = { read: async (_key: string, schema: { parse(v: unknown): unknown }) => schema.parse(settings) } as unknown as AppSettingsStore;
    const cipher: SecretCipher = { protection: 'local-key', encrypt: (p) => Buffer.from(p), decrypt: (d) => d.toString() };
    let raw: Buffer = Buffer.alloc(0);
    const sender = createMailSender({
      store,
      cipher,
      // nodemailer's stream transport writes the message it would send into a buffer.
      createTransport: () => {
        const stream = createTransport({ streamTransport: true, buffer: true });
        return {
          async sendMail(mail) {
            const info = await stream.sendMail(mail);
            raw = info.message as Buffer;
            return { messageId: info.messageId, accepted: [String(mail.to)], rejected: [] };
          },
          close: () => stream.close(),
        };
      },
    });
    const mail = buildCampaignEmail(input({ unsubscribe: { mailto: 'unsubscribe@office.example', token: 'tok', url: 'https://crm.example/u/tok' } }));
    await sender.send({ to: 'anna@example.com', subject: mail.subject, text: mail.text, html: mail.html, headers: mail.headers });

    const parsed = await simpleParser(raw);
    expect(parsed.subject).toBe('News for Bäckerei <Schmidt> & Co');
    expect(parsed.html).toBe(mail.html);
    expect(parsed.text).toBe(mail.text);
    expect(raw.toString('latin1')).toMatch(/Content-Type: multipart\/alternative/);
    const header = (name: string) => parsed.headerLines.find((h) => h.key === name)?.line.replace(/\r?\n\s+/g, ' ');
    expect(header('list-unsubscribe')).toBe('List-Unsubscribe: <https://crm.example/u/tok>, <mailto:unsubscribe@office.example?subject=unsubscribe%20tok>');
    expect(header('list-unsubscribe-post')).toBe('List-Unsubscribe-Post: List-Unsubscribe=One-Click');
  });
});
