import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Campaigns: the campaign with its journey steps, members, touches (one per step and member: the once-only
 * record of a send), responses and call-list items, as the TypeORM CLI generates them for
 * domain/campaigns/campaign.entity.ts. Leads and opportunities gain a first-touch campaign next to their
 * campaign (the last touch) with ADD COLUMN rather than the CLI's table rebuild, which would drop their
 * search and record-key triggers and copy every row.
 */
export class Campaigns1795371000000 implements MigrationInterface {
  name = 'Campaigns1795371000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "campaigns" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "version" integer NOT NULL DEFAULT (1), "name" varchar(120) NOT NULL, "objective" varchar(1000), "type" varchar(20) NOT NULL, "status" varchar(10) NOT NULL DEFAULT ('planned'), "start_date" varchar(10), "end_date" varchar(10), "currency" varchar(3) NOT NULL, "budget_minor" bigint NOT NULL DEFAULT (0), "actual_cost_minor" bigint NOT NULL DEFAULT (0), "expected_revenue_minor" bigint NOT NULL DEFAULT (0), "owner_id" integer NOT NULL, "parent_id" integer, "audience_list_id" integer, "settings" text NOT NULL DEFAULT ('{}'), "trigger" text, "trigger_watermark" datetime, "started_at" datetime, "finished_at" datetime, "created_at" datetime NOT NULL, "created_by_id" integer NOT NULL, "updated_at" datetime NOT NULL, "updated_by_id" integer NOT NULL, CONSTRAINT "FK_667fd3f5d437c26c052226e7e43" FOREIGN KEY ("owner_id") REFERENCES "users" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION, CONSTRAINT "FK_0dbc392598c93e4daf76a3c4df2" FOREIGN KEY ("parent_id") REFERENCES "campaigns" ("id") ON DELETE SET NULL ON UPDATE NO ACTION, CONSTRAINT "FK_32b40c25ea7af5bf9c8903388be" FOREIGN KEY ("audience_list_id") REFERENCES "target_lists" ("id") ON DELETE SET NULL ON UPDATE NO ACTION, CONSTRAINT "FK_1d2e2277574f500601cd30fd82a" FOREIGN KEY ("created_by_id") REFERENCES "users" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION, CONSTRAINT "FK_842aef0bccd1eb6724b7cebedc0" FOREIGN KEY ("updated_by_id") REFERENCES "users" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION)`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_8b6b94352da69af03dbaf87c63" ON "campaigns" ("status")`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_0dbc392598c93e4daf76a3c4df" ON "campaigns" ("parent_id")`,
    );
    await queryRunner.query(
      `CREATE TABLE "campaign_steps" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "campaign_id" integer NOT NULL, "position" integer NOT NULL, "channel" varchar(6) NOT NULL, "delay_minutes" integer NOT NULL DEFAULT (0), "condition" varchar(14) NOT NULL DEFAULT ('always'), "content" text NOT NULL, "ab" text, "winner_variant" varchar(1), CONSTRAINT "UQ_6ef6c8aab0b0b1d5915f46675ac" UNIQUE ("campaign_id", "position"), CONSTRAINT "FK_499d4a88839934017b5a7d3d986" FOREIGN KEY ("campaign_id") REFERENCES "campaigns" ("id") ON DELETE CASCADE ON UPDATE NO ACTION)`,
    );
    await queryRunner.query(
      `CREATE TABLE "campaign_members" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "campaign_id" integer NOT NULL, "entity" varchar(10) NOT NULL, "record_id" integer NOT NULL, "source" varchar(8) NOT NULL, "enrolled_at" datetime NOT NULL, "status" varchar(6) NOT NULL DEFAULT ('active'), CONSTRAINT "UQ_fd9bca1b747a8a2a38de3e02d7a" UNIQUE ("campaign_id", "entity", "record_id"), CONSTRAINT "FK_8b6d060c3f938a00c8e76461f1a" FOREIGN KEY ("campaign_id") REFERENCES "campaigns" ("id") ON DELETE CASCADE ON UPDATE NO ACTION)`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_d1aa2a85dadebc42963f41782c" ON "campaign_members" ("entity", "record_id")`,
    );
    await queryRunner.query(
      `CREATE TABLE "campaign_touches" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "campaign_id" integer NOT NULL, "step_id" integer NOT NULL, "member_id" integer NOT NULL, "channel" varchar(6) NOT NULL, "status" varchar(8) NOT NULL, "reason" varchar(300), "variant" varchar(1), "at" datetime NOT NULL, CONSTRAINT "UQ_fe34239744ef5056d807dd59705" UNIQUE ("step_id", "member_id"), CONSTRAINT "FK_790e3f1e545218ef60f86ae199b" FOREIGN KEY ("campaign_id") REFERENCES "campaigns" ("id") ON DELETE CASCADE ON UPDATE NO ACTION, CONSTRAINT "FK_1bd093ae4dcf7c25100ed7f5119" FOREIGN KEY ("step_id") REFERENCES "campaign_steps" ("id") ON DELETE CASCADE ON UPDATE NO ACTION, CONSTRAINT "FK_df5100ca1af93ea0732441ffb70" FOREIGN KEY ("member_id") REFERENCES "campaign_members" ("id") ON DELETE CASCADE ON UPDATE NO ACTION)`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_ff7beb1ea3acbcfd8e86bc1659" ON "campaign_touches" ("campaign_id", "channel", "status", "at")`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_df5100ca1af93ea0732441ffb7" ON "campaign_touches" ("member_id")`,
    );
    await queryRunner.query(
      `CREATE TABLE "campaign_responses" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "campaign_id" integer NOT NULL, "member_id" integer, "entity" varchar(10) NOT NULL, "record_id" integer NOT NULL, "kind" varchar(12) NOT NULL, "source" varchar(6) NOT NULL, "step_id" integer, "variant" varchar(1), "note" varchar(500), "responded_at" datetime NOT NULL, "created_at" datetime NOT NULL, "created_by_id" integer NOT NULL, CONSTRAINT "FK_2097560e8d80039eedf46510baf" FOREIGN KEY ("campaign_id") REFERENCES "campaigns" ("id") ON DELETE CASCADE ON UPDATE NO ACTION, CONSTRAINT "FK_2ecf262186fb4230e74b8f49d3e" FOREIGN KEY ("member_id") REFERENCES "campaign_members" ("id") ON DELETE SET NULL ON UPDATE NO ACTION, CONSTRAINT "FK_ceca931d9e584014226d079a966" FOREIGN KEY ("step_id") REFERENCES "campaign_steps" ("id") ON DELETE SET NULL ON UPDATE NO ACTION, CONSTRAINT "FK_4aa2f45a562f7c525b59b9afdb9" FOREIGN KEY ("created_by_id") REFERENCES "users" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION)`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_0e1f2b8478f0069154448083b5" ON "campaign_responses" ("campaign_id", "kind")`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_e1711928b14b2b4b6361460f17" ON "campaign_responses" ("entity", "record_id")`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_2ecf262186fb4230e74b8f49d3" ON "campaign_responses" ("member_id")`,
    );
    await queryRunner.query(
      `CREATE TABLE "call_list_items" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "campaign_id" integer NOT NULL, "step_id" integer NOT NULL, "member_id" integer NOT NULL, "assigned_to_id" integer NOT NULL, "status" varchar(4) NOT NULL DEFAULT ('open'), "outcome" varchar(16), "note" varchar(1000), "callback_at" datetime, "outcome_at" datetime, "outcome_by_id" integer, "created_lead_id" integer, "created_opportunity_id" integer, "created_activity_id" integer, "created_at" datetime NOT NULL, CONSTRAINT "UQ_a224741eebe1056361563089f55" UNIQUE ("step_id", "member_id"), CONSTRAINT "FK_691f6b0fa6fcc42f39ca6d4d0a3" FOREIGN KEY ("campaign_id") REFERENCES "campaigns" ("id") ON DELETE CASCADE ON UPDATE NO ACTION, CONSTRAINT "FK_fd9c9954150b2dbf5d80d192f47" FOREIGN KEY ("step_id") REFERENCES "campaign_steps" ("id") ON DELETE CASCADE ON UPDATE NO ACTION, CONSTRAINT "FK_e8be0ec107da37f4d0abff6ba2a" FOREIGN KEY ("member_id") REFERENCES "campaign_members" ("id") ON DELETE CASCADE ON UPDATE NO ACTION, CONSTRAINT "FK_03dc0c98f5f3a5e91b6ffb1e9ee" FOREIGN KEY ("assigned_to_id") REFERENCES "users" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION, CONSTRAINT "FK_2c9bb1a8b694568b071e4e63823" FOREIGN KEY ("outcome_by_id") REFERENCES "users" ("id") ON DELETE SET NULL ON UPDATE NO ACTION)`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_c0fb55fe925ea871ccfa6d44db" ON "call_list_items" ("assigned_to_id", "status")`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_a65e7a0a87699ce39af9af58d9" ON "call_list_items" ("campaign_id", "status")`,
    );
    await queryRunner.query(
      `ALTER TABLE "leads" ADD COLUMN "first_touch_campaign_id" integer`,
    );
    await queryRunner.query(
      `ALTER TABLE "opportunities" ADD COLUMN "first_touch_campaign_id" integer`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_62daad1a5a4ee657c7d14bc7a2" ON "leads" ("campaign_id") WHERE "campaign_id" IS NOT NULL`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_3be81fb0ef55e4dd399fac8206" ON "leads" ("first_touch_campaign_id") WHERE "first_touch_campaign_id" IS NOT NULL`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_2c689ba4ce03428611a7fcec05" ON "opportunities" ("campaign_id", "closed_at", "stage_id", "currency", "amount_minor", "deleted_at") WHERE "campaign_id" IS NOT NULL`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_36ed0d4050c3da9cc6afbd7de2" ON "opportunities" ("first_touch_campaign_id", "closed_at", "stage_id", "currency", "amount_minor", "deleted_at") WHERE "first_touch_campaign_id" IS NOT NULL`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "IDX_62daad1a5a4ee657c7d14bc7a2"`);
    await queryRunner.query(`DROP INDEX "IDX_3be81fb0ef55e4dd399fac8206"`);
    await queryRunner.query(`DROP INDEX "IDX_2c689ba4ce03428611a7fcec05"`);
    await queryRunner.query(`DROP INDEX "IDX_36ed0d4050c3da9cc6afbd7de2"`);
    await queryRunner.query(`ALTER TABLE "opportunities" DROP COLUMN "first_touch_campaign_id"`);
    await queryRunner.query(`ALTER TABLE "leads" DROP COLUMN "first_touch_campaign_id"`);
    await queryRunner.query(`DROP INDEX "IDX_a65e7a0a87699ce39af9af58d9"`);
    await queryRunner.query(`DROP INDEX "IDX_c0fb55fe925ea871ccfa6d44db"`);
    await queryRunner.query(`DROP TABLE "call_list_items"`);
    await queryRunner.query(`DROP INDEX "IDX_2ecf262186fb4230e74b8f49d3"`);
    await queryRunner.query(`DROP INDEX "IDX_e1711928b14b2b4b6361460f17"`);
    await queryRunner.query(`DROP INDEX "IDX_0e1f2b8478f0069154448083b5"`);
    await queryRunner.query(`DROP TABLE "campaign_responses"`);
    await queryRunner.query(`DROP INDEX "IDX_df5100ca1af93ea0732441ffb7"`);
    await queryRunner.query(`DROP INDEX "IDX_ff7beb1ea3acbcfd8e86bc1659"`);
    await queryRunner.query(`DROP TABLE "campaign_touches"`);
    await queryRunner.query(`DROP INDEX "IDX_d1aa2a85dadebc42963f41782c"`);
    await queryRunner.query(`DROP TABLE "campaign_members"`);
    await queryRunner.query(`DROP TABLE "campaign_steps"`);
    await queryRunner.query(`DROP INDEX "IDX_0dbc392598c93e4daf76a3c4df"`);
    await queryRunner.query(`DROP INDEX "IDX_8b6b94352da69af03dbaf87c63"`);
    await queryRunner.query(`DROP TABLE "campaigns"`);
  }
}
