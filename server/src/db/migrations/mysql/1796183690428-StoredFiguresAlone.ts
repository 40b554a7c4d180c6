import type { MigrationInterface, QueryRunner } from 'typeorm';
import { fillStoredFigures } from '../../../modules/targets/target-metrics.js';

export class StoredFiguresAlone1796183690428 implements MigrationInterface {
  name = 'StoredFiguresAlone1796183690428';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE \`target_metric\` ADD \`regionId\` int NOT NULL`);
    await queryRunner.query(`ALTER TABLE \`target_metric\` ADD \`countyId\` int NULL`);
    await queryRunner.query(`ALTER TABLE \`target_metric_month\` ADD \`regionId\` int NOT NULL`);
    await queryRunner.query(`ALTER TABLE \`target_metric_month\` ADD \`countyId\` int NULL`);
    // The stored rows keep their target's region and county, copied from the live targets (rows of
    // targets no longer live, which upkeep never leaves, are removed).
    for (const table of ['target_metric', 'target_metric_month']) {
      await queryRunner.query(`DELETE \`m\` FROM \`${table}\` \`m\` LEFT JOIN \`target\` \`t\` ON \`t\`.\`id\` = \`m\`.\`targetId\` WHERE \`t\`.\`id\` IS NULL OR \`t\`.\`deletedAt\` IS NOT NULL`);
      await queryRunner.query(`UPDATE \`${table}\` \`m\` JOIN \`target\` \`t\` ON \`t\`.\`id\` = \`m\`.\`targetId\` SET \`m\`.\`regionId\` = \`t\`.\`regionId\`, \`m\`.\`countyId\` = \`t\`.\`countyId\``);
    }
    await queryRunner.query(`CREATE INDEX \`IDX_d5609c777f1c2b5c391f3f13b0\` ON \`target_metric\` (\`regionId\`, \`countyId\`, \`warning\`, \`status\`, \`progress\`)`);
    await queryRunner.query(`CREATE INDEX \`IDX_e31066ab4367e0c92fc1990151\` ON \`target_metric_month\` (\`month\`, \`regionId\`, \`countyId\`, \`warning\`, \`status\`, \`progress\`)`);
    // Today's figures of targets that exist already (moved here from ConsistencyFacts: it calls live
    // code, which writes the new columns; it stays in the last migration that changes these tables).
    await fillStoredFigures(queryRunner.manager);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX \`IDX_e31066ab4367e0c92fc1990151\` ON \`target_metric_month\``);
    await queryRunner.query(`DROP INDEX \`IDX_d5609c777f1c2b5c391f3f13b0\` ON \`target_metric\``);
    await queryRunner.query(`ALTER TABLE \`target_metric_month\` DROP COLUMN \`countyId\``);
    await queryRunner.query(`ALTER TABLE \`target_metric_month\` DROP COLUMN \`regionId\``);
    await queryRunner.query(`ALTER TABLE \`target_metric\` DROP COLUMN \`countyId\``);
    await queryRunner.query(`ALTER TABLE \`target_metric\` DROP COLUMN \`regionId\``);
  }
}
