import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Assessment1796151261896 implements MigrationInterface {
  name = 'Assessment1796151261896';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE \`accountability\` (\`id\` int NOT NULL AUTO_INCREMENT, \`createdAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), \`updatedAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), \`version\` int NOT NULL DEFAULT '1', \`deletedAt\` datetime(6) NULL, \`cadreId\` int NOT NULL, \`targetId\` int NULL, \`regionId\` int NOT NULL, \`countyId\` int NULL, \`departmentId\` int NOT NULL, \`decidedOn\` date NOT NULL, \`measure\` enum ('ADMONISHMENT', 'CRITICISM', 'REASSIGNMENT', 'REMOVAL') NOT NULL, \`reason\` text NOT NULL, \`decidingBody\` varchar(200) NOT NULL, \`evidence\` text NULL, INDEX \`IDX_ab8fcba8c35ff7e925a84f6c9b\` (\`targetId\`), INDEX \`IDX_d2101bd252ab4bda34d886298e\` (\`countyId\`), INDEX \`IDX_073ca378c97ba23158f21b557e\` (\`departmentId\`), INDEX \`IDX_76ac51cfa6b05611a251469a0c\` (\`regionId\`, \`decidedOn\`), INDEX \`IDX_6299cb6081883b69a132e85b3b\` (\`cadreId\`, \`decidedOn\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`assessment\` (\`id\` int NOT NULL AUTO_INCREMENT, \`createdAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), \`updatedAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), \`version\` int NOT NULL DEFAULT '1', \`deletedAt\` datetime(6) NULL, \`cadreId\` int NOT NULL, \`regionId\` int NOT NULL, \`countyId\` int NULL, \`departmentId\` int NOT NULL, \`period\` varchar(10) NOT NULL, \`asOf\` date NOT NULL, \`policyId\` int NOT NULL DEFAULT '0', \`targetScore\` double NULL, \`timelinessScore\` double NULL, \`inspectionScore\` double NULL, \`democraticScore\` double NULL, \`penalty\` double NOT NULL DEFAULT '0', \`total\` double NOT NULL, \`computedTier\` enum ('PROMOTE', 'USE', 'CAUTION', 'DO_NOT_USE') NOT NULL, \`tierRule\` enum ('THRESHOLD', 'REMOVAL', 'INCOMPETENT_VOTES') NOT NULL, \`overrideTier\` enum ('PROMOTE', 'USE', 'CAUTION', 'DO_NOT_USE') NULL, \`overrideReason\` text NULL, \`overriddenById\` int NULL, \`status\` enum ('DRAFT', 'CONFIRMED') NOT NULL DEFAULT 'DRAFT', \`confirmedAt\` datetime(6) NULL, \`confirmedById\` int NULL, \`computedById\` int NULL, \`explanation\` json NOT NULL, INDEX \`IDX_a0428fa7057866fafa9b02d295\` (\`countyId\`), INDEX \`IDX_5cbb07c8274499b14ffc75c627\` (\`departmentId\`), INDEX \`IDX_53bdabe8c839040c2de7468d19\` (\`cadreId\`, \`period\`), INDEX \`IDX_7db57444fd326b3766b3c8c3bd\` (\`regionId\`, \`period\`, \`status\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`democratic_evaluation\` (\`id\` int NOT NULL AUTO_INCREMENT, \`createdAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), \`updatedAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), \`version\` int NOT NULL DEFAULT '1', \`deletedAt\` datetime(6) NULL, \`cadreId\` int NOT NULL, \`regionId\` int NOT NULL, \`countyId\` int NULL, \`departmentId\` int NOT NULL, \`period\` varchar(10) NOT NULL, \`periodFrom\` date NOT NULL, \`periodTo\` date NOT NULL, \`excellent\` int NOT NULL, \`competent\` int NOT NULL, \`basicallyCompetent\` int NOT NULL, \`incompetent\` int NOT NULL, \`meetingDate\` date NULL, \`note\` text NULL, INDEX \`IDX_1f2ed3aeba10699840d53d1eeb\` (\`countyId\`), INDEX \`IDX_bde32208ffc329323658b93ea9\` (\`departmentId\`), INDEX \`IDX_f13c4b301392bd2df01a68e8d7\` (\`regionId\`, \`periodFrom\`), INDEX \`IDX_ae566f4a2412ef3f08ba36fb28\` (\`cadreId\`, \`period\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`ALTER TABLE \`assessment_policy\` ADD \`weightTarget\` double NOT NULL DEFAULT '0'`);
    await queryRunner.query(`ALTER TABLE \`assessment_policy\` ADD \`weightTimeliness\` double NOT NULL DEFAULT '0'`);
    await queryRunner.query(`ALTER TABLE \`assessment_policy\` ADD \`weightInspection\` double NOT NULL DEFAULT '0'`);
    await queryRunner.query(`ALTER TABLE \`assessment_policy\` ADD \`weightDemocratic\` double NOT NULL DEFAULT '0'`);
    await queryRunner.query(`ALTER TABLE \`assessment_policy\` ADD \`tierPromote\` double NOT NULL DEFAULT '90'`);
    await queryRunner.query(`ALTER TABLE \`assessment_policy\` ADD \`tierUse\` double NOT NULL DEFAULT '75'`);
    await queryRunner.query(`ALTER TABLE \`assessment_policy\` ADD \`tierCaution\` double NOT NULL DEFAULT '60'`);
    await queryRunner.query(`ALTER TABLE \`assessment_policy\` ADD \`penaltyAdmonishment\` double NOT NULL DEFAULT '5'`);
    await queryRunner.query(`ALTER TABLE \`assessment_policy\` ADD \`penaltyCriticism\` double NOT NULL DEFAULT '10'`);
    await queryRunner.query(`ALTER TABLE \`assessment_policy\` ADD \`penaltyReassignment\` double NOT NULL DEFAULT '20'`);
    await queryRunner.query(`ALTER TABLE \`assessment_policy\` ADD \`openRectificationPenalty\` double NOT NULL DEFAULT '10'`);
    await queryRunner.query(`ALTER TABLE \`assessment_policy\` ADD \`voteExcellent\` double NOT NULL DEFAULT '100'`);
    await queryRunner.query(`ALTER TABLE \`assessment_policy\` ADD \`voteCompetent\` double NOT NULL DEFAULT '80'`);
    await queryRunner.query(`ALTER TABLE \`assessment_policy\` ADD \`voteBasicallyCompetent\` double NOT NULL DEFAULT '60'`);
    await queryRunner.query(`ALTER TABLE \`assessment_policy\` ADD \`voteIncompetent\` double NOT NULL DEFAULT '0'`);
    await queryRunner.query(`ALTER TABLE \`assessment_policy\` ADD \`incompetentVetoShare\` double NOT NULL DEFAULT '0'`);
    await queryRunner.query(`ALTER TABLE \`assessment_policy\` ADD \`consistencyNoiseTolerance\` double NOT NULL DEFAULT '0'`);
    await queryRunner.query(`ALTER TABLE \`assessment_policy\` ADD \`consistencySigma\` double NOT NULL DEFAULT '2'`);
    await queryRunner.query(`ALTER TABLE \`assessment_policy\` ADD \`consistencyReversals\` int NOT NULL DEFAULT '5'`);
    await queryRunner.query(`ALTER TABLE \`assessment_policy\` ADD \`consistencySameSideRun\` int NOT NULL DEFAULT '8'`);
    await queryRunner.query(`ALTER TABLE \`assessment_policy\` ADD \`consistencyMissedMonths\` int NOT NULL DEFAULT '3'`);
    await queryRunner.query(`ALTER TABLE \`assessment_policy\` ADD \`consistencyReportShare\` double NOT NULL DEFAULT '1'`);
    await queryRunner.query(`ALTER TABLE \`assessment_policy\` ADD \`consistencyBurstiness\` double NOT NULL DEFAULT '0'`);
    // TypeORM writes fractional defaults of double columns as integers on MariaDB ('0' for 0.4): policies saved
    // before this migration get the built-in values of DEFAULT_POLICY instead.
    await queryRunner.query(`UPDATE \`assessment_policy\` SET \`weightTarget\` = 0.4, \`weightTimeliness\` = 0.2, \`weightInspection\` = 0.15, \`weightDemocratic\` = 0.25, \`incompetentVetoShare\` = 0.3333333333333333, \`consistencyNoiseTolerance\` = 0.02, \`consistencyReportShare\` = 0.5`);
    await queryRunner.query(`ALTER TABLE \`accountability\` ADD CONSTRAINT \`FK_35047ae0bbec8436a7dfac72c02\` FOREIGN KEY (\`cadreId\`) REFERENCES \`cadre\`(\`id\`) ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE \`accountability\` ADD CONSTRAINT \`FK_ab8fcba8c35ff7e925a84f6c9b7\` FOREIGN KEY (\`targetId\`) REFERENCES \`target\`(\`id\`) ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE \`assessment\` ADD CONSTRAINT \`FK_02e98fda821cde8ed9d31b16d53\` FOREIGN KEY (\`cadreId\`) REFERENCES \`cadre\`(\`id\`) ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE \`democratic_evaluation\` ADD CONSTRAINT \`FK_45118c810b9f3519907922255b6\` FOREIGN KEY (\`cadreId\`) REFERENCES \`cadre\`(\`id\`) ON DELETE RESTRICT ON UPDATE NO ACTION`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE \`democratic_evaluation\` DROP FOREIGN KEY \`FK_45118c810b9f3519907922255b6\``);
    await queryRunner.query(`ALTER TABLE \`assessment\` DROP FOREIGN KEY \`FK_02e98fda821cde8ed9d31b16d53\``);
    await queryRunner.query(`ALTER TABLE \`accountability\` DROP FOREIGN KEY \`FK_ab8fcba8c35ff7e925a84f6c9b7\``);
    await queryRunner.query(`ALTER TABLE \`accountability\` DROP FOREIGN KEY \`FK_35047ae0bbec8436a7dfac72c02\``);
    await queryRunner.query(`ALTER TABLE \`assessment_policy\` DROP COLUMN \`consistencyBurstiness\``);
    await queryRunner.query(`ALTER TABLE \`assessment_policy\` DROP COLUMN \`consistencyReportShare\``);
    await queryRunner.query(`ALTER TABLE \`assessment_policy\` DROP COLUMN \`consistencyMissedMonths\``);
    await queryRunner.query(`ALTER TABLE \`assessment_policy\` DROP COLUMN \`consistencySameSideRun\``);
    await queryRunner.query(`ALTER TABLE \`assessment_policy\` DROP COLUMN \`consistencyReversals\``);
    await queryRunner.query(`ALTER TABLE \`assessment_policy\` DROP COLUMN \`consistencySigma\``);
    await queryRunner.query(`ALTER TABLE \`assessment_policy\` DROP COLUMN \`consistencyNoiseTolerance\``);
    await queryRunner.query(`ALTER TABLE \`assessment_policy\` DROP COLUMN \`incompetentVetoShare\``);
    await queryRunner.query(`ALTER TABLE \`assessment_policy\` DROP COLUMN \`voteIncompetent\``);
    await queryRunner.query(`ALTER TABLE \`assessment_policy\` DROP COLUMN \`voteBasicallyCompetent\``);
    await queryRunner.query(`ALTER TABLE \`assessment_policy\` DROP COLUMN \`voteCompetent\``);
    await queryRunner.query(`ALTER TABLE \`assessment_policy\` DROP COLUMN \`voteExcellent\``);
    await queryRunner.query(`ALTER TABLE \`assessment_policy\` DROP COLUMN \`openRectificationPenalty\``);
    await queryRunner.query(`ALTER TABLE \`assessment_policy\` DROP COLUMN \`penaltyReassignment\``);
    await queryRunner.query(`ALTER TABLE \`assessment_policy\` DROP COLUMN \`penaltyCriticism\``);
    await queryRunner.query(`ALTER TABLE \`assessment_policy\` DROP COLUMN \`penaltyAdmonishment\``);
    await queryRunner.query(`ALTER TABLE \`assessment_policy\` DROP COLUMN \`tierCaution\``);
    await queryRunner.query(`ALTER TABLE \`assessment_policy\` DROP COLUMN \`tierUse\``);
    await queryRunner.query(`ALTER TABLE \`assessment_policy\` DROP COLUMN \`tierPromote\``);
    await queryRunner.query(`ALTER TABLE \`assessment_policy\` DROP COLUMN \`weightDemocratic\``);
    await queryRunner.query(`ALTER TABLE \`assessment_policy\` DROP COLUMN \`weightInspection\``);
    await queryRunner.query(`ALTER TABLE \`assessment_policy\` DROP COLUMN \`weightTimeliness\``);
    await queryRunner.query(`ALTER TABLE \`assessment_policy\` DROP COLUMN \`weightTarget\``);
    await queryRunner.query(`DROP INDEX \`IDX_ae566f4a2412ef3f08ba36fb28\` ON \`democratic_evaluation\``);
    await queryRunner.query(`DROP INDEX \`IDX_f13c4b301392bd2df01a68e8d7\` ON \`democratic_evaluation\``);
    await queryRunner.query(`DROP INDEX \`IDX_bde32208ffc329323658b93ea9\` ON \`democratic_evaluation\``);
    await queryRunner.query(`DROP INDEX \`IDX_1f2ed3aeba10699840d53d1eeb\` ON \`democratic_evaluation\``);
    await queryRunner.query(`DROP TABLE \`democratic_evaluation\``);
    await queryRunner.query(`DROP INDEX \`IDX_7db57444fd326b3766b3c8c3bd\` ON \`assessment\``);
    await queryRunner.query(`DROP INDEX \`IDX_53bdabe8c839040c2de7468d19\` ON \`assessment\``);
    await queryRunner.query(`DROP INDEX \`IDX_5cbb07c8274499b14ffc75c627\` ON \`assessment\``);
    await queryRunner.query(`DROP INDEX \`IDX_a0428fa7057866fafa9b02d295\` ON \`assessment\``);
    await queryRunner.query(`DROP TABLE \`assessment\``);
    await queryRunner.query(`DROP INDEX \`IDX_6299cb6081883b69a132e85b3b\` ON \`accountability\``);
    await queryRunner.query(`DROP INDEX \`IDX_76ac51cfa6b05611a251469a0c\` ON \`accountability\``);
    await queryRunner.query(`DROP INDEX \`IDX_073ca378c97ba23158f21b557e\` ON \`accountability\``);
    await queryRunner.query(`DROP INDEX \`IDX_d2101bd252ab4bda34d886298e\` ON \`accountability\``);
    await queryRunner.query(`DROP INDEX \`IDX_ab8fcba8c35ff7e925a84f6c9b\` ON \`accountability\``);
    await queryRunner.query(`DROP TABLE \`accountability\``);
  }
}
