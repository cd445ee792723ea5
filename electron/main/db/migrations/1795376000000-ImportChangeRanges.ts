import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * An import's change log records the records it created as runs of
 * consecutive ids (record_id … last_record_id): a million-row import writes a
 * few rows instead of a million. Every earlier row is a run of one. As the
 * TypeORM CLI generated it, except that the copy fills last_record_id.
 */
export class ImportChangeRanges1795376000000 implements MigrationInterface {
  name = 'ImportChangeRanges1795376000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "IDX_b64646547c6370ae7f8560ab35"`);
    await queryRunner.query(
      `CREATE TABLE "temporary_import_changes" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "import_id" integer NOT NULL, "entity" varchar(12) NOT NULL, "record_id" integer NOT NULL, "action" varchar(6) NOT NULL, "before" text, "last_record_id" integer NOT NULL)`,
    );
    await queryRunner.query(
      `INSERT INTO "temporary_import_changes"("id", "import_id", "entity", "record_id", "action", "before", "last_record_id") SELECT "id", "import_id", "entity", "record_id", "action", "before", "record_id" FROM "import_changes"`,
    );
    await queryRunner.query(`DROP TABLE "import_changes"`);
    await queryRunner.query(`ALTER TABLE "temporary_import_changes" RENAME TO "import_changes"`);
    await queryRunner.query(`CREATE INDEX "IDX_b64646547c6370ae7f8560ab35" ON "import_changes" ("import_id") `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "IDX_b64646547c6370ae7f8560ab35"`);
    await queryRunner.query(`ALTER TABLE "import_changes" RENAME TO "temporary_import_changes"`);
    await queryRunner.query(
      `CREATE TABLE "import_changes" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "import_id" integer NOT NULL, "entity" varchar(12) NOT NULL, "record_id" integer NOT NULL, "action" varchar(6) NOT NULL, "before" text)`,
    );
    // A run becomes one row per record again.
    await queryRunner.query(
      `WITH RECURSIVE ids(change_id, import_id, entity, record_id, last_record_id, action, before) AS (
         SELECT "id", "import_id", "entity", "record_id", "last_record_id", "action", "before" FROM "temporary_import_changes"
         UNION ALL SELECT change_id, import_id, entity, record_id + 1, last_record_id, action, before FROM ids WHERE record_id < last_record_id)
       INSERT INTO "import_changes"("import_id", "entity", "record_id", "action", "before")
       SELECT import_id, entity, record_id, action, before FROM ids ORDER BY change_id, record_id`,
    );
    await queryRunner.query(`DROP TABLE "temporary_import_changes"`);
    await queryRunner.query(`CREATE INDEX "IDX_b64646547c6370ae7f8560ab35" ON "import_changes" ("import_id") `);
  }
}
