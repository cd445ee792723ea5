/**
 * The DataSource the TypeORM CLI diffs against when generating a migration:
 * a scratch SQLite file brought to the latest migration first, so the new
 * migration holds exactly what the entities add.
 *   npm run migration:generate -- electron/main/db/migrations/<Name>
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDataSource } from './data-source';

const scratch = process.env.CRM_MIGRATION_DB ?? join(mkdtempSync(join(tmpdir(), 'crm-migrate-')), 'scratch.sqlite');
const dataSource = createDataSource({ database: scratch });
export default dataSource;
