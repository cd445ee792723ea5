import type { MigrationInterface, QueryRunner } from 'typeorm';
import { createGridGenerationTriggers, dropGridGenerationTriggers } from './grid-generation-triggers';

/**
 * One counter that every change to a grid's tables moves on (triggers in
 * grid-generation-triggers.ts): deep grid pages seek from positions kept in
 * memory, and this is how those positions learn they are stale, whichever
 * connection or process made the change.
 */
export class GridGeneration1795373000000 implements MigrationInterface {
  name = 'GridGeneration1795373000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "grid_generation" ("id" integer PRIMARY KEY NOT NULL CHECK ("id" = 1), "generation" integer NOT NULL)`);
    await queryRunner.query(`INSERT INTO "grid_generation" ("id", "generation") VALUES (1, 0)`);
    await createGridGenerationTriggers(queryRunner);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await dropGridGenerationTriggers(queryRunner);
    await queryRunner.query(`DROP TABLE "grid_generation"`);
  }
}
