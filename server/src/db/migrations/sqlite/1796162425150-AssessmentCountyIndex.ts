import type { MigrationInterface, QueryRunner } from 'typeorm';

export class AssessmentCountyIndex1796162425150 implements MigrationInterface {
  name = 'AssessmentCountyIndex1796162425150';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "IDX_2e6a9611f38c2198ae5d210f68"`);
    await queryRunner.query(`CREATE INDEX "IDX_5cdef584c42a5591c927fd5569" ON "assessment" ("regionId", "period", "deletedAt", "cadreId", "status", "countyId") `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "IDX_5cdef584c42a5591c927fd5569"`);
    await queryRunner.query(`CREATE INDEX "IDX_2e6a9611f38c2198ae5d210f68" ON "assessment" ("regionId", "period", "deletedAt", "cadreId", "status") `);
  }
}
