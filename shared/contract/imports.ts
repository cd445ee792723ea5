import { z } from 'zod';
import { CurrencyCode } from '../money';
import { IMPORT_TARGETS, type ImportTarget } from '../imports/fields';
import { Id, Timestamp, UserRef } from './common';
import { method } from './define';

export const IMPORT_MODES = ['create', 'update', 'upsert'] as const;
/**
 * How update and upsert find the existing record: by the other system's id, or by e-mail (contacts, leads), name
 * (accounts; opportunities by name within their account) or SKU (products).
 */
export const IMPORT_KEYS = ['email', 'name', 'externalId', 'sku'] as const;
export type ImportKey = (typeof IMPORT_KEYS)[number];

/** The keys each target can be matched by; the first is the default when the file has no external id column. */
export const IMPORT_KEYS_BY_TARGET: Record<ImportTarget, readonly ImportKey[]> = {
  contacts: ['email', 'externalId'],
  accounts: ['name', 'externalId'],
  leads: ['email', 'externalId'],
  opportunities: ['name', 'externalId'],
  products: ['sku', 'externalId'],
};
export const FAILURE_POLICIES = ['all_or_nothing', 'skip_and_report'] as const;
export const CSV_ENCODINGS = ['utf-8', 'utf-16le', 'utf-16be', 'windows-1252'] as const;
export const CSV_DELIMITERS = [',', ';', '\t'] as const;

const FileId = z.uuid('Not an uploaded file id');
const TaskId = z.uuid().optional();
const Locale = z
  .string()
  .trim()
  .refine((l) => {
    try {
      return Intl.NumberFormat.supportedLocalesOf([l]).length === 1;
    } catch {
      return false;
    }
  }, 'Unknown locale, e.g. en-US or de-DE');

/** At most 4 MiB of file per call (as base64): big files arrive in several calls. */
export const UploadChunk = z
  .object({
    fileId: FileId.optional(),
    name: z.string().trim().min(1).max(255),
    offset: z.number().int().min(0),
    dataBase64: z.string().max(5_600_000, 'At most 4 MiB per chunk').regex(/^[A-Za-z0-9+/]*={0,2}$/, 'Not base64'),
    last: z.boolean(),
  })
  .strict();

export const FileSettings = {
  fileId: FileId,
  encoding: z.enum(CSV_ENCODINGS).optional(),
  delimiter: z.enum(CSV_DELIMITERS).optional(),
};

export const IMPORT_FORMATS = ['csv', 'vcard'] as const;

const ImportSpecFields = z
  .object({
    fileId: FileId,
    /** vCard files map onto fixed columns (see inspect); CSV onto the file's own header. */
    format: z.enum(IMPORT_FORMATS).default('csv'),
    target: z.enum(IMPORT_TARGETS),
    encoding: z.enum(CSV_ENCODINGS),
    delimiter: z.enum(CSV_DELIMITERS),
    /** One entry per column of the file: the field it fills, or null to leave the column out. */
    columns: z.array(z.string().max(50).nullable()).min(1).max(500),
    mode: z.enum(IMPORT_MODES).default('create'),
    key: z.enum(IMPORT_KEYS).optional(),
    /** How numbers, money and dates are written in the file. */
    locale: Locale.default('en-US'),
    currency: CurrencyCode.default('EUR'),
    policy: z.enum(FAILURE_POLICIES).default('all_or_nothing'),
    /** Contacts: create the accounts the file names that do not exist yet (else such a row is an error). */
    createAccounts: z.boolean().default(false),
  })
  .strict();

function keyFitsTarget(spec: { target: ImportTarget; key?: ImportKey | undefined }, ctx: z.RefinementCtx): void {
  if (spec.key !== undefined && !IMPORT_KEYS_BY_TARGET[spec.target].includes(spec.key)) {
    ctx.addIssue({ code: 'custom', path: ['key'], message: `${spec.target} cannot be matched by ${spec.key}` });
  }
}

export const ImportSpec = ImportSpecFields.superRefine(keyFitsTarget);
export type ImportSpec = z.output<typeof ImportSpec>;

export const RowError = z.object({
  row: z.number().int(),
  line: z.number().int(),
  /** The field (or column header) at fault; null for the row as a whole. */
  field: z.string().nullable(),
  message: z.string(),
});
export type RowError = z.infer<typeof RowError>;

export const PreviewRow = z.object({
  row: z.number().int(),
  line: z.number().int(),
  values: z.record(z.string(), z.string()),
  action: z.enum(['create', 'update', 'unchanged', 'error']),
  errors: z.array(RowError),
});

export const ImportStatus = z.enum(['applied', 'failed', 'cancelled', 'undone']);

export const ImportCounts = z.object({
  rows: z.number().int(),
  created: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  failed: z.number().int(),
});

export const ImportResult = z.object({
  /** Null for a dry run: nothing was kept. */
  importId: Id.nullable(),
  dryRun: z.boolean(),
  status: ImportStatus,
  counts: ImportCounts,
  /** The first errors (the error file has them all). */
  errors: z.array(RowError),
  message: z.string(),
  /** The records are saved and in the grids; search finds them a moment later (a big import indexes them after it commits). */
  searchPending: z.boolean().optional(),
});
export type ImportResult = z.infer<typeof ImportResult>;

export const ImportBatch = z.object({
  id: Id,
  target: z.enum(IMPORT_TARGETS),
  mode: z.enum(IMPORT_MODES),
  fileName: z.string(),
  status: ImportStatus,
  counts: ImportCounts,
  createdAt: Timestamp,
  createdBy: UserRef,
  undoneAt: Timestamp.nullable(),
});
export type ImportBatch = z.infer<typeof ImportBatch>;

const Preset = z.object({
  id: z.string(),
  name: z.string(),
  target: z.enum(IMPORT_TARGETS),
  columns: z.record(z.string(), z.string()),
  builtIn: z.boolean(),
});

export const PresetInput = z
  .object({
    name: z.string().trim().min(1, 'Name the preset').max(100),
    target: z.enum(IMPORT_TARGETS),
    /** Header as in the file → field key. */
    columns: z.record(z.string().max(200), z.string().max(50)).refine((c) => Object.keys(c).length > 0 && Object.keys(c).length <= 500, 'Map at least one column'),
  })
  .strict();

export const importsContract = {
  'imports.upload': method({
    summary: 'Send a file to import, in chunks of at most 4 MiB; the last chunk closes it',
    writes: false,
    input: UploadChunk,
    output: z.object({ fileId: FileId, size: z.number().int(), complete: z.boolean() }),
  }),
  'imports.inspect': method({
    summary: "Detect a file's encoding and delimiter, read its header and first rows, and suggest a mapping",
    writes: false,
    input: z.object({ ...FileSettings, target: z.enum(IMPORT_TARGETS) }).strict(),
    output: z.object({
      fileName: z.string(),
      sizeBytes: z.number().int(),
      format: z.enum(IMPORT_FORMATS),
      encoding: z.enum(CSV_ENCODINGS),
      delimiter: z.enum(CSV_DELIMITERS),
      headers: z.array(z.string()),
      sample: z.array(z.array(z.string())),
      columns: z.array(z.string().nullable()),
      presetId: z.string().nullable(),
      presets: z.array(Preset),
    }),
  }),
  'imports.preview': method({
    summary: 'The first rows as they would be imported, each validated, with what would happen to it',
    writes: false,
    input: ImportSpecFields.extend({ limit: z.number().int().min(1).max(500).default(50) }).superRefine(keyFitsTarget),
    output: z.object({ rows: z.array(PreviewRow) }),
  }),
  'imports.run': method({
    summary: 'Import the whole file (or try it: dry run) in one transaction, with progress; cancel rolls it back',
    writes: 'worker',
    input: ImportSpecFields.extend({ dryRun: z.boolean().default(false), taskId: TaskId }).superRefine(keyFitsTarget),
    output: ImportResult,
  }),
  'imports.cancel': method({
    summary: 'Stop a running import or dry run; nothing of it is kept',
    writes: false,
    input: z.object({ taskId: z.uuid() }).strict(),
    output: z.object({ cancelled: z.boolean() }),
  }),
  'imports.history': method({
    summary: 'Past imports, newest first',
    writes: false,
    input: z.object({ limit: z.number().int().min(1).max(500).default(50) }).strict(),
    output: z.array(ImportBatch),
  }),
  'imports.undo': method({
    summary: 'Undo an import: what it created goes to the recycle bin, what it updated gets its earlier values back',
    writes: 'worker',
    input: z.object({ importId: Id, taskId: TaskId }).strict(),
    output: z.object({ batch: ImportBatch, deleted: z.number().int(), restored: z.number().int() }),
  }),
  'imports.errors': method({
    summary: "An import's rejected rows as CSV: the original values and the reason per row",
    writes: false,
    input: z.object({ importId: Id }).strict(),
    output: z.object({ fileName: z.string(), csv: z.string() }),
  }),
  'imports.savePreset': method({ summary: 'Save a column mapping under a name for the next import', writes: true, input: PresetInput, output: Preset }),
  'imports.deletePreset': method({ summary: 'Delete a saved mapping', writes: true, input: z.object({ id: z.string().min(1).max(100) }).strict(), output: z.object({ id: z.string() }) }),
};
