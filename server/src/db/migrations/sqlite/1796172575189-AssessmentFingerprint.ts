import type { MigrationInterface, QueryRunner } from 'typeorm';

export class AssessmentFingerprint1796172575189 implements MigrationInterface {
  name = 'AssessmentFingerprint1796172575189';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "IDX_a70780332aa854b1c4c6be91bc"`);
    await queryRunner.query(`DROP INDEX "IDX_53bdabe8c839040c2de7468d19"`);
    await queryRunner.query(`DROP INDEX "IDX_5cbb07c8274499b14ffc75c627"`);
    await queryRunner.query(`DROP INDEX "IDX_a0428fa7057866fafa9b02d295"`);
    await queryRunner.query(`CREATE TABLE "temporary_assessment" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "createdAt" datetime(6) NOT NULL DEFAULT (datetime('now')), "updatedAt" datetime(6) NOT NULL DEFAULT (datetime('now')), "version" integer NOT NULL DEFAULT (1), "deletedAt" datetime(6), "cadreId" integer NOT NULL, "regionId" integer NOT NULL, "countyId" integer, "departmentId" integer NOT NULL, "period" varchar(10) NOT NULL, "asOf" date NOT NULL, "policyId" integer NOT NULL DEFAULT (0), "targetScore" double, "timelinessScore" double, "inspectionScore" double, "democraticScore" double, "penalty" double NOT NULL DEFAULT (0), "total" double NOT NULL, "computedTier" varchar CHECK( "computedTier" IN ('PROMOTE','USE','CAUTION','DO_NOT_USE') ) NOT NULL, "tierRule" varchar CHECK( "tierRule" IN ('THRESHOLD','REMOVAL','INCOMPETENT_VOTES') ) NOT NULL, "overrideTier" varchar CHECK( "overrideTier" IN ('PROMOTE','USE','CAUTION','DO_NOT_USE') ), "overrideReason" text, "overriddenById" integer, "status" varchar CHECK( "status" IN ('DRAFT','CONFIRMED') ) NOT NULL DEFAULT ('DRAFT'), "confirmedAt" datetime(6), "confirmedById" integer, "computedById" integer, "explanation" json NOT NULL, "fingerprint" varchar(32), CONSTRAINT "FK_02e98fda821cde8ed9d31b16d53" FOREIGN KEY ("cadreId") REFERENCES "cadre" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION)`);
    await queryRunner.query(`INSERT INTO "temporary_assessment"("id", "createdAt", "updatedAt", "version", "deletedAt", "cadreId", "regionId", "countyId", "departmentId", "period", "asOf", "policyId", "targetScore", "timelinessScore", "inspectionScore", "democraticScore", "penalty", "total", "computedTier", "tierRule", "overrideTier", "overrideReason", "overriddenById", "status", "confirmedAt", "confirmedById", "computedById", "explanation") SELECT "id", "createdAt", "updatedAt", "version", "deletedAt", "cadreId", "regionId", "countyId", "departmentId", "period", "asOf", "policyId", "targetScore", "timelinessScore", "inspectionScore", "democraticScore", "penalty", "total", "computedTier", "tierRule", "overrideTier", "overrideReason", "overriddenById", "status", "confirmedAt", "confirmedById", "computedById", "explanation" FROM "assessment"`);
    await queryRunner.query(`DROP TABLE "assessment"`);
    await queryRunner.query(`ALTER TABLE "temporary_assessment" RENAME TO "assessment"`);
    await queryRunner.query(`CREATE INDEX "IDX_a70780332aa854b1c4c6be91bc" ON "assessment" ("regionId", "period", "deletedAt", "cadreId", "status", "countyId", "departmentId", "computedTier", "overrideTier", "total") `);
    await queryRunner.query(`CREATE INDEX "IDX_53bdabe8c839040c2de7468d19" ON "assessment" ("cadreId", "period") `);
    await queryRunner.query(`CREATE INDEX "IDX_5cbb07c8274499b14ffc75c627" ON "assessment" ("departmentId") `);
    await queryRunner.query(`CREATE INDEX "IDX_a0428fa7057866fafa9b02d295" ON "assessment" ("countyId") `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "IDX_a0428fa7057866fafa9b02d295"`);
    await queryRunner.query(`DROP INDEX "IDX_5cbb07c8274499b14ffc75c627"`);
    await queryRunner.query(`DROP INDEX "IDX_53bdabe8c839040c2de7468d19"`);
    await queryRunner.query(`DROP INDEX "IDX_a70780332aa854b1c4c6be91bc"`);
    await queryRunner.query(`ALTER TABLE "assessment" RENAME TO "temporary_assessment"`);
    await queryRunner.query(`CREATE TABLE "assessment" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "createdAt" datetime(6) NOT NULL DEFAULT (datetime('now')), "updatedAt" datetime(6) NOT NULL DEFAULT (datetime('now')), "version" integer NOT NULL DEFAULT (1), "deletedAt" datetime(6), "cadreId" integer NOT NULL, "regionId" integer NOT NULL, "countyId" integer, "departmentId" integer NOT NULL, "period" varchar(10) NOT NULL, "asOf" date NOT NULL, "policyId" integer NOT NULL DEFAULT (0), "targetScore" double, "timelinessScore" double, "inspectionScore" double, "democraticScore" double, "penalty" double NOT NULL DEFAULT (0), "total" double NOT NULL, "computedTier" varchar CHECK( "computedTier" IN ('PROMOTE','USE','CAUTION','DO_NOT_USE') ) NOT NULL, "tierRule" varchar CHECK( "tierRule" IN ('THRESHOLD','REMOVAL','INCOMPETENT_VOTES') ) NOT NULL, "overrideTier" varchar CHECK( "overrideTier" IN ('PROMOTE','USE','CAUTION','DO_NOT_USE') ), "overrideReason" text, "overriddenById" integer, "status" varchar CHECK( "status" IN ('DRAFT','CONFIRMED') ) NOT NULL DEFAULT ('DRAFT'), "confirmedAt" datetime(6), "confirmedById" integer, "computedById" integer, "explanation" json NOT NULL, CONSTRAINT "FK_02e98fda821cde8ed9d31b16d53" FOREIGN KEY ("cadreId") REFERENCES "cadre" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION)`);
    await queryRunner.query(`INSERT INTO "assessment"("id", "createdAt", "updatedAt", "version", "deletedAt", "cadreId", "regionId", "countyId", "departmentId", "period", "asOf", "policyId", "targetScore", "timelinessScore", "inspectionScore", "democraticScore", "penalty", "total", "computedTier", "tierRule", "overrideTier", "overrideReason", "overriddenById", "status", "confirmedAt", "confirmedById", "computedById", "explanation") SELECT "id", "createdAt", "updatedAt", "version", "deletedAt", "cadreId", "regionId", "countyId", "departmentId", "period", "asOf", "policyId", "targetScore", "timelinessScore", "inspectionScore", "democraticScore", "penalty", "total", "computedTier", "tierRule", "overrideTier", "overrideReason", "overriddenById", "status", "confirmedAt", "confirmedById", "computedById", "explanation" FROM "temporary_assessment"`);
    await queryRunner.query(`DROP TABLE "temporary_assessment"`);
    await queryRunner.query(`CREATE INDEX "IDX_a0428fa7057866fafa9b02d295" ON "assessment" ("countyId") `);
    await queryRunner.query(`CREATE INDEX "IDX_5cbb07c8274499b14ffc75c627" ON "assessment" ("departmentId") `);
    await queryRunner.query(`CREATE INDEX "IDX_53bdabe8c839040c2de7468d19" ON "assessment" ("cadreId", "period") `);
    await queryRunner.query(`CREATE INDEX "IDX_a70780332aa854b1c4c6be91bc" ON "assessment" ("regionId", "period", "deletedAt", "cadreId", "status", "countyId", "departmentId", "computedTier", "overrideTier", "total") `);
  }
}
