import { MERGE_FIELDS as MERGE_FIELD_NAMES, type CallOutcome, type CampaignStatus, type MergeField, type ResponseKind, type StepChannel } from '../../../../shared/contract/campaigns';
import type { CAMPAIGN_TYPES, RESPONSE_SOURCES, STEP_CONDITIONS, TRIGGER_KINDS, TOUCH_STATUSES, LETTER_LAYOUTS } from '../../../../shared/contract/campaigns';

export const TYPE_LABELS: Record<(typeof CAMPAIGN_TYPES)[number], string> = {
  email: 'E-mail',
  direct_mail: 'Direct mail',
  telemarketing: 'Telemarketing',
  sms: 'SMS',
  event: 'Event',
  webinar: 'Webinar',
  advertising: 'Advertising',
  multichannel: 'Multichannel',
  other: 'Other',
};

export const STATUS_LABELS: Record<CampaignStatus, string> = {
  planned: 'Planned',
  active: 'Active',
  paused: 'Paused',
  completed: 'Completed',
  cancelled: 'Cancelled',
};

/** The button that moves a campaign from its status to another, as people say it. */
export function transitionLabel(from: CampaignStatus, to: CampaignStatus): string {
  if (to === 'active') return from === 'planned' ? 'Start' : 'Resume';
  if (to === 'paused') return 'Pause';
  if (to === 'completed') return 'Complete';
  if (to === 'cancelled') return 'Cancel campaign';
  return STATUS_LABELS[to];
}

export const CHANNEL_LABELS: Record<StepChannel, string> = { email: 'E-mail', letter: 'Letter', call: 'Call', sms: 'SMS' };

export const CONDITION_LABELS: Record<(typeof STEP_CONDITIONS)[number], string> = {
  always: 'Everyone still enrolled',
  not_responded: 'Only those who have not responded',
  responded: 'Only those who have responded',
};

export const TOUCH_LABELS: Record<(typeof TOUCH_STATUSES)[number], string> = { sent: 'Sent', queued: 'Queued', skipped: 'Skipped', failed: 'Failed' };

export const RESPONSE_LABELS: Record<ResponseKind, string> = {
  replied: 'Replied',
  called_back: 'Called back',
  registered: 'Registered',
  bought: 'Bought',
  unsubscribed: 'Unsubscribed',
};

export const RESPONSE_SOURCE_LABELS: Record<(typeof RESPONSE_SOURCES)[number], string> = { manual: 'By hand', call: 'Call', import: 'Import' };

export const OUTCOME_LABELS: Record<CallOutcome, string> = {
  interested: 'Interested',
  call_back: 'Call back',
  not_interested: 'Not interested',
  do_not_call: 'Do not call',
  no_answer: 'No answer',
};

export const TRIGGER_LABELS: Record<(typeof TRIGGER_KINDS)[number], string> = {
  leadCreated: 'A lead is created',
  opportunityStage: 'An opportunity enters a stage',
  quoteNotAccepted: 'A quote is not accepted after some days',
  birthday: "A contact's birthday",
  anniversary: 'The anniversary of a contact being added',
  inactivity: 'A contact with no activity for some days',
};

export const LETTER_LAYOUT_LABELS: Record<(typeof LETTER_LAYOUTS)[number], string> = {
  din5008b: 'DIN 5008 B (A4, window envelope)',
  us10: 'US Letter (#10 window envelope)',
};

const MERGE_FIELD_LABELS: Record<MergeField, string> = {
  firstName: 'First name',
  lastName: 'Last name',
  fullName: 'Full name',
  email: 'E-mail',
  phone: 'Phone',
  accountName: 'Account',
  title: 'Title',
  city: 'City',
  country: 'Country',
  ownerName: 'Owner',
  campaignName: 'Campaign',
  unsubscribeLink: 'Unsubscribe link',
};

/** The merge fields (shared/contract/campaigns.ts) as chips; the main process checks them when the journey is saved. */
export const MERGE_FIELDS = MERGE_FIELD_NAMES.map((name) => ({ name, label: MERGE_FIELD_LABELS[name] }));
