import { z } from 'zod';
import { method } from './define';

export const GRIDS = ['accounts', 'contacts', 'accountContacts', 'leads', 'opportunities', 'products', 'quotes', 'targetListMembers'] as const;

export const GridColumnState = z
  .object({
    colId: z.string().regex(/^[A-Za-z0-9_.-]{1,60}$/),
    width: z.number().int().min(20).max(2000).optional(),
    hide: z.boolean().optional(),
    pinned: z.enum(['left', 'right']).nullable().optional(),
  })
  .strict();
export type GridColumnState = z.infer<typeof GridColumnState>;

export const GridState = z.object({ grid: z.enum(GRIDS), columns: z.array(GridColumnState).max(100) }).strict();
export type GridState = z.infer<typeof GridState>;

export const preferencesContract = {
  'preferences.getGridState': method({
    summary: "The current user's column choice, order and widths for a grid",
    writes: false,
    input: z.object({ grid: z.enum(GRIDS) }).strict(),
    output: z.object({ grid: z.enum(GRIDS), columns: z.array(GridColumnState).nullable() }),
  }),
  'preferences.setGridState': method({
    summary: "Remember the current user's column choice, order and widths for a grid",
    writes: true,
    input: GridState,
    output: z.object({ grid: z.enum(GRIDS), columns: z.array(GridColumnState) }),
  }),
};
