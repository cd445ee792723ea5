import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Tags and custom picklist fields on contacts, leads and accounts, as the TypeORM CLI generates them for
 * domain/tags/tag.entity.ts and domain/custom-fields/custom-field.entity.ts (the tables with their foreign keys,
 * written once rather than created and rebuilt). Tag names and field labels compare ignoring case (NOCASE).
 */
export class TagsAndCustomPicklists1795372000000 implements MigrationInterface {
  name = 'TagsAndCustomPicklists1795372000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "tags" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "name" varchar(60) COLLATE NOCASE NOT NULL, "colour" varchar(7), "created_at" datetime NOT NULL, "created_by_id" integer NOT NULL, CONSTRAINT "UQ_d90243459a697eadb8ad56e9092" UNIQUE ("name"), CONSTRAINT "FK_f6e2dfaca4aed5f8381e4e7b208" FOREIGN KEY ("created_by_id") REFERENCES "users" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION)`,
    );
    await queryRunner.query(
      `CREATE TABLE "record_tags" ("tag_id" integer NOT NULL, "entity" varchar(10) NOT NULL, "record_id" integer NOT NULL, CONSTRAINT "FK_01587d726641b51d003d38a08fa" FOREIGN KEY ("tag_id") REFERENCES "tags" ("id") ON DELETE CASCADE ON UPDATE NO ACTION, PRIMARY KEY ("tag_id", "entity", "record_id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_15e21f1f99731cd33e278df26c" ON "record_tags" ("entity", "record_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "custom_fields" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "entity" varchar(10) NOT NULL, "label" varchar(60) COLLATE NOCASE NOT NULL, "options" text NOT NULL, "multiple" boolean NOT NULL DEFAULT (0), "position" integer NOT NULL, "created_at" datetime NOT NULL, "created_by_id" integer NOT NULL, CONSTRAINT "UQ_6f9d6ff9a42ed0368ea6058fc9e" UNIQUE ("entity", "label"), CONSTRAINT "FK_a3e57a220ca0ae7f829809287f1" FOREIGN KEY ("created_by_id") REFERENCES "users" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION)`,
    );
    await queryRunner.query(
      `CREATE TABLE "custom_field_values" ("field_id" integer NOT NULL, "record_id" integer NOT NULL, "value" varchar(100) NOT NULL, CONSTRAINT "FK_2c7d30d8fc3d2d6d09a10a69f0a" FOREIGN KEY ("field_id") REFERENCES "custom_fields" ("id") ON DELETE CASCADE ON UPDATE NO ACTION, PRIMARY KEY ("field_id", "record_id", "value"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_9d4f1a137b4df2018c8a91b73b" ON "custom_field_values" ("field_id", "value") `,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "IDX_9d4f1a137b4df2018c8a91b73b"`);
    await queryRunner.query(`DROP TABLE "custom_field_values"`);
    await queryRunner.query(`DROP TABLE "custom_fields"`);
    await queryRunner.query(`DROP INDEX "IDX_15e21f1f99731cd33e278df26c"`);
    await queryRunner.query(`DROP TABLE "record_tags"`);
    await queryRunner.query(`DROP TABLE "tags"`);
  }
}
