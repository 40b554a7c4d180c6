import type { MigrationInterface, QueryRunner } from 'typeorm';

export class AssessmentIndexes1796161726177 implements MigrationInterface {
  name = 'AssessmentIndexes1796161726177';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "IDX_7db57444fd326b3766b3c8c3bd"`);
    await queryRunner.query(`CREATE INDEX "IDX_2e6a9611f38c2198ae5d210f68" ON "assessment" ("regionId", "period", "deletedAt", "cadreId", "status") `);
    await queryRunner.query(`CREATE INDEX "IDX_637ed0dc02dc3c2b481bc95804" ON "inspection" ("targetId", "inspectedOn") `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "IDX_637ed0dc02dc3c2b481bc95804"`);
    await queryRunner.query(`DROP INDEX "IDX_2e6a9611f38c2198ae5d210f68"`);
    await queryRunner.query(`CREATE INDEX "IDX_7db57444fd326b3766b3c8c3bd" ON "assessment" ("regionId", "period", "status") `);
  }
}
