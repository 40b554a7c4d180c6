import type { MigrationInterface, QueryRunner } from 'typeorm';

export class StoredStatus1796161297270 implements MigrationInterface {
  name = 'StoredStatus1796161297270';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "target_metric_day" ("name" varchar(16) PRIMARY KEY NOT NULL, "day" varchar(10) NOT NULL)`);
    await queryRunner.query(`DROP INDEX "IDX_d1662760beeb146323e608cf24"`);
    await queryRunner.query(`CREATE TABLE "temporary_target_metric" ("targetId" integer PRIMARY KEY NOT NULL, "progress" double NOT NULL, "lastCompletedOn" date, "reportedLeaves" integer NOT NULL, "claimedProgress" double NOT NULL, "elapsed" double, "daysLeft" integer, "status" varchar(16), "warning" varchar(8))`);
    await queryRunner.query(`INSERT INTO "temporary_target_metric"("targetId", "progress", "lastCompletedOn", "reportedLeaves", "claimedProgress") SELECT "targetId", "progress", "lastCompletedOn", "reportedLeaves", "claimedProgress" FROM "target_metric"`);
    await queryRunner.query(`DROP TABLE "target_metric"`);
    await queryRunner.query(`ALTER TABLE "temporary_target_metric" RENAME TO "target_metric"`);
    await queryRunner.query(`CREATE INDEX "IDX_d1662760beeb146323e608cf24" ON "target_metric" ("progress") `);
    await queryRunner.query(`CREATE TABLE "temporary_target_metric_month" ("month" varchar(7) NOT NULL, "targetId" integer NOT NULL, "progress" double NOT NULL, "lastCompletedOn" date, "reportedLeaves" integer NOT NULL, "claimedProgress" double NOT NULL, "elapsed" double, "daysLeft" integer, "status" varchar(16), "warning" varchar(8), PRIMARY KEY ("month", "targetId"))`);
    await queryRunner.query(`INSERT INTO "temporary_target_metric_month"("month", "targetId", "progress", "lastCompletedOn", "reportedLeaves", "claimedProgress") SELECT "month", "targetId", "progress", "lastCompletedOn", "reportedLeaves", "claimedProgress" FROM "target_metric_month"`);
    await queryRunner.query(`DROP TABLE "target_metric_month"`);
    await queryRunner.query(`ALTER TABLE "temporary_target_metric_month" RENAME TO "target_metric_month"`);
    await queryRunner.query(`CREATE INDEX "IDX_3682207aa233f41b233b07d6fa" ON "target_metric" ("status", "progress") `);
    await queryRunner.query(`CREATE INDEX "IDX_bbbeea50e4882d302fbfb4818d" ON "target_metric" ("warning", "progress") `);
    await queryRunner.query(`CREATE INDEX "IDX_72aacf0d328b4c677258f661f7" ON "target_metric_month" ("month", "status", "progress") `);
    await queryRunner.query(`CREATE INDEX "IDX_0b48d080138751abe169add2e6" ON "target_metric_month" ("month", "warning", "progress") `);
    await queryRunner.query(`CREATE INDEX "IDX_15d1a192b03ac98e6e13155e35" ON "target" ("regionId", "deletedAt", "deadline", "startDate", "countyId", "parentId")`);
    // The stored figures are filled by the ConsistencyFacts migration, once every table they touch exists.
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "IDX_15d1a192b03ac98e6e13155e35"`);
    await queryRunner.query(`DROP INDEX "IDX_0b48d080138751abe169add2e6"`);
    await queryRunner.query(`DROP INDEX "IDX_72aacf0d328b4c677258f661f7"`);
    await queryRunner.query(`DROP INDEX "IDX_bbbeea50e4882d302fbfb4818d"`);
    await queryRunner.query(`DROP INDEX "IDX_3682207aa233f41b233b07d6fa"`);
    await queryRunner.query(`ALTER TABLE "target_metric_month" RENAME TO "temporary_target_metric_month"`);
    await queryRunner.query(`CREATE TABLE "target_metric_month" ("month" varchar(7) NOT NULL, "targetId" integer NOT NULL, "progress" double NOT NULL, "lastCompletedOn" date, "reportedLeaves" integer NOT NULL, "claimedProgress" double NOT NULL, PRIMARY KEY ("month", "targetId"))`);
    await queryRunner.query(`INSERT INTO "target_metric_month"("month", "targetId", "progress", "lastCompletedOn", "reportedLeaves", "claimedProgress") SELECT "month", "targetId", "progress", "lastCompletedOn", "reportedLeaves", "claimedProgress" FROM "temporary_target_metric_month"`);
    await queryRunner.query(`DROP TABLE "temporary_target_metric_month"`);
    await queryRunner.query(`DROP INDEX "IDX_d1662760beeb146323e608cf24"`);
    await queryRunner.query(`ALTER TABLE "target_metric" RENAME TO "temporary_target_metric"`);
    await queryRunner.query(`CREATE TABLE "target_metric" ("targetId" integer PRIMARY KEY NOT NULL, "progress" double NOT NULL, "lastCompletedOn" date, "reportedLeaves" integer NOT NULL, "claimedProgress" double NOT NULL)`);
    await queryRunner.query(`INSERT INTO "target_metric"("targetId", "progress", "lastCompletedOn", "reportedLeaves", "claimedProgress") SELECT "targetId", "progress", "lastCompletedOn", "reportedLeaves", "claimedProgress" FROM "temporary_target_metric"`);
    await queryRunner.query(`DROP TABLE "temporary_target_metric"`);
    await queryRunner.query(`CREATE INDEX "IDX_d1662760beeb146323e608cf24" ON "target_metric" ("progress") `);
    await queryRunner.query(`DROP TABLE "target_metric_day"`);
  }
}
