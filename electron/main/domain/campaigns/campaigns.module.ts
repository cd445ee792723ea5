/**
 * Campaigns (issue #7): plan, target, run a multi-step journey on e-mail, letters, calls and SMS, and see
 * what came back. Decisions:
 *
 * - **A journey is a list of steps**, each with a wait before it and a condition (everyone, only those who
 *   have not responded, only those who have). That covers "e-mail → wait 3 days → not responded → call →
 *   wait → letter" without a graph editor; branching campaigns are separate campaigns on the same list.
 * - **One job per (step, member)** (`campaign.step`, group `campaign:<id>`, dedupe key
 *   `campaign-step:<step>:member:<member>`). The touch row, unique per step and member, is written in the
 *   transaction that records the effect, together with the next step's job: exactly once per step and
 *   recipient, and a crash never loses a member's place (see journey.job.ts and jobs/effects.ts).
 * - **Consent is checked when a step runs**, not only when the list was frozen (segments/consent.ts): an
 *   opt-out or suppression entered after the start is honoured by every later step.
 * - **Letters and calls are queued, not "sent"**: a letter step adds the member to the letters to print
 *   (campaigns.letters gives one PDF; campaigns.lettersMailed marks them sent), a call step puts a call on a
 *   rep's list; the next step is scheduled from the moment the letter or call was queued.
 * - **The journey is fixed once the campaign starts**: touches and jobs refer to steps by id.
 * - **Triggers are looked for, not pushed**: an active campaign's `campaign.trigger` job looks every 15 minutes
 *   for events since its watermark (leads created, stage changes, quotes left unanswered, birthdays…). A look
 *   after downtime catches up on everything missed, and the unique member row enrols a record once.
 * - **Quiet hours and the hourly throttle defer a job** (JobDeferred) rather than fail it, and an A/B step's
 *   remainder waits the same way until the test's wait is over.
 */
import type { DataSource } from 'typeorm';
import type { campaignsContract } from '../../../../shared/contract/campaigns';
import { CrmError } from '../../../../shared/errors';
import type { ModuleHandlers } from '../../host/handler-types';
import type { Services } from '../../host/services';
import type { JobsServices } from '../../jobs/jobs.module';
import type { MailServices } from '../../mail/mail.module';
import { createMailSender } from '../../mail/mail-sender';
import { requireRole } from '../users/require-role';
import { campaignProgress, enrolRecords, membersPage } from './campaign-members';
import { CampaignsService } from './campaigns.service';
import { describeSmsGateway, readStoredSmsGateway, saveSmsGateway } from './channels/sms-gateway';
import { CAMPAIGN_STEP, scheduleFirstStep } from './schedule';
import { campaignStepJob } from './journey.job';
import { CAMPAIGN_TRIGGER, campaignTriggerJob } from './triggers.job';
import { LettersService } from './letters.service';
import { previewStep } from './preview';

export interface CampaignsServices {
  campaigns: CampaignsService;
  letters: LettersService;
  /** Closes the campaign sender's pooled SMTP connection (the host is closing). */
  close(): void;
}

export function createCampaignsServices(
  _dataSource: DataSource,
  deps: { jobs: JobsServices; mail: MailServices; fontDir?: string | undefined },
): CampaignsServices {
  // Campaign messages go one after another through one pooled connection: most of a fresh connection's cost is its set-up.
  const sender = createMailSender({ store: deps.mail.store, cipher: deps.mail.cipher, pooled: true });
  deps.jobs.registry.register(CAMPAIGN_STEP, campaignStepJob({ jobs: deps.jobs.store, sender, settings: deps.mail.store, cipher: deps.mail.cipher }));
  deps.jobs.registry.register(CAMPAIGN_TRIGGER, campaignTriggerJob(deps.jobs.store));
  return { campaigns: new CampaignsService(deps.jobs.store), letters: new LettersService(deps.mail.store, deps.fontDir), close: () => sender.close?.() };
}

export function campaignsHandlers(services: Services): ModuleHandlers<typeof campaignsContract> {
  const { campaigns, letters } = services.campaigns;
  const wake = () => services.jobs.runner?.wake();
  return {
    'campaigns.list': (input, ctx) => campaigns.list(ctx.em, input),
    'campaigns.get': ({ id }, ctx) => campaigns.get(ctx.em, id),
    'campaigns.create': (input, ctx) => campaigns.create(ctx.em, input, ctx),
    'campaigns.update': (input, ctx) => campaigns.update(ctx.em, input, ctx),
    'campaigns.saveJourney': (input, ctx) => campaigns.saveJourney(ctx.em, input, ctx),
    'campaigns.delete': ({ id }, ctx) => campaigns.delete(ctx.em, id, ctx),
    'campaigns.setStatus': async (input, ctx) => {
      const campaign = await campaigns.setStatus(ctx.em, input, ctx);
      wake();
      return campaign;
    },
    'campaigns.enrol': async (input, ctx) => {
      await requireRole(ctx.em, ctx.userId, ['admin', 'sales_manager', 'marketing'], 'enrol records in campaigns');
      const campaign = await campaigns.get(ctx.em, input.id);
      if (campaign.status === 'completed' || campaign.status === 'cancelled') {
        throw new CrmError('conflict', `"${campaign.name}" is ${campaign.status}: no one can be enrolled any more.`);
      }
      const { added, already } = await enrolRecords(ctx.em, input.id, input.entity, input.recordIds, 'manual', ctx.now());
      if (campaign.status !== 'planned' && added.length) {
        await scheduleFirstStep(ctx.em, services.jobs.store, input.id, ctx.now(), added);
        wake();
      }
      return { added: added.length, already };
    },
    'campaigns.members': async (input, ctx) => {
      await campaigns.get(ctx.em, input.id);
      return membersPage(ctx.em, input.id, input.offset, input.limit);
    },
    'campaigns.progress': ({ id }, ctx) => campaignProgress(ctx.em, id),
    'campaigns.preview': (input, ctx) => previewStep(ctx.em, services.mail.store, input),
    'campaigns.letters': (input, ctx) => letters.render(ctx.em, input.stepId, ctx.now(), services.saveFile),
    'campaigns.lettersMailed': (input, ctx) => letters.markMailed(ctx.em, input.stepId, ctx.now()),
    'campaigns.smsGateway': async () => describeSmsGateway(await readStoredSmsGateway(services.mail.store), services.mail.cipher),
    'campaigns.saveSmsGateway': async (input, ctx) => {
      await requireRole(ctx.em, ctx.userId, ['admin'], 'change the SMS gateway');
      const stored = await saveSmsGateway(services.mail.store, services.mail.cipher, ctx.em, input, ctx.userId, ctx.now());
      return describeSmsGateway(stored, services.mail.cipher);
    },
  };
}
