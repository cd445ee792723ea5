/**
 * A small RFC 5545 (iCalendar) writer, and a reader for what it writes: enough
 * for Outlook, Google and Apple Calendar to import meetings. Text is escaped
 * (\\ ; , and newlines), lines are folded at 75 octets without splitting a
 * UTF-8 character, every line ends in CRLF and every time is UTC ("…Z").
 */

export interface IcsPerson {
  name: string;
  email: string;
}

export interface IcsEvent {
  /** Globally unique and stable for the same meeting, so a re-import updates instead of duplicating. */
  uid: string;
  /** When this file was made (ISO UTC). */
  stamp: string;
  start: string;
  end: string;
  summary: string;
  description?: string | null;
  location?: string | null;
  organizer?: IcsPerson | null;
  attendees?: IcsPerson[];
  /** Bumped on every change, so calendars take the newer copy. */
  sequence?: number;
  lastModified?: string | null;
}

export const PRODID = '-//Office CRM//Activities 1.0//EN';
const CRLF = '\r\n';
const MAX_OCTETS = 75;

/** TEXT value escaping (RFC 5545 §3.3.11). */
export function escapeText(text: string): string {
  return text
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n')
    .replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '');
}

export function unescapeText(text: string): string {
  return text.replace(/\\([\\;,nN])/g, (_, c: string) => (c === 'n' || c === 'N' ? '\n' : c));
}

/** A parameter value: quoted when it holds : ; or , (a DQUOTE cannot be expressed at all, so it is dropped). */
export function paramValue(value: string): string {
  const clean = value.replace(/["\u0000-\u001f\u007f]/g, '');
  return /[:;,]/.test(clean) ? `"${clean}"` : clean;
}

/** Folds one content line into chunks of at most 75 octets; continuation lines start with one space. */
export function foldLine(line: string): string {
  if (Buffer.byteLength(line, 'utf8') <= MAX_OCTETS) return line;
  const out: string[] = [];
  let current = '';
  let octets = 0;
  for (const ch of line) {
    const size = Buffer.byteLength(ch, 'utf8');
    // The leading space of a continuation line counts toward its 75 octets.
    const limit = out.length === 0 ? MAX_OCTETS : MAX_OCTETS - 1;
    if (octets + size > limit) {
      out.push(current);
      current = '';
      octets = 0;
    }
    current += ch;
    octets += size;
  }
  out.push(current);
  return out.join(`${CRLF} `);
}

/** "2026-03-01T09:30:00.000Z" → "20260301T093000Z". */
export function formatUtc(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) throw new Error(`Not a time: ${iso}`);
  return d.toISOString().replace(/\.\d{3}Z$/, 'Z').replace(/[-:]/g, '');
}

/** "20260301T093000Z" → "2026-03-01T09:30:00.000Z". */
export function parseUtc(value: string): string {
  const m = /^(\d{4})(\d\d)(\d\d)T(\d\d)(\d\d)(\d\d)Z$/.exec(value);
  if (!m) throw new Error(`Not a UTC date-time: ${value}`);
  return new Date(Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!, +m[6]!)).toISOString();
}

const safeEmail = (email: string) => /^[^\s"<>:;,\\]+@[^\s"<>:;,\\]+$/.test(email);

function person(prop: 'ORGANIZER' | 'ATTENDEE', p: IcsPerson): string | null {
  if (!safeEmail(p.email)) return null;
  const params = prop === 'ATTENDEE' ? `;CN=${paramValue(p.name)};ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION` : `;CN=${paramValue(p.name)}`;
  return `${prop}${params}:mailto:${p.email}`;
}

function eventLines(e: IcsEvent): string[] {
  const lines = [
    'BEGIN:VEVENT',
    `UID:${escapeText(e.uid)}`,
    `DTSTAMP:${formatUtc(e.stamp)}`,
    `DTSTART:${formatUtc(e.start)}`,
    `DTEND:${formatUtc(e.end)}`,
    `SUMMARY:${escapeText(e.summary)}`,
  ];
  if (e.location) lines.push(`LOCATION:${escapeText(e.location)}`);
  if (e.description) lines.push(`DESCRIPTION:${escapeText(e.description)}`);
  if (e.organizer) {
    const line = person('ORGANIZER', e.organizer);
    if (line) lines.push(line);
  }
  for (const a of e.attendees ?? []) {
    const line = person('ATTENDEE', a);
    if (line) lines.push(line);
  }
  if (e.sequence !== undefined) lines.push(`SEQUENCE:${e.sequence}`);
  if (e.lastModified) lines.push(`LAST-MODIFIED:${formatUtc(e.lastModified)}`);
  lines.push('END:VEVENT');
  return lines;
}

/** A whole VCALENDAR document, CRLF line ends, folded. */
export function buildCalendar(events: IcsEvent[], name?: string): string {
  const lines = ['BEGIN:VCALENDAR', 'VERSION:2.0', `PRODID:${PRODID}`, 'CALSCALE:GREGORIAN', 'METHOD:PUBLISH'];
  if (name) lines.push(`X-WR-CALNAME:${escapeText(name)}`);
  for (const e of events) lines.push(...eventLines(e));
  lines.push('END:VCALENDAR');
  return lines.map(foldLine).join(CRLF) + CRLF;
}

// ---- reading ----

export interface IcsProperty {
  name: string;
  params: Record<string, string>;
  /** The raw value: TEXT values still escaped (use unescapeText). */
  value: string;
}

export interface IcsComponent {
  name: string;
  properties: IcsProperty[];
  components: IcsComponent[];
}

/** Splits "NAME;P=v;Q=\"a:b\":value" at the first colon outside quotes. */
export function parseContentLine(line: string): IcsProperty {
  let inQuotes = false;
  let colon = -1;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (c === '"') inQuotes = !inQuotes;
    else if (c === ':' && !inQuotes) {
      colon = i;
      break;
    }
  }
  if (colon < 0) throw new Error(`Not a content line: ${line}`);
  const head = line.slice(0, colon);
  const parts: string[] = [];
  let cur = '';
  inQuotes = false;
  for (const c of head) {
    if (c === '"') inQuotes = !inQuotes;
    if (c === ';' && !inQuotes) {
      parts.push(cur);
      cur = '';
    } else cur += c;
  }
  parts.push(cur);
  const [name, ...rawParams] = parts;
  const params: Record<string, string> = {};
  for (const p of rawParams) {
    const eq = p.indexOf('=');
    params[p.slice(0, eq).toUpperCase()] = p.slice(eq + 1).replace(/^"(.*)"$/, '$1');
  }
  return { name: name!.toUpperCase(), params, value: line.slice(colon + 1) };
}

/** Unfolds (CRLF + space or tab) and parses into a component tree; throws on unbalanced BEGIN/END. */
export function parseCalendar(text: string): IcsComponent {
  const lines = text.replace(/\r\n[ \t]/g, '').split('\r\n');
  if (lines.at(-1) === '') lines.pop();
  const root: IcsComponent = { name: '', properties: [], components: [] };
  const stack: IcsComponent[] = [root];
  for (const line of lines) {
    const prop = parseContentLine(line);
    const top = stack.at(-1)!;
    if (prop.name === 'BEGIN') {
      const c: IcsComponent = { name: prop.value.toUpperCase(), properties: [], components: [] };
      top.components.push(c);
      stack.push(c);
    } else if (prop.name === 'END') {
      if (top.name !== prop.value.toUpperCase()) throw new Error(`END:${prop.value} closes ${top.name}`);
      stack.pop();
    } else top.properties.push(prop);
  }
  if (stack.length !== 1 || root.components.length !== 1) throw new Error('Unbalanced calendar');
  return root.components[0]!;
}
