import type { Input } from '../../../../shared/contract';
import { IMPORT_KEYS_BY_TARGET } from '../../../../shared/contract/imports';
import type { ImportTarget } from '../../../../shared/imports/fields';
import type { Inspected } from './FileStep';

type Spec = Input<'imports.run'>;

/** Everything the wizard has chosen so far; becomes the spec of preview, dry run and import. */
export interface ImportDraft {
  fileId: string;
  target: ImportTarget;
  format: NonNullable<Spec['format']>;
  encoding: NonNullable<Spec['encoding']>;
  delimiter: NonNullable<Spec['delimiter']>;
  columns: (string | null)[];
  mode: NonNullable<Spec['mode']>;
  key: NonNullable<Spec['key']>;
  locale: string;
  currency: string;
  policy: NonNullable<Spec['policy']>;
  createAccounts: boolean;
}

function defaultLocale(): string {
  try {
    return Intl.NumberFormat.supportedLocalesOf([navigator.language])[0] ?? 'en-US';
  } catch {
    return 'en-US';
  }
}

export function draftFrom(inspected: Inspected, prior?: ImportDraft): ImportDraft {
  return {
    fileId: inspected.fileId,
    target: inspected.target,
    format: inspected.format,
    encoding: inspected.encoding,
    delimiter: inspected.delimiter,
    columns: inspected.columns,
    mode: prior?.mode ?? 'create',
    key: prior && IMPORT_KEYS_BY_TARGET[inspected.target].includes(prior.key) ? prior.key : IMPORT_KEYS_BY_TARGET[inspected.target][0]!,
    locale: prior?.locale ?? defaultLocale(),
    currency: prior?.currency ?? 'EUR',
    policy: prior?.policy ?? 'all_or_nothing',
    createAccounts: prior?.createAccounts ?? false,
  };
}

/** The contract input of a draft (the key only matters when updating). */
export function specOf(draft: ImportDraft): Spec {
  const { key, ...rest } = draft;
  return draft.mode === 'create' ? rest : { ...rest, key };
}
