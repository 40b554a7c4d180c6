import type { MigrationInterface, QueryRunner } from 'typeorm';

export class TargetMetrics1796152759906 implements MigrationInterface {
  name = 'TargetMetrics1796152759906';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE \`target_metric\` (\`targetId\` int NOT NULL, \`progress\` double NOT NULL, \`lastCompletedOn\` date NULL, \`reportedLeaves\` int NOT NULL, \`claimedProgress\` double NOT NULL, INDEX \`IDX_d1662760beeb146323e608cf24\` (\`progress\`), PRIMARY KEY (\`targetId\`)) ENGINE=InnoDB`);
    // The figures of the targets that exist already are computed by the StoredStatus migration
    // (it needs the columns added there).
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX \`IDX_d1662760beeb146323e608cf24\` ON \`target_metric\``);
    await queryRunner.query(`DROP TABLE \`target_metric\``);
  }
}
