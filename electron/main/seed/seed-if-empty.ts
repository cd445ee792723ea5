import type { DataSource } from 'typeorm';

export interface SeedCounts {
  accounts: number;
  contacts: number;
}

/** Fills an empty database with sample data; returns what it made, or null when there was data already. */
export async function seedIfEmpty(_dataSource: DataSource, _counts: SeedCounts): Promise<SeedCounts | null> {
  return null; // TODO(seed helper): generate sample data
}
