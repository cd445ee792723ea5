import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Input, MethodName, Output } from '../../shared/contract';
import { startSmtpServer, type SmtpTestServer } from '../support/smtp-test-server';
import { tempDir } from '../support/temp-host';
import { startE2eApp, type E2eApp } from './fixture';
import { hostCall, seedQuoteJourney } from './quote-seed';

/**
 * The quotes journey in Chromium: a salesperson builds a quote on an
 * opportunity (a bundle with an option, a laptop and the care pack the
 * configurator recommends), gives a discount above the approval threshold and
 * submits; a sales manager, picked in the profile picker, approves with a
 * comment; the PDF is generated and saved, and e-mailed to a real SMTP
 * server on loopback; version 2 changes a quantity (the
 * volume price applies), is compared with version 1, approved directly and
 * accepted, and the opportunity is won with the quote's total.
 */
describe('quotes journey: build → review → PDF → revise → compare → accept', () => {
  let app: E2eApp;
  let seed: Awaited<ReturnType<typeof seedQuoteJourney>>;
  let smtp: SmtpTestServer;

  beforeAll(async () => {
    app = await startE2eApp();
    seed = await seedQuoteJourney(app.host);
    smtp = await startSmtpServer({ rejectRecipients: ['einkauf@nordwind.example'] });
    await hostCall(app.host, 'mail.saveSettings', { host: smtp.host, port: smtp.port, tlsMode: 'none', fromAddress: 'angebote@office.example', fromName: 'Office CRM' });
  });

  afterAll(async () => {
    await app?.close();
    await smtp?.close();
  });

  const db = <M extends MethodName>(method: M, input: Input<M>): Promise<Output<M>> => hostCall(app.host, method, input);
  const heading = (page: Page, name: string | RegExp) => page.getByRole('heading', { level: 1, name }).waitFor();
  const actions = (page: Page) => page.getByRole('group', { name: 'Quote actions' });
  const status = (page: Page) => page.locator('.quote-header .quote-status');
  const total = (page: Page) => page.getByRole('region', { name: 'Totals' }).getByTestId('quote-total');
  const quoteIdIn = (page: Page) => Number(/#\/quotes\/(\d+)/.exec(page.url())?.[1] ?? Number.NaN);

  async function addProduct(page: Page, text: string, option: RegExp): Promise<void> {
    const lookup = page.getByRole('combobox', { name: 'Add product' });
    await lookup.fill(text);
    await page.getByRole('listbox', { name: 'Products' }).getByRole('option', { name: option }).waitFor();
    await lookup.press('Enter');
  }

  async function switchUser(page: Page, label: string): Promise<void> {
    await page.getByLabel('Current user').selectOption({ label });
    await expect.poll(() => page.getByLabel('Current user').locator('option:checked').textContent(), { timeout: 5_000 }).toBe(label);
  }

  async function journey(page: Page): Promise<void> {
    const { opportunity } = seed;

    // 1. The opportunity's Quotes panel: New quote opens a draft.
    await heading(page, 'Accounts');
    await page.goto(`${app.harness.url}#/opportunities/${opportunity.id}`);
    await heading(page, opportunity.name);
    const panel = page.getByRole('region', { name: 'Quotes' });
    await panel.getByText('No quotes yet.').waitFor();
    await panel.getByRole('button', { name: 'New quote' }).click();
    await heading(page, 'Quote Q-000001');
    expect(await page.locator('.quote-header__version').textContent()).toBe('Version 1');
    expect(await status(page).textContent()).toBe('Draft');
    const v1Id = quoteIdIn(page);

    // 2. The bundle: its included parts come along at no charge; the optional docking station is ticked.
    await addProduct(page, 'WS-KIT', /WS-KIT\s*Workstation kit.*€1,500\.00/);
    const lines = page.getByRole('table', { name: 'Lines' });
    await lines.getByRole('row', { name: /Monitor 27 inch/ }).getByText('Included').waitFor();
    await lines.getByRole('row', { name: /Keyboard/ }).getByText('Included').waitFor();
    await lines.getByRole('group', { name: 'Options for Workstation kit' }).getByRole('checkbox', { name: /Docking station/ }).check();
    await lines.getByRole('row', { name: /Docking station/ }).waitFor();
    expect(await page.getByLabel('Unit price: Docking station', { exact: true }).inputValue()).toBe('189.00');

    // 3. The laptop, and the care pack the configurator recommends for it.
    await addProduct(page, 'LAP-14', /LAP-14\s*Laptop Pro 14.*€1,200\.00/);
    const recommended = page.getByRole('list', { name: 'Recommended products' });
    await recommended.getByText('Care pack 3 years').waitFor();
    await recommended.getByRole('button', { name: 'Add Care pack 3 years' }).click();
    await lines.getByRole('row', { name: /Care pack 3 years/ }).waitFor();
    await recommended.waitFor({ state: 'detached' });

    // 4. 20 % off the laptop: above the 15 % threshold. The totals follow as it is typed.
    await page.getByLabel('Discount type: Laptop Pro 14', { exact: true }).selectOption('percent');
    await page.getByLabel('Discount: Laptop Pro 14', { exact: true }).fill('20');
    await expect.poll(() => total(page).textContent()).toBe('€3,329.62');
    const totals = await page.getByRole('region', { name: 'Totals' }).textContent();
    expect(totals).toContain('Subtotal€2,798.00');
    expect(totals).toContain('Tax 19% on €2,798.00€531.62');
    await page.getByText('Needs approval: largest discount 20% > threshold 15%').waitFor();
    await app.screenshot(page, 'quotes-01-editor');

    // 5. Save: the server stores exactly what the editor showed.
    await actions(page).getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByText('All changes saved', { exact: true }).waitFor();
    const saved = await db('quotes.get', { id: v1Id });
    expect(saved.totals).toMatchObject({ subtotalMinor: 279_800, taxMinor: 53_162, totalMinor: 332_962 });
    expect(saved.lines.filter((l) => l.kind === 'item').map((l) => l.kind === 'item' && [l.sku, l.parentKey !== null, l.unitPriceMinor, l.netMinor])).toEqual([
      ['WS-KIT', false, 150_000, 150_000],
      ['MON-27', true, 0, 0],
      ['KEY-1', true, 0, 0],
      ['DOCK-1', true, 18_900, 18_900],
      ['LAP-14', false, 120_000, 96_000],
      ['CARE-3', false, 14_900, 14_900],
    ]);
    expect(saved.needsApproval).toBe(true);

    // 6. Submit: it goes to review.
    await actions(page).getByRole('button', { name: 'Submit for approval' }).click();
    await expect.poll(() => status(page).textContent()).toBe('In review');
    await page.getByText('Needs approval: largest discount 20% > threshold 15%').waitFor();

    // 7. The manager, picked in the profile picker, approves with a comment.
    await switchUser(page, 'Max Manager (Sales manager)');
    await actions(page).getByRole('button', { name: 'Approve' }).click();
    const approve = page.getByRole('dialog', { name: 'Approve quote Q-000001' });
    await approve.getByLabel('Comment (optional)').fill('Fine for a 40-seat rollout.');
    await approve.getByRole('button', { name: 'Approve' }).click();
    await expect.poll(() => status(page).textContent()).toBe('Approved');
    const review = page.getByRole('status').filter({ hasText: /^Approved by Max Manager on / });
    expect(await review.locator('.quote-review__comment').textContent()).toBe('Fine for a 40-seat rollout.');
    expect((await db('quotes.history', { id: v1Id })).map((c) => `${c.from ?? ''}>${c.to}:${c.by.name}`)).toEqual([
      '>draft:Erika Mustermann',
      'draft>in_review:Erika Mustermann',
      'in_review>approved:Max Manager',
    ]);
    await switchUser(page, 'Erika Mustermann (Administrator)');

    // 8. The PDF: generated, listed with its size and hash, and saved (a download in the browser).
    await actions(page).getByRole('button', { name: 'Generate PDF' }).click();
    await page.getByText(/PDF created: Q-000001-v1\.pdf \(\d+ pages?\)/).waitFor();
    const documents = page.getByRole('table', { name: 'Documents' });
    const row = documents.getByRole('row', { name: /Q-000001-v1\.pdf/ });
    await row.waitFor();
    const [attachment] = (await db('quotes.get', { id: v1Id })).attachments;
    expect(attachment).toBeDefined();
    expect(await row.textContent()).toContain(attachment!.sha256.slice(0, 16));
    expect(await row.textContent()).toMatch(/\d+(\.\d)? KB/);
    const [download] = await Promise.all([page.waitForEvent('download'), row.getByRole('button', { name: /Save PDF/ }).click()]);
    expect(download.suggestedFilename()).toBe('Q-000001-v1.pdf');
    const file = join(tempDir('crm-e2e-download-'), 'quote.pdf');
    await download.saveAs(file);
    const bytes = readFileSync(file);
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(attachment!.sha256);
    expect(bytes.length).toBe(attachment!.byteSize);
    await app.screenshot(page, 'quotes-02-approved-with-pdf');

    // 9. E-mail: prefilled from the template; a recipient the server refuses is reported and nothing changes; then it goes out.
    await actions(page).getByRole('button', { name: 'E-mail…' }).click();
    const mail = page.getByRole('dialog', { name: 'E-mail quote Q-000001 (version 1)' });
    const to = mail.getByLabel('To', { exact: true });
    await expect.poll(() => to.inputValue()).toBe('jana.becker@nordwind.example');
    expect(await mail.getByLabel('Subject', { exact: true }).inputValue()).toBe('Quote Q-000001 (version 1): Nordwind – workstations');
    expect(await mail.getByLabel('Message', { exact: true }).inputValue()).toMatch(/^Dear Jana Becker,\n\nplease find attached our quote Q-000001 for Nordwind – workstations/);
    await to.fill('einkauf@nordwind.example');
    await mail.getByRole('button', { name: 'Send' }).click();
    await mail.getByText('Refused by the mail server: 550 Mailbox einkauf@nordwind.example does not exist').waitFor();
    expect(await to.getAttribute('aria-invalid')).toBe('true');
    expect((await db('quotes.get', { id: v1Id })).status).toBe('approved');
    await to.fill('jana.becker@nordwind.example');
    await mail.getByLabel('Cc', { exact: true }).fill('max.manager@example.com');
    await mail.getByRole('button', { name: 'Send' }).click();
    await mail.waitFor({ state: 'detached' });
    await expect.poll(() => status(page).textContent()).toBe('Sent');
    const [message] = await smtp.waitForMessages(1);
    expect(message!.subject).toBe('Quote Q-000001 (version 1): Nordwind – workstations');
    expect(message!.envelope.to).toEqual(['jana.becker@nordwind.example', 'max.manager@example.com']);
    expect(message!.attachments.map((a) => a.filename)).toEqual(['Q-000001-v1.pdf']);

    // 10. Revise: version 2 is a draft copy.
    await actions(page).getByRole('button', { name: 'Revise' }).click();
    await expect.poll(() => page.locator('.quote-header__version').textContent()).toBe('Version 2');
    expect(await status(page).textContent()).toBe('Draft');
    const v2Id = quoteIdIn(page);
    expect(v2Id).not.toBe(v1Id);

    // 11. Five laptops: the volume price applies; the discount comes down to 10 %, within the threshold.
    await page.getByLabel('Quantity: Laptop Pro 14', { exact: true }).fill('5');
    await expect.poll(() => page.getByLabel('Unit price: Laptop Pro 14', { exact: true }).inputValue()).toBe('1100.00');
    await page.getByLabel('Discount: Laptop Pro 14', { exact: true }).fill('10');
    await expect.poll(() => total(page).textContent()).toBe('€8,077.72');
    await actions(page).getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByText('All changes saved', { exact: true }).waitFor();
    expect((await db('quotes.get', { id: v2Id })).totals.totalMinor).toBe(807_772);

    // 12. Compare version 1 with version 2: the laptop line changed, the totals with it.
    await actions(page).getByRole('link', { name: 'Compare versions' }).click();
    await heading(page, 'Compare versions of quote Q-000001');
    const changes = page.getByRole('table', { name: 'Line changes' });
    const laptop = changes.getByRole('row', { name: /Laptop Pro 14/ });
    await laptop.waitFor();
    expect(await laptop.getByRole('cell').allTextContents()).toEqual(['Changed', 'Laptop Pro 14', '1 → 5', '€1,200.00 → €1,100.00', '20% → 10%', '19%', '€960.00 → €4,950.00']);
    // The changed values are highlighted, the unchanged tax rate is not.
    expect(await laptop.locator('td.quote-diff--changed').count()).toBe(4);
    expect(await changes.getByRole('row', { name: /Care pack 3 years/ }).getByRole('cell').first().textContent()).toBe('Same');
    const compared = page.getByRole('table', { name: 'Totals compared' }).getByRole('row', { name: /^Total/ });
    expect(await compared.textContent()).toBe('Total€3,329.62€8,077.72+€4,748.10');
    await app.screenshot(page, 'quotes-03-compare');

    // 13. Submit version 2: approved at once (10 % is within the threshold); the customer accepts.
    await page.getByRole('navigation', { name: 'Breadcrumb' }).getByRole('link', { name: 'Q-000001' }).click();
    await heading(page, 'Quote Q-000001');
    await actions(page).getByRole('button', { name: 'Submit', exact: true }).click();
    await expect.poll(() => status(page).textContent()).toBe('Approved');
    await actions(page).getByRole('button', { name: 'Accept' }).click();
    const accept = page.getByRole('dialog', { name: 'Customer accepted quote Q-000001' });
    await accept.getByText('moves to its won stage with the quote’s total, €8,077.72').waitFor();
    await accept.getByRole('button', { name: 'Accept quote' }).click();
    await expect.poll(() => status(page).textContent()).toBe('Accepted');

    // 14. The opportunity is won with the quote's total.
    await page.locator('.quote-facts').getByRole('link', { name: opportunity.name }).click();
    await heading(page, opportunity.name);
    await expect.poll(() => page.locator('.page-header__subtitle').textContent()).toBe('Nordwind Logistik GmbH · Closed won · €8,077.72');
    const quoteRow = page.getByRole('table', { name: 'Quotes of this opportunity' }).getByRole('row', { name: /Q-000001/ });
    expect(await quoteRow.textContent()).toContain('Accepted');
    expect(await quoteRow.textContent()).toContain('€8,077.72');
    const won = await db('opportunities.get', { id: opportunity.id });
    expect(won).toMatchObject({ stage: { kind: 'won' }, probability: 100, amount: { amountMinor: 807_772, currency: 'EUR' } });
    await app.screenshot(page, 'quotes-04-opportunity-won');
  }

  async function editing(page: Page): Promise<void> {
    const { account, contact } = seed;
    const opportunity = await db('opportunities.create', { name: 'Nordwind – server room', accountId: account.id, primaryContactId: contact.id, amount: { amountMinor: 500_000, currency: 'EUR' } });
    await heading(page, 'Accounts');
    await page.goto(`${app.harness.url}#/opportunities/${opportunity.id}`);
    await heading(page, opportunity.name);
    await page.getByRole('region', { name: 'Quotes' }).getByRole('button', { name: 'New quote' }).click();
    await heading(page, /^Quote Q-\d+$/);
    const quoteId = quoteIdIn(page);
    const lines = page.getByRole('table', { name: 'Lines' });
    const bodyRows = lines.locator('tbody tr');

    // A server needs rails: the configurator says so as soon as the server is on the quote.
    await addProduct(page, 'SRV', /SRV-1\s*Rack server/);
    const rules = page.getByRole('alert').filter({ hasText: 'cannot be quoted together' });
    expect(await rules.locator('li').allTextContents()).toEqual(['Rack server requires Rack rails (RAIL-1).']);

    // A group heading, typed where the focus lands, moved to the top with the keyboard.
    await page.getByRole('button', { name: 'Add group heading' }).click();
    await page.keyboard.type('Hardware');
    await page.getByRole('button', { name: 'Move up: Hardware' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => bodyRows.first().getAttribute('class')).toContain('quote-line--heading');
    // At the top "Move up" is disabled, so the focus moved to "Move down" of the same line.
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Move down: Hardware');

    // Saving anyway: the server refuses, and says so on the server's line.
    await actions(page).getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByRole('alert').filter({ hasText: 'Not saved' }).waitFor();
    const serverRow = lines.getByRole('row', { name: /Rack server/ });
    expect(await serverRow.getByRole('alert').textContent()).toBe('Rack server requires Rack rails (RAIL-1).');
    expect((await db('quotes.get', { id: quoteId })).lines).toEqual([]);

    // Rails added: the rule is met and the save goes through.
    await addProduct(page, 'RAIL', /RAIL-1\s*Rack rails/);
    await rules.waitFor({ state: 'detached' });
    // A bundle taken off again takes its parts along.
    await addProduct(page, 'WS-KIT', /WS-KIT/);
    await lines.getByRole('row', { name: /Keyboard/ }).waitFor();
    expect(await bodyRows.count()).toBe(6);
    await page.getByRole('button', { name: 'Remove Workstation kit' }).click();
    expect(await bodyRows.count()).toBe(3);
    // € 500 off € 2,500.00 is 20 %: above the threshold.
    await page.getByLabel('Discount type: Rack server', { exact: true }).selectOption('amount');
    await page.getByLabel('Discount: Rack server', { exact: true }).fill('500');
    await actions(page).getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByText('All changes saved', { exact: true }).waitFor();
    const saved = await db('quotes.get', { id: quoteId });
    expect(saved.lines.map((l) => (l.kind === 'heading' ? `# ${l.text}` : `${l.sku} ${l.netMinor}`))).toEqual(['# Hardware', 'SRV-1 200000', 'RAIL-1 4999']);
    expect(await total(page).textContent()).toBe('€2,439.49');
    expect(saved.totals.totalMinor).toBe(243_949);

    // In review; the manager sends it back with a comment; it is a draft again, with the comment on top.
    await actions(page).getByRole('button', { name: 'Submit for approval' }).click();
    await expect.poll(() => status(page).textContent()).toBe('In review');
    await switchUser(page, 'Max Manager (Sales manager)');
    await actions(page).getByRole('button', { name: 'Send back' }).click();
    const sendBack = page.getByRole('dialog', { name: /^Send quote Q-\d+ back$/ });
    await sendBack.getByRole('button', { name: 'Send back' }).click();
    await sendBack.getByText('Enter a comment', { exact: true }).waitFor();
    await sendBack.getByLabel(/What should change\?/).fill('Rails are free for this customer – drop the discount.');
    await sendBack.getByRole('button', { name: 'Send back' }).click();
    await expect.poll(() => status(page).textContent()).toBe('Draft');
    const banner = page.getByRole('status').filter({ hasText: /^Sent back by Max Manager on / });
    expect(await banner.locator('.quote-review__comment').textContent()).toBe('Rails are free for this customer – drop the discount.');
    await switchUser(page, 'Erika Mustermann (Administrator)');

    // Deleting the draft leaves the opportunity without quotes.
    await actions(page).getByRole('button', { name: 'Delete draft' }).click();
    await page.getByRole('dialog', { name: /^Delete version 1 of quote/ }).getByRole('button', { name: 'Delete draft' }).click();
    await heading(page, opportunity.name);
    await page.getByRole('region', { name: 'Quotes' }).getByText('No quotes yet.').waitFor();
  }

  it('builds, approves, prints, revises, compares and closes a quote', async () => {
    const page = await app.newPage();
    try {
      await journey(page);
    } catch (error) {
      await app.screenshot(page, 'quotes-failure').catch(() => undefined);
      throw error;
    }
  });

  it('checks configurator rules live and on save, reorders by keyboard, sends back with a comment and deletes a draft', async () => {
    const page = await app.newPage();
    try {
      await editing(page);
    } catch (error) {
      await app.screenshot(page, 'quotes-editing-failure').catch(() => undefined);
      throw error;
    }
  });
});
