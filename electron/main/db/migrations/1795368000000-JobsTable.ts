import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The durable scheduler (issue #7): jobs claimed under a lease, the effects
 * ledger that makes each effect happen once, and the paused groups.
 */
export class JobsTable1795368000000 implements MigrationInterface {
  name = 'JobsTable1795368000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "jobs" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "kind" varchar(100) NOT NULL, "group_key" varchar(100), "payload" text NOT NULL, "run_at" datetime NOT NULL, "status" varchar(10) NOT NULL, "attempts" integer NOT NULL DEFAULT (0), "max_attempts" integer NOT NULL DEFAULT (5), "lease_owner" varchar(100), "lease_until" datetime, "last_error" text, "dedupe_key" varchar(300), "created_at" datetime NOT NULL, "finished_at" datetime)`,
    );
    // The claim (oldest due queued job) and the sweep of expired leases (the few running rows), group operations,
    // and enqueue-once. No index on lease_until: renewing a lease then rewrites only the row.
    await queryRunner.query(`CREATE INDEX "IDX_41842dd8c741ac472b958f04db" ON "jobs" ("status", "run_at") `);
    await queryRunner.query(`CREATE INDEX "IDX_04aacff02b3b0ae0107cf2c5d1" ON "jobs" ("group_key", "status") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_ce288f50d13f64c22330d2afa7" ON "jobs" ("dedupe_key") `);
    await queryRunner.query(
      `CREATE TABLE "job_effects" ("key" varchar(300) PRIMARY KEY NOT NULL, "job_id" integer NOT NULL, "state" varchar(10) NOT NULL, "detail" text, "created_at" datetime NOT NULL, "done_at" datetime)`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_c5d2d0b98b9613af90ef799fea" ON "job_effects" ("job_id") `);
    await queryRunner.query(`CREATE TABLE "paused_job_groups" ("group_key" varchar(100) PRIMARY KEY NOT NULL, "paused_at" datetime NOT NULL, "paused_by_id" integer)`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "paused_job_groups"`);
    await queryRunner.query(`DROP INDEX "IDX_c5d2d0b98b9613af90ef799fea"`);
    await queryRunner.query(`DROP TABLE "job_effects"`);
    await queryRunner.query(`DROP INDEX "IDX_ce288f50d13f64c22330d2afa7"`);
    await queryRunner.query(`DROP INDEX "IDX_04aacff02b3b0ae0107cf2c5d1"`);
    await queryRunner.query(`DROP INDEX "IDX_41842dd8c741ac472b958f04db"`);
    await queryRunner.query(`DROP TABLE "jobs"`);
  }
}
