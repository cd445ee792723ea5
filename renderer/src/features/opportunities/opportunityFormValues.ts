import { z } from 'zod';
import { Money } from '../../../../shared/money';
import { OpportunityFields, OpportunityInput, type Opportunity, type Pipeline } from '../../../../shared/contract/opportunities';

/** The contract's input, with a plain message when no amount is entered. */
export const OpportunityFormSchema = OpportunityInput.extend({
  amount: z
    .custom<z.infer<typeof Money>>((v) => v !== null && v !== undefined, { message: 'Enter an amount' })
    .pipe(Money.refine((m) => m.amountMinor >= 0, { message: 'An amount cannot be negative', path: ['amountMinor'] })),
});

export type OpportunityFormValues = z.input<typeof OpportunityFormSchema>;
export type OpportunityFormOutput = z.output<typeof OpportunityFormSchema>;

export const OPPORTUNITY_FIELD_NAMES = Object.keys(OpportunityFields);

/** The first active open stage of a pipeline: where a new opportunity starts. */
export function firstOpenStage(pipeline: Pipeline | undefined) {
  return pipeline?.stages.find((s) => s.active && s.kind === 'open') ?? pipeline?.stages[0];
}

/** What the form edits, from a loaded opportunity (or a new one in the default pipeline). */
export function opportunityFormValues(pipelines: Pipeline[], opportunity?: Opportunity, accountId?: number | null): OpportunityFormValues {
  if (opportunity) {
    return {
      name: opportunity.name,
      accountId: opportunity.account?.id ?? null,
      primaryContactId: opportunity.primaryContact?.id ?? null,
      pipelineId: opportunity.pipeline.id,
      stageId: opportunity.stage.id,
      amount: { ...opportunity.amount },
      probability: opportunity.probability,
      expectedCloseDate: opportunity.expectedCloseDate ?? '',
      forecastCategory: opportunity.forecastCategory,
      nextStep: opportunity.nextStep ?? '',
      lostReason: opportunity.lostReason ?? '',
      ownerId: opportunity.owner.id,
      ownerLocked: opportunity.ownerLocked,
    };
  }
  const pipeline = pipelines.find((p) => p.isDefault) ?? pipelines[0];
  const stage = firstOpenStage(pipeline);
  return {
    name: '',
    accountId: accountId ?? null,
    primaryContactId: null,
    ...(pipeline ? { pipelineId: pipeline.id } : {}),
    ...(stage ? { stageId: stage.id, probability: stage.probability } : {}),
    // Empty until typed: the schema asks for an amount.
    amount: null as unknown as OpportunityFormValues['amount'],
    expectedCloseDate: '',
    forecastCategory: 'pipeline',
    nextStep: '',
    lostReason: '',
    ownerLocked: false,
  };
}
