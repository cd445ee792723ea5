import type { Database } from 'better-sqlite3';
import type { ImportTarget } from '../../../../../shared/imports/fields';
import { accountsTarget } from './accounts-target';
import { contactsTarget } from './contacts-target';
import type { TargetHandler } from './target';

export function targetHandler(target: ImportTarget, db: Database): TargetHandler {
  return target === 'contacts' ? contactsTarget(db) : accountsTarget(db);
}
