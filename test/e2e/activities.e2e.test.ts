import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Download, Page } from 'playwright-core';
import type { Input, MethodName } from '../../shared/contract';
import { startE2eApp, type E2eApp } from './fixture';

/**
 * A salesperson's activities on a contact, in real Chromium against the
 * harness: log a call, plan a task, complete it, see the day, plan a meeting
 * and take it to a calendar, and find the record's own changes in the timeline.
 */
describe('activities journey', () => {
  let app: E2eApp;

  beforeAll(async () => {
    app = await startE2eApp();
  });

  afterAll(async () => {
    await app?.close();
  });

  /** Reads and writes the database through the same dispatch the UI uses. */
  const db = <M extends MethodName>(method: M, input: Input<M>) => app.call(method, input);

  /** Clicks something that starts a download and returns the saved file's text. */
  async function downloadText(page: Page, click: () => Promise<void>): Promise<{ download: Download; text: string }> {
    const [download] = await Promise.all([page.waitForEvent('download'), click()]);
    const path = await download.path();
    return { download, text: readFileSync(path, 'utf8') };
  }

  it('logs, plans, completes and exports activities of a contact', async () => {
    const account = await db('accounts.create', { name: 'Timeline Werke AG' });
    const contact = await db('contacts.create', { firstName: 'Ada', lastName: 'Lovelace', title: 'Engineer', accountId: account.id });
    const page = await app.newPage();
    const { timeZone, today } = await page.evaluate(() => {
      const d = new Date();
      const pad = (n: number) => String(n).padStart(2, '0');
      return { timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone, today: `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}` };
    });

    await page.goto(`${app.harness.url}#/contacts/${contact.id}`);
    await page.getByRole('heading', { level: 1, name: 'Ada Lovelace', exact: true }).waitFor();
    const timeline = page.getByRole('list', { name: 'Timeline' });
    const panel = page.getByRole('region', { name: 'Activities' });
    await panel.getByText('No open tasks.').waitFor();

    // 1. Log a call with an outcome.
    await panel.getByRole('button', { name: 'Log call' }).click();
    const callForm = page.getByRole('form', { name: 'Log call' });
    await callForm.getByLabel('Subject').fill('Intro call');
    await callForm.getByLabel('Direction').selectOption('inbound');
    await callForm.getByLabel('Outcome').selectOption('connected');
    await callForm.getByLabel('Duration (minutes)').fill('15');
    await callForm.getByLabel('Notes').fill('Interested in a pilot');
    await app.screenshot(page, 'act-01-log-call-form');
    await callForm.getByRole('button', { name: 'Save call' }).click();
    await callForm.waitFor({ state: 'detached' });
    await timeline.getByText('Call: Intro call').waitFor();
    await timeline.getByText('inbound, connected, 15 min').waitFor();

    // 2. A task due today (the form's default) with a note; Ctrl+S saves it.
    await panel.getByRole('button', { name: 'New task' }).click();
    const taskForm = page.getByRole('form', { name: 'New task' });
    await taskForm.getByLabel('Subject').fill('Send the proposal');
    expect((await taskForm.getByLabel('Due').inputValue()).slice(0, 10)).toBe(today);
    await taskForm.getByLabel('Priority').selectOption('high');
    await taskForm.getByLabel('Notes').fill('Include the pilot pricing');
    await page.keyboard.press('Control+s');
    await taskForm.waitFor({ state: 'detached' });
    const openTasks = page.getByRole('list', { name: 'Open tasks' });
    await openTasks.getByRole('link', { name: 'Send the proposal' }).waitFor();
    await timeline.getByText('Task: Send the proposal').waitFor();
    await timeline.getByText('Include the pilot pricing').waitFor();

    const activities = await db('activities.forRecord', { entity: 'contact', id: contact.id });
    const call = activities.find((a) => a.type === 'call')!;
    const task = activities.find((a) => a.type === 'task')!;
    expect(call).toMatchObject({ subject: 'Intro call', direction: 'inbound', outcome: 'connected', durationMinutes: 15, body: 'Interested in a pilot' });
    expect(call.contact).toEqual({ id: contact.id, name: 'Ada Lovelace' });
    expect(task).toMatchObject({ subject: 'Send the proposal', status: 'open', priority: 'high', body: 'Include the pilot pricing' });
    await app.screenshot(page, 'act-02-call-and-task');

    // Esc closes a quick form without saving.
    await panel.getByRole('button', { name: 'Add note' }).click();
    await page.getByRole('form', { name: 'Add note' }).getByLabel('Subject').fill('Never saved');
    await page.keyboard.press('Escape');
    await page.getByRole('form', { name: 'Add note' }).waitFor({ state: 'detached' });
    expect((await db('activities.forRecord', { entity: 'contact', id: contact.id })).length).toBe(2);

    // 3. Complete the task: it leaves the open list, and the backend has it done.
    await openTasks.getByRole('checkbox', { name: 'Complete Send the proposal' }).click();
    await panel.getByText('No open tasks.').waitFor();
    expect((await db('activities.get', { id: task.id })).status).toBe('done');
    await timeline.getByText('Status: done').waitFor();

    // 4. My day lists it among the day's tasks, done; nothing is overdue.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'My day' }).click();
    await page.getByRole('heading', { level: 1, name: 'My day' }).waitFor();
    const dayTasks = page.getByRole('region', { name: 'Tasks' });
    await dayTasks.getByRole('link', { name: 'Send the proposal' }).waitFor();
    expect(await dayTasks.getByRole('checkbox', { name: 'Complete Send the proposal' }).isChecked()).toBe(true);
    await page.getByText('Nothing overdue.').waitFor();
    const myDay = await db('activities.myDay', { date: today, timeZone });
    expect(myDay.tasks.map((t) => [t.subject, t.status])).toEqual([['Send the proposal', 'done']]);
    expect(myDay.overdue).toEqual([]);
    await app.screenshot(page, 'act-03-my-day');

    // 5. A meeting with the contact as attendee; download its .ics from the timeline.
    await page.goto(`${app.harness.url}#/contacts/${contact.id}`);
    await page.getByRole('heading', { level: 1, name: 'Ada Lovelace', exact: true }).waitFor();
    await panel.getByRole('button', { name: 'New meeting' }).click();
    const meetingForm = page.getByRole('form', { name: 'New meeting' });
    await meetingForm.getByLabel('Subject').fill('Pilot kickoff');
    await meetingForm.getByLabel(/^Start\b/).fill(`${today}T10:00`);
    await meetingForm.getByLabel(/^End\b/).fill(`${today}T11:30`);
    await meetingForm.getByLabel('Location').fill('Room 4');
    await meetingForm.getByRole('combobox', { name: 'Attendees' }).fill('Lovel');
    await page.getByRole('option', { name: 'Ada Lovelace' }).click();
    await meetingForm.getByRole('button', { name: 'Remove Ada Lovelace' }).waitFor();
    await app.screenshot(page, 'act-04-meeting-form');
    await meetingForm.getByRole('button', { name: 'Create meeting' }).click();
    await meetingForm.waitFor({ state: 'detached' });
    await timeline.getByText('Meeting: Pilot kickoff').waitFor();
    const meeting = (await db('activities.forRecord', { entity: 'contact', id: contact.id, types: ['meeting'] }))[0]!;
    expect(meeting.attendees.map((p) => p.name)).toEqual(['Ada Lovelace']);
    expect(meeting.location).toBe('Room 4');
    expect(Date.parse(meeting.endsAt!) - Date.parse(meeting.startsAt!)).toBe(90 * 60_000);

    const single = await downloadText(page, () => timeline.getByRole('button', { name: 'Download .ics of Meeting: Pilot kickoff' }).click());
    expect(single.download.suggestedFilename()).toBe('pilot-kickoff.ics');
    expect(single.text).toContain('BEGIN:VEVENT');
    expect(single.text).toContain('SUMMARY:Pilot kickoff');

    // 6. Edit the contact's title: the change shows in its timeline; the chips narrow it down.
    await page.getByRole('link', { name: 'Edit' }).click();
    await page.getByLabel('Title', { exact: true }).fill('CTO');
    await page.keyboard.press('Control+s');
    await page.getByRole('heading', { level: 1, name: 'Ada Lovelace', exact: true }).waitFor();
    await timeline.getByText('Changed title').waitFor();
    await timeline.getByText('Title: Engineer → CTO').waitFor();
    const chips = page.getByRole('group', { name: 'Show in the timeline' });
    await chips.getByRole('button', { name: 'Activities' }).click();
    await chips.getByRole('button', { name: 'Notes' }).click();
    await timeline.getByText('Call: Intro call').waitFor({ state: 'detached' });
    expect(await timeline.getByText('Changed title').isVisible()).toBe(true);
    const page1 = await db('timeline.forRecord', { entity: 'contact', id: contact.id, kinds: ['field_change'] });
    expect(page1.items.map((i) => i.title)).toEqual(['Changed title', 'Created contact']);
    await app.screenshot(page, 'act-05-timeline-field-change');
    await chips.getByRole('button', { name: 'All' }).click();
    await timeline.getByText('Call: Intro call').waitFor();

    // 7. The calendar's week shows the meeting and the task; export the week.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Calendar' }).click();
    await page.getByRole('heading', { level: 1, name: 'Calendar' }).waitFor();
    await page.getByRole('link', { name: /Pilot kickoff/ }).waitFor();
    await page.getByRole('link', { name: /Send the proposal/ }).waitFor();
    await app.screenshot(page, 'act-06-calendar-week');
    const week = await downloadText(page, () => page.getByRole('button', { name: 'Export .ics' }).click());
    expect(week.text).toContain('SUMMARY:Pilot kickoff');
    await page.getByRole('button', { name: 'Month', exact: true }).click();
    await page.getByRole('link', { name: /Pilot kickoff/ }).waitFor();
    await app.screenshot(page, 'act-07-calendar-month');

    // 8. Open the meeting from the calendar, move it to another room (Ctrl+S goes back), then delete it; Undo brings it back.
    await page.getByRole('link', { name: /Pilot kickoff/ }).click();
    await page.getByRole('heading', { level: 1, name: 'Meeting: Pilot kickoff' }).waitFor();
    await app.screenshot(page, 'act-08-meeting-page');
    await page.getByLabel('Location').fill('Room 5');
    await page.keyboard.press('Control+s');
    await page.getByRole('heading', { level: 1, name: 'Calendar' }).waitFor();
    const moved = await db('activities.get', { id: meeting.id });
    expect(moved.location).toBe('Room 5');
    expect(moved.version).toBe(meeting.version + 1);
    await page.getByRole('link', { name: /Pilot kickoff/ }).click();
    await page.getByRole('heading', { level: 1, name: 'Meeting: Pilot kickoff' }).waitFor();
    await page.getByRole('button', { name: 'Delete' }).click();
    await page.getByRole('heading', { level: 1, name: 'Ada Lovelace', exact: true }).waitFor();
    expect((await db('activities.get', { id: meeting.id })).deletedAt).not.toBeNull();
    await page.getByRole('button', { name: 'Undo' }).click();
    await timeline.getByText('Meeting: Pilot kickoff').waitFor();
    expect((await db('activities.get', { id: meeting.id })).deletedAt).toBeNull();

    // 9. A reminder that falls due shows as a toast on any page, with a link to its activity.
    const reminded = await db('activities.create', {
      type: 'task',
      subject: 'Call Ada back',
      contactId: contact.id,
      dueAt: new Date(Date.now() + 3_600_000).toISOString(),
      remindAt: new Date(Date.now() - 1_000).toISOString(),
    });
    const reminders = page.getByRole('status', { name: 'Reminders' });
    await reminders.getByText('Call Ada back').waitFor();
    await app.screenshot(page, 'act-09-reminder-toast');
    await expect.poll(async () => (await db('activities.get', { id: reminded.id })).remindedAt, { timeout: 5_000 }).not.toBeNull();
    await reminders.getByRole('link', { name: 'Open' }).click();
    await page.getByRole('heading', { level: 1, name: 'Task: Call Ada back' }).waitFor();
    await reminders.getByText('Call Ada back').waitFor({ state: 'detached' });

    // 10. The account's timeline pages with "Load more" (25 at a time, following the `before` cursor).
    for (let i = 1; i <= 30; i++) await db('activities.create', { type: 'note', subject: `Visit note ${i}`, accountId: account.id });
    await page.goto(`${app.harness.url}#/accounts/${account.id}`);
    await page.getByRole('heading', { level: 1, name: 'Timeline Werke AG', exact: true }).waitFor();
    const accountTimeline = page.getByRole('list', { name: 'Timeline' });
    await accountTimeline.getByText('Note: Visit note 30').waitFor();
    expect(await accountTimeline.getByRole('listitem').count()).toBe(25);
    await page.getByRole('button', { name: 'Load more' }).click();
    await accountTimeline.getByText('Created account').waitFor();
    expect(await accountTimeline.getByRole('listitem').count()).toBe(31);
    await page.getByRole('button', { name: 'Load more' }).waitFor({ state: 'detached' });
    await app.screenshot(page, 'act-10-account-timeline');
  });
});
