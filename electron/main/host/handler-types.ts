import type { z } from 'zod';
import type { Contract, MethodName, ParsedInput } from '../../../shared/contract';
import type { CallContext } from './call-context';

export type Handler<M extends MethodName> = (input: ParsedInput<M>, ctx: CallContext) => Promise<z.input<Contract[M]['output']>>;

/** The handlers of one module: exactly its contract methods, no more, no fewer. */
export type HandlersOf<NS extends string> = {
  [M in MethodName as M extends `${NS}.${string}` ? M : never]: Handler<M>;
};

export type AllHandlers = { [M in MethodName]: Handler<M> };

/** The handlers for exactly the methods of one or more contract slices (a module may own several namespaces). */
export type ModuleHandlers<Slice> = { [M in keyof Slice & MethodName]: Handler<M> };
