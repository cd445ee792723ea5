import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../support/temp-host';
import { startE2eApp, type E2eApp } from './fixture';

/**
 * Someone leaving Outlook brings their contacts: a semicolon-separated
 * Windows-1252 file with German dates. The Outlook preset is recognised, one
 * column it does not know is mapped by hand, the preview shows the two bad
 * rows, the good ones are imported (bad ones skipped and reported), and the
 * whole import is undone.
 */
describe('import journey', () => {
  let app: E2eApp;

  beforeAll(async () => {
    app = await startE2eApp();
  });

  afterAll(async () => {
    await app?.close();
  });

  it('imports a Windows-1252 semicolon file with a preset, a fixed mapping and row errors, then undoes it', async () => {
    const path = join(tempDir(), 'outlook-kontakte.csv');
    const lines = [
      'First Name;Last Name;E-mail Address;Business Phone;Company;Business City;Business Country/Region;Birthday;Funktion',
      'Hans;Müller;hans.mueller@example.de;+49 89 123456;;München;Deutschland;31.12.1980;Einkauf',
      'Françoise;Dupont;francoise@example.fr;;;Paris;Frankreich;01.02.1975;Direction',
      'Ole;Øster;ole(at)example.dk;;;København;Dänemark;;Salg',
      'Grete;Weiß;grete@example.at;;;Wien;Österreich;30.02.1990;Vertrieb',
    ];
    // Latin-1 and Windows-1252 agree on every character above: these are the file's exact bytes.
    writeFileSync(path, Buffer.from(lines.join('\r\n') + '\r\n', 'latin1'));

    const page = await app.newPage();
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Import' }).click();
    await page.getByRole('heading', { level: 1, name: 'Import' }).waitFor();
    await page.getByLabel('File (CSV or vCard)').setInputFiles(path);
    await page.getByRole('heading', { name: /2\. Read and map/ }).waitFor();

    // Detected: the encoding, the delimiter and the Outlook preset.
    expect(await page.getByLabel('Encoding').inputValue()).toBe('windows-1252');
    expect(await page.getByLabel('Delimiter').inputValue()).toBe(';');
    expect(await page.getByLabel('Preset').inputValue()).toBe('outlook-contacts');
    expect(await page.getByLabel('Field for Business City').inputValue()).toBe('city');
    await page.getByRole('cell', { name: 'Müller · Dupont · Øster' }).waitFor();

    // The column the preset does not know is mapped by hand; German dates.
    expect(await page.getByLabel('Field for Funktion').inputValue()).toBe('');
    await page.getByLabel('Field for Funktion').selectOption({ label: 'Job title' });
    await page.getByLabel('Numbers and dates as in').selectOption('de-DE');
    await page.getByLabel('Skip bad rows and give me an error file').check();
    await app.screenshot(page, 'imports-01-mapping');

    await page.getByRole('button', { name: 'Preview' }).click();
    const preview = page.getByRole('table', { name: 'Preview of the first rows' });
    await preview.waitFor();
    await preview.getByText('E-mail: Not an e-mail address').waitFor();
    await preview.getByText('Birthday: "30.02.1990" is not a day of the calendar (read as 31.12.2024)').waitFor();
    expect(await preview.getByRole('row').count()).toBe(5);
    await app.screenshot(page, 'imports-02-preview');

    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await page.getByRole('heading', { name: 'Import finished' }).waitFor();
    await page.getByText('Imported: 4 rows: 2 created, 0 updated, 2 with errors.').waitFor();
    await page.getByRole('list', { name: 'Row errors' }).getByText('Row 3 (line 4)').waitFor();
    await app.screenshot(page, 'imports-03-result');

    const contacts = await app.call('contacts.list', { startRow: 0, endRow: 100, sort: [{ colId: 'lastName', sort: 'asc' }] });
    expect(contacts.rows.map((c) => [c.firstName, c.lastName, c.title, c.city, c.country])).toEqual([
      ['Françoise', 'Dupont', 'Direction', 'Paris', 'FR'],
      ['Hans', 'Müller', 'Einkauf', 'München', 'DE'],
    ]);
    const hans = await app.call('contacts.get', { id: contacts.rows[1]!.id });
    expect(hans).toMatchObject({ birthday: '1980-12-31', emails: [{ address: 'hans.mueller@example.de' }], phones: [{ number: '+49 89 123456' }] });

    // The contacts grid exports what it shows: the two imported contacts, as CSV, phone escaped against formulas.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Contacts' }).click();
    await page.getByText('2 contacts').waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export CSV' }).click()]);
    const exported = readFileSync((await download.path())!, 'utf8');
    expect(download.suggestedFilename()).toMatch(/^contacts-\d{4}-\d{2}-\d{2}\.csv$/);
    expect(exported.split('\r\n')[0]).toBe('\uFEFFLast name,First name,Title,Account,E-mail,Phone,City,Country,Owner');
    expect(exported).toContain("Müller,Hans,Einkauf,,hans.mueller@example.de,'+49 89 123456,München,DE,Erika Mustermann");

    // Undone from the import history: the contacts go, the import stays listed as undone with its error file.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Import' }).click();
    await page.getByRole('main').getByRole('link', { name: 'Import history' }).click();
    const history = page.getByRole('table', { name: 'Imports' });
    await history.getByRole('button', { name: 'Undo' }).click();
    await page.getByRole('button', { name: 'Undo import' }).click();
    await history.getByRole('cell', { name: 'Undone' }).waitFor();
    await history.getByRole('button', { name: 'Error file' }).waitFor();
    expect((await app.call('contacts.list', { startRow: 0, endRow: 100 })).rows).toEqual([]);
    const [batch] = await app.call('imports.history', {});
    expect(batch).toMatchObject({ fileName: 'outlook-kontakte.csv', status: 'undone', counts: { created: 2, failed: 2 } });
    await app.screenshot(page, 'imports-04-history');
  });
});
