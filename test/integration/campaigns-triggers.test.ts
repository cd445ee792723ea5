import { afterEach, describe, expect, it } from 'vitest';
import { campaignWorld, emailStep, type CampaignWorld } from '../support/campaign-fixture';

let world: CampaignWorld | null = null;
afterEach(async () => {
  await world?.close();
  world = null;
});

const MINUTE = 60_000;

async function enrolled(campaignId: number): Promise<{ entity: string; record_id: number; source: string }[]> {
  return world!.host.dataSource.query(`SELECT entity, record_id, source FROM campaign_members WHERE campaign_id = ? ORDER BY id`, [campaignId]);
}

describe('campaign triggers', () => {
  it('a lead created with the source enrols it once and starts its journey; one created while paused is caught up after resuming', async () => {
    world = await campaignWorld();
    const { host } = world;
    const before = await host.call('leads.create', { lastName: 'Before start', email: 'before@example.com', source: 'web', status: 'new' });
    host.clock.advance(MINUTE);
    let campaign = await host.call('campaigns.create', {
      name: 'Welcome web leads',
      type: 'email',
      currency: 'EUR',
      trigger: { kind: 'leadCreated', source: 'web' },
      steps: [emailStep('Welcome {{firstName}}', '<p>Welcome</p>')],
    });
    campaign = await host.call('campaigns.setStatus', { id: campaign.id, version: campaign.version, status: 'active' });
    await world.runJobs();
    host.clock.advance(MINUTE);
    const web = await host.call('leads.create', { firstName: 'Wendy', lastName: 'Web', email: 'wendy@example.com', source: 'web', status: 'new' });
    await host.call('leads.create', { lastName: 'Referral', email: 'ref@example.com', source: 'referral', status: 'new' });
    host.clock.advance(15 * MINUTE);
    await world.runJobs();
    expect(await enrolled(campaign.id)).toEqual([{ entity: 'lead', record_id: web.id, source: 'trigger' }]);
    expect(world.smtp.messages.map((m) => [m.envelope.to[0], m.subject])).toEqual([['wendy@example.com', 'Welcome Wendy']]);
    expect((await enrolled(campaign.id)).some((m) => m.record_id === before.id)).toBe(false);

    // Looks go on every 15 minutes and never enrol the same lead again.
    host.clock.advance(15 * MINUTE);
    await world.runJobs();
    expect(await enrolled(campaign.id)).toHaveLength(1);

    campaign = await host.call('campaigns.setStatus', { id: campaign.id, version: campaign.version, status: 'paused' });
    const late = await host.call('leads.create', { lastName: 'While paused', email: 'paused@example.com', source: 'web', status: 'new' });
    host.clock.advance(60 * MINUTE);
    await world.runJobs();
    expect(await enrolled(campaign.id)).toHaveLength(1);
    campaign = await host.call('campaigns.setStatus', { id: campaign.id, version: campaign.version, status: 'active' });
    await world.runJobs();
    expect((await enrolled(campaign.id)).map((m) => m.record_id)).toEqual([web.id, late.id]);
    expect(world.smtp.messages).toHaveLength(2);

    // Completing the campaign stops the looks.
    campaign = await host.call('campaigns.setStatus', { id: campaign.id, version: campaign.version, status: 'completed' });
    await host.call('leads.create', { lastName: 'After', email: 'after@example.com', source: 'web', status: 'new' });
    host.clock.advance(60 * MINUTE);
    await world.runJobs();
    expect(await enrolled(campaign.id)).toHaveLength(2);
    const looks: { n: number }[] = await host.dataSource.query(`SELECT COUNT(*) AS n FROM jobs WHERE kind = 'campaign.trigger' AND status IN ('queued', 'paused')`);
    expect(looks[0]!.n).toBe(0);
  });

  it('birthdays enrol contacts on their day, and inactivity those without an activity for the days given', async () => {
    world = await campaignWorld();
    const { host } = world;
    // The test clock starts on 1 March 2026, 09:00 UTC.
    const tomorrow = await world.contact({ lastName: 'Tomorrow', email: 't@example.com', birthday: '1990-03-02' });
    await world.contact({ lastName: 'Later', email: 'l@example.com', birthday: '1990-03-20' });
    let birthday = await host.call('campaigns.create', { name: 'Birthdays', type: 'email', currency: 'EUR', trigger: { kind: 'birthday' }, steps: [emailStep('Happy birthday', '<p>!</p>')] });
    birthday = await host.call('campaigns.setStatus', { id: birthday.id, version: birthday.version, status: 'active' });
    await world.runJobs();
    expect(await enrolled(birthday.id)).toEqual([]);
    host.clock.advance(24 * 60 * MINUTE);
    await world.runJobs();
    expect((await enrolled(birthday.id)).map((m) => m.record_id)).toEqual([tomorrow.id]);

    // Every contact so far was created "now" (1 March); 40 days on, with no activity, they are all inactive for 30 days.
    const active = await world.contact({ lastName: 'Busy', email: 'busy@example.com' });
    host.clock.advance(40 * 24 * 60 * MINUTE);
    await host.call('activities.create', { type: 'call', subject: 'Catch-up', contactId: active.id, direction: 'outbound' });
    let inactive = await host.call('campaigns.create', { name: 'Win back', type: 'email', currency: 'EUR', trigger: { kind: 'inactivity', days: 30 }, steps: [emailStep('We miss you', '<p>…</p>')] });
    inactive = await host.call('campaigns.setStatus', { id: inactive.id, version: inactive.version, status: 'active' });
    await world.runJobs();
    const ids = (await enrolled(inactive.id)).map((m) => m.record_id);
    expect(ids).toContain(tomorrow.id);
    expect(ids).not.toContain(active.id);
  });
});
