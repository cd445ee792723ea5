import { MigrationInterface, QueryRunner } from "typeorm";

/**
 * The assignment history moves from `assignments` (text codes, two indexes,
 * foreign keys, time and user on every row) to the lean `assignment_log`: a
 * 100k-account realignment wrote ~190k history rows into an index keyed by
 * record, which touched every page of it. Table and index as the TypeORM CLI
 * generates them for the entity; the copy (same ids, codes as in
 * engine/log-codes.ts, a batch's rows taking time and user from their batch
 * when they equal it) is written by hand, and so is the read-only view that
 * keeps the name `assignments` and its readable shape for anyone who queries
 * the history in SQL. No table with search triggers is rebuilt.
 */
const ENTITY = `CASE a."entity" WHEN 'account' THEN 0 WHEN 'lead' THEN 1 WHEN 'contact' THEN 2 ELSE 3 END`;
const REASON = `CASE a."reason" WHEN 'rule' THEN 0 WHEN 'round_robin' THEN 1 WHEN 'least_loaded' THEN 2 WHEN 'fixed' THEN 3 WHEN 'fallback' THEN 4
  WHEN 'manual' THEN 5 WHEN 'follows_account' THEN 6 WHEN 'rep_leaves' THEN 7 ELSE 8 END`;
const BATCH_AT = `CASE a."reason" WHEN 'undo' THEN b."undone_at" ELSE b."created_at" END`;
const BATCH_BY = `CASE a."reason" WHEN 'undo' THEN b."undone_by_id" ELSE b."created_by_id" END`;
const READABLE = `SELECT a."id", CASE a."entity" WHEN 0 THEN 'account' WHEN 1 THEN 'lead' WHEN 2 THEN 'contact' ELSE 'opportunity' END AS "entity",
       a."record_id", a."from_owner_id", a."to_owner_id", a."from_territory_id", a."to_territory_id",
       CASE a."reason" WHEN 0 THEN 'rule' WHEN 1 THEN 'round_robin' WHEN 2 THEN 'least_loaded' WHEN 3 THEN 'fixed' WHEN 4 THEN 'fallback'
         WHEN 5 THEN 'manual' WHEN 6 THEN 'follows_account' WHEN 7 THEN 'rep_leaves' ELSE 'undo' END AS "reason",
       a."rule_id", a."batch_id",
       COALESCE(a."at", CASE a."reason" WHEN 8 THEN b."undone_at" ELSE b."created_at" END) AS "at",
       COALESCE(a."by_id", CASE a."reason" WHEN 8 THEN b."undone_by_id" ELSE b."created_by_id" END) AS "by_id"
  FROM "assignment_log" a LEFT JOIN "assignment_batches" b ON b."id" = a."batch_id"`;

export class LeanAssignmentLog1795366000000 implements MigrationInterface {
    name = 'LeanAssignmentLog1795366000000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "assignment_log" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "batch_id" integer, "entity" integer NOT NULL, "record_id" integer NOT NULL, "from_owner_id" integer, "to_owner_id" integer NOT NULL, "from_territory_id" integer, "to_territory_id" integer, "reason" integer NOT NULL, "rule_id" integer, "at" datetime, "by_id" integer)`);
        await queryRunner.query(`INSERT INTO "assignment_log" ("id", "batch_id", "entity", "record_id", "from_owner_id", "to_owner_id", "from_territory_id", "to_territory_id", "reason", "rule_id", "at", "by_id")
            SELECT a."id", b."id", ${ENTITY}, a."record_id", a."from_owner_id", a."to_owner_id", a."from_territory_id", a."to_territory_id", ${REASON}, a."rule_id",
                   CASE WHEN b."id" IS NOT NULL AND a."at" IS ${BATCH_AT} AND a."by_id" IS ${BATCH_BY} THEN NULL ELSE a."at" END,
                   CASE WHEN b."id" IS NOT NULL AND a."at" IS ${BATCH_AT} AND a."by_id" IS ${BATCH_BY} THEN NULL ELSE a."by_id" END
              FROM "assignments" a LEFT JOIN "assignment_batches" b ON b."id" = a."batch_id" ORDER BY a."id"`);
        await queryRunner.query(`CREATE INDEX "IDX_8c32c41ffd0634ed736e824d7f" ON "assignment_log" ("batch_id", "entity", "record_id") `);
        await queryRunner.query(`DROP INDEX "IDX_9e01c39c32c13fa21e70cdaa7b"`);
        await queryRunner.query(`DROP INDEX "IDX_afd88082efe26b17847b2d5834"`);
        await queryRunner.query(`DROP TABLE "assignments"`);
        await queryRunner.query(`CREATE VIEW "assignments" AS ${READABLE}`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP VIEW "assignments"`);
        await queryRunner.query(`CREATE TABLE "assignments" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "entity" varchar(12) NOT NULL, "record_id" integer NOT NULL, "from_owner_id" integer, "to_owner_id" integer NOT NULL, "from_territory_id" integer, "to_territory_id" integer, "reason" varchar(16) NOT NULL, "rule_id" integer, "batch_id" integer, "at" datetime NOT NULL, "by_id" integer NOT NULL, CONSTRAINT "FK_9e01c39c32c13fa21e70cdaa7bc" FOREIGN KEY ("batch_id") REFERENCES "assignment_batches" ("id") ON DELETE CASCADE ON UPDATE NO ACTION, CONSTRAINT "FK_d48e682f1cf7dfbab587c8e2e26" FOREIGN KEY ("by_id") REFERENCES "users" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION)`);
        await queryRunner.query(`INSERT INTO "assignments" ("id", "entity", "record_id", "from_owner_id", "to_owner_id", "from_territory_id", "to_territory_id", "reason", "rule_id", "batch_id", "at", "by_id")
            SELECT * FROM (${READABLE}) ORDER BY "id"`);
        await queryRunner.query(`CREATE INDEX "IDX_afd88082efe26b17847b2d5834" ON "assignments" ("entity", "record_id", "at") `);
        await queryRunner.query(`CREATE INDEX "IDX_9e01c39c32c13fa21e70cdaa7b" ON "assignments" ("batch_id") `);
        await queryRunner.query(`DROP INDEX "IDX_8c32c41ffd0634ed736e824d7f"`);
        await queryRunner.query(`DROP TABLE "assignment_log"`);
    }

}
