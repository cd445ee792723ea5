import type { z } from 'zod';

/** One method of the contract: what it takes and what it gives back. */
export interface MethodDef<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  input: I;
  output: O;
  /** What the method does, for `crm methods` and for whoever reads the contract. */
  summary: string;
  /**
   * Mutating methods run inside one write transaction. 'worker': the method
   * writes through a worker's own connection (bulk moves); it holds the write
   * queue while it runs, without a transaction on the main connection.
   */
  writes: boolean | 'worker';
}

export function method<I extends z.ZodType, O extends z.ZodType>(def: MethodDef<I, O>): MethodDef<I, O> {
  return def;
}
