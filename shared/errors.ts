import { z } from 'zod';

/** The only error codes that ever cross the IPC boundary. */
export const ErrorCode = z.enum(['validation', 'not_found', 'conflict', 'forbidden', 'internal']);
export type ErrorCode = z.infer<typeof ErrorCode>;

export const ErrorIssue = z.object({ path: z.string(), message: z.string() });
export type ErrorIssue = z.infer<typeof ErrorIssue>;

export const CrmErrorShape = z.object({
  code: ErrorCode,
  message: z.string(),
  issues: z.array(ErrorIssue).optional(),
});
export type CrmErrorShape = z.infer<typeof CrmErrorShape>;

/** Thrown by services and by the renderer's client; serialised as CrmErrorShape. */
export class CrmError extends Error {
  readonly code: ErrorCode;
  readonly issues?: ErrorIssue[];

  constructor(code: ErrorCode, message: string, issues?: ErrorIssue[]) {
    super(message);
    this.name = 'CrmError';
    this.code = code;
    if (issues) this.issues = issues;
  }

  toShape(): CrmErrorShape {
    return this.issues ? { code: this.code, message: this.message, issues: this.issues } : { code: this.code, message: this.message };
  }

  /** What a worker thread posts for anything it throws: a CrmError as it is, anything else as an internal error. */
  static shapeOf(error: unknown): CrmErrorShape {
    return error instanceof CrmError ? error.toShape() : { code: 'internal', message: error instanceof Error ? error.message : String(error) };
  }

  static fromShape(shape: CrmErrorShape): CrmError {
    return new CrmError(shape.code, shape.message, shape.issues);
  }
}

/** What every dispatched call resolves to: errors are values, so they survive structured clone. */
export type Envelope<T> = { ok: true; data: T } | { ok: false; error: CrmErrorShape };
