import { afterEach, describe, expect, it, vi } from 'vitest';
import type { EventPayload } from '../../shared/contract/events';
import { openHost } from '../../electron/main/host/host';
import { ReminderScheduler, type ReminderTimer } from '../../electron/main/domain/activities/reminder-scheduler';
import { tempHost, type TestHost } from '../support/temp-host';

const MIN = 60_000;
const opened: { close(): Promise<void> }[] = [];
afterEach(async () => {
  for (const h of opened.splice(0)) await h.close();
});

async function start(): Promise<TestHost> {
  const host = await tempHost();
  opened.push(host);
  return host;
}

function collect(host: { events: TestHost['events'] }) {
  const due: EventPayload<'reminder.due'>[] = [];
  host.events.subscribe((event, payload) => {
    if (event === 'reminder.due') due.push(payload as EventPayload<'reminder.due'>);
  });
  return due;
}

/** A timer the test fires by hand; it remembers the one armed timer. */
function fakeTimer() {
  let armed: { fire: () => void; ms: number } | null = null;
  const timer: ReminderTimer = {
    set: (fire, ms) => (armed = { fire, ms }),
    clear: (handle) => {
      if (armed === handle) armed = null;
    },
  };
  return {
    timer,
    get armed() {
      return armed;
    },
    fire() {
      const a = armed;
      armed = null;
      a?.fire();
    },
  };
}

describe('reminders', () => {
  it('fires at the reminder time, exactly once, with what the reminder is about', async () => {
    const host = await start();
    const due = collect(host);
    const { id: accountId } = await host.call('accounts.create', { name: 'Acme' });
    const meeting = await host.call('activities.create', {
      type: 'meeting',
      subject: 'Kick-off',
      startsAt: '2026-03-01T10:00:00Z',
      endsAt: '2026-03-01T11:00:00Z',
      remindAt: '2026-03-01T09:45:00Z',
      accountId,
    });
    const scheduler = host.services.activities.reminders;
    host.clock.advance(44 * MIN);
    expect(scheduler.tick()).toBe(0);
    expect(due).toEqual([]);
    host.clock.advance(MIN);
    expect(scheduler.tick()).toBe(1);
    expect(due).toEqual([{ activityId: meeting.id, type: 'meeting', subject: 'Kick-off', remindAt: '2026-03-01T09:45:00.000Z', at: '2026-03-01T10:00:00.000Z' }]);
    host.clock.advance(10 * MIN);
    expect(scheduler.tick()).toBe(0);
    expect(due).toHaveLength(1);
    expect((await host.call('activities.get', { id: meeting.id })).remindedAt).toBe('2026-03-01T09:45:00.000Z');
  });

  it('arms one timer for the next reminder and re-arms it when activities change', async () => {
    const host = await start();
    // The host's own scheduler stands aside; this one runs on a timer the test fires.
    host.services.activities.reminders.stop();
    const fake = fakeTimer();
    const due: EventPayload<'reminder.due'>[] = [];
    const scheduler = new ReminderScheduler(host.dataSource, () => host.clock.now().toISOString(), { timer: fake.timer, maxWaitMs: 3_600_000 });
    scheduler.start({ emit: (_e, p) => due.push(p) });
    expect(fake.armed?.ms).toBe(0);
    fake.fire();
    expect(fake.armed?.ms).toBe(3_600_000); // nothing pending: look again within the maximum wait

    const task = await host.call('activities.create', { type: 'task', subject: 'Call back', dueAt: '2026-03-01T12:00:00Z', remindAt: '2026-03-01T09:30:00Z' });
    await host.call('activities.create', { type: 'task', subject: 'Later', remindAt: '2026-03-01T09:50:00Z' });
    scheduler.changed();
    expect(fake.armed?.ms).toBe(0);
    fake.fire();
    expect(fake.armed?.ms).toBe(30 * MIN);
    host.clock.advance(30 * MIN);
    fake.fire();
    expect(due.map((d) => [d.subject, d.at])).toEqual([['Call back', '2026-03-01T12:00:00.000Z']]);
    expect(fake.armed?.ms).toBe(20 * MIN);

    // Moving the reminder of a fired task makes it a new reminder.
    const current = await host.call('activities.get', { id: task.id });
    await host.call('activities.update', { id: task.id, version: current.version, patch: { remindAt: '2026-03-01T09:40:00Z' } });
    scheduler.changed();
    fake.fire();
    expect(fake.armed?.ms).toBe(10 * MIN);
    host.clock.advance(20 * MIN);
    fake.fire();
    expect(due.map((d) => d.subject)).toEqual(['Call back', 'Call back', 'Later']);
    scheduler.stop();
    expect(fake.armed).toBeNull();
  });

  it('does not remind of deleted activities or finished tasks', async () => {
    const host = await start();
    const due = collect(host);
    const deleted = await host.call('activities.create', { type: 'task', subject: 'Deleted', remindAt: '2026-03-01T09:10:00Z' });
    const finished = await host.call('activities.create', { type: 'task', subject: 'Finished', remindAt: '2026-03-01T09:10:00Z' });
    await host.call('activities.delete', { id: deleted.id });
    await host.call('activities.complete', { id: finished.id, version: 1 });
    host.clock.advance(15 * MIN);
    expect(host.services.activities.reminders.tick()).toBe(0);
    expect(due).toEqual([]);
  });

  it('after a restart, fires each reminder that fell due while closed once, and none twice', async () => {
    const host = await start();
    const early = collect(host);
    await host.call('activities.create', { type: 'task', subject: 'Fired before closing', remindAt: '2026-03-01T09:05:00Z' });
    await host.call('activities.create', { type: 'task', subject: 'Due while closed', remindAt: '2026-03-01T12:00:00Z' });
    await host.call('activities.create', { type: 'task', subject: 'Due while closed too', remindAt: '2026-03-02T08:00:00Z' });
    await host.call('activities.create', { type: 'task', subject: 'Still ahead', remindAt: '2026-03-03T08:00:00Z' });
    host.clock.advance(10 * MIN);
    host.services.activities.reminders.tick();
    expect(early.map((d) => d.subject)).toEqual(['Fired before closing']);
    await host.close();
    opened.splice(opened.indexOf(host), 1);

    // Closed overnight; open the same file the next morning.
    host.clock.advance(24 * 3_600_000);
    const reopen = async () => {
      const h = await openHost({ database: host.file, now: host.clock.now, log: () => undefined });
      opened.push(h);
      return h;
    };
    const again = await reopen();
    const due = collect(again);
    // The start-up sweep runs on the next turn of the event loop, after subscribers are in place.
    await vi.waitFor(() => expect(due).toHaveLength(2));
    expect(due.map((d) => d.subject)).toEqual(['Due while closed', 'Due while closed too']);
    expect(again.services.activities.reminders.tick()).toBe(0);
    await again.close();
    opened.splice(opened.indexOf(again), 1);

    // Another restart fires nothing again.
    const third = await reopen();
    const none = collect(third);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(third.services.activities.reminders.tick()).toBe(0);
    expect(none).toEqual([]);
    const [{ n }] = await third.dataSource.query(`SELECT COUNT(*) AS n FROM activities WHERE reminded_at IS NULL AND remind_at IS NOT NULL`);
    expect(n).toBe(1);
  });

  it('never marks a reminder inside a write transaction that could roll back', async () => {
    const host = await start();
    const due = collect(host);
    await host.call('activities.create', { type: 'task', subject: 'Soon', remindAt: '2026-03-01T09:01:00Z' });
    host.clock.advance(2 * MIN);
    const scheduler = host.services.activities.reminders;
    await host.dataSource.transaction(async (em) => {
      await em.query(`UPDATE activities SET subject = 'Rolled back'`);
      expect(scheduler.tick()).toBe(0);
      throw new Error('roll back');
    }).catch(() => undefined);
    expect(scheduler.tick()).toBe(1);
    expect(due.map((d) => d.subject)).toEqual(['Soon']);
  });
});
