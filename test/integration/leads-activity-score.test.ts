import { afterEach, beforeEach, expect, it } from 'vitest';
import { tempHost, type TestHost } from '../support/temp-host';

let host: TestHost;
beforeEach(async () => {
  host = await tempHost();
});
afterEach(async () => {
  await host.close();
});

const activityReason = (reasons: { label: string }[]) => reasons.some((r) => r.label === 'Three or more activities logged');

it('logging activities on a lead rescores it at once, and deleting or moving one rescores it back', async () => {
  const lead = await host.call('leads.create', { lastName: 'Nowak', company: 'Nowak Sp. z o.o.' });
  const other = await host.call('leads.create', { lastName: 'Other' });
  const notes = [];
  for (const subject of ['Intro', 'Follow-up', 'Demo']) {
    notes.push(await host.call('activities.create', { type: 'note', subject, leadId: lead.id }));
  }
  const scored = await host.call('leads.get', { id: lead.id });
  expect(activityReason(scored.scoreReasons)).toBe(true);
  expect(scored.score - lead.score).toBe(10);
  expect(lead.lastTouchAt).toBeNull();
  expect(scored.lastTouchAt).toBe(notes[2]!.createdAt);

  // Moving one note to another lead drops the first below three and rescores both.
  await host.call('activities.update', { id: notes[0]!.id, version: notes[0]!.version, patch: { leadId: other.id } });
  const after = await host.call('leads.get', { id: lead.id });
  expect(activityReason(after.scoreReasons)).toBe(false);
  expect(after.score).toBe(lead.score);

  await host.call('activities.delete', { id: notes[1]!.id });
  await host.call('activities.restore', { id: notes[1]!.id });
  expect((await host.call('leads.get', { id: lead.id })).score).toBe(lead.score);

  // With its activities gone, the lead has no last touch again.
  await host.call('activities.delete', { id: notes[1]!.id });
  await host.call('activities.delete', { id: notes[2]!.id });
  expect((await host.call('leads.get', { id: lead.id })).lastTouchAt).toBeNull();
});
