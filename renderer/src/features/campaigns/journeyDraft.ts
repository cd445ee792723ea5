import { z } from 'zod';
import { StepInput, VARIANT_KEYS, type Step, type StepChannel, type VariantKey } from '../../../../shared/contract/campaigns';
import type { CrmError } from '../../../../shared/errors';
import { CHANNEL_LABELS } from './labels';

/**
 * The journey editor's working copy: numbers as typed, a wait as days and hours,
 * and a key per step so React keeps focus on a step while it moves.
 */
export interface EmailVariantDraft {
  key: VariantKey;
  share: string;
  subject: string;
  html: string;
  text: string;
}
export interface SmsVariantDraft {
  key: VariantKey;
  share: string;
  text: string;
}
export interface AbDraft {
  enabled: boolean;
  testPercent: string;
  waitHours: string;
}

interface StepBase {
  uid: string;
  /** The saved step it came from (previews need one); null for a step added since. */
  savedId: number | null;
  waitDays: string;
  waitHours: string;
  /** Minutes of a saved wait below a full hour, kept so saving an untouched step does not round it. */
  extraMinutes: number;
  condition: Step['condition'];
}

export type StepDraft = StepBase &
  (
    | { channel: 'email'; variants: EmailVariantDraft[]; ab: AbDraft }
    | { channel: 'sms'; variants: SmsVariantDraft[]; ab: AbDraft }
    | { channel: 'letter'; subject: string; body: string }
    | { channel: 'call'; script: string }
  );

let counter = 0;
const uid = () => `step-${++counter}`;

const noAb = (): AbDraft => ({ enabled: false, testPercent: '20', waitHours: '24' });

function abOf(ab: { testPercent: number; waitMinutes: number } | null): AbDraft {
  return ab ? { enabled: true, testPercent: String(ab.testPercent), waitHours: String(Math.round((ab.waitMinutes / 60) * 100) / 100) } : noAb();
}

function waitOf(delayMinutes: number): Pick<StepBase, 'waitDays' | 'waitHours' | 'extraMinutes'> {
  return { waitDays: String(Math.floor(delayMinutes / 1440)), waitHours: String(Math.floor((delayMinutes % 1440) / 60)), extraMinutes: delayMinutes % 60 };
}

export function toDraft(step: Step): StepDraft {
  const base = { uid: uid(), savedId: step.id, condition: step.condition, ...waitOf(step.delayMinutes) };
  switch (step.channel) {
    case 'email':
      return { ...base, channel: 'email', ab: abOf(step.ab), variants: step.variants.map((v) => ({ key: v.key, share: String(v.share), subject: v.subject, html: v.html, text: v.text ?? '' })) };
    case 'sms':
      return { ...base, channel: 'sms', ab: abOf(step.ab), variants: step.variants.map((v) => ({ key: v.key, share: String(v.share), text: v.text })) };
    case 'letter':
      return { ...base, channel: 'letter', subject: step.subject ?? '', body: step.body };
    case 'call':
      return { ...base, channel: 'call', script: step.script };
  }
}

/** A new step: right after the previous one for the first, a few days later for the next ones. */
export function newStep(channel: StepChannel, first: boolean): StepDraft {
  const base = { uid: uid(), savedId: null, condition: 'always' as const, waitDays: first ? '0' : '3', waitHours: '0', extraMinutes: 0 };
  switch (channel) {
    case 'email':
      return { ...base, channel, ab: noAb(), variants: [{ key: 'A', share: '100', subject: '', html: '', text: '' }] };
    case 'sms':
      return { ...base, channel, ab: noAb(), variants: [{ key: 'A', share: '100', text: '' }] };
    case 'letter':
      return { ...base, channel, subject: '', body: '' };
    case 'call':
      return { ...base, channel, script: '' };
  }
}

/** Even shares that add up to 100 (the first variants get the odd percent). */
function evenShares(n: number): string[] {
  return Array.from({ length: n }, (_, i) => String(Math.floor(100 / n) + (i < 100 % n ? 1 : 0)));
}

/** Variants lettered A, B, C… in order, shares spread evenly again. */
function reletter<V extends { key: VariantKey; share: string }>(variants: V[]): V[] {
  const shares = evenShares(variants.length);
  return variants.map((v, i) => ({ ...v, key: VARIANT_KEYS[i]!, share: shares[i]! }));
}

export function addVariant(step: StepDraft): StepDraft {
  if (step.channel === 'email') {
    if (step.variants.length >= VARIANT_KEYS.length) return step;
    const last = step.variants[step.variants.length - 1]!;
    return { ...step, variants: reletter([...step.variants, { ...last, key: 'A' }]) };
  }
  if (step.channel === 'sms') {
    if (step.variants.length >= VARIANT_KEYS.length) return step;
    const last = step.variants[step.variants.length - 1]!;
    return { ...step, variants: reletter([...step.variants, { ...last, key: 'A' }]) };
  }
  return step;
}

export function removeVariant(step: StepDraft, index: number): StepDraft {
  if (step.channel === 'email') {
    const variants = reletter(step.variants.filter((_, i) => i !== index));
    return { ...step, variants, ab: variants.length > 1 ? step.ab : { ...step.ab, enabled: false } };
  }
  if (step.channel === 'sms') {
    const variants = reletter(step.variants.filter((_, i) => i !== index));
    return { ...step, variants, ab: variants.length > 1 ? step.ab : { ...step.ab, enabled: false } };
  }
  return step;
}

const int = (text: string) => (text.trim() === '' ? 0 : Number(text));

export function delayMinutesOf(step: StepDraft): number {
  return int(step.waitDays) * 1440 + int(step.waitHours) * 60 + step.extraMinutes;
}

function abInput(ab: AbDraft, variants: number) {
  return ab.enabled && variants > 1 ? { testPercent: int(ab.testPercent), waitMinutes: Math.round(Number(ab.waitHours || '0') * 60) } : null;
}

/** The contract's StepInput of a draft (checked by StepInput before it is sent). */
export function toInput(step: StepDraft): StepInput {
  const base = { delayMinutes: delayMinutesOf(step), condition: step.condition };
  switch (step.channel) {
    case 'email':
      return {
        ...base,
        channel: 'email',
        ab: abInput(step.ab, step.variants.length),
        variants: step.variants.map((v) => ({ key: v.key, share: int(v.share), subject: v.subject, html: v.html, text: v.text })),
      };
    case 'sms':
      return { ...base, channel: 'sms', ab: abInput(step.ab, step.variants.length), variants: step.variants.map((v) => ({ key: v.key, share: int(v.share), text: v.text })) };
    case 'letter':
      return { ...base, channel: 'letter', subject: step.subject, body: step.body };
    case 'call':
      return { ...base, channel: 'call', script: step.script };
  }
}

const Steps = z.array(StepInput);

/** "steps.1.variants.0.subject" → "Step 2 (E-mail), variant A: …", the numbering the editor shows. */
export function readableIssue(steps: readonly StepDraft[], path: readonly (string | number)[], message: string): string {
  const [index, ...rest] = path[0] === 'steps' ? path.slice(1) : path;
  if (typeof index !== 'number' && !/^\d+$/.test(String(index ?? ''))) return message;
  const i = Number(index);
  const step = steps[i];
  const where = [`Step ${i + 1}${step ? ` (${CHANNEL_LABELS[step.channel]})` : ''}`];
  if (rest[0] === 'variants' && rest[1] !== undefined) where.push(`variant ${VARIANT_KEYS[Number(rest[1])] ?? Number(rest[1]) + 1}`);
  return `${where.join(', ')}: ${message}`;
}

/** What is wrong with the journey before it is sent, in the editor's words; empty when it is fine. */
export function journeyProblems(steps: readonly StepDraft[]): string[] {
  const result = Steps.safeParse(steps.map(toInput));
  if (result.success) return [];
  return [...new Set(result.error.issues.map((i) => readableIssue(steps, i.path as (string | number)[], i.message)))];
}

/** The server's refusal in the same words. */
export function serverProblems(steps: readonly StepDraft[], error: CrmError): string[] {
  if (!error.issues?.length) return [error.message];
  return error.issues.map((i) => readableIssue(steps, i.path.split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p)), i.message));
}
