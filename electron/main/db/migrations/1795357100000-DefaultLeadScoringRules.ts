import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Written by hand: a starting set of lead scoring rules an admin can edit
 * (leadScoring.saveRules). `value` holds a JSON list for field and call
 * rules and a number as text for the activity count and days since touch.
 */
const RULES: [label: string, kind: string, field: string | null, operator: string, value: string, points: number][] = [
  ['Rated hot', 'field', 'rating', 'equals', '["hot"]', 20],
  ['Came by referral or partner', 'field', 'source', 'in', '["referral","partner"]', 15],
  ['Has an e-mail address', 'field', 'email', 'notBlank', '[]', 5],
  ['Has a phone number', 'field', 'phone', 'notBlank', '[]', 5],
  ['Company of 50 or more employees', 'field', 'employees', 'gte', '["50"]', 10],
  ['Three or more activities logged', 'activities', null, 'gte', '3', 10],
  ['Reached by phone', 'calls', null, 'in', '["connected","callback_requested"]', 15],
  ['No touch for more than 30 days', 'days_since_touch', null, 'gt', '30', -10],
];

export class DefaultLeadScoringRules1795357100000 implements MigrationInterface {
  name = 'DefaultLeadScoringRules1795357100000';

  public async up(q: QueryRunner): Promise<void> {
    const now = new Date().toISOString();
    for (const [position, [label, kind, field, operator, value, points]] of RULES.entries()) {
      await q.query(
        `INSERT INTO lead_scoring_rules (label, kind, field, operator, value, points, position, active, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, 1, ?)`,
        [label, kind, field, operator, value, points, position, now],
      );
    }
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM lead_scoring_rules`);
  }
}
