import { describe, expect, it } from 'vitest';
import type { ScoringRule } from '../../shared/contract/leads';
import { normalizeEmail, phoneToE164 } from '../../electron/main/domain/leads/lead.mapper';
import { scoreLead, type Behaviour } from '../../electron/main/domain/leads/scoring.service';

const base = { id: 0, active: true };
const none: Behaviour = { activities: 0, callOutcomes: new Set(), lastTouch: null };
const lead = { source: 'web', rating: null, company: 'Ümlaut GmbH', employees: 50, email: '', created_at: '2026-01-01T00:00:00.000Z' };
const NOW = '2026-01-31T00:00:00.000Z';

describe('scoreLead', () => {
  it('compares text folded, numbers as numbers, and treats blank as blank', () => {
    const rules: ScoringRule[] = [
      { ...base, label: 'company', kind: 'field', field: 'company', operator: 'equals', values: ['umlaut gmbh'], points: 1 },
      { ...base, label: 'not referral', kind: 'field', field: 'source', operator: 'notEquals', values: ['referral'], points: 2 },
      { ...base, label: 'rating in', kind: 'field', field: 'rating', operator: 'in', values: ['hot', 'warm'], points: 4 },
      { ...base, label: 'rating not hot', kind: 'field', field: 'rating', operator: 'notEquals', values: ['hot'], points: 8 },
      { ...base, label: '>= 50', kind: 'field', field: 'employees', operator: 'gte', values: ['50'], points: 16 },
      { ...base, label: '<= 49', kind: 'field', field: 'employees', operator: 'lte', values: ['49'], points: 32 },
      { ...base, label: 'email', kind: 'field', field: 'email', operator: 'notBlank', values: [], points: 64 },
    ];
    const { score, reasons } = scoreLead(rules, lead, none, NOW);
    // A missing value matches no comparison, not even notEquals.
    expect(reasons.map((r) => r.label)).toEqual(['company', 'not referral', '>= 50']);
    expect(score).toBe(1 + 2 + 16);
  });

  it('scores behaviour: activity count, call outcomes, days since the last touch (or creation)', () => {
    const rules: ScoringRule[] = [
      { ...base, label: 'busy', kind: 'activities', count: 3, points: 5 },
      { ...base, label: 'reached', kind: 'calls', outcomes: ['Connected'], points: 10 },
      { ...base, label: 'quiet', kind: 'days_since_touch', days: 29, points: -7 },
      { ...base, active: false, label: 'off', kind: 'activities', count: 1, points: 100 },
    ];
    expect(scoreLead(rules, lead, none, NOW)).toEqual({ score: -7, reasons: [{ label: 'quiet', points: -7 }] });
    const touched: Behaviour = { activities: 3, callOutcomes: new Set(['connected']), lastTouch: '2026-01-02T00:00:00.000Z' };
    expect(scoreLead(rules, lead, touched, NOW).score).toBe(15); // 29 days: not more than 29
  });
});

describe('lead keys', () => {
  it('normalises e-mails and reads phones as E.164 in the lead’s country', () => {
    expect(normalizeEmail('  Jane.Doe@Example.COM ')).toBe('jane.doe@example.com');
    expect(normalizeEmail('   ')).toBeNull();
    expect(phoneToE164('+49 89 1234567', null)).toBe('+49891234567');
    expect(phoneToE164('089 1234567', 'DE')).toBe('+49891234567');
    expect(phoneToE164('089 1234567', null)).toBeNull();
    expect(phoneToE164('12', 'DE')).toBeNull();
    expect(phoneToE164(null, 'DE')).toBeNull();
  });
});
