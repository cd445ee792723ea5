import type { EntityManager } from 'typeorm';
import { CompanyProfile, QuoteSettings } from '../../../../shared/contract/settings';
import { CampaignSettings } from '../../../../shared/contract/campaigns';
import type { SegmentEntity } from '../../../../shared/contract/segments';
import { CrmError } from '../../../../shared/errors';
import { Sql } from '../../db/sql';
import { addressLines } from '../../pdf/letters/recipient-address';
import { letterSenderFromCompany } from '../../pdf/letters/letter-sender';
import { renderLettersPdf } from '../../pdf/letters/render-letters-pdf';
import type { SaveFile } from '../attachments/attachments.service';
import type { AppSettingsStore } from '../settings/app-settings.store';
import { COMPANY_KEY, QUOTES_KEY } from '../settings/settings-keys';
import { readStep } from './campaign-steps';
import { parseTemplate, renderTemplate } from './channels/merge-fields';
import { loadRecipient } from './recipients';

/** The letters channel: a letter step queues its members; this prints them as one PDF and marks them mailed. */
export class LettersService {
  constructor(
    private readonly settings: AppSettingsStore,
    private readonly fontDir: string | undefined,
  ) {}

  private async letterStep(em: EntityManager, stepId: number) {
    const step = await readStep(em, stepId);
    if (!step) throw new CrmError('not_found', `There is no campaign step with id ${stepId}.`);
    if (step.channel !== 'letter') throw new CrmError('validation', `Step ${step.position} is not a letter step (it is ${step.channel}).`);
    return step;
  }

  /**
   * One PDF with a letter per queued member, merged now (an address corrected since the step ran is the one
   * printed). A read: the Save dialog may stay open for minutes without holding the write queue.
   */
  async render(em: EntityManager, stepId: number, now: string, saveFile: SaveFile | undefined) {
    const step = await this.letterStep(em, stepId);
    if (step.channel !== 'letter') throw new Error('unreachable');
    const sql = new Sql(em);
    const campaign = (await sql.get<{ name: string; settings: string }>(`SELECT name, settings FROM campaigns WHERE id = ?`, [step.campaignId]))!;
    const members = await sql.all<{ id: number; entity: SegmentEntity; record_id: number }>(
      `SELECT m.id, m.entity, m.record_id FROM campaign_touches t JOIN campaign_members m ON m.id = t.member_id
        WHERE t.step_id = ? AND t.status = 'queued' ORDER BY m.id`,
      [stepId],
    );
    if (!members.length) throw new CrmError('validation', `Step ${step.position} has no letters waiting to be printed.`);
    const company = await this.settings.read(COMPANY_KEY, CompanyProfile, em);
    const { locale } = await this.settings.read(QUOTES_KEY, QuoteSettings, em);
    const { sender, country, warnings } = letterSenderFromCompany(company);
    const body = parseTemplate(step.body, 'body');
    const subject = step.subject ? parseTemplate(step.subject, 'subject') : null;
    const letters = [];
    for (const m of members) {
      const r = await loadRecipient(em, m.entity, m.record_id);
      if (!r || r.deleted) continue;
      const values = { ...r, campaignName: campaign.name, unsubscribeLink: '' };
      const lines = addressLines(r, country);
      const text = renderTemplate(body, values, 'text');
      // The address may have been cleared since the step ran: one such member must not stop the whole print run.
      if (!lines.length || !text.trim()) {
        warnings.push(`${r.fullName || `Member ${m.id}`} was left out: ${lines.length ? 'the letter is empty' : 'no postal address'}.`);
        continue;
      }
      letters.push({ recipientLines: lines, body: text });
    }
    if (!letters.length) throw new CrmError('validation', `None of the ${members.length} queued letters can be printed: ${warnings.join(' ')}`);
    const date = new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(now));
    const bytes = await renderLettersPdf(
      {
        sender,
        layout: CampaignSettings.parse(JSON.parse(campaign.settings)).letterLayout,
        date,
        subject: subject ? renderTemplate(subject, { campaignName: campaign.name }, 'text') : null,
        letters,
      },
      { creationDate: new Date(now), onWarning: (w) => warnings.push(w), ...(this.fontDir ? { fontDir: this.fontDir } : {}) },
    );
    const fileName = `${campaign.name.replace(/[^\p{L}\p{N} _-]+/gu, '').trim() || 'campaign'} - letters step ${step.position}.pdf`;
    if (saveFile) {
      const savedTo = await saveFile(fileName, bytes);
      return { fileName, letters: letters.length, warnings, savedTo, contentBase64: null };
    }
    return { fileName, letters: letters.length, warnings, savedTo: null, contentBase64: bytes.toString('base64') };
  }

  async markMailed(em: EntityManager, stepId: number, now: string): Promise<{ mailed: number }> {
    await this.letterStep(em, stepId);
    const { changes } = await new Sql(em).run(`UPDATE campaign_touches SET status = 'sent', at = ? WHERE step_id = ? AND status = 'queued'`, [now, stepId]);
    return { mailed: changes };
  }
}
