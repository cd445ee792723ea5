import type { z } from 'zod';
import { contract, isMethodName, type MethodName } from '../../../shared/contract';
import { CrmError, type Envelope, type ErrorIssue } from '../../../shared/errors';
import type { DataSource } from 'typeorm';
import type { WriteQueue } from '../db/write-queue';
import type { CallContext, Session } from './call-context';
import type { EventBus } from './event-bus';
import type { AllHandlers } from './handler-types';

export type Dispatch = (method: string, input: unknown, session: Session) => Promise<Envelope<unknown>>;

export interface DispatchDeps {
  handlers: AllHandlers;
  dataSource: DataSource;
  writes: WriteQueue;
  events: EventBus;
  now: () => Date;
  log?: (message: string, error: unknown) => void;
}

export function issuesOf(error: z.ZodError): ErrorIssue[] {
  return error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message }));
}

function summarise(issues: ErrorIssue[]): string {
  const first = issues[0];
  if (!first) return 'The input is not valid.';
  const where = first.path ? `${first.path}: ` : '';
  return issues.length === 1 ? `${where}${first.message}` : `${where}${first.message} (and ${issues.length - 1} more)`;
}

/**
 * The one path every call takes, from IPC, the harness or the CLI: validate
 * the input, run the handler (inside the write queue when it writes), check
 * the output against the contract, and turn every failure into an error value.
 */
export function createDispatch(deps: DispatchDeps): Dispatch {
  const run = async <M extends MethodName>(name: M, input: unknown, session: Session): Promise<unknown> => {
    const def = contract[name];
    const parsed = def.input.safeParse(input);
    if (!parsed.success) {
      const issues = issuesOf(parsed.error);
      throw new CrmError('validation', summarise(issues), issues);
    }
    const handler = deps.handlers[name] as (input: unknown, ctx: CallContext) => Promise<unknown>;
    const pending: Parameters<EventBus['emit']>[] = [];
    const context = (em: CallContext['em']): CallContext => ({
      userId: session.userId,
      now: () => deps.now().toISOString(),
      events: { emit: (...event) => void pending.push(event) },
      em,
      progress: (update) => deps.events.emit('progress', update),
      switchUser: (userId) => {
        session.userId = userId;
      },
    });
    // The output is checked too, inside the transaction: a handler must never leak a field the
    // contract does not promise, and a write whose answer is wrong is rolled back.
    const result =
      def.writes === 'worker'
        ? await deps.writes.exclusive(async () => def.output.parse(await handler(parsed.data, context(deps.dataSource.manager))))
        : def.writes
          ? await deps.writes.run(async (em) => def.output.parse(await handler(parsed.data, context(em))))
          : def.output.parse(await handler(parsed.data, context(deps.dataSource.manager)));
    for (const event of pending) deps.events.emit(...event);
    return result;
  };

  return async (method, input, session) => {
    if (!isMethodName(method)) return { ok: false, error: { code: 'not_found', message: `There is no method called ${String(method)}.` } };
    try {
      return { ok: true, data: await run(method, input, session) };
    } catch (error) {
      if (error instanceof CrmError) return { ok: false, error: error.toShape() };
      deps.log?.(`${method} failed`, error);
      return { ok: false, error: { code: 'internal', message: 'Something went wrong inside the app; the change was not saved. Details are in the log.' } };
    }
  };
}
