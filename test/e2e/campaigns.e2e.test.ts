import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startSmtpServer, type SmtpTestServer } from '../support/smtp-test-server';
import { startE2eApp, type E2eApp } from './fixture';

const DAY = 24 * 60 * 60_000;

/**
 * Marketing runs a campaign end to end in Chromium: a segment of the German
 * contacts (live count), frozen into an e-mail list; a campaign with that
 * audience and a two-step journey (an e-mail with a merge field now, a call two
 * days later for those who have not responded); started, it sends through a
 * real SMTP server on loopback and the progress shows the sent count; a reply
 * is recorded; two days on, the call step queues calls for the other two only,
 * one is worked from "My calls"; the ROI panel and report show the response.
 */
describe('campaigns journey', () => {
  let app: E2eApp;
  let smtp: SmtpTestServer;

  beforeAll(async () => {
    app = await startE2eApp();
    smtp = await startSmtpServer();
    await app.call('mail.saveSettings', { host: smtp.host, port: smtp.port, tlsMode: 'none', fromAddress: 'marketing@office.example', fromName: 'Office CRM' });
    const people: [string, string, string, string][] = [
      ['Anna', 'Becker', 'DE', '+49 30 1234501'],
      ['Jonas', 'Schmidt', 'DE', '+49 30 1234502'],
      ['Lea', 'Wagner', 'DE', '+49 30 1234503'],
      ['Camille', 'Martin', 'FR', '+33 1 23450004'],
    ];
    for (const [firstName, lastName, country, phone] of people) {
      await app.call('contacts.create', { firstName, lastName, emails: [{ address: `${firstName.toLowerCase()}@example.com` }], phones: [{ number: phone }], address: { country } });
    }
  });

  // The page as it was when a step failed, beside the other e2e screenshots.
  let current: Page | null = null;
  afterEach(async (ctx) => {
    if (ctx.task.result?.state === 'fail' && current) await app.screenshot(current, 'campaigns-failed').catch(() => undefined);
  });

  afterAll(async () => {
    await app?.close();
    await smtp?.close();
  });

  const nav = (page: Page, name: string) => page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name, exact: true }).click();
  const section = (page: Page, name: string) => page.getByRole('navigation', { name: 'Campaign sections' }).getByRole('link', { name, exact: true }).click();
  const toast = (page: Page, text: string | RegExp) => page.getByRole('status').filter({ hasText: text }).first().waitFor();
  /** The cells of a step's row in the progress table: wait, sent, queued, skipped, failed, waiting. */
  const stepCell = (page: Page, step: string, column: number) =>
    page.getByRole('table', { name: 'Progress per step' }).getByRole('row').filter({ has: page.getByRole('rowheader', { name: step }) }).getByRole('cell').nth(column);

  async function freezeGermanContacts(page: Page): Promise<void> {
    await nav(page, 'Segments');
    await page.getByRole('link', { name: 'New segment' }).click();
    await page.getByLabel('Name', { exact: true }).fill('German contacts');
    const total = page.getByRole('status').filter({ hasText: /match$|^Counting/ });
    await total.filter({ hasText: '4 contacts match' }).waitFor();
    await page.getByRole('button', { name: 'Add condition', exact: true }).click();
    await page.getByLabel('Condition 1 field', { exact: true }).selectOption('field:country');
    await page.getByLabel('Condition 1 operator', { exact: true }).selectOption('equals');
    await page.getByLabel('Condition 1 value', { exact: true }).selectOption('DE');
    await total.filter({ hasText: '3 contacts match' }).waitFor();
    await page.getByRole('button', { name: 'Save segment' }).click();
    await page.getByRole('heading', { name: 'German contacts' }).waitFor();
    await page.getByLabel('List name', { exact: true }).fill('Spring mailing');
    await page.getByLabel('For', { exact: true }).selectOption('email');
    await page.getByRole('button', { name: 'Freeze into list' }).click();
    await page.getByRole('heading', { name: 'Spring mailing' }).waitFor();
    await page.getByText('3 contacts', { exact: true }).waitFor();
  }

  async function planCampaign(page: Page): Promise<number> {
    await nav(page, 'Campaigns');
    await page.getByRole('link', { name: 'New campaign' }).click();
    await page.getByRole('textbox', { name: 'Name', exact: true }).fill('Spring offer');
    await page.getByLabel('Objective', { exact: true }).fill('Book demos for the spring release');
    await page.getByLabel('Budget', { exact: true }).fill('500');
    await page.getByLabel('Actual cost', { exact: true }).fill('120.50');
    await page.getByLabel('Audience (target list)', { exact: true }).selectOption({ label: 'Spring mailing (3)' });
    await page.getByRole('button', { name: 'Create campaign' }).click();
    await toast(page, 'Campaign “Spring offer” created');
    await page.getByRole('heading', { level: 1, name: 'Spring offer' }).waitFor();
    const id = Number(/#\/campaigns\/(\d+)\/journey/.exec(page.url())?.[1]);
    expect(id).toBeGreaterThan(0);
    expect(await app.call('campaigns.get', { id })).toMatchObject({ status: 'planned', budgetMinor: 50_000, actualCostMinor: 12_050, currency: 'EUR', audienceList: { name: 'Spring mailing' } });
    return id;
  }

  async function buildJourney(page: Page, id: number): Promise<void> {
    await page.getByRole('button', { name: 'Add e-mail step' }).click();
    const mail = page.getByRole('group', { name: 'Step 1: E-mail' });
    const variant = mail.getByRole('group', { name: 'Variant A' });
    await variant.getByLabel('Subject', { exact: true }).fill('Spring offer for ');
    // The chip goes where the cursor was: the end of the subject.
    await mail.getByRole('button', { name: 'Insert First name' }).click();
    await expect.poll(() => variant.getByLabel('Subject', { exact: true }).inputValue()).toBe('Spring offer for {{firstName}}');
    await variant.getByLabel('HTML body', { exact: true }).fill('<p>Hello {{firstName}},</p><p>our <strong>spring offer</strong> is here.</p>');

    await page.getByRole('button', { name: 'Add call step' }).click();
    const callStep = page.getByRole('group', { name: 'Step 2: Call' });
    await callStep.getByLabel('Wait (days)', { exact: true }).fill('2');
    await callStep.getByLabel('Who gets it', { exact: true }).selectOption('not_responded');
    await callStep.getByLabel('Call script', { exact: true }).fill('Ask whether the spring offer arrived and offer a demo.');
    await page.getByRole('button', { name: 'Save journey' }).click();
    await toast(page, 'Journey saved: 2 steps');

    const saved = await app.call('campaigns.get', { id });
    expect(saved.steps).toMatchObject([
      { channel: 'email', delayMinutes: 0, condition: 'always', variants: [{ key: 'A', share: 100, subject: 'Spring offer for {{firstName}}' }] },
      { channel: 'call', delayMinutes: 2 * 24 * 60, condition: 'not_responded' },
    ]);

    // The saved e-mail merged for a sample recipient (nobody is enrolled yet): no braces left.
    await page.getByRole('button', { name: 'Preview Step 1: E-mail' }).click();
    const preview = page.getByRole('region', { name: 'Preview of Step 1: E-mail' });
    await preview.getByText('Subject: Spring offer for Alex').waitFor();
    await preview.getByText('Hello Alex,').first().waitFor();
    await preview.getByText('spring offer', { exact: true }).first().waitFor();
    expect(await preview.textContent()).not.toContain('{{');
    await app.screenshot(page, 'campaigns-01-journey');
  }

  it('segments → list → two-step campaign → sent over SMTP → response → calls → ROI', async () => {
    const page = await app.newPage();
    current = page;
    await freezeGermanContacts(page);
    const id = await planCampaign(page);
    await buildJourney(page, id);

    // Start: the dialog says what happens; then the e-mails go out to the three members.
    await page.getByRole('button', { name: 'Start', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Start “Spring offer”?' });
    await dialog.getByText(/members of “Spring mailing” are enrolled/).waitFor();
    await dialog.getByRole('button', { name: 'Start', exact: true }).click();
    await toast(page, 'Campaign “Spring offer” is active');
    await page.locator('.page-header .campaign-status').filter({ hasText: 'Active' }).waitFor();

    const mails = await smtp.waitForMessages(3, 30_000);
    expect(mails.map((m) => m.subject).sort()).toEqual(['Spring offer for Anna', 'Spring offer for Jonas', 'Spring offer for Lea']);
    expect(mails.flatMap((m) => m.envelope.to).sort()).toEqual(['anna@example.com', 'jonas@example.com', 'lea@example.com']);

    await section(page, 'Progress');
    await expect.poll(() => stepCell(page, '1. E-mail', 1).textContent(), { timeout: 20_000 }).toBe('3');
    // The call waits two days.
    expect(await stepCell(page, '2. Call', 5).textContent()).toBe('3');
    await app.screenshot(page, 'campaigns-02-progress');

    await section(page, 'Members');
    const members = page.getByRole('table', { name: 'Members' });
    await members.getByRole('row').filter({ hasText: 'Anna Becker' }).filter({ hasText: 'Step 1 (E-mail): sent' }).waitFor();

    // Anna replied.
    await section(page, 'Responses');
    const member = page.getByRole('combobox', { name: 'Member' });
    await member.fill('Anna');
    await page.getByRole('option', { name: 'Anna Becker <anna@example.com>' }).click();
    await page.getByLabel('Response', { exact: true }).selectOption('replied');
    await page.getByLabel('Note', { exact: true }).fill('Asked for a demo by mail');
    await page.getByRole('button', { name: 'Record response' }).click();
    await toast(page, 'Response of Anna Becker recorded');
    await page.getByRole('table', { name: 'Responses' }).getByRole('row').filter({ hasText: 'Anna Becker' }).filter({ hasText: 'Replied' }).waitFor();

    // A CSV naming someone who is not a member is refused as a whole, with the line to correct.
    await page.getByLabel('CSV file', { exact: true }).setInputFiles({
      name: 'responses.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from('email,response,date,note\nnobody@example.com,replied,,Wrong address\n'),
    });
    await page.getByRole('button', { name: 'Import responses' }).click();
    await page.getByRole('table', { name: 'Lines to correct' }).getByRole('row').filter({ has: page.getByRole('cell', { name: '2', exact: true }) }).waitFor();
    expect((await app.call('campaigns.responses', { id })).total).toBe(1);

    // Two days on: the call step queues calls for those who have not responded.
    app.advance(2 * DAY + 60_000);
    await section(page, 'Progress');
    await expect.poll(() => stepCell(page, '2. Call', 2).textContent(), { timeout: 20_000 }).toBe('2');
    expect(await stepCell(page, '2. Call', 3).textContent()).toBe('1');

    await nav(page, 'My calls');
    const jonas = page.getByRole('article', { name: 'Jonas Schmidt' });
    await jonas.waitFor();
    await page.getByRole('article', { name: 'Lea Wagner' }).waitFor();
    expect(await page.getByRole('article', { name: 'Anna Becker' }).count()).toBe(0);
    await jonas.getByText('Ask whether the spring offer arrived').waitFor();
    await jonas.getByRole('link', { name: '+49 30 1234502' }).waitFor();
    await app.screenshot(page, 'campaigns-03-calls');
    await jonas.getByLabel('Note', { exact: true }).fill('Wants a demo next week');
    await jonas.getByRole('button', { name: 'Interested', exact: true }).click();
    await toast(page, /^Jonas Schmidt: interested/);
    await expect.poll(() => page.getByRole('article', { name: 'Jonas Schmidt' }).count()).toBe(0);

    // The ROI panel counts the reply (and the interested call) against the cost.
    await nav(page, 'Campaigns');
    const row = page.getByRole('table', { name: 'Campaigns' }).getByRole('row').filter({ hasText: 'Spring offer' });
    await row.filter({ hasText: 'Active' }).filter({ hasText: '€500.00' }).filter({ hasText: '€120.50' }).waitFor();
    await row.getByRole('link', { name: 'Spring offer' }).click();
    await section(page, 'ROI');
    const figures = page.getByRole('group', { name: 'Return on investment' });
    await figures.waitFor();
    // Anna's reply and Jonas's interest (a call outcome is a response too) out of three reached.
    const roi = await app.call('campaigns.roi', { campaignIds: [id] });
    expect(roi.find((r) => r.channel === null)).toMatchObject({ campaignId: id, reached: 3, responded: 2, opportunities: 1, costMinor: 12_050 });
    const figure = (name: string) => figures.locator('div', { has: page.locator('dt', { hasText: new RegExp(`^${name}$`) }) }).locator('dd');
    expect(await figure('Responded').textContent()).toBe('2');
    expect(await figure('Response rate').textContent()).toBe('66.7%');
    expect(await figure('Cost').textContent()).toBe('€120.50');
    await page.getByRole('table', { name: 'ROI per channel' }).getByRole('row', { name: /Whole campaign/ }).waitFor();
    await page.getByRole('img', { name: 'Cost and won revenue per channel in EUR' }).waitFor();
    await app.screenshot(page, 'campaigns-04-roi');

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Campaigns', exact: true }).click();
    await page.getByRole('navigation', { name: 'Campaign pages' }).getByRole('link', { name: 'ROI report' }).click();
    await page.getByRole('table', { name: 'ROI per campaign in EUR' }).getByRole('link', { name: 'Spring offer' }).waitFor();
    await page.getByRole('radio', { name: 'First' }).check();
    await page.getByRole('table', { name: 'ROI per campaign in EUR' }).getByRole('link', { name: 'Spring offer' }).waitFor();
  });
  it('details save as minor units, a stale save shows the conflict, letters print and are marked mailed, pause, resume and complete', async () => {
    const people = [
      { firstName: 'Karl', lastName: 'Brenner', address: { street: 'Hauptstr. 1', postcode: '50667', city: 'Köln', country: 'DE' } },
      { firstName: 'Greta', lastName: 'Lindqvist', address: { street: 'Storgatan 5', postcode: '11122', city: 'Stockholm', country: 'SE' } },
    ];
    const ids: number[] = [];
    for (const p of people) ids.push((await app.call('contacts.create', p)).id);
    const list = await app.call('lists.create', { name: 'Autumn letters list', entity: 'contact', channel: 'letter' });
    await app.call('lists.add', { listId: list.id, ids });
    const created = await app.call('campaigns.create', {
      name: 'Autumn letters',
      type: 'direct_mail',
      currency: 'EUR',
      budgetMinor: 100_000,
      audienceListId: list.id,
      steps: [{ channel: 'letter', delayMinutes: 0, subject: 'Our autumn catalogue', body: 'Dear {{fullName}},\n\nthe autumn catalogue is enclosed.' }],
    });

    const page = await app.newPage();
    current = page;
    await nav(page, 'Campaigns');
    await page.getByRole('table', { name: 'Campaigns' }).getByRole('link', { name: 'Autumn letters' }).click();
    await page.getByRole('heading', { level: 1, name: 'Autumn letters' }).waitFor();

    // Typed amounts are saved as minor units, with the version the form loaded.
    await page.getByLabel('Actual cost', { exact: true }).fill('75.25');
    await page.getByLabel('Expected revenue', { exact: true }).fill('1,000');
    await page.getByRole('button', { name: 'Save details' }).click();
    await toast(page, 'Campaign saved');
    expect(await app.call('campaigns.get', { id: created.id })).toMatchObject({ version: 2, actualCostMinor: 7_525, expectedRevenueMinor: 100_000, budgetMinor: 100_000 });

    // Someone else renames it meanwhile: this form's save is refused until it reloads.
    await app.call('campaigns.update', { id: created.id, version: 2, patch: { name: 'Autumn catalogue' } });
    await page.getByLabel('Objective', { exact: true }).fill('Catalogue to every customer');
    await page.getByRole('button', { name: 'Save details' }).click();
    await page.getByRole('alert').filter({ hasText: 'Not saved: this record was changed by someone else.' }).waitFor();
    await page.getByRole('button', { name: 'Reload' }).click();
    await expect.poll(() => page.getByRole('textbox', { name: 'Name', exact: true }).inputValue()).toBe('Autumn catalogue');

    await page.getByRole('button', { name: 'Start', exact: true }).click();
    await page.getByRole('dialog', { name: 'Start “Autumn catalogue”?' }).getByRole('button', { name: 'Start', exact: true }).click();
    await page.locator('.page-header .campaign-status').filter({ hasText: 'Active' }).waitFor();

    // Started: the journey is read-only.
    await section(page, 'Journey');
    await page.getByText('The journey is fixed once the campaign has started').waitFor();
    expect(await page.getByRole('group', { name: 'Step 1: Letter' }).getByLabel('Letter', { exact: true }).isDisabled()).toBe(true);
    expect(await page.getByRole('button', { name: 'Save journey' }).count()).toBe(0);

    await section(page, 'Letters');
    const letters = page.getByRole('region', { name: 'Step 1: letter “Our autumn catalogue”' });
    await letters.getByText('2 letters waiting to be printed and mailed').waitFor({ timeout: 20_000 });
    const [download] = await Promise.all([page.waitForEvent('download'), letters.getByRole('button', { name: 'Download letters (PDF)' }).click()]);
    expect(download.suggestedFilename()).toMatch(/\.pdf$/);
    const pdf = await download.createReadStream().then(async (stream) => {
      const chunks: Buffer[] = [];
      for await (const chunk of stream) chunks.push(chunk as Buffer);
      return Buffer.concat(chunks);
    });
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    await toast(page, /^2 letters saved to /);
    await letters.getByRole('button', { name: 'Mark as mailed' }).click();
    await page.getByRole('dialog', { name: 'Mark the letters as mailed?' }).getByRole('button', { name: 'Mark as mailed' }).click();
    await toast(page, '2 letters marked as mailed');
    await letters.getByText('0 letters waiting to be printed and mailed').waitFor();
    const progress = await app.call('campaigns.progress', { id: created.id });
    expect(progress.steps[0]).toMatchObject({ queued: 0, sent: 2 });

    // Pause and resume need no confirmation; completing does, and ends the actions.
    const header = page.locator('.page-header');
    await header.getByRole('button', { name: 'Pause' }).click();
    await header.locator('.campaign-status').filter({ hasText: 'Paused' }).waitFor();
    await header.getByRole('button', { name: 'Resume' }).click();
    await header.locator('.campaign-status').filter({ hasText: 'Active' }).waitFor();
    await header.getByRole('button', { name: 'Complete' }).click();
    const confirm = page.getByRole('dialog', { name: 'Complete “Autumn catalogue”?' });
    await confirm.getByText('cannot be restarted').waitFor();
    await confirm.getByRole('button', { name: 'Complete' }).click();
    await header.locator('.campaign-status').filter({ hasText: 'Completed' }).waitFor();
    await expect.poll(() => header.getByRole('button').count()).toBe(0);
    expect((await app.call('campaigns.get', { id: created.id })).status).toBe('completed');
  });

  it('a send the mail server refused shows in Failed with its reason, and Try again sends it once the server takes it', async () => {
    const refusing = await startSmtpServer({ rejectRecipients: ['bounce@example.com'] });
    try {
      await app.call('mail.saveSettings', { host: refusing.host, port: refusing.port, tlsMode: 'none', fromAddress: 'marketing@office.example', fromName: 'Office CRM' });
      const contact = await app.call('contacts.create', { firstName: 'Bo', lastName: 'Unce', emails: [{ address: 'bounce@example.com' }] });
      const list = await app.call('lists.create', { name: 'Bounce list', entity: 'contact', channel: 'email' });
      await app.call('lists.add', { listId: list.id, ids: [contact.id] });
      const created = await app.call('campaigns.create', {
        name: 'Bounce test',
        type: 'email',
        currency: 'EUR',
        audienceListId: list.id,
        steps: [{ channel: 'email', delayMinutes: 0, variants: [{ key: 'A', share: 100, subject: 'Hello', html: '<p>Hello</p>' }] }],
      });
      await app.call('campaigns.setStatus', { id: created.id, version: created.version, status: 'active' });
      app.wake();
      await expect.poll(async () => (await app.call('campaigns.progress', { id: created.id })).failed, { timeout: 20_000 }).toBe(1);

      const page = await app.newPage();
      current = page;
      // The app first lands on its start page: going elsewhere before that would be undone by its redirect.
      await page.getByRole('heading', { level: 1, name: 'Accounts' }).waitFor();
      await page.goto(`${app.harness.url}#/campaigns/${created.id}/progress`);
      const failed = page.getByRole('table', { name: 'Failed sends' });
      await failed.getByText(/refused the recipients/).waitFor();

      // The office fixes its mail server; trying again delivers the message, once.
      await app.call('mail.saveSettings', { host: smtp.host, port: smtp.port, tlsMode: 'none', fromAddress: 'marketing@office.example', fromName: 'Office CRM' });
      await failed.getByRole('button', { name: 'Try again' }).click();
      await toast(page, 'Trying again');
      await expect.poll(() => smtp.messages.filter((m) => m.envelope.to[0] === 'bounce@example.com').length, { timeout: 20_000 }).toBe(1);
      await expect.poll(async () => (await app.call('campaigns.progress', { id: created.id })).steps[0]?.sent, { timeout: 20_000 }).toBe(1);
      await page.getByRole('table', { name: 'Failed sends' }).waitFor({ state: 'detached' });
    } finally {
      await app.call('mail.saveSettings', { host: smtp.host, port: smtp.port, tlsMode: 'none', fromAddress: 'marketing@office.example', fromName: 'Office CRM' });
      await refusing.close();
    }
  });
});
