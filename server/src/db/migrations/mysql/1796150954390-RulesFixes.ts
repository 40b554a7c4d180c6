import type { MigrationInterface, QueryRunner } from 'typeorm';

export class RulesFixes1796150954390 implements MigrationInterface {
  name = 'RulesFixes1796150954390';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX \`IDX_a9e80380f4bf596a875c4a9a3a\` ON \`bulletin\``);
    await queryRunner.query(`ALTER TABLE \`bulletin\` ADD \`activePeriod\` varchar(10) NULL`);
    await queryRunner.query(`ALTER TABLE \`bulletin\` ADD \`withdrawnAt\` datetime(6) NULL`);
    await queryRunner.query(`ALTER TABLE \`bulletin\` ADD \`withdrawnById\` int NULL`);
    await queryRunner.query(`ALTER TABLE \`bulletin\` ADD \`withdrawalReason\` text NULL`);
    await queryRunner.query(`ALTER TABLE \`assessment_policy\` ADD \`countSubmittedReports\` tinyint NOT NULL DEFAULT 0`);
    await queryRunner.query(`ALTER TABLE \`assessment_policy\` ADD \`reviewOverdueDays\` int NOT NULL DEFAULT '7'`);
    await queryRunner.query(`ALTER TABLE \`supervision_notice\` ADD \`issueReason\` text NULL`);
    await queryRunner.query(`UPDATE \`bulletin\` SET \`activePeriod\` = \`period\``);
    await queryRunner.query(`CREATE UNIQUE INDEX \`IDX_f8a9dde0b9a74ea58bfe8a3135\` ON \`bulletin\` (\`regionId\`, \`activePeriod\`)`);
    await queryRunner.query(`CREATE INDEX \`IDX_a9e80380f4bf596a875c4a9a3a\` ON \`bulletin\` (\`regionId\`, \`period\`)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX \`IDX_a9e80380f4bf596a875c4a9a3a\` ON \`bulletin\``);
    await queryRunner.query(`DROP INDEX \`IDX_f8a9dde0b9a74ea58bfe8a3135\` ON \`bulletin\``);
    await queryRunner.query(`ALTER TABLE \`supervision_notice\` DROP COLUMN \`issueReason\``);
    await queryRunner.query(`ALTER TABLE \`assessment_policy\` DROP COLUMN \`reviewOverdueDays\``);
    await queryRunner.query(`ALTER TABLE \`assessment_policy\` DROP COLUMN \`countSubmittedReports\``);
    await queryRunner.query(`ALTER TABLE \`bulletin\` DROP COLUMN \`withdrawalReason\``);
    await queryRunner.query(`ALTER TABLE \`bulletin\` DROP COLUMN \`withdrawnById\``);
    await queryRunner.query(`ALTER TABLE \`bulletin\` DROP COLUMN \`withdrawnAt\``);
    await queryRunner.query(`ALTER TABLE \`bulletin\` DROP COLUMN \`activePeriod\``);
    await queryRunner.query(`CREATE UNIQUE INDEX \`IDX_a9e80380f4bf596a875c4a9a3a\` ON \`bulletin\` (\`regionId\`, \`period\`)`);
  }
}
