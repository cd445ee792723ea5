import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Input, MethodName } from '../../shared/contract';
import { startSmtpServer, type SmtpTestServer } from '../support/smtp-test-server';
import { tempDir } from '../support/temp-host';
import { startE2eApp, type E2eApp } from './fixture';

/**
 * An administrator sets up the office: the company profile (a wrong logo file is refused at
 * the field), the quote approval threshold, and the mail server with a write-only password,
 * then sends a test message to a real SMTP server on loopback; everything survives a reload.
 */
describe('settings journey', () => {
  let app: E2eApp;
  let smtp: SmtpTestServer;

  beforeAll(async () => {
    app = await startE2eApp();
    smtp = await startSmtpServer({ auth: { user: 'crm@example.com', password: 'Geheim 123!' } });
  });

  afterAll(async () => {
    await app?.close();
    await smtp?.close();
  });

  const db = <M extends MethodName>(method: M, input: Input<M>) => app.call(method, input);

  const tab = (page: Page, name: string) => page.getByRole('tab', { name, exact: true });
  /** A field by its label; a required field's label ends in " *". */
  const field = (page: Page, label: string) => page.getByLabel(new RegExp(`^${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}( \\*)?$`));

  it('saves company, quote and e-mail settings, sends a test message, and shows them again after a reload', async () => {
    const page = await app.newPage();
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click();
    await page.getByRole('heading', { level: 1, name: 'Settings', exact: true }).waitFor();

    // Company: a text file is not a logo; the error shows at the field and nothing is saved.
    const notALogo = join(tempDir(), 'logo.txt');
    writeFileSync(notALogo, 'not an image');
    await field(page, 'Company name').fill('Müller Büroausstattung GmbH');
    await field(page, 'City').fill('Köln');
    await field(page, 'Logo file').fill(notALogo);
    await page.getByRole('button', { name: 'Save company profile' }).click();
    await page.getByText('The logo must be a PNG or JPEG image.').waitFor();
    expect(await field(page, 'Logo file').getAttribute('aria-invalid')).toBe('true');
    expect((await db('settings.getCompany', {})).name).toBe('');
    await app.screenshot(page, 'settings-01-bad-logo');
    await field(page, 'Logo file').fill('');
    await page.getByRole('button', { name: 'Save company profile' }).click();
    await page.getByText('Company profile saved').waitFor();
    expect(await db('settings.getCompany', {})).toMatchObject({ name: 'Müller Büroausstattung GmbH', city: 'Köln', logoPath: null });

    // Quotes: the approval threshold; the placeholders are listed beside the template.
    await tab(page, 'Quotes').click();
    await field(page, 'Approval threshold (%)').fill('12.5');
    expect(await page.locator('#quote-placeholders').textContent()).toContain('{{validUntil}}');
    await page.getByRole('button', { name: 'Save quote settings' }).click();
    await page.getByText('Quote settings saved').waitFor();
    expect((await db('settings.getQuotes', {})).approvalThresholdPercent).toBe(12.5);
    await app.screenshot(page, 'settings-03-quotes');

    // E-mail: the password is typed once and afterwards only shown as stored.
    await tab(page, 'E-mail (SMTP)').click();
    await page.getByText('Password: not stored').waitFor();
    await field(page, 'SMTP server').fill('127.0.0.1');
    await field(page, 'Port').fill(String(smtp.port));
    await field(page, 'Security').selectOption('none');
    await field(page, 'User name').fill('crm@example.com');
    await field(page, 'Password').fill('Geheim 123!');
    await field(page, 'From address').fill('angebote@mueller.example');
    await field(page, 'From name').fill('Müller Büroausstattung');
    await page.getByRole('button', { name: 'Save e-mail settings' }).click();
    await page.getByText('E-mail settings saved').waitFor();
    await page.getByText('Password: stored', { exact: true }).waitFor();
    expect(await field(page, 'Password').inputValue()).toBe('');
    const saved = await db('mail.getSettings', {});
    expect(saved).toMatchObject({ host: '127.0.0.1', port: smtp.port, tlsMode: 'none', user: 'crm@example.com', passwordSet: true });
    expect(JSON.stringify(saved)).not.toContain('Geheim');

    await field(page, 'Send test message to').fill('chefin@mueller.example');
    await page.getByRole('button', { name: 'Send test message' }).click();
    await page.getByText('Sent: the mail server accepted the message for chefin@mueller.example').waitFor();
    const [mail] = await smtp.waitForMessages(1);
    expect(mail!.subject).toBe('Office CRM test message');
    expect(mail!.login).toBe('crm@example.com');
    expect(mail!.from?.value[0]).toEqual({ address: 'angebote@mueller.example', name: 'Müller Büroausstattung' });
    await app.screenshot(page, 'settings-02-email');

    // A reload shows what was stored.
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Settings', exact: true }).waitFor();
    expect(await tab(page, 'E-mail (SMTP)').getAttribute('aria-selected')).toBe('true');
    await page.getByText('Password: stored', { exact: true }).waitFor();
    expect(await field(page, 'SMTP server').inputValue()).toBe('127.0.0.1');
    expect(await field(page, 'Port').inputValue()).toBe(String(smtp.port));
    expect(await field(page, 'Security').inputValue()).toBe('none');
    expect(await field(page, 'Password').inputValue()).toBe('');
    await tab(page, 'Quotes').click();
    expect(await field(page, 'Approval threshold (%)').inputValue()).toBe('12.5');
    await tab(page, 'Company').click();
    expect(await field(page, 'Company name').inputValue()).toBe('Müller Büroausstattung GmbH');
  });

  it('sets up the SMS gateway: a GET without {text} is refused at the field, the header value is write-only', async () => {
    const page = await app.newPage();
    // The app first lands on its start page: going elsewhere before that would be undone by its redirect.
    await page.getByRole('heading', { level: 1, name: 'Accounts' }).waitFor();
    await page.goto(`${app.harness.url}#/settings?tab=sms`);
    await page.getByRole('heading', { level: 1, name: 'Settings', exact: true }).waitFor();
    await field(page, 'Address').fill('https://sms.example.com/send?to={to}');
    await page.getByRole('button', { name: 'Save SMS gateway' }).click();
    await page.getByText('{text} must appear in the address or the body').waitFor();
    expect((await db('campaigns.smsGateway', {})).configured).toBe(false);

    await field(page, 'Address').fill('https://sms.example.com/send');
    await field(page, 'Method').selectOption('POST');
    await field(page, 'Body type').fill('application/json');
    await field(page, 'Body').fill('{"to": "{to}", "text": "{text}"}');
    await field(page, 'Authorization header').fill('X-Api-Key');
    await field(page, 'Header value').fill('s3cr3t-key');
    await page.getByRole('button', { name: 'Save SMS gateway' }).click();
    await page.getByText('Header value: stored', { exact: true }).waitFor();
    const saved = await db('campaigns.smsGateway', {});
    expect(saved).toMatchObject({ configured: true, method: 'POST', authHeaderName: 'X-Api-Key', authHeaderValueSet: true });
    expect(JSON.stringify(saved)).not.toContain('s3cr3t');
    await page.reload();
    await page.getByText('Header value: stored', { exact: true }).waitFor();
    expect(await field(page, 'Body').inputValue()).toBe('{"to": "{to}", "text": "{text}"}');
    expect(await field(page, 'Header value').inputValue()).toBe('');
  });
});
