import type { DataSource } from 'typeorm';
import { sqliteHandle } from '../db/sqlite-handle';
import { seedDatabase } from './seed-database';

export interface SeedCounts {
  accounts: number;
  contacts: number;
}

/** Fills an empty database with sample data; returns what it made, or null when there was data already. */
export async function seedIfEmpty(dataSource: DataSource, counts: SeedCounts): Promise<SeedCounts | null> {
  const db = sqliteHandle(dataSource);
  const hasData = db.prepare(`SELECT EXISTS (SELECT 1 FROM accounts) OR EXISTS (SELECT 1 FROM contacts)`).pluck().get() === 1;
  if (hasData) return null;
  const result = seedDatabase(dataSource, counts);
  return { accounts: result.accounts, contacts: result.contacts };
}
