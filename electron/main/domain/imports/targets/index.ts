import type { Database } from 'better-sqlite3';
import type { ImportTarget } from '../../../../../shared/imports/fields';
import { accountsTarget } from './accounts-target';
import { contactsTarget } from './contacts-target';
import { leadsTarget } from './leads-target';
import { opportunitiesTarget } from './opportunities-target';
import { productsTarget } from './products-target';
import type { TargetHandler } from './target';

const TARGETS: Record<ImportTarget, (db: Database) => TargetHandler> = {
  contacts: contactsTarget,
  accounts: accountsTarget,
  leads: leadsTarget,
  opportunities: opportunitiesTarget,
  products: productsTarget,
};

export function targetHandler(target: ImportTarget, db: Database): TargetHandler {
  return TARGETS[target](db);
}
