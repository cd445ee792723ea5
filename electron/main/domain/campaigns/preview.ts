import type { EntityManager } from 'typeorm';
import type { ParsedInput } from '../../../../shared/contract';
import { CampaignSettings } from '../../../../shared/contract/campaigns';
import type { SegmentEntity } from '../../../../shared/contract/segments';
import { CrmError } from '../../../../shared/errors';
import { Sql } from '../../db/sql';
import { readStoredSmtpSettings } from '../../mail/smtp-settings';
import type { AppSettingsStore } from '../settings/app-settings.store';
import { readStep } from './campaign-steps';
import { buildCampaignEmail } from './channels/email-template';
import { parseTemplate, renderTemplate } from './channels/merge-fields';
import { loadRecipient, type Recipient } from './recipients';

/** Who a preview shows when no member is given and none is enrolled yet. */
const SAMPLE: Recipient = {
  entity: 'contact',
  recordId: 0,
  deleted: false,
  firstName: 'Alex',
  lastName: 'Example',
  fullName: 'Alex Example',
  email: 'alex@example.com',
  phone: '+1 555 0100',
  accountName: 'Example Ltd',
  title: 'Buyer',
  street: '1 Sample Street',
  postalCode: '12345',
  city: 'Springfield',
  region: '',
  country: 'US',
  ownerName: 'Your name',
};

/** A step's message as one member (the given one, else the first enrolled, else a sample person) would get it. */
export async function previewStep(em: EntityManager, settings: AppSettingsStore, input: ParsedInput<'campaigns.preview'>) {
  const step = await readStep(em, input.stepId);
  if (!step) throw new CrmError('not_found', `There is no campaign step with id ${input.stepId}.`);
  const sql = new Sql(em);
  const campaign = (await sql.get<{ name: string; settings: string }>(`SELECT name, settings FROM campaigns WHERE id = ?`, [step.campaignId]))!;
  const member = await sql.get<{ id: number; entity: SegmentEntity; record_id: number }>(
    `SELECT id, entity, record_id FROM campaign_members WHERE campaign_id = ? ${input.memberId ? 'AND id = ?' : ''} ORDER BY id LIMIT 1`,
    input.memberId ? [step.campaignId, input.memberId] : [step.campaignId],
  );
  if (input.memberId && !member) throw new CrmError('not_found', `Member ${input.memberId} is not enrolled in this campaign.`);
  const recipient = (member && (await loadRecipient(em, member.entity, member.record_id))) || SAMPLE;
  const values = { ...recipient, campaignName: campaign.name, unsubscribeLink: '' };
  if (step.channel === 'email') {
    const v = step.variants.find((x) => x.key === input.variant) ?? step.variants[0]!;
    const smtp = await readStoredSmtpSettings(settings);
    const unsubscribe = CampaignSettings.parse(JSON.parse(campaign.settings)).unsubscribeMailto ?? (smtp.fromAddress || 'unsubscribe@example.com');
    const mail = buildCampaignEmail({ subject: v.subject, html: v.html, ...(v.text ? { text: v.text } : {}), record: recipient, campaignName: campaign.name, unsubscribe: { mailto: unsubscribe, token: `C${step.campaignId}-M${member?.id ?? 0}` } });
    return { subject: mail.subject, html: mail.html, text: mail.text };
  }
  if (step.channel === 'sms') {
    const v = step.variants.find((x) => x.key === input.variant) ?? step.variants[0]!;
    return { subject: null, html: null, text: renderTemplate(parseTemplate(v.text), values, 'text') };
  }
  if (step.channel === 'letter') {
    return { subject: step.subject ? renderTemplate(parseTemplate(step.subject), values, 'text') : null, html: null, text: renderTemplate(parseTemplate(step.body), values, 'text') };
  }
  return { subject: null, html: null, text: renderTemplate(parseTemplate(step.script), values, 'text') };
}
