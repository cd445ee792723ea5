import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseCalendar, parseUtc, unescapeText, type IcsComponent } from '../../electron/main/domain/activities/ics';
import { tempHost, type TestHost } from '../support/temp-host';

let host: TestHost;
let accountId: number;
let contactId: number;
beforeEach(async () => {
  host = await tempHost();
  accountId = (await host.call('accounts.create', { name: 'Acme GmbH' })).id;
  contactId = (await host.call('contacts.create', { firstName: 'Ann', lastName: 'Smith', accountId, emails: [{ address: 'ann@acme.example' }] })).id;
});
afterEach(async () => {
  await host.close();
});

async function addUser(name: string, email: string | null = null): Promise<number> {
  const now = host.clock.now().toISOString();
  await host.dataSource.query(`INSERT INTO users (name, email, role, active, created_at, updated_at) VALUES (?, ?, 'sales_rep', 1, ?, ?)`, [name, email, now, now]);
  const [row] = await host.dataSource.query(`SELECT id FROM users WHERE name = ?`, [name]);
  return row.id;
}

const prop = (c: IcsComponent, name: string) => c.properties.filter((p) => p.name === name);

describe('activities: create, read, update per type', () => {
  it('plans a task with due date and priority, defaults to open, and completes it', async () => {
    const task = await host.call('activities.create', { type: 'task', subject: ' Send quote ', dueAt: '2026-03-02T10:00:00Z', priority: 'high', accountId });
    expect(task).toMatchObject({
      type: 'task',
      subject: 'Send quote',
      dueAt: '2026-03-02T10:00:00.000Z',
      priority: 'high',
      status: 'open',
      completedAt: null,
      version: 1,
      owner: { name: 'Test Admin' },
      account: { id: accountId, name: 'Acme GmbH' },
      contact: null,
      attendees: [],
    });
    host.clock.advance(3_600_000);
    const done = await host.call('activities.complete', { id: task.id, version: 1 });
    expect(done).toMatchObject({ status: 'done', completedAt: '2026-03-01T10:00:00.000Z', version: 2 });
    // Re-opening through update clears the completion time.
    const reopened = await host.call('activities.update', { id: task.id, version: 2, patch: { status: 'open' } });
    expect(reopened).toMatchObject({ status: 'open', completedAt: null, version: 3 });
    expect((await host.fail('activities.complete', { id: task.id, version: 2 })).code).toBe('conflict');
  });

  it('allows a personal task without links, but not an unlinked call, meeting or note', async () => {
    const personal = await host.call('activities.create', { type: 'task', subject: 'Renew my badge' });
    expect([personal.lead, personal.contact, personal.account, personal.opportunity]).toEqual([null, null, null, null]);
    for (const input of [
      { type: 'call', subject: 'C', direction: 'outbound' },
      { type: 'note', subject: 'N' },
      { type: 'meeting', subject: 'M', startsAt: '2026-03-02T10:00:00Z', endsAt: '2026-03-02T11:00:00Z' },
    ] as const) {
      const error = await host.fail('activities.create', input);
      expect(error.code).toBe('validation');
      expect(error.message).toMatch(/link at least one/);
    }
  });

  it('logs a call with direction, outcome and duration; the time defaults to now', async () => {
    const call = await host.call('activities.create', {
      type: 'call',
      subject: 'Intro call',
      direction: 'outbound',
      outcome: 'connected',
      durationMinutes: 0,
      contactId,
    });
    expect(call).toMatchObject({ direction: 'outbound', outcome: 'connected', durationMinutes: 0, startsAt: '2026-03-01T09:00:00.000Z', contact: { id: contactId, name: 'Ann Smith' } });
    expect((await host.fail('activities.create', { type: 'call', subject: 'x', direction: 'inbound', durationMinutes: -1, contactId })).issues?.[0]?.path).toBe('durationMinutes');
    // Fields of another type are refused on update.
    const wrong = await host.fail('activities.update', { id: call.id, version: 1, patch: { location: 'Room 1' } });
    expect(wrong).toMatchObject({ code: 'validation', issues: [{ path: 'patch.location' }] });
  });

  it('plans a meeting with contact and user attendees; start must be before end, also after an update', async () => {
    const colleague = await addUser('Bob Colleague', 'bob@us.example');
    const meeting = await host.call('activities.create', {
      type: 'meeting',
      subject: 'Kick-off',
      startsAt: '2026-03-02T13:00:00Z',
      endsAt: '2026-03-02T14:00:00Z',
      location: 'Room 4',
      accountId,
      attendees: [{ contactId }, { userId: colleague }, { contactId }],
    });
    expect(meeting.attendees).toEqual([
      { kind: 'contact', id: contactId, name: 'Ann Smith', email: 'ann@acme.example' },
      { kind: 'user', id: colleague, name: 'Bob Colleague', email: 'bob@us.example' },
    ]);
    const backwards = await host.fail('activities.update', { id: meeting.id, version: 1, patch: { endsAt: '2026-03-02T12:00:00Z' } });
    expect(backwards).toMatchObject({ code: 'validation', issues: [{ path: 'patch.endsAt' }] });
    const moved = await host.call('activities.update', { id: meeting.id, version: 1, patch: { attendees: [{ contactId }] } });
    expect(moved.version).toBe(2);
    expect(moved.attendees.map((a) => a.kind)).toEqual(['contact']);
    const history = await host.call('audit.forRecord', { entity: 'activity', id: meeting.id });
    expect(history[0]!.changes).toEqual({ attendees: [[`contact:${contactId}`, `user:${colleague}`], [`contact:${contactId}`]] });
  });

  it('refuses links and attendees that do not exist or are deleted', async () => {
    expect((await host.fail('activities.create', { type: 'note', subject: 'N', accountId: 999 })).issues?.[0]?.path).toBe('accountId');
    const other = await host.call('accounts.create', { name: 'Gone Ltd' });
    await host.call('accounts.delete', { id: other.id });
    expect((await host.fail('activities.create', { type: 'note', subject: 'N', accountId: other.id })).code).toBe('validation');
    const error = await host.fail('activities.create', {
      type: 'meeting',
      subject: 'M',
      startsAt: '2026-03-02T10:00:00Z',
      endsAt: '2026-03-02T11:00:00Z',
      accountId,
      attendees: [{ contactId: 999 }],
    });
    expect(error.issues?.[0]?.path).toBe('attendees.0.contactId');
  });

  it('updates with versions and audit, soft deletes and restores, and announces each change', async () => {
    const seen: unknown[] = [];
    host.events.subscribe((event, payload) => seen.push([event, payload]));
    const note = await host.call('activities.create', { type: 'note', subject: 'Met at fair', body: 'Likes blue', contactId });
    const updated = await host.call('activities.update', { id: note.id, version: 1, patch: { body: 'Likes green' } });
    expect(updated.version).toBe(2);
    expect((await host.fail('activities.update', { id: note.id, version: 1, patch: { body: 'stale' } })).code).toBe('conflict');
    const deleted = await host.call('activities.delete', { id: note.id });
    expect((await host.call('activities.forRecord', { entity: 'contact', id: contactId })).map((a) => a.id)).toEqual([]);
    expect((await host.fail('activities.update', { id: note.id, version: deleted.version, patch: { body: 'x' } })).code).toBe('not_found');
    const restored = await host.call('activities.restore', { id: note.id });
    expect(restored.deletedAt).toBeNull();
    const history = await host.call('audit.forRecord', { entity: 'activity', id: note.id });
    expect(history.map((h) => h.action)).toEqual(['restore', 'delete', 'update', 'create']);
    expect(history[2]!.changes).toEqual({ body: ['Likes blue', 'Likes green'] });
    expect(seen.map((s) => (s as [string, { action: string }])[1].action)).toEqual(['create', 'update', 'delete', 'restore']);
  });

  it('lists a record’s activities newest first; a contact also sees meetings it attends', async () => {
    const other = (await host.call('contacts.create', { lastName: 'Other' })).id;
    await host.call('activities.create', { type: 'note', subject: 'Old note', contactId });
    host.clock.advance(60_000);
    await host.call('activities.create', { type: 'task', subject: 'Done task', contactId, status: 'done' });
    await host.call('activities.create', {
      type: 'meeting',
      subject: 'Attended',
      startsAt: '2026-03-05T10:00:00Z',
      endsAt: '2026-03-05T11:00:00Z',
      contactId: other,
      attendees: [{ contactId }],
    });
    const all = await host.call('activities.forRecord', { entity: 'contact', id: contactId });
    expect(all.map((a) => a.subject)).toEqual(['Attended', 'Done task', 'Old note']);
    const open = await host.call('activities.forRecord', { entity: 'contact', id: contactId, openOnly: true, types: ['task', 'note'] });
    expect(open.map((a) => a.subject)).toEqual(['Old note']);
    expect((await host.call('activities.forRecord', { entity: 'account', id: accountId })).length).toBe(0);
  });
});

describe('my day', () => {
  it('splits overdue, today’s tasks and meetings by the user’s time zone', async () => {
    const other = await addUser('Someone Else');
    const mk = (subject: string, dueAt: string, extra: Record<string, unknown> = {}) =>
      host.call('activities.create', { type: 'task', subject, dueAt, ...extra });
    // Berlin, 2 March 2026 = [2026-03-01T23:00Z, 2026-03-02T23:00Z)
    await mk('Overdue open', '2026-03-01T22:59:00Z');
    await mk('Overdue done', '2026-03-01T10:00:00Z', { status: 'done' });
    await mk('First minute of the day', '2026-03-01T23:00:00Z');
    await mk('Last minute of the day', '2026-03-02T22:59:59Z');
    await mk('Cancelled today', '2026-03-02T12:00:00Z', { status: 'cancelled' });
    await mk('Tomorrow', '2026-03-02T23:00:00Z');
    await mk('Someone else’s', '2026-03-02T12:00:00Z', { ownerId: other });
    const meeting = (subject: string, startsAt: string, endsAt: string, extra: Record<string, unknown> = {}) =>
      host.call('activities.create', { type: 'meeting', subject, startsAt, endsAt, accountId, ...extra });
    await meeting('Late yesterday', '2026-03-01T21:00:00Z', '2026-03-01T23:00:00Z');
    await meeting('Over midnight', '2026-03-01T22:30:00Z', '2026-03-01T23:30:00Z');
    await meeting('Invited', '2026-03-02T08:00:00Z', '2026-03-02T09:00:00Z', { ownerId: other, attendees: [{ userId: host.session.userId }] });
    await meeting('Not mine', '2026-03-02T08:00:00Z', '2026-03-02T09:00:00Z', { ownerId: other });

    const day = await host.call('activities.myDay', { date: '2026-03-02', timeZone: 'Europe/Berlin' });
    expect([day.from, day.to]).toEqual(['2026-03-01T23:00:00.000Z', '2026-03-02T23:00:00.000Z']);
    expect(day.overdue.map((a) => a.subject)).toEqual(['Overdue open']);
    expect(day.tasks.map((a) => a.subject)).toEqual(['First minute of the day', 'Last minute of the day']);
    expect(day.meetings.map((a) => a.subject)).toEqual(['Over midnight', 'Invited']);

    // The same instants seen from New York: 2 March there starts at 05:00Z.
    const ny = await host.call('activities.myDay', { date: '2026-03-02', timeZone: 'America/New_York' });
    expect(ny.overdue.map((a) => a.subject)).toEqual(['Overdue open', 'First minute of the day']);
    expect(ny.tasks.map((a) => a.subject)).toEqual(['Last minute of the day', 'Tomorrow']);
  });
});

describe('calendar', () => {
  it('returns meetings overlapping the range and tasks due in it, by start', async () => {
    await host.call('activities.create', { type: 'task', subject: 'Due Monday', dueAt: '2026-03-02T08:00:00Z' });
    await host.call('activities.create', { type: 'task', subject: 'Due next week', dueAt: '2026-03-09T08:00:00Z' });
    await host.call('activities.create', { type: 'task', subject: 'No due date' });
    await host.call('activities.create', { type: 'meeting', subject: 'Spans the start', startsAt: '2026-03-01T23:00:00Z', endsAt: '2026-03-02T01:00:00Z', accountId });
    await host.call('activities.create', { type: 'meeting', subject: 'Ends at the start', startsAt: '2026-03-01T22:00:00Z', endsAt: '2026-03-02T00:00:00Z', accountId });
    await host.call('activities.create', { type: 'note', subject: 'Notes never show', accountId });
    const items = await host.call('calendar.range', { from: '2026-03-02T00:00:00Z', to: '2026-03-09T00:00:00Z' });
    expect(items.map((i) => [i.type, i.subject])).toEqual([
      ['meeting', 'Spans the start'],
      ['task', 'Due Monday'],
    ]);
    expect(items[0]).toMatchObject({ start: '2026-03-01T23:00:00.000Z', end: '2026-03-02T01:00:00.000Z' });
    const other = await addUser('Other Rep');
    expect(await host.call('calendar.range', { from: '2026-03-02T00:00:00Z', to: '2026-03-09T00:00:00Z', ownerId: other })).toEqual([]);
  });
});

describe('ICS export', () => {
  it('exports a meeting that reads back with the same times, text and attendees, and a stable UID', async () => {
    const meeting = await host.call('activities.create', {
      type: 'meeting',
      subject: 'Review; pricing, Q2',
      body: 'Agenda:\n- discounts\n- terms',
      location: 'Acme HQ, Room "Blue"',
      startsAt: '2026-03-02T13:00:00Z',
      endsAt: '2026-03-02T14:30:00Z',
      accountId,
      attendees: [{ contactId }, { userId: host.session.userId }],
    });
    const file = await host.call('activities.exportIcs', { id: meeting.id });
    expect(file.filename).toBe('review-pricing-q2.ics');
    expect(file.content).toMatch(/^BEGIN:VCALENDAR\r\n/);
    for (const line of file.content.split('\r\n')) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
    const cal = parseCalendar(file.content);
    expect(prop(cal, 'VERSION')[0]?.value).toBe('2.0');
    expect(prop(cal, 'PRODID')).toHaveLength(1);
    const [ev] = cal.components;
    const text = (name: string) => unescapeText(prop(ev!, name)[0]!.value);
    expect(text('UID')).toBe(`activity-${meeting.id}@office-crm`);
    expect(text('SUMMARY')).toBe('Review; pricing, Q2');
    expect(text('LOCATION')).toBe('Acme HQ, Room "Blue"');
    expect(text('DESCRIPTION')).toBe('Agenda:\n- discounts\n- terms\n\nRe: Acme GmbH');
    expect(parseUtc(text('DTSTART'))).toBe(meeting.startsAt);
    expect(parseUtc(text('DTEND'))).toBe(meeting.endsAt);
    expect(parseUtc(text('DTSTAMP'))).toBe('2026-03-01T09:00:00.000Z');
    // Only attendees with an e-mail address (the default user has none).
    expect(prop(ev!, 'ATTENDEE').map((a) => [a.params.CN, a.value])).toEqual([['Ann Smith', 'mailto:ann@acme.example']]);

    // Same UID after a change, with a higher SEQUENCE, so a re-import updates the event.
    const moved = await host.call('activities.update', { id: meeting.id, version: 1, patch: { startsAt: '2026-03-02T12:00:00Z' } });
    const again = parseCalendar((await host.call('activities.exportIcs', { id: moved.id })).content).components[0]!;
    expect(prop(again, 'UID')[0]?.value).toBe(`activity-${meeting.id}@office-crm`);
    expect(prop(again, 'SEQUENCE')[0]?.value).toBe('1');
    expect(parseUtc(prop(again, 'DTSTART')[0]!.value)).toBe('2026-03-02T12:00:00.000Z');

    const task = await host.call('activities.create', { type: 'task', subject: 'Not a meeting' });
    expect((await host.fail('activities.exportIcs', { id: task.id })).code).toBe('validation');
  });

  it('exports the meetings of a range as one calendar', async () => {
    for (const [subject, day] of [['One', '02'], ['Two', '04'], ['Outside', '20']] as const) {
      await host.call('activities.create', { type: 'meeting', subject, startsAt: `2026-03-${day}T09:00:00Z`, endsAt: `2026-03-${day}T10:00:00Z`, accountId });
    }
    const file = await host.call('calendar.exportIcs', { from: '2026-03-02T00:00:00Z', to: '2026-03-09T00:00:00Z' });
    expect(file.filename).toBe('calendar-20260302-20260309.ics');
    const cal = parseCalendar(file.content);
    expect(cal.components.map((c) => unescapeText(prop(c, 'SUMMARY')[0]!.value))).toEqual(['One', 'Two']);
    expect(new Set(cal.components.map((c) => prop(c, 'UID')[0]!.value)).size).toBe(2);
  });
});
