import { MigrationInterface, QueryRunner } from "typeorm";

export class GridIndexesAndPreferences1795353661651 implements MigrationInterface {
    name = 'GridIndexesAndPreferences1795353661651'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "user_preferences" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "user_id" integer NOT NULL, "key" varchar(100) NOT NULL, "value" text NOT NULL, "updated_at" datetime NOT NULL, CONSTRAINT "UQ_83871477aa1a45cf768d09cefe6" UNIQUE ("user_id", "key"))`);
        await queryRunner.query(`CREATE INDEX "IDX_daad556516eef8a352d163e1a7" ON "accounts" ("sort_name", "id") WHERE "deleted_at" IS NULL`);
        await queryRunner.query(`CREATE INDEX "IDX_f5dd7dc082d381dca5afc67082" ON "contacts" ("sort_name", "id") WHERE "deleted_at" IS NULL`);
        await queryRunner.query(`CREATE TABLE "temporary_user_preferences" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "user_id" integer NOT NULL, "key" varchar(100) NOT NULL, "value" text NOT NULL, "updated_at" datetime NOT NULL, CONSTRAINT "UQ_83871477aa1a45cf768d09cefe6" UNIQUE ("user_id", "key"), CONSTRAINT "FK_458057fa75b66e68a275647da2e" FOREIGN KEY ("user_id") REFERENCES "users" ("id") ON DELETE CASCADE ON UPDATE NO ACTION)`);
        await queryRunner.query(`INSERT INTO "temporary_user_preferences"("id", "user_id", "key", "value", "updated_at") SELECT "id", "user_id", "key", "value", "updated_at" FROM "user_preferences"`);
        await queryRunner.query(`DROP TABLE "user_preferences"`);
        await queryRunner.query(`ALTER TABLE "temporary_user_preferences" RENAME TO "user_preferences"`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "user_preferences" RENAME TO "temporary_user_preferences"`);
        await queryRunner.query(`CREATE TABLE "user_preferences" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "user_id" integer NOT NULL, "key" varchar(100) NOT NULL, "value" text NOT NULL, "updated_at" datetime NOT NULL, CONSTRAINT "UQ_83871477aa1a45cf768d09cefe6" UNIQUE ("user_id", "key"))`);
        await queryRunner.query(`INSERT INTO "user_preferences"("id", "user_id", "key", "value", "updated_at") SELECT "id", "user_id", "key", "value", "updated_at" FROM "temporary_user_preferences"`);
        await queryRunner.query(`DROP TABLE "temporary_user_preferences"`);
        await queryRunner.query(`DROP INDEX "IDX_f5dd7dc082d381dca5afc67082"`);
        await queryRunner.query(`DROP INDEX "IDX_daad556516eef8a352d163e1a7"`);
        await queryRunner.query(`DROP TABLE "user_preferences"`);
    }

}
