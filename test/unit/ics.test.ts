import { describe, expect, it } from 'vitest';
import {
  buildCalendar,
  escapeText,
  foldLine,
  formatUtc,
  paramValue,
  parseCalendar,
  parseContentLine,
  parseUtc,
  unescapeText,
} from '../../electron/main/domain/activities/ics';
import { dayRange, startOfDay } from '../../electron/main/domain/activities/time-zone';

const octets = (s: string) => Buffer.byteLength(s, 'utf8');

describe('iCalendar text', () => {
  it('escapes backslash, semicolon, comma and every kind of newline, and reads them back', () => {
    const raw = 'Budget; Q3, Q4 \\ final\r\nline two\nline three\rend';
    const escaped = escapeText(raw);
    expect(escaped).toBe('Budget\\; Q3\\, Q4 \\\\ final\\nline two\\nline three\\nend');
    expect(unescapeText(escaped)).toBe('Budget; Q3, Q4 \\ final\nline two\nline three\nend');
    // A backslash before an n is a backslash, not a newline.
    expect(unescapeText(escapeText('C:\\new'))).toBe('C:\\new');
  });

  it('quotes parameter values with : ; or , and drops double quotes', () => {
    expect(paramValue('Ann Smith')).toBe('Ann Smith');
    expect(paramValue('Smith, Ann')).toBe('"Smith, Ann"');
    expect(paramValue('Say "hi": now')).toBe('"Say hi: now"');
  });

  it('folds at 75 octets with a leading space, never inside a UTF-8 character', () => {
    expect(foldLine('SUMMARY:short')).toBe('SUMMARY:short');
    const line = `DESCRIPTION:${'äöü€😀'.repeat(30)}`;
    const folded = foldLine(line);
    const physical = folded.split('\r\n');
    expect(physical.length).toBeGreaterThan(1);
    for (const [i, p] of physical.entries()) {
      expect(octets(p)).toBeLessThanOrEqual(75);
      if (i > 0) expect(p.startsWith(' ')).toBe(true);
      expect(p).not.toContain('\uFFFD');
    }
    expect(physical.map((p, i) => (i ? p.slice(1) : p)).join('')).toBe(line);
    // Exactly 75 octets stays on one line; 76 folds.
    expect(foldLine('X'.repeat(75))).toBe('X'.repeat(75));
    expect(foldLine('X'.repeat(76))).toBe(`${'X'.repeat(75)}\r\n X`);
  });

  it('writes times in UTC basic format and reads them back', () => {
    expect(formatUtc('2026-03-01T09:30:15.250Z')).toBe('20260301T093015Z');
    expect(parseUtc('20260301T093015Z')).toBe('2026-03-01T09:30:15.000Z');
    expect(() => formatUtc('soon')).toThrow();
  });

  it('parses content lines with quoted parameters', () => {
    expect(parseContentLine('ATTENDEE;CN="Smith, Ann";ROLE=REQ-PARTICIPANT:mailto:ann@example.com')).toEqual({
      name: 'ATTENDEE',
      params: { CN: 'Smith, Ann', ROLE: 'REQ-PARTICIPANT' },
      value: 'mailto:ann@example.com',
    });
  });
});

describe('a calendar document', () => {
  const doc = buildCalendar([
    {
      uid: 'activity-7@office-crm',
      stamp: '2026-03-01T09:00:00.000Z',
      start: '2026-03-02T13:00:00.000Z',
      end: '2026-03-02T14:30:00.000Z',
      summary: 'Kick-off; München, Straße',
      description: `Agenda:\n1. Scope, budget\n2. ${'Long text '.repeat(20)}`,
      location: 'Room 4, 2nd floor',
      organizer: { name: 'Test Admin', email: 'admin@example.com' },
      attendees: [
        { name: 'Müller, Jörg', email: 'joerg@example.de' },
        { name: 'No Mail', email: 'not an address' },
      ],
      sequence: 2,
      lastModified: '2026-03-01T08:00:00.000Z',
    },
  ]);

  it('uses CRLF everywhere, folds every line and ends with CRLF', () => {
    expect(doc.endsWith('\r\n')).toBe(true);
    expect(doc.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    for (const line of doc.split('\r\n')) expect(octets(line)).toBeLessThanOrEqual(75);
  });

  it('round-trips: every value reads back as written', () => {
    const cal = parseCalendar(doc);
    expect(cal.name).toBe('VCALENDAR');
    const prop = (c: typeof cal, name: string) => c.properties.filter((p) => p.name === name);
    expect(prop(cal, 'VERSION')[0]?.value).toBe('2.0');
    expect(prop(cal, 'PRODID')[0]?.value).toMatch(/Office CRM/);
    expect(cal.components).toHaveLength(1);
    const ev = cal.components[0]!;
    expect(ev.name).toBe('VEVENT');
    const text = (name: string) => unescapeText(prop(ev, name)[0]!.value);
    expect(text('UID')).toBe('activity-7@office-crm');
    expect(text('SUMMARY')).toBe('Kick-off; München, Straße');
    expect(text('LOCATION')).toBe('Room 4, 2nd floor');
    expect(text('DESCRIPTION')).toBe(`Agenda:\n1. Scope, budget\n2. ${'Long text '.repeat(20)}`);
    expect(parseUtc(text('DTSTART'))).toBe('2026-03-02T13:00:00.000Z');
    expect(parseUtc(text('DTEND'))).toBe('2026-03-02T14:30:00.000Z');
    expect(text('DTSTAMP')).toBe('20260301T090000Z');
    expect(text('SEQUENCE')).toBe('2');
    const attendees = prop(ev, 'ATTENDEE');
    // An attendee without a usable address is left out rather than written as a broken mailto.
    expect(attendees.map((a) => [a.params.CN, a.value])).toEqual([['Müller, Jörg', 'mailto:joerg@example.de']]);
    expect(prop(ev, 'ORGANIZER')[0]?.value).toBe('mailto:admin@example.com');
  });

  it('refuses unbalanced documents', () => {
    expect(() => parseCalendar('BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nEND:VCALENDAR\r\n')).toThrow();
  });
});

describe('local days in a time zone', () => {
  it('finds midnight in zones east and west of UTC, and on DST change days', () => {
    expect(new Date(startOfDay('2026-03-01', 'UTC')).toISOString()).toBe('2026-03-01T00:00:00.000Z');
    expect(new Date(startOfDay('2026-03-01', 'Europe/Berlin')).toISOString()).toBe('2026-02-28T23:00:00.000Z');
    expect(new Date(startOfDay('2026-07-01', 'Europe/Berlin')).toISOString()).toBe('2026-06-30T22:00:00.000Z');
    expect(new Date(startOfDay('2026-03-01', 'America/New_York')).toISOString()).toBe('2026-03-01T05:00:00.000Z');
    expect(new Date(startOfDay('2026-03-01', 'Pacific/Kiritimati')).toISOString()).toBe('2026-02-28T10:00:00.000Z');
    // Europe switches to summer time on 29 March 2026: that day has 23 hours.
    const spring = dayRange('2026-03-29', 'Europe/Berlin');
    expect(spring).toEqual({ from: '2026-03-28T23:00:00.000Z', to: '2026-03-29T22:00:00.000Z' });
    // New York falls back on 1 November 2026: that day has 25 hours.
    const fall = dayRange('2026-11-01', 'America/New_York');
    expect(Date.parse(fall.to) - Date.parse(fall.from)).toBe(25 * 3_600_000);
  });
});
