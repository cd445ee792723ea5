import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Segments and lists: saved segment rules, static target lists with their members, and the suppression list
 * (addresses, domains and numbers never to be contacted). Tables as the TypeORM CLI generates them for the
 * entities in domain/segments/segment.entity.ts; plus indexes that keep segment counts fast at a million contacts
 * (see test/bench/segment-cases.ts): opportunities by primary contact (a contact's open pipeline) and recent
 * closings with account and contact (won an opportunity), activities of contacts with every time a touch is
 * computed from (last activity), and contacts by country, owner, consent and account (the common conditions, read
 * from the index alone). No table is rebuilt.
 */
export class SegmentsAndLists1795369000000 implements MigrationInterface {
  name = 'SegmentsAndLists1795369000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "segments" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "version" integer NOT NULL DEFAULT (1), "name" varchar(100) NOT NULL, "description" varchar(500), "entity" varchar(10) NOT NULL, "rule" text NOT NULL, "created_at" datetime NOT NULL, "created_by_id" integer NOT NULL, "updated_at" datetime NOT NULL, "updated_by_id" integer NOT NULL, CONSTRAINT "FK_f667834f5a12b8b7697819adfb7" FOREIGN KEY ("created_by_id") REFERENCES "users" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION, CONSTRAINT "FK_83afad66efb34bcb71c0ee8c0c8" FOREIGN KEY ("updated_by_id") REFERENCES "users" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION)`,
    );
    await queryRunner.query(
      `CREATE TABLE "target_lists" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "name" varchar(100) NOT NULL, "entity" varchar(10) NOT NULL, "channel" varchar(10), "segment_id" integer, "created_at" datetime NOT NULL, "created_by_id" integer NOT NULL, CONSTRAINT "FK_1dd25267765229a9de82b2b878a" FOREIGN KEY ("segment_id") REFERENCES "segments" ("id") ON DELETE SET NULL ON UPDATE NO ACTION, CONSTRAINT "FK_b13ab1d90991ae938fa8aab39d2" FOREIGN KEY ("created_by_id") REFERENCES "users" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION)`,
    );
    await queryRunner.query(
      `CREATE TABLE "target_list_members" ("list_id" integer NOT NULL, "record_id" integer NOT NULL, "added_at" datetime NOT NULL, "added_by_id" integer NOT NULL, CONSTRAINT "FK_2c58a0fbbb892a6c1c1c2cba74c" FOREIGN KEY ("list_id") REFERENCES "target_lists" ("id") ON DELETE CASCADE ON UPDATE NO ACTION, CONSTRAINT "FK_308ae2a05250dfb3a5a555dd93b" FOREIGN KEY ("added_by_id") REFERENCES "users" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION, PRIMARY KEY ("list_id", "record_id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "suppressions" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "kind" varchar(6) NOT NULL, "value" varchar(254) NOT NULL, "entered" varchar(254) NOT NULL, "reason" varchar(300), "created_at" datetime NOT NULL, "created_by_id" integer NOT NULL, CONSTRAINT "UQ_b222da6c88937a37f56b684a6ff" UNIQUE ("kind", "value"), CONSTRAINT "FK_6eb0d211477b557802cde152224" FOREIGN KEY ("created_by_id") REFERENCES "users" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION)`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_d2672075f6de3bf5d0cbd2a670" ON "opportunities" ("primary_contact_id") `);
    await queryRunner.query(
      `CREATE INDEX "IDX_2dd5047a22d64bb66e33266861" ON "opportunities" ("closed_at", "stage_id", "account_id", "primary_contact_id", "deleted_at") WHERE "deleted_at" IS NULL AND "closed_at" IS NOT NULL`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_9445a4c6e58acb25f9f87b4a06" ON "activities" ("contact_id", "deleted_at", "completed_at", "ends_at", "starts_at", "created_at") WHERE "contact_id" IS NOT NULL`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_c48db2bcdfdcd25a8d85816ac1" ON "contacts" ("address_country", "owner_id", "email_opt_out", "do_not_call", "account_id", "deleted_at") `,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "IDX_c48db2bcdfdcd25a8d85816ac1"`);
    await queryRunner.query(`DROP INDEX "IDX_9445a4c6e58acb25f9f87b4a06"`);
    await queryRunner.query(`DROP INDEX "IDX_2dd5047a22d64bb66e33266861"`);
    await queryRunner.query(`DROP INDEX "IDX_d2672075f6de3bf5d0cbd2a670"`);
    await queryRunner.query(`DROP TABLE "suppressions"`);
    await queryRunner.query(`DROP TABLE "target_list_members"`);
    await queryRunner.query(`DROP TABLE "target_lists"`);
    await queryRunner.query(`DROP TABLE "segments"`);
  }
}
