import { MigrationInterface, QueryRunner } from "typeorm";

/**
 * An import that created many records commits before its records are in the
 * search index: `search_pending` says which imports still owe the index their
 * records, so the work survives a crash or a quit and is picked up at the
 * next start (imports/engine/search-catch-up.ts). Every earlier import was
 * indexed inside its own transaction.
 */
export class ImportSearchBacklog1795370000000 implements MigrationInterface {
    name = 'ImportSearchBacklog1795370000000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "imports" ADD COLUMN "search_pending" boolean NOT NULL DEFAULT (0)`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "imports" DROP COLUMN "search_pending"`);
    }
}
