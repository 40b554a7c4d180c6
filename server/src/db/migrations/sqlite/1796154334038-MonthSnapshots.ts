import type { MigrationInterface, QueryRunner } from 'typeorm';

export class MonthSnapshots1796154334038 implements MigrationInterface {
  name = 'MonthSnapshots1796154334038';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "target_metric_month" ("month" varchar(7) NOT NULL, "targetId" integer NOT NULL, "progress" double NOT NULL, "lastCompletedOn" date, "reportedLeaves" integer NOT NULL, "claimedProgress" double NOT NULL, PRIMARY KEY ("month", "targetId"))`);
    await queryRunner.query(`CREATE TABLE "target_metric_month_state" ("month" varchar(7) PRIMARY KEY NOT NULL, "builtAt" datetime(3) NOT NULL)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "target_metric_month_state"`);
    await queryRunner.query(`DROP TABLE "target_metric_month"`);
  }
}
