import type { MigrationInterface, QueryRunner } from 'typeorm';
import { fillStoredFigures } from '../../../modules/targets/target-metrics.js';

export class StoredFiguresAlone1796183689059 implements MigrationInterface {
  name = 'StoredFiguresAlone1796183689059';

  async up(queryRunner: QueryRunner): Promise<void> {
    // The stored rows keep their target's region and county (copied from the live targets; rows of
    // targets no longer live, which upkeep never leaves, are not carried over).
    await queryRunner.query(`DROP INDEX "IDX_bbbeea50e4882d302fbfb4818d"`);
    await queryRunner.query(`DROP INDEX "IDX_3682207aa233f41b233b07d6fa"`);
    await queryRunner.query(`DROP INDEX "IDX_d1662760beeb146323e608cf24"`);
    await queryRunner.query(`CREATE TABLE "temporary_target_metric" ("targetId" integer PRIMARY KEY NOT NULL, "progress" double NOT NULL, "lastCompletedOn" date, "reportedLeaves" integer NOT NULL, "claimedProgress" double NOT NULL, "elapsed" double, "daysLeft" integer, "status" varchar(16), "warning" varchar(8), "regionId" integer NOT NULL, "countyId" integer)`);
    await queryRunner.query(`INSERT INTO "temporary_target_metric"("targetId", "progress", "lastCompletedOn", "reportedLeaves", "claimedProgress", "elapsed", "daysLeft", "status", "warning", "regionId", "countyId") SELECT "m"."targetId", "m"."progress", "m"."lastCompletedOn", "m"."reportedLeaves", "m"."claimedProgress", "m"."elapsed", "m"."daysLeft", "m"."status", "m"."warning", "t"."regionId", "t"."countyId" FROM "target_metric" "m" JOIN "target" "t" ON "t"."id" = "m"."targetId" AND "t"."deletedAt" IS NULL`);
    await queryRunner.query(`DROP TABLE "target_metric"`);
    await queryRunner.query(`ALTER TABLE "temporary_target_metric" RENAME TO "target_metric"`);
    await queryRunner.query(`CREATE INDEX "IDX_bbbeea50e4882d302fbfb4818d" ON "target_metric" ("warning", "progress") `);
    await queryRunner.query(`CREATE INDEX "IDX_3682207aa233f41b233b07d6fa" ON "target_metric" ("status", "progress") `);
    await queryRunner.query(`CREATE INDEX "IDX_d1662760beeb146323e608cf24" ON "target_metric" ("progress") `);
    await queryRunner.query(`DROP INDEX "IDX_0b48d080138751abe169add2e6"`);
    await queryRunner.query(`DROP INDEX "IDX_72aacf0d328b4c677258f661f7"`);
    await queryRunner.query(`CREATE TABLE "temporary_target_metric_month" ("month" varchar(7) NOT NULL, "targetId" integer NOT NULL, "progress" double NOT NULL, "lastCompletedOn" date, "reportedLeaves" integer NOT NULL, "claimedProgress" double NOT NULL, "elapsed" double, "daysLeft" integer, "status" varchar(16), "warning" varchar(8), "regionId" integer NOT NULL, "countyId" integer, PRIMARY KEY ("month", "targetId"))`);
    await queryRunner.query(`INSERT INTO "temporary_target_metric_month"("month", "targetId", "progress", "lastCompletedOn", "reportedLeaves", "claimedProgress", "elapsed", "daysLeft", "status", "warning", "regionId", "countyId") SELECT "m"."month", "m"."targetId", "m"."progress", "m"."lastCompletedOn", "m"."reportedLeaves", "m"."claimedProgress", "m"."elapsed", "m"."daysLeft", "m"."status", "m"."warning", "t"."regionId", "t"."countyId" FROM "target_metric_month" "m" JOIN "target" "t" ON "t"."id" = "m"."targetId" AND "t"."deletedAt" IS NULL`);
    await queryRunner.query(`DROP TABLE "target_metric_month"`);
    await queryRunner.query(`ALTER TABLE "temporary_target_metric_month" RENAME TO "target_metric_month"`);
    await queryRunner.query(`CREATE INDEX "IDX_0b48d080138751abe169add2e6" ON "target_metric_month" ("month", "warning", "progress") `);
    await queryRunner.query(`CREATE INDEX "IDX_72aacf0d328b4c677258f661f7" ON "target_metric_month" ("month", "status", "progress") `);
    await queryRunner.query(`CREATE INDEX "IDX_d5609c777f1c2b5c391f3f13b0" ON "target_metric" ("regionId", "countyId", "warning", "status", "progress") `);
    await queryRunner.query(`CREATE INDEX "IDX_e31066ab4367e0c92fc1990151" ON "target_metric_month" ("month", "regionId", "countyId", "warning", "status", "progress") `);
    // Today's figures of targets that exist already (moved here from ConsistencyFacts: it calls live
    // code, which writes the new columns; it stays in the last migration that changes these tables).
    await fillStoredFigures(queryRunner.manager);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "IDX_e31066ab4367e0c92fc1990151"`);
    await queryRunner.query(`DROP INDEX "IDX_d5609c777f1c2b5c391f3f13b0"`);
    await queryRunner.query(`DROP INDEX "IDX_72aacf0d328b4c677258f661f7"`);
    await queryRunner.query(`DROP INDEX "IDX_0b48d080138751abe169add2e6"`);
    await queryRunner.query(`ALTER TABLE "target_metric_month" RENAME TO "temporary_target_metric_month"`);
    await queryRunner.query(`CREATE TABLE "target_metric_month" ("month" varchar(7) NOT NULL, "targetId" integer NOT NULL, "progress" double NOT NULL, "lastCompletedOn" date, "reportedLeaves" integer NOT NULL, "claimedProgress" double NOT NULL, "elapsed" double, "daysLeft" integer, "status" varchar(16), "warning" varchar(8), PRIMARY KEY ("month", "targetId"))`);
    await queryRunner.query(`INSERT INTO "target_metric_month"("month", "targetId", "progress", "lastCompletedOn", "reportedLeaves", "claimedProgress", "elapsed", "daysLeft", "status", "warning") SELECT "month", "targetId", "progress", "lastCompletedOn", "reportedLeaves", "claimedProgress", "elapsed", "daysLeft", "status", "warning" FROM "temporary_target_metric_month"`);
    await queryRunner.query(`DROP TABLE "temporary_target_metric_month"`);
    await queryRunner.query(`CREATE INDEX "IDX_72aacf0d328b4c677258f661f7" ON "target_metric_month" ("month", "status", "progress") `);
    await queryRunner.query(`CREATE INDEX "IDX_0b48d080138751abe169add2e6" ON "target_metric_month" ("month", "warning", "progress") `);
    await queryRunner.query(`DROP INDEX "IDX_d1662760beeb146323e608cf24"`);
    await queryRunner.query(`DROP INDEX "IDX_3682207aa233f41b233b07d6fa"`);
    await queryRunner.query(`DROP INDEX "IDX_bbbeea50e4882d302fbfb4818d"`);
    await queryRunner.query(`ALTER TABLE "target_metric" RENAME TO "temporary_target_metric"`);
    await queryRunner.query(`CREATE TABLE "target_metric" ("targetId" integer PRIMARY KEY NOT NULL, "progress" double NOT NULL, "lastCompletedOn" date, "reportedLeaves" integer NOT NULL, "claimedProgress" double NOT NULL, "elapsed" double, "daysLeft" integer, "status" varchar(16), "warning" varchar(8))`);
    await queryRunner.query(`INSERT INTO "target_metric"("targetId", "progress", "lastCompletedOn", "reportedLeaves", "claimedProgress", "elapsed", "daysLeft", "status", "warning") SELECT "targetId", "progress", "lastCompletedOn", "reportedLeaves", "claimedProgress", "elapsed", "daysLeft", "status", "warning" FROM "temporary_target_metric"`);
    await queryRunner.query(`DROP TABLE "temporary_target_metric"`);
    await queryRunner.query(`CREATE INDEX "IDX_d1662760beeb146323e608cf24" ON "target_metric" ("progress") `);
    await queryRunner.query(`CREATE INDEX "IDX_3682207aa233f41b233b07d6fa" ON "target_metric" ("status", "progress") `);
    await queryRunner.query(`CREATE INDEX "IDX_bbbeea50e4882d302fbfb4818d" ON "target_metric" ("warning", "progress") `);
  }
}
