import { z } from 'zod';
import {
  CampaignInput,
  type CAMPAIGN_TYPES,
  type Campaign,
  type CampaignTrigger,
  type LETTER_LAYOUTS,
  type TRIGGER_KINDS,
} from '../../../../shared/contract/campaigns';
import { minorToDecimalText, parseMoney } from '../../../../shared/money';
import { browserTimeZone } from '../activities/activityTime';

/**
 * What the details form edits: text as typed, with the contract's own field
 * names, so the contract's messages land on the right field. Amounts are typed
 * in major units of the campaign's one currency and become minor units here.
 */
export interface CampaignFormValues {
  name: string;
  objective: string;
  type: (typeof CAMPAIGN_TYPES)[number];
  startDate: string;
  endDate: string;
  currency: string;
  budgetMinor: string;
  actualCostMinor: string;
  expectedRevenueMinor: string;
  ownerId: string;
  parentId: string;
  audienceListId: string;
  trigger: { kind: (typeof TRIGGER_KINDS)[number] | ''; source: string; stageId: string; days: string };
  settings: {
    throttlePerHour: string;
    /** Form only: quiet hours are null unless ticked. */
    quietEnabled: boolean;
    quietHours: { from: string; to: string; timeZone: string };
    callRepIds: string[];
    letterLayout: (typeof LETTER_LAYOUTS)[number];
    unsubscribeMailto: string;
  };
}

export const CAMPAIGN_FIELD_NAMES = [
  'name',
  'objective',
  'type',
  'startDate',
  'endDate',
  'currency',
  'budgetMinor',
  'actualCostMinor',
  'expectedRevenueMinor',
  'ownerId',
  'parentId',
  'audienceListId',
  'trigger',
  'settings',
] as const;

const AMOUNTS = ['budgetMinor', 'actualCostMinor', 'expectedRevenueMinor'] as const;
const idOrNull = (v: string) => (v ? Number(v) : null);

function toTrigger(t: CampaignFormValues['trigger']): CampaignTrigger | null {
  switch (t.kind) {
    case '':
      return null;
    case 'leadCreated':
      return { kind: 'leadCreated', source: (t.source || null) as Extract<CampaignTrigger, { kind: 'leadCreated' }>['source'] };
    case 'opportunityStage':
      return { kind: 'opportunityStage', stageId: Number(t.stageId) };
    case 'quoteNotAccepted':
    case 'inactivity':
      return { kind: t.kind, days: Number(t.days) };
    default:
      return { kind: t.kind };
  }
}

const FormShape = z.custom<CampaignFormValues>();

/** The form's values → the contract's CampaignInput (steps empty: the journey has its own editor). */
export const CampaignFormSchema = FormShape.superRefine((v, ctx) => {
  for (const field of AMOUNTS) {
    const text = v[field].trim();
    if (!text) continue;
    const parsed = parseMoney(text, v.currency);
    if (!parsed.ok) ctx.addIssue({ code: 'custom', path: [field], message: parsed.message });
  }
  if (v.trigger.kind === 'opportunityStage' && !v.trigger.stageId) ctx.addIssue({ code: 'custom', path: ['trigger', 'stageId'], message: 'Choose a stage' });
  if ((v.trigger.kind === 'quoteNotAccepted' || v.trigger.kind === 'inactivity') && !v.trigger.days.trim()) {
    ctx.addIssue({ code: 'custom', path: ['trigger', 'days'], message: 'Enter a number of days' });
  }
})
  .transform((v): z.input<typeof CampaignInput> => {
    const minor = (text: string) => {
      const parsed = text.trim() ? parseMoney(text, v.currency) : null;
      return parsed?.ok ? parsed.amountMinor : 0;
    };
    const s = v.settings;
    return {
      name: v.name,
      objective: v.objective,
      type: v.type,
      startDate: v.startDate || null,
      endDate: v.endDate || null,
      currency: v.currency,
      budgetMinor: minor(v.budgetMinor),
      actualCostMinor: minor(v.actualCostMinor),
      expectedRevenueMinor: minor(v.expectedRevenueMinor),
      ...(v.ownerId ? { ownerId: Number(v.ownerId) } : {}),
      parentId: idOrNull(v.parentId),
      audienceListId: idOrNull(v.audienceListId),
      trigger: toTrigger(v.trigger),
      settings: {
        throttlePerHour: s.throttlePerHour.trim() ? Number(s.throttlePerHour) : null,
        quietHours: s.quietEnabled ? { ...s.quietHours } : null,
        callRepIds: s.callRepIds.map(Number),
        letterLayout: s.letterLayout,
        unsubscribeMailto: s.unsubscribeMailto.trim() || null,
      },
    };
  })
  .pipe(CampaignInput);

export type CampaignFormOutput = z.output<typeof CampaignFormSchema>;

/** What the form shows for a loaded campaign, or for a new one. */
export function campaignFormValues(c?: Campaign): CampaignFormValues {
  const quiet = c?.settings.quietHours ?? null;
  const t = c?.trigger ?? null;
  const amount = (minor: number | undefined) => (c && minor ? minorToDecimalText(minor, c.currency) : '');
  return {
    name: c?.name ?? '',
    objective: c?.objective ?? '',
    type: c?.type ?? 'email',
    startDate: c?.startDate ?? '',
    endDate: c?.endDate ?? '',
    currency: c?.currency ?? 'EUR',
    budgetMinor: amount(c?.budgetMinor),
    actualCostMinor: amount(c?.actualCostMinor),
    expectedRevenueMinor: amount(c?.expectedRevenueMinor),
    ownerId: c ? String(c.owner.id) : '',
    parentId: c?.parent ? String(c.parent.id) : '',
    audienceListId: c?.audienceList ? String(c.audienceList.id) : '',
    trigger: {
      kind: t?.kind ?? '',
      source: t?.kind === 'leadCreated' ? (t.source ?? '') : '',
      stageId: t?.kind === 'opportunityStage' ? String(t.stageId) : '',
      days: t?.kind === 'quoteNotAccepted' || t?.kind === 'inactivity' ? String(t.days) : '',
    },
    settings: {
      throttlePerHour: c?.settings.throttlePerHour ? String(c.settings.throttlePerHour) : '',
      quietEnabled: quiet !== null,
      quietHours: quiet ? { ...quiet } : { from: '20:00', to: '08:00', timeZone: browserTimeZone() },
      callRepIds: (c?.settings.callRepIds ?? []).map(String),
      letterLayout: c?.settings.letterLayout ?? 'din5008b',
      unsubscribeMailto: c?.settings.unsubscribeMailto ?? '',
    },
  };
}
