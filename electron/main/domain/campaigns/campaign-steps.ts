import type { EntityManager } from 'typeorm';
import type { AbTest, Step, StepDef, VariantKey } from '../../../../shared/contract/campaigns';
import { Sql } from '../../db/sql';

export interface StepRow {
  id: number;
  campaign_id: number;
  position: number;
  channel: StepDef['channel'];
  delay_minutes: number;
  condition: StepDef['condition'];
  content: string;
  ab: string | null;
  winner_variant: VariantKey | null;
}

/** What a step stores in `content`, per channel: everything but its timing, condition and A/B settings. */
function contentOf(step: StepDef): unknown {
  switch (step.channel) {
    case 'email':
    case 'sms':
      return { variants: step.variants };
    case 'letter':
      return { subject: step.subject, body: step.body };
    case 'call':
      return { script: step.script };
  }
}

export function toStep(row: StepRow): Step {
  const content = JSON.parse(row.content) as Record<string, unknown>;
  const base = { id: row.id, position: row.position, winnerVariant: row.winner_variant, delayMinutes: row.delay_minutes, condition: row.condition };
  const ab = row.ab === null ? null : (JSON.parse(row.ab) as AbTest);
  switch (row.channel) {
    case 'email':
      return { ...base, channel: 'email', variants: content.variants, ab } as Step;
    case 'sms':
      return { ...base, channel: 'sms', variants: content.variants, ab } as Step;
    case 'letter':
      return { ...base, channel: 'letter', subject: content.subject ?? null, body: content.body } as Step;
    case 'call':
      return { ...base, channel: 'call', script: content.script } as Step;
  }
}

export async function readSteps(em: EntityManager, campaignId: number): Promise<Step[]> {
  const rows = await new Sql(em).all<StepRow>(`SELECT * FROM campaign_steps WHERE campaign_id = ? ORDER BY position`, [campaignId]);
  return rows.map(toStep);
}

export async function readStep(em: EntityManager, stepId: number): Promise<(Step & { campaignId: number }) | null> {
  const row = await new Sql(em).get<StepRow>(`SELECT * FROM campaign_steps WHERE id = ?`, [stepId]);
  return row ? { ...toStep(row), campaignId: row.campaign_id } : null;
}

/** Replaces a campaign's steps (only before it starts: touches and jobs name steps by id). */
export async function writeSteps(em: EntityManager, campaignId: number, steps: StepDef[]): Promise<void> {
  const sql = new Sql(em);
  await sql.run(`DELETE FROM campaign_steps WHERE campaign_id = ?`, [campaignId]);
  for (const [position, step] of steps.entries()) {
    const ab = (step.channel === 'email' || step.channel === 'sms') && step.ab && step.variants.length > 1 ? JSON.stringify(step.ab) : null;
    await sql.run(`INSERT INTO campaign_steps (campaign_id, position, channel, delay_minutes, condition, content, ab) VALUES (?, ?, ?, ?, ?, ?, ?)`, [
      campaignId,
      position + 1,
      step.channel,
      step.delayMinutes,
      step.condition,
      JSON.stringify(contentOf(step)),
      ab,
    ]);
  }
}
