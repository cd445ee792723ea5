import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The closings index also holds lost_reason, so win/loss reads its counts,
 * sums and lost reasons in one pass over the index alone. As the TypeORM CLI
 * generated it.
 */
export class ClosingsIndexLostReason1795375000000 implements MigrationInterface {
  name = 'ClosingsIndexLostReason1795375000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "IDX_65421694ebfe1efedd6606b40f"`);
    await queryRunner.query(`CREATE INDEX "IDX_d2ac81957fa2e2a203a84f9be1" ON "opportunities" ("closed_at", "stage_id", "owner_id", "currency", "amount_minor", "created_at", "lost_reason", "deleted_at") WHERE "deleted_at" IS NULL AND "closed_at" IS NOT NULL`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "IDX_d2ac81957fa2e2a203a84f9be1"`);
    await queryRunner.query(`CREATE INDEX "IDX_65421694ebfe1efedd6606b40f" ON "opportunities" ("closed_at", "stage_id", "owner_id", "currency", "amount_minor", "created_at", "deleted_at") WHERE "deleted_at" IS NULL AND "closed_at" IS NOT NULL`);
  }
}
