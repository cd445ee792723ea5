import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Written by hand: TypeORM cannot express FTS5 tables or triggers.
 *
 * search_index holds one row per live account, contact, lead and opportunity,
 * kept in step by triggers. Its rowid is id * 4 + kind (0 account, 1 contact,
 * 2 lead, 3 opportunity) so each trigger touches its row by rowid, never by a
 * scan. unicode61 with remove_diacritics 2 makes "muller" match "Müller";
 * prefix indexes make "mul*" cheap.
 */
const SOURCES = [
  {
    table: 'accounts',
    kind: 0,
    title: `NEW.name`,
    detail: `concat_ws(' ', NEW.website, NEW.phone, NEW.billing_city, NEW.billing_country)`,
  },
  {
    table: 'contacts',
    kind: 1,
    title: `concat_ws(' ', NEW.first_name, NEW.last_name)`,
    detail: `concat_ws(' ', NEW.email, NEW.phone, NEW.title, NEW.address_city, (SELECT a.name FROM accounts a WHERE a.id = NEW.account_id))`,
  },
  {
    table: 'leads',
    kind: 2,
    title: `concat_ws(' ', NEW.first_name, NEW.last_name)`,
    detail: `concat_ws(' ', NEW.company, NEW.email, NEW.phone, NEW.city)`,
  },
  {
    table: 'opportunities',
    kind: 3,
    title: `NEW.name`,
    detail: `(SELECT a.name FROM accounts a WHERE a.id = NEW.account_id)`,
  },
] as const;

const STAGES: [name: string, probability: number, kind: 'open' | 'won' | 'lost'][] = [
  ['Prospecting', 10, 'open'],
  ['Qualification', 20, 'open'],
  ['Needs analysis', 40, 'open'],
  ['Proposal', 60, 'open'],
  ['Negotiation', 80, 'open'],
  ['Closed won', 100, 'won'],
  ['Closed lost', 0, 'lost'],
];

export class SearchIndexAndDefaultPipeline1795357000000 implements MigrationInterface {
  name = 'SearchIndexAndDefaultPipeline1795357000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE VIRTUAL TABLE search_index USING fts5(kind UNINDEXED, record_id UNINDEXED, title, detail, tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3')`,
    );
    for (const s of SOURCES) {
      const row = `NEW.id * 4 + ${s.kind}`;
      const insert = `INSERT INTO search_index (rowid, kind, record_id, title, detail) SELECT ${row}, ${s.kind}, NEW.id, ${s.title}, ${s.detail} WHERE NEW.deleted_at IS NULL;`;
      await q.query(`CREATE TRIGGER search_${s.table}_insert AFTER INSERT ON ${s.table} BEGIN ${insert} END`);
      await q.query(
        `CREATE TRIGGER search_${s.table}_update AFTER UPDATE ON ${s.table} BEGIN DELETE FROM search_index WHERE rowid = OLD.id * 4 + ${s.kind}; ${insert} END`,
      );
      await q.query(`CREATE TRIGGER search_${s.table}_delete AFTER DELETE ON ${s.table} BEGIN DELETE FROM search_index WHERE rowid = OLD.id * 4 + ${s.kind}; END`);
      await q.query(
        `INSERT INTO search_index (rowid, kind, record_id, title, detail) SELECT ${row.replaceAll('NEW.', 'NEW_.')}, ${s.kind}, NEW_.id, ${s.title.replaceAll('NEW.', 'NEW_.')}, ${s.detail.replaceAll('NEW.', 'NEW_.')} FROM ${s.table} NEW_ WHERE NEW_.deleted_at IS NULL`,
      );
    }
    // A contact's account name is part of its search text: renaming the account re-indexes its contacts.
    await q.query(
      `CREATE TRIGGER search_accounts_rename AFTER UPDATE OF name ON accounts BEGIN UPDATE contacts SET account_id = account_id WHERE account_id = NEW.id; UPDATE opportunities SET account_id = account_id WHERE account_id = NEW.id; END`,
    );

    const now = new Date().toISOString();
    const { lastId } = await insert(q, `INSERT INTO pipelines (name, is_default, position, active, created_at, updated_at) VALUES ('Sales', 1, 0, 1, ?, ?)`, [now, now]);
    for (const [i, [name, probability, kind]] of STAGES.entries()) {
      await q.query(`INSERT INTO pipeline_stages (pipeline_id, name, position, probability, kind, active) VALUES (?, ?, ?, ?, ?, 1)`, [
        lastId,
        name,
        i,
        probability,
        kind,
      ]);
    }
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER IF EXISTS search_accounts_rename`);
    for (const s of SOURCES) {
      for (const op of ['insert', 'update', 'delete']) await q.query(`DROP TRIGGER IF EXISTS search_${s.table}_${op}`);
    }
    await q.query(`DROP TABLE IF EXISTS search_index`);
    await q.query(`DELETE FROM pipeline_stages`);
    await q.query(`DELETE FROM pipelines`);
  }
}

async function insert(q: QueryRunner, sql: string, params: unknown[]): Promise<{ lastId: number }> {
  const result = await q.query(sql, params, true);
  return { lastId: Number(result.raw) };
}
