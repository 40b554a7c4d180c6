import type { MigrationInterface, QueryRunner } from 'typeorm';

export class TargetMetrics1796152758993 implements MigrationInterface {
  name = 'TargetMetrics1796152758993';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "target_metric" ("targetId" integer PRIMARY KEY NOT NULL, "progress" double NOT NULL, "lastCompletedOn" date, "reportedLeaves" integer NOT NULL, "claimedProgress" double NOT NULL)`);
    await queryRunner.query(`CREATE INDEX "IDX_d1662760beeb146323e608cf24" ON "target_metric" ("progress") `);
    // The figures of the targets that exist already are computed by the StoredStatus migration
    // (it needs the columns added there).
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "IDX_d1662760beeb146323e608cf24"`);
    await queryRunner.query(`DROP TABLE "target_metric"`);
  }
}
