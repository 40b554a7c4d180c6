import type { MigrationInterface, QueryRunner } from 'typeorm';

export class MonthSnapshots1796154336268 implements MigrationInterface {
  name = 'MonthSnapshots1796154336268';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE \`target_metric_month\` (\`month\` varchar(7) NOT NULL, \`targetId\` int NOT NULL, \`progress\` double NOT NULL, \`lastCompletedOn\` date NULL, \`reportedLeaves\` int NOT NULL, \`claimedProgress\` double NOT NULL, PRIMARY KEY (\`month\`, \`targetId\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`target_metric_month_state\` (\`month\` varchar(7) NOT NULL, \`builtAt\` datetime(3) NOT NULL, PRIMARY KEY (\`month\`)) ENGINE=InnoDB`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE \`target_metric_month_state\``);
    await queryRunner.query(`DROP TABLE \`target_metric_month\``);
  }
}
