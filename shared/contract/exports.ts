import { z } from 'zod';
import { method } from './define';

export const EXPORT_GRIDS = ['contacts', 'accounts', 'leads', 'opportunities'] as const;
/** vcf: contacts only, as vCards (the columns do not apply: a card carries the whole contact). */
export const EXPORT_FORMATS = ['csv', 'xlsx', 'vcf'] as const;

export const ExportInput = z
  .object({
    grid: z.enum(EXPORT_GRIDS),
    /** The view's sort and filter, exactly as the grid sends them to its list method (checked against that grid's columns). */
    sort: z.array(z.unknown()).max(3).default([]),
    filter: z.record(z.string().max(50), z.unknown()).default({}),
    /** The visible columns in their order, with the headings the grid shows. */
    columns: z
      .array(z.object({ colId: z.string().min(1).max(50), header: z.string().trim().min(1).max(100) }).strict())
      .min(1, 'Choose at least one column')
      .max(100),
    format: z.enum(EXPORT_FORMATS),
    vcardVersion: z.enum(['3.0', '4.0']).default('4.0'),
    taskId: z.uuid().optional(),
  })
  .strict()
  .refine((e) => e.format !== 'vcf' || e.grid === 'contacts', { message: 'Only contacts export as vCards', path: ['format'] });
export type ExportInput = z.input<typeof ExportInput>;

export const exportsContract = {
  'exports.grid': method({
    summary: 'A grid view (its filters, sort and visible columns) as CSV or XLSX: saved through the Save dialog in the app, returned as bytes elsewhere',
    writes: false,
    input: ExportInput,
    output: z.object({
      fileName: z.string(),
      rows: z.number().int(),
      /** Where the Save dialog put it; null when cancelled or when the bytes come back instead. */
      savedTo: z.string().nullable(),
      contentBase64: z.string().nullable(),
    }),
  }),
};
