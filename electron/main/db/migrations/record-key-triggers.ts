import type { QueryRunner } from 'typeorm';

/*
 * A contact's e-mail addresses, lower-cased and trimmed, in record_keys: an
 * upsert by e-mail and the duplicate checks find a contact through an index
 * instead of scanning every contact's JSON list. A migration that rebuilds the
 * contacts table (TypeORM's SQLite way to add a column) drops these triggers
 * and must create them again, as with the search triggers.
 */
const EMAILS_OF = (row: 'new') => `
  INSERT INTO record_keys (entity, kind, key, record_id)
  SELECT 'contact', 'email', lower(trim(json_extract(e.value, '$.address'))), ${row}.id
    FROM json_each(${row}.emails) e
   WHERE trim(COALESCE(json_extract(e.value, '$.address'), '')) <> '';`;

const TRIGGERS = {
  // A bulk import pauses this one (see search-triggers-v3.ts) and writes the keys of its rows at the end.
  contacts_keys_ai: `AFTER INSERT ON contacts WHEN NOT EXISTS (SELECT 1 FROM triggers_paused) BEGIN ${EMAILS_OF('new')} END`,
  contacts_keys_au: `AFTER UPDATE OF emails ON contacts BEGIN
    DELETE FROM record_keys WHERE entity = 'contact' AND kind = 'email' AND record_id = new.id; ${EMAILS_OF('new')} END`,
  contacts_keys_ad: `AFTER DELETE ON contacts BEGIN DELETE FROM record_keys WHERE entity = 'contact' AND record_id = old.id; END`,
  accounts_keys_ad: `AFTER DELETE ON accounts BEGIN DELETE FROM record_keys WHERE entity = 'account' AND record_id = old.id; END`,
};

export async function createRecordKeyTriggers(queryRunner: QueryRunner): Promise<void> {
  for (const [name, body] of Object.entries(TRIGGERS)) await queryRunner.query(`CREATE TRIGGER ${name} ${body}`);
}

export async function dropRecordKeyTriggers(queryRunner: QueryRunner): Promise<void> {
  for (const name of Object.keys(TRIGGERS)) await queryRunner.query(`DROP TRIGGER IF EXISTS ${name}`);
}
