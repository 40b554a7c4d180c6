import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ConsistencyFacts1796163017719 implements MigrationInterface {
  name = 'ConsistencyFacts1796163017719';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE \`consistency_month\` (\`month\` varchar(7) NOT NULL, \`countyId\` int NOT NULL, \`targets\` int NOT NULL, \`shortfall\` double NULL, \`due\` int NOT NULL, \`reported\` int NOT NULL, \`reports\` int NOT NULL, PRIMARY KEY (\`month\`, \`countyId\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`consistency_month_state\` (\`name\` varchar(16) NOT NULL, \`generation\` int NOT NULL, PRIMARY KEY (\`name\`)) ENGINE=InnoDB`);
    await queryRunner.query(`INSERT INTO \`consistency_month_state\` (\`name\`, \`generation\`) VALUES ('facts', 0)`);
    // Today's figures of the targets that exist already are filled by StoredFiguresAlone, the last
    // migration that changes the tables that code writes.
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE \`consistency_month_state\``);
    await queryRunner.query(`DROP TABLE \`consistency_month\``);
  }
}
