import type { MigrationInterface, QueryRunner } from 'typeorm';

export class AssessmentFingerprint1796172576951 implements MigrationInterface {
  name = 'AssessmentFingerprint1796172576951';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE \`assessment\` ADD \`fingerprint\` varchar(32) NULL`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE \`assessment\` DROP COLUMN \`fingerprint\``);
  }
}
