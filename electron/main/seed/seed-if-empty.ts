import type { DataSource } from 'typeorm';
import { sqliteHandle } from '../db/sqlite-handle';
import { seedCatalog } from './seed-catalog';
import { seedDatabase } from './seed-database';
import { seedSales } from './seed-sales';

export interface SeedCounts {
  accounts: number;
  contacts: number;
  /** Sales data over those accounts and contacts; none when left out. */
  opportunities?: number;
  leads?: number;
  activities?: number;
}

/** Fills an empty database with sample data; returns what it made, or null when there was data already. */
export async function seedIfEmpty(dataSource: DataSource, counts: SeedCounts): Promise<SeedCounts | null> {
  const db = sqliteHandle(dataSource);
  const hasData = db.prepare(`SELECT EXISTS (SELECT 1 FROM accounts) OR EXISTS (SELECT 1 FROM contacts)`).pluck().get() === 1;
  if (hasData) return null;
  const result = seedDatabase(dataSource, counts);
  const sales = { opportunities: counts.opportunities ?? 0, leads: counts.leads ?? 0, activities: counts.activities ?? 0 };
  if (sales.opportunities + sales.leads + sales.activities > 0) seedSales(dataSource, sales);
  seedCatalog(dataSource);
  return { accounts: result.accounts, contacts: result.contacts, ...(counts.opportunities !== undefined ? sales : {}) };
}
