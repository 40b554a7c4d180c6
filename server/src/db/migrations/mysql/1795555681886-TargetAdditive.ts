import type { MigrationInterface, QueryRunner } from 'typeorm';

export class TargetAdditive1795555681886 implements MigrationInterface {
  name = 'TargetAdditive1795555681886';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE \`target\` ADD \`additive\` tinyint NOT NULL DEFAULT 1`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE \`target\` DROP COLUMN \`additive\``);
  }
}
