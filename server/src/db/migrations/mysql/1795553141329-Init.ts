import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Init1795553141329 implements MigrationInterface {
  name = 'Init1795553141329';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE \`audit_event\` (\`id\` int NOT NULL AUTO_INCREMENT, \`at\` datetime(3) NOT NULL, \`actorId\` int NULL, \`actorName\` varchar(64) NOT NULL, \`action\` enum ('CREATE', 'UPDATE', 'DELETE', 'RESTORE', 'LOGIN', 'LOGIN_FAILED', 'PUBLISH') NOT NULL, \`entityType\` varchar(64) NOT NULL, \`entityId\` int NULL, \`regionId\` int NULL, \`countyId\` int NULL, \`changes\` json NULL, \`requestId\` varchar(64) NULL, \`ip\` varchar(64) NULL, INDEX \`IDX_06d570d7d1b40fbc994b5955be\` (\`at\`), INDEX \`IDX_556e33540535ba09ad51db1edb\` (\`regionId\`, \`countyId\`), INDEX \`IDX_78bae4feb9e9ea1f45d35369f6\` (\`actorName\`, \`action\`, \`at\`), INDEX \`IDX_98117695956bc9ebd1fcb6d635\` (\`entityType\`, \`entityId\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`region\` (\`id\` int NOT NULL AUTO_INCREMENT, \`createdAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), \`updatedAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), \`version\` int NOT NULL DEFAULT '1', \`deletedAt\` datetime(6) NULL, \`name\` varchar(100) NOT NULL, \`nameTibetan\` varchar(191) NULL, \`code\` varchar(6) NOT NULL, UNIQUE INDEX \`IDX_74f7723fdff738f92929c0056c\` (\`code\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`county\` (\`id\` int NOT NULL AUTO_INCREMENT, \`createdAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), \`updatedAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), \`version\` int NOT NULL DEFAULT '1', \`deletedAt\` datetime(6) NULL, \`regionId\` int NOT NULL, \`name\` varchar(100) NOT NULL, \`nameTibetan\` varchar(191) NULL, \`code\` varchar(6) NOT NULL, INDEX \`IDX_199b65a919d481207a60c973e1\` (\`regionId\`), UNIQUE INDEX \`IDX_7173be2c5b2ff6434042412edd\` (\`code\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`department\` (\`id\` int NOT NULL AUTO_INCREMENT, \`createdAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), \`updatedAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), \`version\` int NOT NULL DEFAULT '1', \`deletedAt\` datetime(6) NULL, \`regionId\` int NOT NULL, \`countyId\` int NULL, \`name\` varchar(100) NOT NULL, \`kind\` enum ('PARTY', 'GOVERNMENT', 'INSTITUTION', 'TOWNSHIP', 'OTHER') NOT NULL, INDEX \`IDX_aa1c27dc9833cc7b7846a65493\` (\`regionId\`), INDEX \`IDX_1facc3407df3cdd85ff218b106\` (\`countyId\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`cadre\` (\`id\` int NOT NULL AUTO_INCREMENT, \`createdAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), \`updatedAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), \`version\` int NOT NULL DEFAULT '1', \`deletedAt\` datetime(6) NULL, \`departmentId\` int NOT NULL, \`name\` varchar(100) NOT NULL, \`nameTibetan\` varchar(191) NULL, \`gender\` enum ('MALE', 'FEMALE') NOT NULL, \`ethnicity\` varchar(20) NOT NULL, \`birthDate\` date NULL, \`position\` varchar(100) NOT NULL, \`rank\` varchar(50) NOT NULL, \`status\` enum ('ACTIVE', 'TRANSFERRED', 'RETIRED') NOT NULL DEFAULT 'ACTIVE', \`phone\` varchar(30) NULL, INDEX \`IDX_106daca99fd04b4d841897f2af\` (\`departmentId\`), INDEX \`IDX_57c88d9c8ae512a050b74d472a\` (\`name\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`user\` (\`id\` int NOT NULL AUTO_INCREMENT, \`createdAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), \`updatedAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), \`version\` int NOT NULL DEFAULT '1', \`deletedAt\` datetime(6) NULL, \`username\` varchar(64) NOT NULL, \`displayName\` varchar(100) NULL, \`passwordHash\` varchar(255) NOT NULL, \`role\` enum ('ADMIN', 'REGIONAL', 'COUNTY', 'ANALYST') NOT NULL, \`regionId\` int NULL, \`countyId\` int NULL, \`active\` tinyint NOT NULL DEFAULT 1, UNIQUE INDEX \`IDX_78a916df40e02a9deb1c4b75ed\` (\`username\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`ALTER TABLE \`county\` ADD CONSTRAINT \`FK_199b65a919d481207a60c973e19\` FOREIGN KEY (\`regionId\`) REFERENCES \`region\`(\`id\`) ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE \`department\` ADD CONSTRAINT \`FK_aa1c27dc9833cc7b7846a65493a\` FOREIGN KEY (\`regionId\`) REFERENCES \`region\`(\`id\`) ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE \`department\` ADD CONSTRAINT \`FK_1facc3407df3cdd85ff218b1061\` FOREIGN KEY (\`countyId\`) REFERENCES \`county\`(\`id\`) ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE \`cadre\` ADD CONSTRAINT \`FK_106daca99fd04b4d841897f2af1\` FOREIGN KEY (\`departmentId\`) REFERENCES \`department\`(\`id\`) ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE \`user\` ADD CONSTRAINT \`FK_f1a2565b8f2580a146871cf1142\` FOREIGN KEY (\`regionId\`) REFERENCES \`region\`(\`id\`) ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE \`user\` ADD CONSTRAINT \`FK_4fa7e717948c05114afb6ac4a58\` FOREIGN KEY (\`countyId\`) REFERENCES \`county\`(\`id\`) ON DELETE RESTRICT ON UPDATE NO ACTION`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE \`user\` DROP FOREIGN KEY \`FK_4fa7e717948c05114afb6ac4a58\``);
    await queryRunner.query(`ALTER TABLE \`user\` DROP FOREIGN KEY \`FK_f1a2565b8f2580a146871cf1142\``);
    await queryRunner.query(`ALTER TABLE \`cadre\` DROP FOREIGN KEY \`FK_106daca99fd04b4d841897f2af1\``);
    await queryRunner.query(`ALTER TABLE \`department\` DROP FOREIGN KEY \`FK_1facc3407df3cdd85ff218b1061\``);
    await queryRunner.query(`ALTER TABLE \`department\` DROP FOREIGN KEY \`FK_aa1c27dc9833cc7b7846a65493a\``);
    await queryRunner.query(`ALTER TABLE \`county\` DROP FOREIGN KEY \`FK_199b65a919d481207a60c973e19\``);
    await queryRunner.query(`DROP INDEX \`IDX_78a916df40e02a9deb1c4b75ed\` ON \`user\``);
    await queryRunner.query(`DROP TABLE \`user\``);
    await queryRunner.query(`DROP INDEX \`IDX_57c88d9c8ae512a050b74d472a\` ON \`cadre\``);
    await queryRunner.query(`DROP INDEX \`IDX_106daca99fd04b4d841897f2af\` ON \`cadre\``);
    await queryRunner.query(`DROP TABLE \`cadre\``);
    await queryRunner.query(`DROP INDEX \`IDX_1facc3407df3cdd85ff218b106\` ON \`department\``);
    await queryRunner.query(`DROP INDEX \`IDX_aa1c27dc9833cc7b7846a65493\` ON \`department\``);
    await queryRunner.query(`DROP TABLE \`department\``);
    await queryRunner.query(`DROP INDEX \`IDX_7173be2c5b2ff6434042412edd\` ON \`county\``);
    await queryRunner.query(`DROP INDEX \`IDX_199b65a919d481207a60c973e1\` ON \`county\``);
    await queryRunner.query(`DROP TABLE \`county\``);
    await queryRunner.query(`DROP INDEX \`IDX_74f7723fdff738f92929c0056c\` ON \`region\``);
    await queryRunner.query(`DROP TABLE \`region\``);
    await queryRunner.query(`DROP INDEX \`IDX_98117695956bc9ebd1fcb6d635\` ON \`audit_event\``);
    await queryRunner.query(`DROP INDEX \`IDX_78bae4feb9e9ea1f45d35369f6\` ON \`audit_event\``);
    await queryRunner.query(`DROP INDEX \`IDX_556e33540535ba09ad51db1edb\` ON \`audit_event\``);
    await queryRunner.query(`DROP INDEX \`IDX_06d570d7d1b40fbc994b5955be\` ON \`audit_event\``);
    await queryRunner.query(`DROP TABLE \`audit_event\``);
  }
}
