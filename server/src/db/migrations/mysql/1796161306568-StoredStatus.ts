import type { MigrationInterface, QueryRunner } from 'typeorm';

export class StoredStatus1796161306568 implements MigrationInterface {
  name = 'StoredStatus1796161306568';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE \`target_metric_day\` (\`name\` varchar(16) NOT NULL, \`day\` varchar(10) NOT NULL, PRIMARY KEY (\`name\`)) ENGINE=InnoDB`);
    await queryRunner.query(`ALTER TABLE \`target_metric\` ADD \`elapsed\` double NULL`);
    await queryRunner.query(`ALTER TABLE \`target_metric\` ADD \`daysLeft\` int NULL`);
    await queryRunner.query(`ALTER TABLE \`target_metric\` ADD \`status\` varchar(16) NULL`);
    await queryRunner.query(`ALTER TABLE \`target_metric\` ADD \`warning\` varchar(8) NULL`);
    await queryRunner.query(`ALTER TABLE \`target_metric_month\` ADD \`elapsed\` double NULL`);
    await queryRunner.query(`ALTER TABLE \`target_metric_month\` ADD \`daysLeft\` int NULL`);
    await queryRunner.query(`ALTER TABLE \`target_metric_month\` ADD \`status\` varchar(16) NULL`);
    await queryRunner.query(`ALTER TABLE \`target_metric_month\` ADD \`warning\` varchar(8) NULL`);
    await queryRunner.query(`CREATE INDEX \`IDX_3682207aa233f41b233b07d6fa\` ON \`target_metric\` (\`status\`, \`progress\`)`);
    await queryRunner.query(`CREATE INDEX \`IDX_bbbeea50e4882d302fbfb4818d\` ON \`target_metric\` (\`warning\`, \`progress\`)`);
    await queryRunner.query(`CREATE INDEX \`IDX_72aacf0d328b4c677258f661f7\` ON \`target_metric_month\` (\`month\`, \`status\`, \`progress\`)`);
    await queryRunner.query(`CREATE INDEX \`IDX_0b48d080138751abe169add2e6\` ON \`target_metric_month\` (\`month\`, \`warning\`, \`progress\`)`);
    await queryRunner.query(`CREATE INDEX \`IDX_15d1a192b03ac98e6e13155e35\` ON \`target\` (\`regionId\`, \`deletedAt\`, \`deadline\`, \`startDate\`, \`countyId\`, \`parentId\`)`);
    // The stored figures are filled by the ConsistencyFacts migration, once every table they touch exists.
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX \`IDX_15d1a192b03ac98e6e13155e35\` ON \`target\``);
    await queryRunner.query(`DROP INDEX \`IDX_0b48d080138751abe169add2e6\` ON \`target_metric_month\``);
    await queryRunner.query(`DROP INDEX \`IDX_72aacf0d328b4c677258f661f7\` ON \`target_metric_month\``);
    await queryRunner.query(`DROP INDEX \`IDX_bbbeea50e4882d302fbfb4818d\` ON \`target_metric\``);
    await queryRunner.query(`DROP INDEX \`IDX_3682207aa233f41b233b07d6fa\` ON \`target_metric\``);
    await queryRunner.query(`ALTER TABLE \`target_metric_month\` DROP COLUMN \`warning\``);
    await queryRunner.query(`ALTER TABLE \`target_metric_month\` DROP COLUMN \`status\``);
    await queryRunner.query(`ALTER TABLE \`target_metric_month\` DROP COLUMN \`daysLeft\``);
    await queryRunner.query(`ALTER TABLE \`target_metric_month\` DROP COLUMN \`elapsed\``);
    await queryRunner.query(`ALTER TABLE \`target_metric\` DROP COLUMN \`warning\``);
    await queryRunner.query(`ALTER TABLE \`target_metric\` DROP COLUMN \`status\``);
    await queryRunner.query(`ALTER TABLE \`target_metric\` DROP COLUMN \`daysLeft\``);
    await queryRunner.query(`ALTER TABLE \`target_metric\` DROP COLUMN \`elapsed\``);
    await queryRunner.query(`DROP TABLE \`target_metric_day\``);
  }
}
