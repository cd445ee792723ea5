import { execFileSync } from 'node:child_process';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { campaignWorld, emailStep, type CampaignWorld } from '../support/campaign-fixture';
import { tempDir } from '../support/temp-host';

let world: CampaignWorld | null = null;
afterEach(async () => {
  await world?.close();
  world = null;
});

const DAY = 24 * 60;

async function setup() {
  world = await campaignWorld();
  const { host } = world;
  const ada = await world.contact({ firstName: 'Ada', lastName: 'Lovelace <b>', email: 'ada@example.com', phones: [{ label: 'work', number: '+44 20 7946 0001' }] });
  const bob = await world.contact({ firstName: 'Bob', lastName: 'Opted', email: 'bob@example.com', emailOptOut: true, phones: [{ label: 'work', number: '+44 20 7946 0002' }] });
  const cy = await world.contact({ firstName: 'Cy', lastName: 'Nomail', phones: [{ label: 'work', number: '+44 20 7946 0003' }] });
  const dee = await world.contact({ firstName: 'Dee', lastName: 'Responder', email: 'dee@example.com', phones: [{ label: 'work', number: '+44 20 7946 0004' }] });
  const listId = await world.list([ada.id, bob.id, cy.id, dee.id]);
  const rep1 = await host.call('users.create', { name: 'Rep One', email: 'rep1@example.com', role: 'sales_rep' });
  const rep2 = await host.call('users.create', { name: 'Rep Two', email: 'rep2@example.com', role: 'sales_rep' });
  return { host, ada, bob, cy, dee, listId, rep1, rep2 };
}

describe('campaign journeys', () => {
  it('e-mails the eligible members once each, then after the wait queues calls for those who did not respond, shared among the reps', async () => {
    const { host, ada, dee, listId, rep1, rep2 } = await setup();
    const campaign = await host.call('campaigns.create', {
      name: 'Spring <offer>',
      type: 'multichannel',
      currency: 'EUR',
      audienceListId: listId,
      budgetMinor: 50_000,
      settings: { throttlePerHour: null, quietHours: null, callRepIds: [rep1.id, rep2.id] },
      steps: [
        emailStep('Hello {{firstName}}', '<p>Dear {{fullName}}, welcome to {{campaignName}}.</p>'),
        { channel: 'call', delayMinutes: 3 * DAY, condition: 'not_responded', script: 'Ask {{firstName}} about {{campaignName}}' },
      ],
    });
    const started = await host.call('campaigns.setStatus', { id: campaign.id, version: campaign.version, status: 'active' });
    expect(started.memberCount).toBe(4);
    await world!.runJobs();

    // Ada and Dee: mailed. Bob opted out, Cy has no address: skipped with the reason.
    const mails = world!.smtp.messages;
    expect(mails.map((m) => m.envelope.to[0]).sort()).toEqual(['ada@example.com', 'dee@example.com']);
    const toAda = mails.find((m) => m.envelope.to[0] === 'ada@example.com')!;
    expect(toAda.subject).toBe('Hello Ada');
    expect(toAda.html).toContain('Dear Ada Lovelace &lt;b&gt;, welcome to Spring &lt;offer&gt;.');
    expect(toAda.text).toContain('Dear Ada Lovelace <b>, welcome to Spring <offer>.');
    expect(toAda.raw.toString()).toMatch(/^List-Unsubscribe: <mailto:office@example\.com\?subject=unsubscribe%20C\d+-M\d+>\r$/m);

    const progress = await host.call('campaigns.progress', { id: campaign.id });
    expect(progress.steps[0]).toMatchObject({ sent: 2, skipped: 2, waiting: 0 });
    expect(progress.steps[1]).toMatchObject({ waiting: 4 });
    const members = await host.call('campaigns.members', { id: campaign.id });
    const reasons = Object.fromEntries(members.rows.map((r) => [r.name, r.lastTouch?.reason ?? r.lastTouch?.status]));
    expect(reasons).toMatchObject({ 'Bob Opted': 'Opted out of e-mail', 'Cy Nomail': 'No e-mail address', 'Ada Lovelace <b>': 'sent' });

    // Dee answers; three days later the call step skips her and splits the rest between the two reps.
    await host.dataSource.query(
      `INSERT INTO campaign_responses (campaign_id, member_id, entity, record_id, kind, source, responded_at, created_at, created_by_id)
       SELECT ?, id, 'contact', record_id, 'replied', 'manual', ?, ?, 1 FROM campaign_members WHERE record_id = ?`,
      [campaign.id, host.clock.now().toISOString(), host.clock.now().toISOString(), dee.id],
    );
    await world!.runJobs();
    expect((await host.call('campaigns.progress', { id: campaign.id })).steps[1]).toMatchObject({ queued: 0, waiting: 4 });
    host.clock.advance(3 * DAY * 60_000);
    await world!.runJobs();
    const after = await host.call('campaigns.progress', { id: campaign.id });
    expect(after.steps[1]).toMatchObject({ queued: 3, skipped: 1, waiting: 0 });
    expect(after.remaining).toBe(0);
    const calls: { assigned_to_id: number; record_id: number }[] = await host.dataSource.query(
      `SELECT c.assigned_to_id, m.record_id FROM call_list_items c JOIN campaign_members m ON m.id = c.member_id ORDER BY c.id`,
    );
    expect(calls.map((c) => c.record_id)).not.toContain(dee.id);
    expect(calls.map((c) => c.record_id)).toContain(ada.id);
    const perRep = [rep1.id, rep2.id].map((id) => calls.filter((c) => c.assigned_to_id === id).length).sort();
    expect(perRep).toEqual([1, 2]);
    expect(world!.smtp.messages).toHaveLength(2);
    const done: { n: number }[] = await host.dataSource.query(`SELECT COUNT(*) AS n FROM campaign_members WHERE campaign_id = ? AND status = 'done'`, [campaign.id]);
    expect(done[0]!.n).toBe(4);
  });

  it('an opt-out entered after the start is honoured by the next step', async () => {
    const { host, ada, listId } = await setup();
    const campaign = await host.call('campaigns.create', {
      name: 'Two mails',
      type: 'email',
      currency: 'EUR',
      audienceListId: listId,
      steps: [emailStep('One', '<p>One</p>'), emailStep('Two', '<p>Two</p>', { delayMinutes: DAY })],
    });
    await host.call('campaigns.setStatus', { id: campaign.id, version: campaign.version, status: 'active' });
    await world!.runJobs();
    expect(world!.smtp.messages.filter((m) => m.envelope.to[0] === 'ada@example.com')).toHaveLength(1);
    const current = await host.call('contacts.get', { id: ada.id });
    await host.call('contacts.update', { id: ada.id, version: current.version, patch: { emailOptOut: true } });
    host.clock.advance(DAY * 60_000);
    await world!.runJobs();
    expect(world!.smtp.messages.filter((m) => m.envelope.to[0] === 'ada@example.com').map((m) => m.subject)).toEqual(['One']);
    expect(world!.smtp.messages.filter((m) => m.envelope.to[0] === 'dee@example.com').map((m) => m.subject)).toEqual(['One', 'Two']);
  });

  it('quiet hours hold messages until they are over; the throttle spreads them over the hours', async () => {
    world = await campaignWorld();
    const { host } = world;
    const ids: number[] = [];
    for (let i = 0; i < 5; i++) ids.push((await world.contact({ lastName: `Person ${i}`, email: `p${i}@example.com` })).id);
    const listId = await world.list(ids);
    // The clock starts at 09:00 UTC = 10:00 in Berlin: inside 09:30–11:00 quiet hours.
    const campaign = await host.call('campaigns.create', {
      name: 'Careful',
      type: 'email',
      currency: 'EUR',
      audienceListId: listId,
      settings: { throttlePerHour: 2, quietHours: { from: '09:30', to: '11:00', timeZone: 'Europe/Berlin' } },
      steps: [emailStep('Hi', '<p>Hi</p>')],
    });
    await host.call('campaigns.setStatus', { id: campaign.id, version: campaign.version, status: 'active' });
    await world.runJobs();
    expect(world.smtp.messages).toHaveLength(0);
    const deferred: { run_at: string; attempts: number }[] = await host.dataSource.query(`SELECT run_at, attempts FROM jobs WHERE kind = 'campaign.step'`);
    expect(deferred.every((j) => j.run_at === '2026-03-01T10:00:00.000Z' && j.attempts === 0)).toBe(true);

    host.clock.advance(60 * 60_000); // 11:00 in Berlin: two may go in this hour
    await world.runJobs();
    expect(world.smtp.messages).toHaveLength(2);
    host.clock.advance(30 * 60_000);
    await world.runJobs();
    expect(world.smtp.messages).toHaveLength(2);
    host.clock.advance(30 * 60_000);
    await world.runJobs();
    expect(world.smtp.messages).toHaveLength(4);
    host.clock.advance(60 * 60_000);
    await world.runJobs();
    expect(world.smtp.messages).toHaveLength(5);
    const sentAt: { at: string }[] = await host.dataSource.query(`SELECT at FROM campaign_touches WHERE status = 'sent' ORDER BY at`);
    // No sliding hour holds more than two sends.
    for (let i = 2; i < sentAt.length; i++) expect(Date.parse(sentAt[i]!.at) - Date.parse(sentAt[i - 2]!.at)).toBeGreaterThanOrEqual(3_600_000);
  });

  it('an A/B test sends the variants to the test share, then the variant with the best response rate to the rest', async () => {
    world = await campaignWorld();
    const { host } = world;
    const ids: number[] = [];
    for (let i = 0; i < 40; i++) ids.push((await world.contact({ lastName: `Person ${i}`, email: `p${i}@example.com` })).id);
    const listId = await world.list(ids);
    const campaign = await host.call('campaigns.create', {
      name: 'Subject test',
      type: 'email',
      currency: 'EUR',
      audienceListId: listId,
      steps: [
        {
          channel: 'email',
          delayMinutes: 0,
          condition: 'always',
          variants: [
            { key: 'A', share: 50, subject: 'Subject A', html: '<p>A</p>' },
            { key: 'B', share: 50, subject: 'Subject B', html: '<p>B</p>' },
          ],
          ab: { testPercent: 50, waitMinutes: 120 },
        },
      ],
    });
    await host.call('campaigns.setStatus', { id: campaign.id, version: campaign.version, status: 'active' });
    await world.runJobs();
    const tested = world.smtp.messages.length;
    expect(tested).toBeGreaterThan(8);
    expect(tested).toBeLessThan(32);
    const bSent = world.smtp.messages.filter((m) => m.subject === 'Subject B').map((m) => m.envelope.to[0]!);
    expect(bSent.length).toBeGreaterThan(0);
    // Everyone who got B answers; nobody who got A does.
    await host.dataSource.query(
      `INSERT INTO campaign_responses (campaign_id, member_id, entity, record_id, kind, source, responded_at, created_at, created_by_id)
       SELECT m.campaign_id, m.id, 'contact', m.record_id, 'replied', 'manual', ?, ?, 1
         FROM campaign_members m JOIN campaign_touches t ON t.member_id = m.id WHERE t.variant = 'B'`,
      [new Date(host.clock.now().getTime() + 60_000).toISOString(), host.clock.now().toISOString()],
    );
    host.clock.advance(60 * 60_000);
    await world.runJobs();
    expect(world.smtp.messages).toHaveLength(tested);
    host.clock.advance(61 * 60_000);
    await world.runJobs();
    expect(world.smtp.messages).toHaveLength(40);
    const rest = world.smtp.messages.slice(tested);
    expect(new Set(rest.map((m) => m.subject))).toEqual(new Set(['Subject B']));
    expect((await host.call('campaigns.get', { id: campaign.id })).steps[0]!.winnerVariant).toBe('B');
    expect(new Set(world.smtp.messages.map((m) => m.envelope.to[0])).size).toBe(40);
  });

  it('pausing holds the journey and resuming continues it; cancelling drops what is left', async () => {
    const { host, listId } = await setup();
    let campaign = await host.call('campaigns.create', {
      name: 'Paused',
      type: 'email',
      currency: 'EUR',
      audienceListId: listId,
      steps: [emailStep('One', '<p>One</p>', { delayMinutes: 60 }), emailStep('Two', '<p>Two</p>', { delayMinutes: 60 })],
    });
    campaign = await host.call('campaigns.setStatus', { id: campaign.id, version: campaign.version, status: 'active' });
    campaign = await host.call('campaigns.setStatus', { id: campaign.id, version: campaign.version, status: 'paused' });
    host.clock.advance(61 * 60_000);
    await world!.runJobs();
    expect(world!.smtp.messages).toHaveLength(0);
    campaign = await host.call('campaigns.setStatus', { id: campaign.id, version: campaign.version, status: 'active' });
    await world!.runJobs();
    expect(world!.smtp.messages.map((m) => m.subject)).toEqual(['One', 'One']);
    campaign = await host.call('campaigns.setStatus', { id: campaign.id, version: campaign.version, status: 'cancelled' });
    host.clock.advance(61 * 60_000);
    await world!.runJobs();
    expect(world!.smtp.messages).toHaveLength(2);
    expect((await host.call('campaigns.progress', { id: campaign.id })).remaining).toBe(0);
    const refused = await host.fail('campaigns.setStatus', { id: campaign.id, version: campaign.version, status: 'active' });
    expect(refused.message).toMatch(/A cancelled campaign cannot become active/);
  });

  it('a letter step queues letters; the PDF has one letter per member with an address, and marking them mailed moves the journey on', async () => {
    world = await campaignWorld();
    const { host } = world;
    await host.call('settings.saveCompany', { name: 'Acme GmbH', street: 'Hauptstraße 1', postcode: '10115', city: 'Berlin', country: 'DE' } as never).catch(() => undefined);
    const withAddress = await world.contact({ firstName: 'Zoë', lastName: 'Ærøskøbing', address: { street: 'Main Street 5', city: 'Springfield', postcode: '62701', region: 'IL', country: 'US' } });
    const without = await world.contact({ firstName: 'No', lastName: 'Address' });
    const listId = await world.list([withAddress.id, without.id]);
    const campaign = await host.call('campaigns.create', {
      name: 'Letters',
      type: 'direct_mail',
      currency: 'EUR',
      audienceListId: listId,
      steps: [{ channel: 'letter', delayMinutes: 0, condition: 'always', subject: 'Our offer', body: 'Dear {{firstName}},\n\nWe have an offer for {{accountName}}.' }],
    });
    await host.call('campaigns.setStatus', { id: campaign.id, version: campaign.version, status: 'active' });
    await world.runJobs();
    const stepId = (await host.call('campaigns.get', { id: campaign.id })).steps[0]!.id;
    expect((await host.call('campaigns.progress', { id: campaign.id })).steps[0]).toMatchObject({ queued: 1, skipped: 1 });
    const pdf = await host.call('campaigns.letters', { stepId });
    expect(pdf.letters).toBe(1);
    const file = join(tempDir(), 'letters.pdf');
    writeFileSync(file, Buffer.from(pdf.contentBase64!, 'base64'));
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
    expect(text).toContain('Zoë Ærøskøbing');
    expect(text).toContain('Dear Zoë,');
    expect(text).not.toContain('No Address');
    expect(await host.call('campaigns.lettersMailed', { stepId })).toEqual({ mailed: 1 });
    expect((await host.call('campaigns.progress', { id: campaign.id })).steps[0]).toMatchObject({ queued: 0, sent: 1 });
    expect((await host.fail('campaigns.letters', { stepId })).message).toMatch(/no letters waiting/);
  });
});

describe('SMS steps', () => {
  it('texts the members who may be texted through the HTTP gateway, once each, with the merged text', async () => {
    const { host, ada, bob } = await setup();
    const received: { url: string; body: string; auth: string | undefined }[] = [];
    const server = createServer((req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString('utf8')));
      req.on('end', () => {
        received.push({ url: req.url ?? '', body, auth: req.headers['x-api-key'] as string | undefined });
        res.writeHead(200, { 'content-type': 'application/json' }).end('{"id":"1"}');
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
    try {
      const port = (server.address() as AddressInfo).port;
      await host.call('campaigns.saveSmsGateway', {
        urlTemplate: `http://127.0.0.1:${port}/send`,
        method: 'POST',
        contentType: 'application/json',
        bodyTemplate: '{"to": "{to}", "text": "{text}"}',
        authHeaderName: 'X-Api-Key',
        authHeaderValue: 'sekret',
        timeoutMs: 5000,
      });
      expect(await host.call('campaigns.smsGateway', {})).toMatchObject({ configured: true, authHeaderValueSet: true });
      const current = await host.call('contacts.get', { id: bob.id });
      await host.call('contacts.update', { id: bob.id, version: current.version, patch: { doNotCall: true } });
      const listId = await world!.list([ada.id, bob.id]);
      const campaign = await host.call('campaigns.create', {
        name: 'Texts',
        type: 'sms',
        currency: 'EUR',
        audienceListId: listId,
        steps: [{ channel: 'sms', delayMinutes: 0, condition: 'always', variants: [{ key: 'A', share: 100, text: 'Hi {{firstName}}, see you "soon"' }] }],
      });
      await host.call('campaigns.setStatus', { id: campaign.id, version: campaign.version, status: 'active' });
      await world!.runJobs();
      await world!.runJobs();
      expect(received).toHaveLength(1);
      expect(JSON.parse(received[0]!.body)).toEqual({ to: '+44 20 7946 0001', text: 'Hi Ada, see you "soon"' });
      expect(received[0]!.auth).toBe('sekret');
      expect((await host.call('campaigns.progress', { id: campaign.id })).steps[0]).toMatchObject({ sent: 1, skipped: 1 });
    } finally {
      server.closeAllConnections();
      await new Promise<void>((r) => server.close(() => r()));
    }
  });
});

describe('campaign planning', () => {
  it('refuses unknown merge fields with the step and field, and fixes the journey once started', async () => {
    const { host, listId } = await setup();
    const bad = await host.fail('campaigns.create', { name: 'Typo', type: 'email', currency: 'EUR', steps: [emailStep('Hi {{FirstName}}', '<p>x</p>')] });
    expect(bad.message).toMatch(/Step 1: Unknown merge field \{\{FirstName\}\} \(did you mean \{\{firstName\}\}\?\)/);
    expect(bad.issues?.[0]?.path).toBe('steps.0.variants.0.subject');
    const shares = await host.fail('campaigns.create', {
      name: 'Shares',
      type: 'email',
      currency: 'EUR',
      steps: [{ ...emailStep('a', 'b'), variants: [{ key: 'A', share: 60, subject: 'a', html: 'b' }, { key: 'B', share: 30, subject: 'a', html: 'b' }] }],
    });
    expect(shares.message).toMatch(/add up to 90%/);

    const empty = await host.call('campaigns.create', { name: 'Empty', type: 'email', currency: 'EUR', audienceListId: listId });
    expect((await host.fail('campaigns.setStatus', { id: empty.id, version: empty.version, status: 'active' })).message).toMatch(/at least one step/);
    const withSteps = await host.call('campaigns.saveJourney', { id: empty.id, version: empty.version, steps: [emailStep('Hi', '<p>Hi</p>')] });
    const stale = await host.fail('campaigns.update', { id: empty.id, version: empty.version, patch: { name: 'Renamed' } });
    expect(stale.code).toBe('conflict');
    const active = await host.call('campaigns.setStatus', { id: empty.id, version: withSteps.version, status: 'active' });
    expect((await host.fail('campaigns.saveJourney', { id: active.id, version: active.version, steps: [] })).message).toMatch(/journey was fixed/);
    expect((await host.fail('campaigns.update', { id: active.id, version: active.version, patch: { audienceListId: null } })).message).toMatch(/audience can no longer change/);
    const renamed = await host.call('campaigns.update', { id: active.id, version: active.version, patch: { name: 'Renamed', actualCostMinor: 12_345 } });
    expect(renamed).toMatchObject({ name: 'Renamed', actualCostMinor: 12_345, status: 'active' });
    expect((await host.fail('campaigns.delete', { id: active.id })).message).toMatch(/cancel it instead/);
    const planned = await host.call('campaigns.create', { name: 'Gone', type: 'other', currency: 'EUR' });
    await host.call('campaigns.delete', { id: planned.id });
    expect((await host.fail('campaigns.get', { id: planned.id })).code).toBe('not_found');
    expect((await host.fail('campaigns.update', { id: renamed.id, version: renamed.version, patch: { parentId: renamed.id } })).message).toMatch(/its own program/);
  });

  it('a campaign set by hand on a lead is its first touch too, until another one replaces the last touch', async () => {
    world = await campaignWorld();
    const { host } = world;
    const first = await host.call('campaigns.create', { name: 'Fair', type: 'event', currency: 'EUR' });
    const second = await host.call('campaigns.create', { name: 'Webinar', type: 'webinar', currency: 'EUR' });
    const lead = await host.call('leads.create', { lastName: 'Visitor', source: 'trade_show', status: 'new', campaignId: first.id });
    expect(lead).toMatchObject({ campaignId: first.id, firstTouchCampaignId: first.id });
    const moved = await host.call('leads.update', { id: lead.id, version: lead.version, patch: { campaignId: second.id } });
    expect(moved).toMatchObject({ campaignId: second.id, firstTouchCampaignId: first.id });
  });

  it('enrols a record once, and an active campaign schedules the newcomer at once', async () => {
    const { host, listId } = await setup();
    const late = await world!.contact({ lastName: 'Late', email: 'late@example.com' });
    const campaign = await host.call('campaigns.create', { name: 'Open', type: 'email', currency: 'EUR', audienceListId: listId, steps: [emailStep('Hi', '<p>Hi</p>')] });
    await host.call('campaigns.setStatus', { id: campaign.id, version: campaign.version, status: 'active' });
    await world!.runJobs();
    expect(await host.call('campaigns.enrol', { id: campaign.id, entity: 'contact', recordIds: [late.id] })).toEqual({ added: 1, already: 0 });
    expect(await host.call('campaigns.enrol', { id: campaign.id, entity: 'contact', recordIds: [late.id] })).toEqual({ added: 0, already: 1 });
    await world!.runJobs();
    expect(world!.smtp.messages.filter((m) => m.envelope.to[0] === 'late@example.com')).toHaveLength(1);
    const preview = await host.call('campaigns.preview', { stepId: (await host.call('campaigns.get', { id: campaign.id })).steps[0]!.id });
    expect(preview.subject).toBe('Hi');
  });
});
