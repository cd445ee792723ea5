import type { z } from 'zod';
import type { Envelope } from '../errors';
import { accountsContract } from './accounts';
import { activitiesContract } from './activities';
import { auditContract } from './audit';
import { catalogContract } from './catalog';
import { contactsContract } from './contacts';
import { importsContract } from './imports';
import { exportsContract } from './exports';
import { duplicatesContract } from './duplicates';
import { massUpdateContract } from './mass-update';
import { leadsContract } from './leads';
import { mailContract } from './mail';
import { opportunitiesContract } from './opportunities';
import type { EventName, EventPayload } from './events';
import { preferencesContract } from './preferences';
import { quotesContract } from './quotes';
import { searchContract } from './search';
import { territoriesContract } from './territories';
import { settingsContract } from './settings';
import { usersContract } from './users';
import { segmentsContract } from './segments';
import { jobsContract } from './jobs';
import { campaignsContract } from './campaigns';
import { campaignResultsContract } from './campaign-results';
import { tagsContract } from './tags';
import { customFieldsContract } from './custom-fields';

/** Every method the main process offers, by name `<module>.<verb>`. */
export const contract = {
  ...accountsContract,
  ...contactsContract,
  ...usersContract,
  ...preferencesContract,
  ...auditContract,
  ...leadsContract,
  ...opportunitiesContract,
  ...activitiesContract,
  ...searchContract,
  ...catalogContract,
  ...quotesContract,
  ...territoriesContract,
  ...settingsContract,
  ...mailContract,
  ...importsContract,
  ...exportsContract,
  ...duplicatesContract,
  ...massUpdateContract,
  ...segmentsContract,
  ...jobsContract,
  ...campaignsContract,
  ...campaignResultsContract,
  ...tagsContract,
  ...customFieldsContract,
};

export type Contract = typeof contract;
export type MethodName = keyof Contract;
/** What a caller may send (before defaults and transforms). */
export type Input<M extends MethodName> = z.input<Contract[M]['input']>;
/** What a handler receives (validated, defaults applied). */
export type ParsedInput<M extends MethodName> = z.output<Contract[M]['input']>;
export type Output<M extends MethodName> = z.output<Contract[M]['output']>;

export const METHOD_NAMES = Object.keys(contract) as MethodName[];

export function isMethodName(name: unknown): name is MethodName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(contract, name);
}

type Namespace<M extends string> = M extends `${infer N}.${string}` ? N : never;
type Verb<M extends string, N extends string> = M extends `${N}.${infer V}` ? V : never;

/**
 * `window.crm`: one narrow function per contract method, grouped by module,
 * plus a subscription to main-process events.
 */
export type CrmBridge = {
  [N in Namespace<MethodName>]: {
    [V in Verb<MethodName, N>]: (input?: Input<`${N}.${V}` & MethodName>) => Promise<Envelope<Output<`${N}.${V}` & MethodName>>>;
  };
} & {
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
};

export function splitMethod(name: MethodName): [string, string] {
  const dot = name.indexOf('.');
  return [name.slice(0, dot), name.slice(dot + 1)];
}
