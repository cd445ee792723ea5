import { z } from 'zod';

/**
 * The query an ag-grid Infinite Row Model sends, restricted to the columns a
 * module allows: the renderer can only name whitelisted columns, so nothing
 * it sends ever reaches SQL as an identifier.
 */
const TextCondition = z
  .object({
    filterType: z.literal('text'),
    type: z.enum(['contains', 'notContains', 'equals', 'notEqual', 'startsWith', 'endsWith', 'blank', 'notBlank']),
    filter: z.string().max(200).nullable().optional(),
  })
  .strict();

const NumberCondition = z
  .object({
    filterType: z.literal('number'),
    type: z.enum(['equals', 'notEqual', 'lessThan', 'lessThanOrEqual', 'greaterThan', 'greaterThanOrEqual', 'inRange', 'blank', 'notBlank']),
    filter: z.number().finite().nullable().optional(),
    filterTo: z.number().finite().nullable().optional(),
  })
  .strict();

const Condition = z.union([TextCondition, NumberCondition]);
export type FilterCondition = z.infer<typeof Condition>;

const Combined = z
  .object({
    filterType: z.enum(['text', 'number']),
    operator: z.enum(['AND', 'OR']),
    conditions: z.array(Condition).min(1).max(4),
  })
  .strict();

export const ColumnFilter = z.union([Condition, Combined]);
export type ColumnFilter = z.infer<typeof ColumnFilter>;

export const MAX_PAGE = 500;

const pageSizeOk = ({ startRow, endRow }: { startRow: number; endRow: number }) => endRow > startRow && endRow - startRow <= MAX_PAGE;

export function gridQuery<S extends string, F extends string, X extends z.ZodRawShape = {}>(
  sortable: readonly [S, ...S[]],
  filterable: readonly [F, ...F[]],
  extra: X = {} as X,
) {
  return z
    .object({
      ...extra,
      startRow: z.number().int().min(0).max(100_000_000),
      endRow: z.number().int().min(1).max(100_000_000),
      sort: z
        .array(z.object({ colId: z.enum(sortable), sort: z.enum(['asc', 'desc']) }).strict())
        .max(3)
        .default([]),
      filter: z.partialRecord(z.enum(filterable), ColumnFilter).default({}),
      /** Ask for the exact total; the first page of a view asks, later pages reuse it. */
      withTotal: z.boolean().default(false),
    })
    .strict()
    .refine((q) => pageSizeOk(q as unknown as { startRow: number; endRow: number }), {
      message: `A page holds 1 to ${MAX_PAGE} rows`,
      path: ['endRow'],
    });
}

export function gridPage<R extends z.ZodType>(row: R) {
  return z.object({
    rows: z.array(row),
    /** The exact number of matching rows when asked for, or when the last page was reached. */
    total: z.number().int().min(0).nullable(),
  });
}
