import type { MigrationInterface, QueryRunner } from 'typeorm';

export class AssessmentRankingIndex1796163383688 implements MigrationInterface {
  name = 'AssessmentRankingIndex1796163383688';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX \`IDX_5cdef584c42a5591c927fd5569\` ON \`assessment\``);
    await queryRunner.query(`CREATE INDEX \`IDX_a70780332aa854b1c4c6be91bc\` ON \`assessment\` (\`regionId\`, \`period\`, \`deletedAt\`, \`cadreId\`, \`status\`, \`countyId\`, \`departmentId\`, \`computedTier\`, \`overrideTier\`, \`total\`)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX \`IDX_a70780332aa854b1c4c6be91bc\` ON \`assessment\``);
    await queryRunner.query(`CREATE INDEX \`IDX_5cdef584c42a5591c927fd5569\` ON \`assessment\` (\`regionId\`, \`period\`, \`deletedAt\`, \`cadreId\`, \`status\`, \`countyId\`)`);
  }
}
