import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { z } from 'zod';
import type { ExportInput } from '../../../../shared/contract/exports';
import { minorDigits } from '../../../../shared/money';
import { CrmError } from '../../../../shared/errors';
import type { Services } from '../../host/services';
import { contactVcard } from '../vcard/write-vcard';
import { csvSink, vcardSink, xlsxSink, type Cell } from './export-writers';
import { GRID_SOURCES } from './grid-sources';

const PAGE = 500;
/** What the browser harness takes back as bytes; the app saves through the dialog instead. */
const MAX_RETURNED_BYTES = 64 * 1024 * 1024;
/** Excel's own row limit, header included. */
const XLSX_MAX_ROWS = 1_048_575;

type Parsed = z.output<typeof ExportInput>;

function cell(row: Record<string, unknown>, colId: string, money: Record<string, string>): Cell {
  const value = row[colId];
  if (value === null || value === undefined) return null;
  const currencyColumn = money[colId];
  if (currencyColumn && typeof value === 'number') {
    const currency = row[currencyColumn];
    // Minor units in the file would be read as a 100× amount: export what people mean.
    return typeof currency === 'string' ? value / 10 ** minorDigits(currency) : value;
  }
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  return typeof value === 'number' ? value : String(value);
}

/** The contacts of each page as vCards: the grid row has the view's order, the card needs the whole contact. */
async function vcardCards(services: Services, path: string, version: '3.0' | '4.0') {
  const cards = await vcardSink(path);
  return {
    writeRecords: async (rows: Record<string, unknown>[]) => {
      const contacts = await Promise.all(rows.map((r) => services.contacts.get(r.id as number)));
      await cards.write(contacts.map((c) => contactVcard(c, version)));
    },
    close: () => cards.close(),
  };
}

/**
 * Walks the view page by page through the grid's own list method (so the
 * export holds exactly the rows the grid shows, in its order) and streams
 * them into the file.
 */
export async function exportGrid(
  services: Services,
  input: Parsed,
  options: { saveFile?: ((name: string, bytes: Buffer) => Promise<string | null>) | undefined; progress: (done: number) => void },
): Promise<{ fileName: string; rows: number; savedTo: string | null; contentBase64: string | null }> {
  const source = GRID_SOURCES[input.grid];
  const unknown = input.columns.find((c) => !source.columns.includes(c.colId));
  if (unknown) throw new CrmError('validation', `The ${input.grid} grid has no column "${unknown.colId}".`, [{ path: 'columns', message: `Unknown column ${unknown.colId}` }]);
  const probe = source.query.safeParse({ startRow: 0, endRow: PAGE, sort: input.sort, filter: input.filter });
  if (!probe.success) {
    throw new CrmError('validation', 'The view\'s sort or filter is not one this grid accepts.', probe.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })));
  }
  // An amount without its currency means nothing: a money column brings its currency along.
  const columns = [...input.columns];
  for (const [money, currency] of Object.entries(source.money)) {
    if (columns.some((c) => c.colId === money) && !columns.some((c) => c.colId === currency)) columns.push({ colId: currency, header: 'Currency' });
  }
  const dir = mkdtempSync(join(tmpdir(), 'crm-export-'));
  try {
    const stamp = new Date().toISOString().slice(0, 10);
    const fileName = `${input.grid}-${stamp}.${input.format}`;
    const path = join(dir, fileName);
    const headers = columns.map((c) => c.header);
    const sink =
      input.format === 'vcf'
        ? await vcardCards(services, path, input.vcardVersion)
        : input.format === 'csv'
          ? await csvSink(path, headers)
          : await xlsxSink(path, headers, input.grid);
    let rows = 0;
    for (let start = 0; ; start += PAGE) {
      const query = source.query.parse({ startRow: start, endRow: start + PAGE, sort: input.sort, filter: input.filter });
      const page = await source.list(services, query as never);
      if (input.format === 'xlsx' && rows + page.rows.length > XLSX_MAX_ROWS) {
        throw new CrmError('validation', `The view has more than ${XLSX_MAX_ROWS.toLocaleString('en')} rows, the most an XLSX sheet holds: export it as CSV or filter it.`);
      }
      if ('writeRecords' in sink) await sink.writeRecords(page.rows);
      else await sink.write(page.rows.map((r) => columns.map((c) => cell(r, c.colId, source.money))));
      rows += page.rows.length;
      options.progress(rows);
      if (page.rows.length < PAGE) break;
    }
    await sink.close();
    const bytes = readFileSync(path);
    if (options.saveFile) return { fileName, rows, savedTo: await options.saveFile(fileName, bytes), contentBase64: null };
    if (bytes.length > MAX_RETURNED_BYTES) throw new CrmError('validation', 'The file is too large to hand to the browser: export it in the desktop app, or filter the view.');
    return { fileName, rows, savedTo: null, contentBase64: bytes.toString('base64') };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
