import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { campaignWorld, emailStep, type CampaignWorld } from '../support/campaign-fixture';

/**
 * Consent is enforced when each step runs, whatever the data: over random people (opted out or not, with or
 * without an address, their address or domain suppressed, opting out between the two steps), an opted-out or
 * suppressed address never receives a campaign message, and everyone else receives each step exactly once.
 */

let world: CampaignWorld;
beforeAll(async () => {
  world = await campaignWorld();
});
afterAll(async () => {
  await world.close();
});

const Person = fc.record({
  hasEmail: fc.boolean(),
  optedOut: fc.boolean(),
  suppressed: fc.constantFrom('none', 'address', 'domain'),
  optsOutLater: fc.boolean(),
});

let run = 0;

describe('consent over random data', () => {
  it('no opted-out or suppressed address is ever mailed; every other one gets each step once', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(Person, { minLength: 1, maxLength: 12 }), async (people) => {
        const { host, smtp } = world;
        run++;
        const before = smtp.messages.length;
        const domain = (i: number) => `run${run}-d${i % 3}.example`;
        const addressOf = (i: number) => `p${i}@${domain(i)}`;
        const ids: number[] = [];
        for (const [i, p] of people.entries()) {
          const c = await world.contact({ lastName: `Run ${run} person ${i}`, ...(p.hasEmail ? { email: addressOf(i) } : {}), emailOptOut: p.optedOut });
          ids.push(c.id);
          if (p.hasEmail && p.suppressed !== 'none') {
            await host.call('suppressions.add', { kind: p.suppressed === 'address' ? 'email' : 'domain', values: [p.suppressed === 'address' ? addressOf(i) : domain(i)] });
          }
        }
        const listId = await world.list(ids);
        const campaign = await host.call('campaigns.create', {
          name: `Consent ${run}`,
          type: 'email',
          currency: 'EUR',
          audienceListId: listId,
          steps: [emailStep(`Run ${run} one`, '<p>One</p>'), emailStep(`Run ${run} two`, '<p>Two</p>', { delayMinutes: 60 })],
        });
        await host.call('campaigns.setStatus', { id: campaign.id, version: campaign.version, status: 'active' });
        await world.runJobs();
        for (const [i, p] of people.entries()) {
          if (!p.optsOutLater) continue;
          const c = await host.call('contacts.get', { id: ids[i]! });
          await host.call('contacts.update', { id: c.id, version: c.version, patch: { emailOptOut: true } });
        }
        host.clock.advance(61 * 60_000);
        await world.runJobs();

        // Suppressions reach across runs (a domain suppressed in one run stays suppressed), so judge by the final state.
        const suppressedDomains = new Set<string>();
        const suppressedAddresses = new Set<string>();
        people.forEach((p, i) => {
          if (p.hasEmail && p.suppressed === 'domain') suppressedDomains.add(domain(i));
          if (p.hasEmail && p.suppressed === 'address') suppressedAddresses.add(addressOf(i));
        });
        const mails = smtp.messages.slice(before);
        people.forEach((p, i) => {
          const got = (subject: string) => mails.filter((m) => m.envelope.to[0] === addressOf(i) && m.subject === subject).length;
          const reachable = p.hasEmail && !p.optedOut && !suppressedAddresses.has(addressOf(i)) && !suppressedDomains.has(domain(i));
          expect(got(`Run ${run} one`)).toBe(reachable ? 1 : 0);
          expect(got(`Run ${run} two`)).toBe(reachable && !p.optsOutLater ? 1 : 0);
        });
      }),
      { numRuns: 15 },
    );
  });
});
