import { z } from 'zod';

export const Id = z.number().int().positive().max(Number.MAX_SAFE_INTEGER);
export const IdInput = z.object({ id: Id }).strict();

/** Timestamps cross the boundary as ISO-8601 strings in UTC. */
export const Timestamp = z.iso.datetime();
export const IsoDate = z.iso.date();

/** Trims, and turns an empty field into null: forms send '' for "nothing". */
export function optionalText(max: number) {
  return z
    .string()
    .max(max, `At most ${max} characters`)
    .transform((s) => s.trim())
    .transform((s) => (s === '' ? null : s))
    .nullable()
    .optional()
    .transform((v) => v ?? null);
}

export function requiredText(max: number, label: string) {
  return z
    .string({ error: `${label} is required` })
    .transform((s) => s.trim())
    .pipe(z.string().min(1, `${label} is required`).max(max, `At most ${max} characters`));
}

export const UserRef = z.object({ id: Id, name: z.string() });
export type UserRef = z.infer<typeof UserRef>;

/** The bookkeeping every record carries. */
export const RecordMeta = {
  id: Id,
  version: z.number().int().positive(),
  createdAt: Timestamp,
  createdBy: UserRef,
  updatedAt: Timestamp,
  updatedBy: UserRef,
  deletedAt: Timestamp.nullable(),
};

/** Save with the version the user saw; a newer version on disk refuses the save. */
export const VersionedPatch = <T extends z.ZodRawShape>(patch: z.ZodObject<T>) =>
  z.object({ id: Id, version: z.number().int().positive(), patch }).strict();

export const DeleteResult = z.object({ id: Id, version: z.number().int().positive(), deletedAt: Timestamp });
