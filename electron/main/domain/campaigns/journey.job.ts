import { createHash, randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { z } from 'zod';
import { CampaignSettings, type Step, type VariantKey } from '../../../../shared/contract/campaigns';
import type { SegmentEntity } from '../../../../shared/contract/segments';
import { Sql } from '../../db/sql';
import type { EffectCheck } from '../../jobs/effects';
import { JobDeferred, type JobContext, type JobHandler } from '../../jobs/job-registry';
import type { JobStore } from '../../jobs/job-store';
import { mightHaveBeenDelivered, type MailSender } from '../../mail/mail-sender';
import type { SecretCipher } from '../../mail/secret-cipher';
import { readStoredSmtpSettings } from '../../mail/smtp-settings';
import type { AppSettingsStore } from '../settings/app-settings.store';
import { ineligibleReason } from '../segments/consent';
import { OPT_OUT_KIND } from './attribution';
import { readStep } from './campaign-steps';
import { buildCampaignEmail } from './channels/email-template';
import { parseTemplate, renderTemplate } from './channels/merge-fields';
import { nextAllowedTime, throttleDelay } from './channels/send-window';
import { loadSmsGateway, sendSms, smsMightHaveBeenSent } from './channels/sms-gateway';
import { loadRecipient, type Recipient } from './recipients';
import { addMinutes, scheduleNextStep, stepJobKey } from './schedule';

export const CampaignStepPayload = z.object({ campaignId: z.number().int().positive(), stepId: z.number().int().positive(), memberId: z.number().int().positive() }).strict();
type Payload = z.output<typeof CampaignStepPayload>;

export interface JourneyDeps {
  jobs: JobStore;
  sender: MailSender;
  settings: AppSettingsStore;
  cipher: SecretCipher;
  /** Whether a message an attempt left unconfirmed was delivered, by its Message-ID (see mail-send.job.ts); without it such a message is held. */
  check?: (messageId: string) => Promise<EffectCheck>;
  /** How long a paused campaign's job waits before it looks again, should its group have been resumed by hand (default 15 min). */
  pausedRecheckMinutes?: number;
}

interface State {
  campaign: { name: string; status: string; settings: CampaignSettings; ownerId: number } | null;
  step: (Step & { campaignId: number }) | null;
  member: { id: number; entity: SegmentEntity; record_id: number; status: string } | null;
  touched: boolean;
  recipient: Recipient | null;
  responded: boolean;
  ineligible: string | null;
}

async function loadState(em: EntityManager, p: Payload): Promise<State> {
  const sql = new Sql(em);
  const c = await sql.get<{ name: string; status: string; settings: string; owner_id: number }>(`SELECT name, status, settings, owner_id FROM campaigns WHERE id = ?`, [p.campaignId]);
  const step = await readStep(em, p.stepId);
  const member = (await sql.get<NonNullable<State['member']>>(`SELECT id, entity, record_id, status FROM campaign_members WHERE id = ? AND campaign_id = ?`, [
    p.memberId,
    p.campaignId,
  ])) ?? null;
  const empty = { touched: false, recipient: null, responded: false, ineligible: null };
  if (!c || !step || !member) return { campaign: null, step, member, ...empty };
  const campaign = { name: c.name, status: c.status, settings: CampaignSettings.parse(JSON.parse(c.settings)), ownerId: c.owner_id };
  const touched = !!(await sql.get(`SELECT 1 AS x FROM campaign_touches WHERE step_id = ? AND member_id = ?`, [step.id, member.id]));
  const recipient = await loadRecipient(em, member.entity, member.record_id);
  const responded = !!(await sql.get(`SELECT 1 AS x FROM campaign_responses WHERE campaign_id = ? AND entity = ? AND record_id = ? AND kind <> '${OPT_OUT_KIND}' LIMIT 1`, [
    p.campaignId,
    member.entity,
    member.record_id,
  ]));
  const reason = ineligibleReason(member.entity, step.channel);
  const table = { contact: 'contacts', lead: 'leads', account: 'accounts' }[member.entity];
  const ineligible = recipient ? ((await sql.get<{ reason: string | null }>(`SELECT ${reason.sql} AS reason FROM ${table} r WHERE r.id = ?`, [...reason.params, member.record_id]))?.reason ?? null) : null;
  return { campaign, step, member, touched, recipient, responded, ineligible };
}

/** A number from 0 to 99 fixed for a member and step: who is in an A/B test, and which variant they get, never changes between attempts. */
function bucket(stepId: number, memberId: number, salt: string): number {
  return createHash('sha256').update(`${salt}:${stepId}:${memberId}`).digest().readUInt32BE(0) % 100;
}

function variantByShare(step: Step & { variants: { key: VariantKey; share: number }[] }, memberId: number): VariantKey {
  const b = bucket(step.id, memberId, 'variant');
  let acc = 0;
  for (const v of step.variants) {
    acc += v.share;
    if (b < acc) return v.key;
  }
  return step.variants[step.variants.length - 1]!.key;
}

/**
 * The A/B winner: the variant whose recipients responded most often (responses to the campaign after the
 * touch), ties to the earlier letter. Decided once, by whichever job first finds the wait over.
 */
async function decideWinner(em: EntityManager, stepId: number): Promise<VariantKey> {
  const sql = new Sql(em);
  const decided = await sql.get<{ winner_variant: VariantKey | null }>(`SELECT winner_variant FROM campaign_steps WHERE id = ?`, [stepId]);
  if (decided?.winner_variant) return decided.winner_variant;
  const rates = await sql.all<{ variant: VariantKey; sent: number; responded: number }>(
    `SELECT t.variant, COUNT(*) AS sent,
            SUM(EXISTS (SELECT 1 FROM campaign_responses r JOIN campaign_members m ON m.id = t.member_id
                         WHERE r.campaign_id = t.campaign_id AND r.entity = m.entity AND r.record_id = m.record_id AND r.responded_at >= t.at AND r.kind <> '${OPT_OUT_KIND}')) AS responded
       FROM campaign_touches t WHERE t.step_id = ? AND t.status = 'sent' AND t.variant IS NOT NULL GROUP BY t.variant ORDER BY t.variant`,
    [stepId],
  );
  let best: { key: VariantKey; rate: number } = { key: 'A', rate: -1 };
  for (const r of rates) {
    const rate = r.responded / r.sent;
    if (rate > best.rate) best = { key: r.variant, rate };
  }
  await sql.run(`UPDATE campaign_steps SET winner_variant = ? WHERE id = ? AND winner_variant IS NULL`, [best.key, stepId]);
  return (await sql.get<{ winner_variant: VariantKey }>(`SELECT winner_variant FROM campaign_steps WHERE id = ?`, [stepId]))!.winner_variant;
}

/** The variant this member gets, or a deferral while the A/B test it waits for is still running. */
async function chooseVariant(ctx: JobContext<Payload>, step: Step, memberId: number): Promise<VariantKey> {
  if (step.channel !== 'email' && step.channel !== 'sms') return 'A';
  if (step.variants.length === 1) return 'A';
  if (!step.ab || bucket(step.id, memberId, 'test') < step.ab.testPercent) return variantByShare(step, memberId);
  const ab = step.ab;
  return ctx.transaction(async (em) => {
    const first = await new Sql(em).get<{ at: string | null }>(`SELECT MIN(at) AS at FROM campaign_touches WHERE step_id = ? AND status = 'sent'`, [step.id]);
    const decideAt = first?.at ? addMinutes(first.at, ab.waitMinutes) : addMinutes(ctx.now(), ab.waitMinutes);
    if (!step.winnerVariant && Date.parse(decideAt) > Date.parse(ctx.now())) throw new JobDeferred(decideAt, 'waiting for the A/B test to be decided');
    return decideWinner(em, step.id);
  });
}

/** Quiet hours and the hourly throttle; throws JobDeferred when this message must wait. */
async function checkSendWindow(ctx: JobContext<Payload>, campaignId: number, settings: CampaignSettings): Promise<void> {
  const nowMs = Date.parse(ctx.now());
  const allowed = nextAllowedTime(nowMs, settings.quietHours);
  if (allowed > nowMs) throw new JobDeferred(new Date(allowed).toISOString(), 'quiet hours');
  if (settings.throttlePerHour === null) return;
  const since = new Date(nowMs - 3_600_000).toISOString();
  const sent = await ctx.transaction((em) =>
    new Sql(em).all<{ at: string }>(`SELECT at FROM campaign_touches WHERE campaign_id = ? AND channel IN ('email', 'sms') AND status = 'sent' AND at > ? ORDER BY at`, [
      campaignId,
      since,
    ]),
  );
  const wait = throttleDelay(
    sent.map((s) => Date.parse(s.at)),
    settings.throttlePerHour,
    nowMs,
  );
  if (wait !== null) throw new JobDeferred(new Date(wait).toISOString(), 'throttle');
}

/**
 * The `campaign.step` kind: one step of the journey for one member. The touch row (unique per step and member)
 * and the next step's job are written in the transaction that records the effect, so a crash anywhere neither
 * repeats a send nor loses the member's place in the journey.
 */
export function campaignStepJob(deps: JourneyDeps): JobHandler<typeof CampaignStepPayload> {
  return {
    payload: CampaignStepPayload,
    maxAttempts: 5,
    async run(ctx) {
      const p = ctx.payload;
      const key = stepJobKey(p.stepId, p.memberId);
      const s = await ctx.transaction((em) => loadState(em, p));
      const { campaign, step, member, recipient } = s;
      if (!campaign || !step || !member) return;
      if (campaign.status === 'paused') throw new JobDeferred(addMinutes(ctx.now(), deps.pausedRecheckMinutes ?? 15), 'the campaign is paused');
      if (campaign.status !== 'active' || member.status !== 'active') return;

      const record = (status: 'sent' | 'queued' | 'skipped', reason: string | null, variant: VariantKey | null) => async (em: EntityManager) => {
        await new Sql(em).run(
          `INSERT INTO campaign_touches (campaign_id, step_id, member_id, channel, status, reason, variant, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
           ON CONFLICT (step_id, member_id) DO NOTHING`,
          [p.campaignId, step.id, member.id, step.channel, status, reason, variant, ctx.now()],
        );
        await scheduleNextStep(em, deps.jobs, p.campaignId, step.position, member.id, ctx.now());
      };
      if (s.touched) {
        // Recorded by an attempt that died before completing its job: make sure the journey goes on.
        await ctx.transaction((em) => scheduleNextStep(em, deps.jobs, p.campaignId, step.position, member.id, ctx.now()));
        return;
      }
      const skip = (reason: string) => ctx.once(key, record('skipped', reason, null));
      if (!recipient || recipient.deleted) return void (await skip('The record was deleted'));
      if (step.condition === 'not_responded' && s.responded) return void (await skip('Responded already'));
      if (step.condition === 'responded' && !s.responded) return void (await skip('Has not responded'));
      if (s.ineligible) return void (await skip(s.ineligible));

      if (step.channel === 'letter') return void (await ctx.once(key, record('queued', null, null)));
      if (step.channel === 'call') {
        return void (await ctx.once(key, async (em) => {
          await queueCall(em, p, step.id, campaign, ctx.now());
          await record('queued', null, null)(em);
        }));
      }

      const variant = await chooseVariant(ctx, step, member.id);
      await checkSendWindow(ctx, p.campaignId, campaign.settings);
      const values = { campaignName: campaign.name };
      if (step.channel === 'email') {
        const v = step.variants.find((x) => x.key === variant) ?? step.variants[0]!;
        const smtp = await readStoredSmtpSettings(deps.settings);
        const mail = buildCampaignEmail({
          subject: v.subject,
          html: v.html,
          ...(v.text ? { text: v.text } : {}),
          record: recipient,
          campaignName: campaign.name,
          unsubscribe: { mailto: campaign.settings.unsubscribeMailto ?? smtp.fromAddress, token: `C${p.campaignId}-M${member.id}` },
        });
        await ctx.onceExternal(key, {
          prepare: () => `<${randomUUID()}@${/@([A-Za-z0-9.-]+)$/.exec(smtp.fromAddress)?.[1] ?? 'office-crm.invalid'}>`,
          perform: (messageId) => deps.sender.send({ to: recipient.email, subject: mail.subject, text: mail.text, html: mail.html, headers: mail.headers, messageId }),
          mayHaveHappened: mightHaveBeenDelivered,
          ...(deps.check ? { check: deps.check } : {}),
          record: (em) => record('sent', null, step.variants.length > 1 ? variant : null)(em),
        });
        return;
      }
      const v = step.variants.find((x) => x.key === variant) ?? step.variants[0]!;
      const text = renderTemplate(parseTemplate(v.text), { ...recipient, ...values, unsubscribeLink: '' }, 'text');
      const gateway = await loadSmsGateway(deps.settings, deps.cipher);
      await ctx.onceExternal(key, {
        prepare: () => randomUUID(),
        perform: () => sendSms(gateway, { to: recipient.phone, text }),
        mayHaveHappened: smsMightHaveBeenSent,
        record: (em) => record('sent', null, step.variants.length > 1 ? variant : null)(em),
      });
    },
  };
}

/** A call for the rep with the fewest calls of this step so far (the campaign's reps in turn; its owner when none are named). */
async function queueCall(em: EntityManager, p: Payload, stepId: number, campaign: NonNullable<State['campaign']>, now: string): Promise<void> {
  const sql = new Sql(em);
  const named = campaign.settings.callRepIds.length ? campaign.settings.callRepIds : [campaign.ownerId];
  const active = await sql.all<{ id: number }>(`SELECT id FROM users WHERE id IN (SELECT value FROM json_each(?)) AND active = 1`, [JSON.stringify(named)]);
  const reps = named.filter((id) => active.some((u) => u.id === id));
  if (!reps.length) reps.push(campaign.ownerId);
  const load = await sql.all<{ assigned_to_id: number; n: number }>(`SELECT assigned_to_id, COUNT(*) AS n FROM call_list_items WHERE step_id = ? GROUP BY assigned_to_id`, [stepId]);
  const count = (id: number) => load.find((l) => l.assigned_to_id === id)?.n ?? 0;
  const rep = reps.reduce((best, id) => (count(id) < count(best) ? id : best), reps[0]!);
  await sql.run(
    `INSERT INTO call_list_items (campaign_id, step_id, member_id, assigned_to_id, status, created_at) VALUES (?, ?, ?, ?, 'open', ?)
     ON CONFLICT (step_id, member_id) DO NOTHING`,
    [p.campaignId, stepId, p.memberId, rep, now],
  );
}
