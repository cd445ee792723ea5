import type { MigrationInterface, QueryRunner } from 'typeorm';
import { createRecordKeyTriggers, dropRecordKeyTriggers } from './record-key-triggers';
import { createSearchTriggers as createSearchTriggersV2 } from './search-triggers-v2';
import { createSearchTriggers } from './search-triggers-v3';

/**
 * Data quality: import history (undo, error files), the record_keys lookup table that upserts and duplicate checks
 * use, merge history (un-merge), mass updates (undo), and search triggers that a bulk import can pause.
 */
export class ImportsAndRecordKeys1795367000000 implements MigrationInterface {
  name = 'ImportsAndRecordKeys1795367000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "imports" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "target" varchar(20) NOT NULL, "mode" varchar(8) NOT NULL, "file_name" varchar(255) NOT NULL, "status" varchar(10) NOT NULL, "settings" text NOT NULL, "headers" text NOT NULL, "row_count" integer NOT NULL DEFAULT (0), "created_count" integer NOT NULL DEFAULT (0), "updated_count" integer NOT NULL DEFAULT (0), "unchanged_count" integer NOT NULL DEFAULT (0), "failed_count" integer NOT NULL DEFAULT (0), "created_at" datetime NOT NULL, "created_by_id" integer NOT NULL, "undone_at" datetime, "undone_by_id" integer, CONSTRAINT "FK_3bc7ec4d0412ccd78d82f24e3d4" FOREIGN KEY ("created_by_id") REFERENCES "users" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION, CONSTRAINT "FK_a5ffa333ac317dc8e2c18736368" FOREIGN KEY ("undone_by_id") REFERENCES "users" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION)`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_9ab1cdc4e757274fe4935ee72b" ON "imports" ("created_at") `);
    await queryRunner.query(
      `CREATE TABLE "import_changes" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "import_id" integer NOT NULL, "entity" varchar(12) NOT NULL, "record_id" integer NOT NULL, "action" varchar(6) NOT NULL, "before" text)`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_b64646547c6370ae7f8560ab35" ON "import_changes" ("import_id") `);
    await queryRunner.query(
      `CREATE TABLE "import_errors" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "import_id" integer NOT NULL, "row" integer NOT NULL, "line" integer NOT NULL, "field" varchar(200), "message" text NOT NULL, "values" text NOT NULL)`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_ca2ad08d1e2bb6e489723d8e61" ON "import_errors" ("import_id", "row") `);
    await queryRunner.query(
      `CREATE TABLE "record_keys" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "entity" varchar(12) NOT NULL, "kind" varchar(8) NOT NULL, "key" varchar(300) NOT NULL, "record_id" integer NOT NULL)`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_d263cbb83f5253c87d47035b3c" ON "record_keys" ("entity", "kind", "key") `);
    await queryRunner.query(`CREATE INDEX "IDX_d15f819087f3d3cd10b0312a7d" ON "record_keys" ("entity", "record_id") `);
    await queryRunner.query(
      `CREATE TABLE "merges" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "entity" varchar(12) NOT NULL, "survivor_id" integer NOT NULL, "merged_ids" text NOT NULL, "snapshot" text NOT NULL, "survivor_version" integer NOT NULL, "status" varchar(8) NOT NULL, "created_at" datetime NOT NULL, "created_by_id" integer NOT NULL, "undone_at" datetime, "undone_by_id" integer, CONSTRAINT "FK_0a1d2a5c81767d65552f829396f" FOREIGN KEY ("created_by_id") REFERENCES "users" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION, CONSTRAINT "FK_5295574317500218a49dd22c999" FOREIGN KEY ("undone_by_id") REFERENCES "users" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION)`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_258339b75edb107715261b1bce" ON "merges" ("entity", "survivor_id") `);
    await queryRunner.query(
      `CREATE TABLE "mass_updates" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "entity" varchar(12) NOT NULL, "patch" text NOT NULL, "before" text NOT NULL, "count" integer NOT NULL, "status" varchar(8) NOT NULL, "created_at" datetime NOT NULL, "created_by_id" integer NOT NULL, "undone_at" datetime, "undone_by_id" integer, CONSTRAINT "FK_5a935c12ef7bb4a93483d333270" FOREIGN KEY ("created_by_id") REFERENCES "users" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION, CONSTRAINT "FK_93b74ad15b5dae1e25a71a0f295" FOREIGN KEY ("undone_by_id") REFERENCES "users" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION)`,
    );
    // Holds one row only inside a bulk import's own transaction: the insert triggers (search, e-mail keys) then leave
    // their work to the import, which does it set-based before it commits.
    await queryRunner.query(`CREATE TABLE "triggers_paused" ("id" integer PRIMARY KEY NOT NULL)`);
    await createRecordKeyTriggers(queryRunner);
    await createSearchTriggers(queryRunner, ['accounts', 'contacts', 'leads', 'opportunities']);
    // Contacts already on file get their e-mail keys, as the triggers would have written them.
    await queryRunner.query(
      `INSERT INTO record_keys (entity, kind, key, record_id)
       SELECT 'contact', 'email', lower(trim(json_extract(e.value, '$.address'))), c.id
         FROM contacts c, json_each(c.emails) e
        WHERE trim(COALESCE(json_extract(e.value, '$.address'), '')) <> ''
        ORDER BY c.id`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await dropRecordKeyTriggers(queryRunner);
    await queryRunner.query(`DROP INDEX "IDX_258339b75edb107715261b1bce"`);
    await queryRunner.query(`DROP TABLE "merges"`);
    await queryRunner.query(`DROP TABLE "mass_updates"`);
    await createSearchTriggersV2(queryRunner, ['accounts', 'contacts', 'leads', 'opportunities']);
    await queryRunner.query(`DROP TABLE "triggers_paused"`);
    await queryRunner.query(`DROP INDEX "IDX_d15f819087f3d3cd10b0312a7d"`);
    await queryRunner.query(`DROP INDEX "IDX_d263cbb83f5253c87d47035b3c"`);
    await queryRunner.query(`DROP TABLE "record_keys"`);
    await queryRunner.query(`DROP INDEX "IDX_ca2ad08d1e2bb6e489723d8e61"`);
    await queryRunner.query(`DROP TABLE "import_errors"`);
    await queryRunner.query(`DROP INDEX "IDX_b64646547c6370ae7f8560ab35"`);
    await queryRunner.query(`DROP TABLE "import_changes"`);
    await queryRunner.query(`DROP INDEX "IDX_9ab1cdc4e757274fe4935ee72b"`);
    await queryRunner.query(`DROP TABLE "imports"`);
  }
}
