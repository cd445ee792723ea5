import { createWriteStream, type WriteStream } from 'node:fs';
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { escapeFormula } from './escape-cell';

export type Cell = string | number | null;

export interface RowSink {
  write(rows: Cell[][]): Promise<void>;
  close(): Promise<void>;
}

const escapeRow = (row: Cell[]) => row.map((c) => (typeof c === 'string' ? escapeFormula(c) : c));

function drain(out: WriteStream, text: string): Promise<void> {
  return out.write(text) ? Promise.resolve() : new Promise((resolve) => out.once('drain', () => resolve()));
}

/** CSV for Excel and everyone else: UTF-8 with a BOM, CRLF, quoted where needed; written page by page. */
export async function csvSink(path: string, headers: string[]): Promise<RowSink> {
  const out = createWriteStream(path);
  await drain(out, '\uFEFF' + Papa.unparse([headers], { newline: '\r\n' }) + '\r\n');
  return {
    write: (rows) => (rows.length ? drain(out, Papa.unparse(rows.map(escapeRow), { newline: '\r\n' }) + '\r\n') : Promise.resolve()),
    close: () => new Promise((resolve, reject) => out.end((error?: Error | null) => (error ? reject(error) : resolve()))),
  };
}

/** XLSX through exceljs's streaming writer: rows are committed as they come, so a big view never sits in memory. */
export async function xlsxSink(path: string, headers: string[], sheetName: string): Promise<RowSink> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useSharedStrings: false, useStyles: true });
  const sheet = workbook.addWorksheet(sheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
  const head = sheet.addRow(headers);
  head.font = { bold: true };
  head.commit();
  return {
    write: async (rows) => {
      for (const r of rows) sheet.addRow(escapeRow(r)).commit();
    },
    close: async () => {
      sheet.commit();
      await workbook.commit();
    },
  };
}

/** vCards, one after another in a .vcf: the text is already escaped per RFC 6350, no spreadsheet reads it. */
export async function vcardSink(path: string): Promise<{ write(cards: string[]): Promise<void>; close(): Promise<void> }> {
  const out = createWriteStream(path);
  return {
    write: (cards) => (cards.length ? drain(out, cards.join('')) : Promise.resolve()),
    close: () => new Promise((resolve, reject) => out.end((error?: Error | null) => (error ? reject(error) : resolve()))),
  };
}
