import { MigrationInterface, QueryRunner } from "typeorm";

export class OpportunityReportIndexes1795359835849 implements MigrationInterface {
    name = 'OpportunityReportIndexes1795359835849'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX "IDX_2a33187d138661a80885afb629"`);
        await queryRunner.query(`CREATE INDEX "IDX_3b4a57260beda5cc4e91971d5a" ON "opportunities" ("pipeline_id", "stage_id", "currency", "owner_id", "amount_minor", "probability", "deleted_at") WHERE "deleted_at" IS NULL`);
        await queryRunner.query(`CREATE INDEX "IDX_670d7c36344fd71ed7c8efb866" ON "opportunities" ("pipeline_id", "stage_id", "expected_close_date", "id") WHERE "deleted_at" IS NULL`);
        await queryRunner.query(`CREATE INDEX "IDX_efaac20c4a8fac3bfed1df2348" ON "opportunities" ("currency", "expected_close_date", "stage_id", "forecast_category", "owner_id", "amount_minor", "probability", "deleted_at") WHERE "deleted_at" IS NULL`);
        await queryRunner.query(`CREATE INDEX "IDX_65421694ebfe1efedd6606b40f" ON "opportunities" ("closed_at", "stage_id", "owner_id", "currency", "amount_minor", "created_at", "deleted_at") WHERE "deleted_at" IS NULL AND "closed_at" IS NOT NULL`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX "IDX_65421694ebfe1efedd6606b40f"`);
        await queryRunner.query(`DROP INDEX "IDX_efaac20c4a8fac3bfed1df2348"`);
        await queryRunner.query(`DROP INDEX "IDX_670d7c36344fd71ed7c8efb866"`);
        await queryRunner.query(`DROP INDEX "IDX_3b4a57260beda5cc4e91971d5a"`);
        await queryRunner.query(`CREATE INDEX "IDX_2a33187d138661a80885afb629" ON "opportunities" ("pipeline_id", "stage_id") WHERE "deleted_at" IS NULL`);
    }

}
