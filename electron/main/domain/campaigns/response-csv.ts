import Papa from 'papaparse';
import { z } from 'zod';
import { RESPONSE_KINDS, type ResponseKind } from '../../../../shared/contract/campaigns';
import { SEGMENT_ENTITIES, type SegmentEntity } from '../../../../shared/contract/segments';
import { parseDate } from '../../../../shared/imports/locale-values';

/**
 * Reading a file of responses (campaigns.importResponses) into rows, before any of them is looked up:
 * every problem is kept with its line, so the user fixes the file once instead of once per error.
 */

export const MAX_ROWS = 100_000;
const NOTE_MAX = 500;

/** Who responded: an e-mail address to look up, or the record itself. */
export type ResponseWho = { email: string } | { entity: SegmentEntity; recordId: number };

export interface ResponseCsvRow {
  /** The file's line the row starts on (the header is line 1). */
  line: number;
  who: ResponseWho;
  kind: ResponseKind;
  /** ISO UTC; a day without a time is noon UTC of that day (the same calendar day in almost every time zone), or now if that is later. */
  respondedAt: string;
  note: string | null;
}

export interface LineError {
  line: number;
  message: string;
}

type Column = 'email' | 'recordId' | 'entity' | 'response' | 'date' | 'note';

/** Header spellings, compared lower-cased without blanks, dashes and underscores. */
const HEADERS: Record<string, Column> = {
  email: 'email',
  emailaddress: 'email',
  recordid: 'recordId',
  entity: 'entity',
  recordtype: 'entity',
  response: 'response',
  kind: 'response',
  date: 'date',
  respondedat: 'date',
  note: 'note',
  notes: 'note',
};

const Email = z.email();
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/i;
const KIND_LIST = 'replied, called back, registered, bought or unsubscribed';

/** "Called back", "called-back", "CALLED_BACK" → called_back. */
export function responseKind(raw: string): ResponseKind | null {
  const k = raw.trim().toLowerCase().replace(/[\s-]+/g, '_');
  return (RESPONSE_KINDS as readonly string[]).includes(k) ? (k as ResponseKind) : null;
}

/** An instant with its time and zone kept; a plain day (ISO or the locale's numeric order) at noon UTC, never later than now. */
export function responseTime(raw: string, locale: string, now: string): { ok: true; value: string } | { ok: false; message: string } {
  const text = raw.trim();
  if (!text) return { ok: true, value: now };
  if (ISO_INSTANT.test(text)) {
    const t = Date.parse(text);
    if (Number.isNaN(t)) return { ok: false, message: `"${text}" is not a date and time` };
    const value = new Date(t).toISOString();
    return value > now ? { ok: false, message: `${text} is in the future` } : { ok: true, value };
  }
  const day = parseDate(text, locale);
  if (!day.ok) return day;
  if (day.value > now.slice(0, 10)) return { ok: false, message: `${text} is in the future` };
  const noon = `${day.value}T12:00:00.000Z`;
  return { ok: true, value: noon > now ? now : noon };
}

function rowsOf(csv: string): { cells: string[]; line: number; problem: string | null }[] {
  const text = csv.charCodeAt(0) === 0xfeff ? csv.slice(1) : csv;
  const out: { cells: string[]; line: number; problem: string | null }[] = [];
  // Lines are counted as the parser moves on, so a quoted value over several lines still reports where its row starts.
  let counted = 0;
  let line = 1;
  Papa.parse<string[]>(text, {
    skipEmptyLines: 'greedy',
    step: (result) => {
      const end = result.meta.cursor;
      const chunk = text.slice(counted, end);
      const blank = /^\s*/.exec(chunk)![0];
      const start = line + countLines(blank);
      out.push({ cells: result.data, line: start, problem: result.errors[0] ? parserMessage(result.errors[0].code) : null });
      line += countLines(chunk);
      counted = end;
    },
  });
  return out;
}

function countLines(s: string): number {
  let n = 0;
  for (let i = s.indexOf('\n'); i >= 0; i = s.indexOf('\n', i + 1)) n++;
  return n;
}

function parserMessage(code: string): string {
  return code === 'MissingQuotes' || code === 'InvalidQuotes' ? 'A quoted value is not closed (a " is missing)' : 'The row cannot be read';
}

/** The rows of a responses file, or every reason it cannot be taken; `now` bounds the dates. */
export function readResponsesCsv(csv: string, locale: string, now: string): { rows: ResponseCsvRow[]; errors: LineError[] } {
  const [header, ...data] = rowsOf(csv);
  if (!header) return { rows: [], errors: [{ line: 1, message: 'The file has no rows' }] };
  const index: Partial<Record<Column, number>> = {};
  header.cells.forEach((h, i) => {
    const column = HEADERS[h.trim().toLowerCase().replace(/[\s_-]+/g, '')];
    if (column && index[column] === undefined) index[column] = i;
  });
  const headerErrors: LineError[] = [];
  if (index.response === undefined) headerErrors.push({ line: header.line, message: 'The file has no "response" column' });
  if (index.email === undefined && (index.recordId === undefined || index.entity === undefined)) {
    headerErrors.push({ line: header.line, message: 'The file needs an "email" column, or "record_id" and "entity" columns' });
  }
  if (headerErrors.length) return { rows: [], errors: headerErrors };
  if (!data.length) return { rows: [], errors: [{ line: header.line, message: 'The file has a header but no responses' }] };
  if (data.length > MAX_ROWS) return { rows: [], errors: [{ line: header.line, message: `At most ${MAX_ROWS.toLocaleString('en-US')} responses per file (this one has ${data.length.toLocaleString('en-US')})` }] };

  const rows: ResponseCsvRow[] = [];
  const errors: LineError[] = [];
  for (const { cells, line, problem } of data) {
    const cell = (c: Column) => (index[c] === undefined ? '' : (cells[index[c]!] ?? '').trim());
    const fail = (message: string) => errors.push({ line, message });
    if (problem) {
      fail(problem);
      continue;
    }
    const who = whoOf(cell('email'), cell('recordId'), cell('entity'));
    const rawKind = cell('response');
    const kind = rawKind ? responseKind(rawKind) : null;
    const time = responseTime(cell('date'), locale, now);
    const note = cell('note');
    const problems = [
      typeof who === 'string' ? who : null,
      !rawKind ? 'No response given' : kind ? null : `"${rawKind}" is not a response (${KIND_LIST})`,
      time.ok ? null : time.message,
      note.length > NOTE_MAX ? `The note has more than ${NOTE_MAX} characters` : null,
    ].filter((p): p is string => p !== null);
    if (problems.length) fail(problems.join('; '));
    else rows.push({ line, who: who as ResponseWho, kind: kind!, respondedAt: (time as { value: string }).value, note: note || null });
  }
  return { rows, errors };
}

/** The record a row names, or why it names none. Both given: the record id is the precise one. */
function whoOf(email: string, recordId: string, entity: string): ResponseWho | string {
  if (recordId || entity) {
    const e = entity.toLowerCase();
    if (!(SEGMENT_ENTITIES as readonly string[]).includes(e)) return entity ? `"${entity}" is not contact, lead or account` : 'Give the entity (contact, lead or account) with the record_id';
    if (!/^\d{1,15}$/.test(recordId) || Number(recordId) < 1) return recordId ? `"${recordId}" is not a record id` : 'Give the record_id with the entity';
    return { entity: e as SegmentEntity, recordId: Number(recordId) };
  }
  if (!email) return 'No e-mail address (or record_id and entity)';
  return Email.safeParse(email).success ? { email } : `"${email}" is not an e-mail address`;
}
