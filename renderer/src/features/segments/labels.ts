import type { Channel, FieldKind, SegmentEntity } from '../../../../shared/contract/segments';
import type { SuppressionKind } from '../../../../shared/suppression';

export const ENTITY_LABELS: Record<SegmentEntity, string> = { contact: 'Contacts', lead: 'Leads', account: 'Accounts' };
export const ENTITY_NOUNS: Record<SegmentEntity, readonly [string, string]> = {
  contact: ['contact', 'contacts'],
  lead: ['lead', 'leads'],
  account: ['account', 'accounts'],
};
export const RECORD_PATHS: Record<SegmentEntity, string> = { contact: '/contacts', lead: '/leads', account: '/accounts' };

export const CHANNEL_LABELS: Record<Channel, string> = { email: 'E-mail', call: 'Call', letter: 'Letter', sms: 'SMS' };

export const SUPPRESSION_LABELS: Record<SuppressionKind, string> = { email: 'E-mail address', domain: 'Domain', phone: 'Phone number' };

/** How an operator reads after the field's name, per kind where it differs. */
export function operatorLabel(op: string, kind: FieldKind | 'fact'): string {
  if (kind === 'date') {
    const dates: Record<string, string> = { equals: 'is on', gt: 'is after', lt: 'is before', between: 'is between', withinLastDays: 'is within the last', olderThanDays: 'is more than … days ago' };
    if (dates[op]) return dates[op]!;
  }
  if (kind === 'fact') {
    const facts: Record<string, string> = {
      any: 'has any of',
      all: 'has all of',
      none: 'has none of',
      anyOf: 'is any of',
      noneOf: 'is none of (or empty)',
      empty: 'is empty',
      notEmpty: 'is not empty', gt: 'is more than', lt: 'is less than', withinLastDays: 'was within the last', olderThanDays: 'was more than … days ago, or never', never: 'never happened', withinMonths: 'within the last' };
    return facts[op] ?? op;
  }
  const labels: Record<string, string> = {
    equals: 'is',
    notEquals: 'is not',
    contains: 'contains',
    notContains: 'does not contain',
    startsWith: 'starts with',
    in: 'is any of',
    notIn: 'is none of',
    gt: 'is more than',
    lt: 'is less than',
    between: 'is between',
    withinLastDays: 'is within the last',
    olderThanDays: 'is more than … days ago',
    isEmpty: 'is empty',
    isNotEmpty: 'is not empty',
    isTrue: 'is yes',
    isFalse: 'is no',
  };
  return labels[op] ?? op;
}

/** "won", "open": lead source and status values as people say them. */
export function optionLabel(value: string): string {
  const s = value.replace(/_/g, ' ');
  return s.charAt(0).toUpperCase() + s.slice(1);
}
