import type { MigrationInterface, QueryRunner } from 'typeorm';

export class TargetAdditive1795555681192 implements MigrationInterface {
  name = 'TargetAdditive1795555681192';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "IDX_ea83869bf5b24e6565bf353b0b"`);
    await queryRunner.query(`DROP INDEX "IDX_736f67fa5df992fd91f5dbf527"`);
    await queryRunner.query(`DROP INDEX "IDX_44126cd6ec56605bdbe8a706e7"`);
    await queryRunner.query(`DROP INDEX "IDX_00548d2430f692f40d8b29da4b"`);
    await queryRunner.query(`DROP INDEX "IDX_257ddbd019e611f00864ff7616"`);
    await queryRunner.query(`DROP INDEX "IDX_1e13a28aadaaa7e26af5e094d9"`);
    await queryRunner.query(`DROP INDEX "IDX_78eab856980a7f5019922fb446"`);
    await queryRunner.query(`DROP INDEX "IDX_0aa7a9178be4069ce7d621c027"`);
    await queryRunner.query(`DROP INDEX "IDX_0768082d2a89fe8d6bf0158444"`);
    await queryRunner.query(`DROP INDEX "IDX_f28cd5147fec30e5a916008c3c"`);
    await queryRunner.query(`CREATE TABLE "temporary_target" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "createdAt" datetime(6) NOT NULL DEFAULT (datetime('now')), "updatedAt" datetime(6) NOT NULL DEFAULT (datetime('now')), "version" integer NOT NULL DEFAULT (1), "deletedAt" datetime(6), "regionId" integer NOT NULL, "parentId" integer, "directiveId" integer, "rootId" integer NOT NULL DEFAULT (0), "path" varchar(191) NOT NULL DEFAULT (''), "share" double NOT NULL DEFAULT (1), "isLeaf" boolean NOT NULL DEFAULT (1), "title" varchar(200) NOT NULL, "description" text, "category" varchar CHECK( "category" IN ('PARTY_BUILDING','CADRE_TEAM','PERSONNEL_TALENT','CADRE_TRAINING','OTHER') ) NOT NULL, "kind" varchar CHECK( "kind" IN ('QUALITATIVE','QUANTITATIVE') ) NOT NULL, "unit" varchar(20), "baseline" double, "targetValue" double, "startDate" date NOT NULL, "deadline" date NOT NULL, "qualityStandard" text, "weight" double NOT NULL DEFAULT (1), "responsibleCountyId" integer, "responsibleDepartmentId" integer, "responsibleCadreId" integer, "countyId" integer, "additive" boolean NOT NULL DEFAULT (1), CONSTRAINT "FK_44126cd6ec56605bdbe8a706e79" FOREIGN KEY ("responsibleCadreId") REFERENCES "cadre" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION, CONSTRAINT "FK_00548d2430f692f40d8b29da4ba" FOREIGN KEY ("responsibleDepartmentId") REFERENCES "department" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION, CONSTRAINT "FK_257ddbd019e611f00864ff76169" FOREIGN KEY ("responsibleCountyId") REFERENCES "county" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION, CONSTRAINT "FK_0aa7a9178be4069ce7d621c0275" FOREIGN KEY ("directiveId") REFERENCES "directive" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION, CONSTRAINT "FK_0768082d2a89fe8d6bf01584444" FOREIGN KEY ("parentId") REFERENCES "target" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION, CONSTRAINT "FK_f28cd5147fec30e5a916008c3c8" FOREIGN KEY ("regionId") REFERENCES "region" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION)`);
    await queryRunner.query(`INSERT INTO "temporary_target"("id", "createdAt", "updatedAt", "version", "deletedAt", "regionId", "parentId", "directiveId", "rootId", "path", "share", "isLeaf", "title", "description", "category", "kind", "unit", "baseline", "targetValue", "startDate", "deadline", "qualityStandard", "weight", "responsibleCountyId", "responsibleDepartmentId", "responsibleCadreId", "countyId") SELECT "id", "createdAt", "updatedAt", "version", "deletedAt", "regionId", "parentId", "directiveId", "rootId", "path", "share", "isLeaf", "title", "description", "category", "kind", "unit", "baseline", "targetValue", "startDate", "deadline", "qualityStandard", "weight", "responsibleCountyId", "responsibleDepartmentId", "responsibleCadreId", "countyId" FROM "target"`);
    await queryRunner.query(`DROP TABLE "target"`);
    await queryRunner.query(`ALTER TABLE "temporary_target" RENAME TO "target"`);
    await queryRunner.query(`CREATE INDEX "IDX_ea83869bf5b24e6565bf353b0b" ON "target" ("rootId", "path") `);
    await queryRunner.query(`CREATE INDEX "IDX_736f67fa5df992fd91f5dbf527" ON "target" ("countyId") `);
    await queryRunner.query(`CREATE INDEX "IDX_44126cd6ec56605bdbe8a706e7" ON "target" ("responsibleCadreId") `);
    await queryRunner.query(`CREATE INDEX "IDX_00548d2430f692f40d8b29da4b" ON "target" ("responsibleDepartmentId") `);
    await queryRunner.query(`CREATE INDEX "IDX_257ddbd019e611f00864ff7616" ON "target" ("responsibleCountyId") `);
    await queryRunner.query(`CREATE INDEX "IDX_1e13a28aadaaa7e26af5e094d9" ON "target" ("deadline") `);
    await queryRunner.query(`CREATE INDEX "IDX_78eab856980a7f5019922fb446" ON "target" ("category") `);
    await queryRunner.query(`CREATE INDEX "IDX_0aa7a9178be4069ce7d621c027" ON "target" ("directiveId") `);
    await queryRunner.query(`CREATE INDEX "IDX_0768082d2a89fe8d6bf0158444" ON "target" ("parentId") `);
    await queryRunner.query(`CREATE INDEX "IDX_f28cd5147fec30e5a916008c3c" ON "target" ("regionId") `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "IDX_f28cd5147fec30e5a916008c3c"`);
    await queryRunner.query(`DROP INDEX "IDX_0768082d2a89fe8d6bf0158444"`);
    await queryRunner.query(`DROP INDEX "IDX_0aa7a9178be4069ce7d621c027"`);
    await queryRunner.query(`DROP INDEX "IDX_78eab856980a7f5019922fb446"`);
    await queryRunner.query(`DROP INDEX "IDX_1e13a28aadaaa7e26af5e094d9"`);
    await queryRunner.query(`DROP INDEX "IDX_257ddbd019e611f00864ff7616"`);
    await queryRunner.query(`DROP INDEX "IDX_00548d2430f692f40d8b29da4b"`);
    await queryRunner.query(`DROP INDEX "IDX_44126cd6ec56605bdbe8a706e7"`);
    await queryRunner.query(`DROP INDEX "IDX_736f67fa5df992fd91f5dbf527"`);
    await queryRunner.query(`DROP INDEX "IDX_ea83869bf5b24e6565bf353b0b"`);
    await queryRunner.query(`ALTER TABLE "target" RENAME TO "temporary_target"`);
    await queryRunner.query(`CREATE TABLE "target" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "createdAt" datetime(6) NOT NULL DEFAULT (datetime('now')), "updatedAt" datetime(6) NOT NULL DEFAULT (datetime('now')), "version" integer NOT NULL DEFAULT (1), "deletedAt" datetime(6), "regionId" integer NOT NULL, "parentId" integer, "directiveId" integer, "rootId" integer NOT NULL DEFAULT (0), "path" varchar(191) NOT NULL DEFAULT (''), "share" double NOT NULL DEFAULT (1), "isLeaf" boolean NOT NULL DEFAULT (1), "title" varchar(200) NOT NULL, "description" text, "category" varchar CHECK( "category" IN ('PARTY_BUILDING','CADRE_TEAM','PERSONNEL_TALENT','CADRE_TRAINING','OTHER') ) NOT NULL, "kind" varchar CHECK( "kind" IN ('QUALITATIVE','QUANTITATIVE') ) NOT NULL, "unit" varchar(20), "baseline" double, "targetValue" double, "startDate" date NOT NULL, "deadline" date NOT NULL, "qualityStandard" text, "weight" double NOT NULL DEFAULT (1), "responsibleCountyId" integer, "responsibleDepartmentId" integer, "responsibleCadreId" integer, "countyId" integer, CONSTRAINT "FK_44126cd6ec56605bdbe8a706e79" FOREIGN KEY ("responsibleCadreId") REFERENCES "cadre" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION, CONSTRAINT "FK_00548d2430f692f40d8b29da4ba" FOREIGN KEY ("responsibleDepartmentId") REFERENCES "department" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION, CONSTRAINT "FK_257ddbd019e611f00864ff76169" FOREIGN KEY ("responsibleCountyId") REFERENCES "county" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION, CONSTRAINT "FK_0aa7a9178be4069ce7d621c0275" FOREIGN KEY ("directiveId") REFERENCES "directive" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION, CONSTRAINT "FK_0768082d2a89fe8d6bf01584444" FOREIGN KEY ("parentId") REFERENCES "target" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION, CONSTRAINT "FK_f28cd5147fec30e5a916008c3c8" FOREIGN KEY ("regionId") REFERENCES "region" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION)`);
    await queryRunner.query(`INSERT INTO "target"("id", "createdAt", "updatedAt", "version", "deletedAt", "regionId", "parentId", "directiveId", "rootId", "path", "share", "isLeaf", "title", "description", "category", "kind", "unit", "baseline", "targetValue", "startDate", "deadline", "qualityStandard", "weight", "responsibleCountyId", "responsibleDepartmentId", "responsibleCadreId", "countyId") SELECT "id", "createdAt", "updatedAt", "version", "deletedAt", "regionId", "parentId", "directiveId", "rootId", "path", "share", "isLeaf", "title", "description", "category", "kind", "unit", "baseline", "targetValue", "startDate", "deadline", "qualityStandard", "weight", "responsibleCountyId", "responsibleDepartmentId", "responsibleCadreId", "countyId" FROM "temporary_target"`);
    await queryRunner.query(`DROP TABLE "temporary_target"`);
    await queryRunner.query(`CREATE INDEX "IDX_f28cd5147fec30e5a916008c3c" ON "target" ("regionId") `);
    await queryRunner.query(`CREATE INDEX "IDX_0768082d2a89fe8d6bf0158444" ON "target" ("parentId") `);
    await queryRunner.query(`CREATE INDEX "IDX_0aa7a9178be4069ce7d621c027" ON "target" ("directiveId") `);
    await queryRunner.query(`CREATE INDEX "IDX_78eab856980a7f5019922fb446" ON "target" ("category") `);
    await queryRunner.query(`CREATE INDEX "IDX_1e13a28aadaaa7e26af5e094d9" ON "target" ("deadline") `);
    await queryRunner.query(`CREATE INDEX "IDX_257ddbd019e611f00864ff7616" ON "target" ("responsibleCountyId") `);
    await queryRunner.query(`CREATE INDEX "IDX_00548d2430f692f40d8b29da4b" ON "target" ("responsibleDepartmentId") `);
    await queryRunner.query(`CREATE INDEX "IDX_44126cd6ec56605bdbe8a706e7" ON "target" ("responsibleCadreId") `);
    await queryRunner.query(`CREATE INDEX "IDX_736f67fa5df992fd91f5dbf527" ON "target" ("countyId") `);
    await queryRunner.query(`CREATE INDEX "IDX_ea83869bf5b24e6565bf353b0b" ON "target" ("rootId", "path") `);
  }
}
