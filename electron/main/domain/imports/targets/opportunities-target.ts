import type { Database } from 'better-sqlite3';
import type { Money } from '../../../../../shared/money';
import { OpportunityInput, OpportunityPatch } from '../../../../../shared/contract/opportunities';
import { CrmError } from '../../../../../shared/errors';
import { opportunityColumns } from '../../opportunities/opportunity.mapper';
import { transition, type StageRow, type StageState } from '../../opportunities/stage-transition';
import type { ColumnValues } from '../../records/record-store';
import { accountReference } from './account-reference';
import { PipelineStages } from './pipeline-stages';
import { changedColumns, ownerId, recordByKey, typedValues, withSchemaErrors, type FieldError, type PlanContext, type PlanOutcome, type RelatedRow, type TargetHandler } from './target';

const PLAIN = ['name', 'amount', 'probability', 'expectedCloseDate', 'forecastCategory', 'nextStep', 'lostReason'] as const;

type StoredOpportunity = StageState & { pipeline_id: number; account_id: number | null; amount_minor: number; currency: string; [column: string]: unknown };

/**
 * Opportunities: found by external id, or by name within their account. The
 * account by name or external id, the primary contact by e-mail, the pipeline
 * by name (else the default one) and the stage by name within it (else its
 * first open stage); probability, closed date and lost reason follow the stage
 * as in the opportunities service, and every stage change is written to the
 * stage history. The owner from the file, else the account's, else the importing user.
 */
export function opportunitiesTarget(db: Database): TargetHandler {
  const current = db.prepare(`SELECT op.*, s.kind AS stage_kind FROM opportunities op JOIN pipeline_stages s ON s.id = op.stage_id WHERE op.id = ?`);
  const accountOwner = db.prepare(`SELECT owner_id FROM accounts WHERE id = ?`).pluck();
  const pipelines = new PipelineStages(db);

  function contact(values: Map<string, unknown>, ctx: PlanContext, errors: FieldError[]): number | undefined {
    const email = values.get('contactEmail') as string | undefined;
    if (email === undefined) return undefined;
    const hit = ctx.lookups.email('contact', email);
    if (hit.kind === 'one') return hit.id;
    errors.push({ field: 'contactEmail', message: hit.kind === 'none' ? `No contact has the e-mail "${email}"` : `${hit.count} contacts have the e-mail "${email}": merge them first` });
    return undefined;
  }

  /** The stage the row puts the opportunity in: named (in the named or the current pipeline), the first open one of a new pipeline, or where it is. */
  function stage(values: Map<string, unknown>, row: StoredOpportunity | null, errors: FieldError[]): StageRow | undefined {
    const pipelineName = values.get('pipeline') as string | undefined;
    const stageName = values.get('stage') as string | undefined;
    let pipelineId = row?.pipeline_id;
    if (pipelineName !== undefined || !row) {
      const found = pipelines.pipeline(pipelineName);
      if (!found.ok) {
        errors.push({ field: 'pipeline', message: found.message });
        return undefined;
      }
      pipelineId = found.value;
    }
    const resolved =
      stageName !== undefined
        ? pipelines.stage(pipelineId!, stageName, row?.stage_id)
        : row && row.pipeline_id === pipelineId
          ? { ok: true as const, value: pipelines.byId(row.stage_id) }
          : pipelines.firstOpen(pipelineId!);
    if (resolved.ok) return resolved.value;
    errors.push({ field: stageName !== undefined ? 'stage' : 'pipeline', message: resolved.message });
    return undefined;
  }

  /** Probability, closed date and lost reason for the stage, as the service decides them; a lost stage without a reason is the row's error. */
  function stageState(row: StageState | null, target: StageRow, opts: { probability?: number | undefined; lostReason?: string | null | undefined }, now: string, errors: FieldError[]) {
    try {
      return transition(row, target, opts, now);
    } catch (error) {
      if (!(error instanceof CrmError)) throw error;
      errors.push({ field: 'lostReason', message: error.message });
      return null;
    }
  }

  const historyRow = (from: number | null, to: StageRow, amount: Money, probability: number, ctx: PlanContext): RelatedRow => ({
    table: 'opportunity_stage_history',
    id: null,
    recordColumn: 'opportunity_id',
    values: { from_stage_id: from, to_stage_id: to.id, amount_minor: amount.amountMinor, currency: amount.currency, probability, changed_at: ctx.now, changed_by_id: ctx.userId },
    before: null,
  });

  return {
    entity: 'opportunity',
    table: 'opportunities',
    defaultKey: (spec) => (spec.columns.includes('externalId') ? 'externalId' : 'name'),

    plan(raw, ctx): PlanOutcome {
      const { values, errors } = typedValues('opportunities', raw, ctx.spec);
      const name = values.get('name') as string | undefined;
      const externalId = (values.get('externalId') as string | undefined) ?? null;
      const accountId = accountReference(values, ctx, errors);
      const accountNamed = values.has('accountName') || values.has('accountExternalId');
      let id: number | null = null;
      if (ctx.spec.mode !== 'create') {
        const byName = (ctx.spec.key ?? this.defaultKey(ctx.spec)) === 'name';
        // By name the account is part of the key: a row whose account is in error cannot be matched.
        if (!byName || accountId !== undefined || !accountNamed) {
          id = recordByKey(
            ctx,
            byName
              ? { field: 'name', what: 'name', value: name, find: (v) => ctx.lookups.opportunity(v, accountId ?? null) }
              : { field: 'externalId', what: 'external id', value: externalId ?? undefined, find: (v) => ctx.lookups.external('opportunity', v) },
            'opportunity',
            errors,
          );
        }
      }
      // An update that finds nothing has said so: the create checks would only add noise.
      if (id === null && ctx.spec.mode === 'update') return { ok: false, errors };
      if (id === null) {
        if (name !== undefined && (accountId !== undefined || !accountNamed) && ctx.lookups.opportunity(name, accountId ?? null).kind !== 'none') {
          errors.push({ field: 'name', message: `An opportunity with this name already exists${accountId ? ' for this account' : ''}: import with "update or create" to update it` });
        }
        if (externalId !== null && ctx.lookups.external('opportunity', externalId).kind !== 'none') {
          errors.push({ field: 'externalId', message: 'An opportunity with this external id already exists' });
        }
      }
      const contactId = contact(values, ctx, errors);
      const owner = ownerId(values, ctx, errors);
      const row = id === null ? null : (current.get(id) as StoredOpportunity);
      const target = stage(values, row, errors);
      const given = Object.fromEntries(PLAIN.filter((k) => values.has(k)).map((k) => [k, values.get(k)]));
      const fieldOf = (path: readonly PropertyKey[]): string | null => {
        const [head] = path;
        if (head === 'accountId') return values.has('accountExternalId') ? 'accountExternalId' : 'accountName';
        if (head === 'primaryContactId') return 'contactEmail';
        if (head === 'ownerId') return 'owner';
        return typeof head === 'string' ? head : null;
      };

      if (row === null) {
        if (!values.has('amount') && !errors.some((e) => e.field === 'amount')) errors.push({ field: 'amount', message: 'Enter an amount' });
        const parsed = OpportunityInput.safeParse({
          ...given,
          accountId: accountId ?? null,
          primaryContactId: contactId ?? null,
          ...(owner !== null ? { ownerId: owner } : {}),
        });
        const state = parsed.success && target ? stageState(null, target, { probability: parsed.data.probability, lostReason: parsed.data.lostReason }, ctx.now, errors) : null;
        const all = withSchemaErrors(errors, parsed.success ? null : parsed.error, fieldOf);
        if (all.length || !parsed.success || !target || !state) return { ok: false, errors: all };
        const fromAccount = accountId ? (accountOwner.get(accountId) as number) : null;
        const columns: ColumnValues = {
          ...opportunityColumns({ ...parsed.data, ownerId: owner ?? fromAccount ?? ctx.userId }),
          pipeline_id: target.pipeline_id,
          stage_id: target.id,
          ...state,
        };
        return {
          ok: true,
          plan: { action: 'create', columns, externalId, newAccount: null, ownerFromRules: false, related: [historyRow(null, target, parsed.data.amount, state.probability, ctx)] },
        };
      }

      const patch: Record<string, unknown> = { ...given };
      if (accountId !== undefined) patch.accountId = accountId;
      if (contactId !== undefined) patch.primaryContactId = contactId;
      if (owner !== null) patch.ownerId = owner;
      const parsed = OpportunityPatch.safeParse(patch);
      const state = parsed.success && target ? stageState(row, target, { probability: parsed.data.probability, lostReason: parsed.data.lostReason }, ctx.now, errors) : null;
      const all = withSchemaErrors(errors, parsed.success ? null : parsed.error, fieldOf);
      if (all.length || !parsed.success || !target || !state) return { ok: false, errors: all };
      const next: ColumnValues = { ...opportunityColumns(parsed.data), pipeline_id: target.pipeline_id, stage_id: target.id, ...state };
      const { columns, before } = changedColumns(next, row);
      const amount = parsed.data.amount ?? { amountMinor: Number(row.amount_minor), currency: row.currency };
      const related = columns.stage_id !== undefined ? [historyRow(row.stage_id, target, amount, state.probability, ctx)] : [];
      if (Object.keys(columns).length === 0 && externalId === null) return { ok: true, plan: { action: 'unchanged', id: row.id as number } };
      return { ok: true, plan: { action: 'update', id: row.id as number, columns, before, externalId, related } };
    },
  };
}
