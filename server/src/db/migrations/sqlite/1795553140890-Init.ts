import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Init1795553140890 implements MigrationInterface {
  name = 'Init1795553140890';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "audit_event" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "at" datetime(3) NOT NULL, "actorId" integer, "actorName" varchar(64) NOT NULL, "action" varchar CHECK( "action" IN ('CREATE','UPDATE','DELETE','RESTORE','LOGIN','LOGIN_FAILED','PUBLISH') ) NOT NULL, "entityType" varchar(64) NOT NULL, "entityId" integer, "regionId" integer, "countyId" integer, "changes" json, "requestId" varchar(64), "ip" varchar(64))`);
    await queryRunner.query(`CREATE INDEX "IDX_06d570d7d1b40fbc994b5955be" ON "audit_event" ("at") `);
    await queryRunner.query(`CREATE INDEX "IDX_556e33540535ba09ad51db1edb" ON "audit_event" ("regionId", "countyId") `);
    await queryRunner.query(`CREATE INDEX "IDX_78bae4feb9e9ea1f45d35369f6" ON "audit_event" ("actorName", "action", "at") `);
    await queryRunner.query(`CREATE INDEX "IDX_98117695956bc9ebd1fcb6d635" ON "audit_event" ("entityType", "entityId") `);
    await queryRunner.query(`CREATE TABLE "region" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "createdAt" datetime(6) NOT NULL DEFAULT (datetime('now')), "updatedAt" datetime(6) NOT NULL DEFAULT (datetime('now')), "version" integer NOT NULL DEFAULT (1), "deletedAt" datetime(6), "name" varchar(100) NOT NULL, "nameTibetan" varchar(191), "code" varchar(6) NOT NULL, CONSTRAINT "UQ_74f7723fdff738f92929c0056cb" UNIQUE ("code"))`);
    await queryRunner.query(`CREATE TABLE "county" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "createdAt" datetime(6) NOT NULL DEFAULT (datetime('now')), "updatedAt" datetime(6) NOT NULL DEFAULT (datetime('now')), "version" integer NOT NULL DEFAULT (1), "deletedAt" datetime(6), "regionId" integer NOT NULL, "name" varchar(100) NOT NULL, "nameTibetan" varchar(191), "code" varchar(6) NOT NULL, CONSTRAINT "UQ_7173be2c5b2ff6434042412edd1" UNIQUE ("code"))`);
    await queryRunner.query(`CREATE INDEX "IDX_199b65a919d481207a60c973e1" ON "county" ("regionId") `);
    await queryRunner.query(`CREATE TABLE "department" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "createdAt" datetime(6) NOT NULL DEFAULT (datetime('now')), "updatedAt" datetime(6) NOT NULL DEFAULT (datetime('now')), "version" integer NOT NULL DEFAULT (1), "deletedAt" datetime(6), "regionId" integer NOT NULL, "countyId" integer, "name" varchar(100) NOT NULL, "kind" varchar CHECK( "kind" IN ('PARTY','GOVERNMENT','INSTITUTION','TOWNSHIP','OTHER') ) NOT NULL)`);
    await queryRunner.query(`CREATE INDEX "IDX_aa1c27dc9833cc7b7846a65493" ON "department" ("regionId") `);
    await queryRunner.query(`CREATE INDEX "IDX_1facc3407df3cdd85ff218b106" ON "department" ("countyId") `);
    await queryRunner.query(`CREATE TABLE "cadre" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "createdAt" datetime(6) NOT NULL DEFAULT (datetime('now')), "updatedAt" datetime(6) NOT NULL DEFAULT (datetime('now')), "version" integer NOT NULL DEFAULT (1), "deletedAt" datetime(6), "departmentId" integer NOT NULL, "name" varchar(100) NOT NULL, "nameTibetan" varchar(191), "gender" varchar CHECK( "gender" IN ('MALE','FEMALE') ) NOT NULL, "ethnicity" varchar(20) NOT NULL, "birthDate" date, "position" varchar(100) NOT NULL, "rank" varchar(50) NOT NULL, "status" varchar CHECK( "status" IN ('ACTIVE','TRANSFERRED','RETIRED') ) NOT NULL DEFAULT ('ACTIVE'), "phone" varchar(30))`);
    await queryRunner.query(`CREATE INDEX "IDX_106daca99fd04b4d841897f2af" ON "cadre" ("departmentId") `);
    await queryRunner.query(`CREATE INDEX "IDX_57c88d9c8ae512a050b74d472a" ON "cadre" ("name") `);
    await queryRunner.query(`CREATE TABLE "user" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "createdAt" datetime(6) NOT NULL DEFAULT (datetime('now')), "updatedAt" datetime(6) NOT NULL DEFAULT (datetime('now')), "version" integer NOT NULL DEFAULT (1), "deletedAt" datetime(6), "username" varchar(64) NOT NULL, "displayName" varchar(100), "passwordHash" varchar(255) NOT NULL, "role" varchar CHECK( "role" IN ('ADMIN','REGIONAL','COUNTY','ANALYST') ) NOT NULL, "regionId" integer, "countyId" integer, "active" boolean NOT NULL DEFAULT (1), CONSTRAINT "UQ_78a916df40e02a9deb1c4b75edb" UNIQUE ("username"))`);
    await queryRunner.query(`DROP INDEX "IDX_199b65a919d481207a60c973e1"`);
    await queryRunner.query(`CREATE TABLE "temporary_county" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "createdAt" datetime(6) NOT NULL DEFAULT (datetime('now')), "updatedAt" datetime(6) NOT NULL DEFAULT (datetime('now')), "version" integer NOT NULL DEFAULT (1), "deletedAt" datetime(6), "regionId" integer NOT NULL, "name" varchar(100) NOT NULL, "nameTibetan" varchar(191), "code" varchar(6) NOT NULL, CONSTRAINT "UQ_7173be2c5b2ff6434042412edd1" UNIQUE ("code"), CONSTRAINT "FK_199b65a919d481207a60c973e19" FOREIGN KEY ("regionId") REFERENCES "region" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION)`);
    await queryRunner.query(`INSERT INTO "temporary_county"("id", "createdAt", "updatedAt", "version", "deletedAt", "regionId", "name", "nameTibetan", "code") SELECT "id", "createdAt", "updatedAt", "version", "deletedAt", "regionId", "name", "nameTibetan", "code" FROM "county"`);
    await queryRunner.query(`DROP TABLE "county"`);
    await queryRunner.query(`ALTER TABLE "temporary_county" RENAME TO "county"`);
    await queryRunner.query(`CREATE INDEX "IDX_199b65a919d481207a60c973e1" ON "county" ("regionId") `);
    await queryRunner.query(`DROP INDEX "IDX_aa1c27dc9833cc7b7846a65493"`);
    await queryRunner.query(`DROP INDEX "IDX_1facc3407df3cdd85ff218b106"`);
    await queryRunner.query(`CREATE TABLE "temporary_department" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "createdAt" datetime(6) NOT NULL DEFAULT (datetime('now')), "updatedAt" datetime(6) NOT NULL DEFAULT (datetime('now')), "version" integer NOT NULL DEFAULT (1), "deletedAt" datetime(6), "regionId" integer NOT NULL, "countyId" integer, "name" varchar(100) NOT NULL, "kind" varchar CHECK( "kind" IN ('PARTY','GOVERNMENT','INSTITUTION','TOWNSHIP','OTHER') ) NOT NULL, CONSTRAINT "FK_aa1c27dc9833cc7b7846a65493a" FOREIGN KEY ("regionId") REFERENCES "region" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION, CONSTRAINT "FK_1facc3407df3cdd85ff218b1061" FOREIGN KEY ("countyId") REFERENCES "county" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION)`);
    await queryRunner.query(`INSERT INTO "temporary_department"("id", "createdAt", "updatedAt", "version", "deletedAt", "regionId", "countyId", "name", "kind") SELECT "id", "createdAt", "updatedAt", "version", "deletedAt", "regionId", "countyId", "name", "kind" FROM "department"`);
    await queryRunner.query(`DROP TABLE "department"`);
    await queryRunner.query(`ALTER TABLE "temporary_department" RENAME TO "department"`);
    await queryRunner.query(`CREATE INDEX "IDX_aa1c27dc9833cc7b7846a65493" ON "department" ("regionId") `);
    await queryRunner.query(`CREATE INDEX "IDX_1facc3407df3cdd85ff218b106" ON "department" ("countyId") `);
    await queryRunner.query(`DROP INDEX "IDX_106daca99fd04b4d841897f2af"`);
    await queryRunner.query(`DROP INDEX "IDX_57c88d9c8ae512a050b74d472a"`);
    await queryRunner.query(`CREATE TABLE "temporary_cadre" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "createdAt" datetime(6) NOT NULL DEFAULT (datetime('now')), "updatedAt" datetime(6) NOT NULL DEFAULT (datetime('now')), "version" integer NOT NULL DEFAULT (1), "deletedAt" datetime(6), "departmentId" integer NOT NULL, "name" varchar(100) NOT NULL, "nameTibetan" varchar(191), "gender" varchar CHECK( "gender" IN ('MALE','FEMALE') ) NOT NULL, "ethnicity" varchar(20) NOT NULL, "birthDate" date, "position" varchar(100) NOT NULL, "rank" varchar(50) NOT NULL, "status" varchar CHECK( "status" IN ('ACTIVE','TRANSFERRED','RETIRED') ) NOT NULL DEFAULT ('ACTIVE'), "phone" varchar(30), CONSTRAINT "FK_106daca99fd04b4d841897f2af1" FOREIGN KEY ("departmentId") REFERENCES "department" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION)`);
    await queryRunner.query(`INSERT INTO "temporary_cadre"("id", "createdAt", "updatedAt", "version", "deletedAt", "departmentId", "name", "nameTibetan", "gender", "ethnicity", "birthDate", "position", "rank", "status", "phone") SELECT "id", "createdAt", "updatedAt", "version", "deletedAt", "departmentId", "name", "nameTibetan", "gender", "ethnicity", "birthDate", "position", "rank", "status", "phone" FROM "cadre"`);
    await queryRunner.query(`DROP TABLE "cadre"`);
    await queryRunner.query(`ALTER TABLE "temporary_cadre" RENAME TO "cadre"`);
    await queryRunner.query(`CREATE INDEX "IDX_106daca99fd04b4d841897f2af" ON "cadre" ("departmentId") `);
    await queryRunner.query(`CREATE INDEX "IDX_57c88d9c8ae512a050b74d472a" ON "cadre" ("name") `);
    await queryRunner.query(`CREATE TABLE "temporary_user" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "createdAt" datetime(6) NOT NULL DEFAULT (datetime('now')), "updatedAt" datetime(6) NOT NULL DEFAULT (datetime('now')), "version" integer NOT NULL DEFAULT (1), "deletedAt" datetime(6), "username" varchar(64) NOT NULL, "displayName" varchar(100), "passwordHash" varchar(255) NOT NULL, "role" varchar CHECK( "role" IN ('ADMIN','REGIONAL','COUNTY','ANALYST') ) NOT NULL, "regionId" integer, "countyId" integer, "active" boolean NOT NULL DEFAULT (1), CONSTRAINT "UQ_78a916df40e02a9deb1c4b75edb" UNIQUE ("username"), CONSTRAINT "FK_f1a2565b8f2580a146871cf1142" FOREIGN KEY ("regionId") REFERENCES "region" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION, CONSTRAINT "FK_4fa7e717948c05114afb6ac4a58" FOREIGN KEY ("countyId") REFERENCES "county" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION)`);
    await queryRunner.query(`INSERT INTO "temporary_user"("id", "createdAt", "updatedAt", "version", "deletedAt", "username", "displayName", "passwordHash", "role", "regionId", "countyId", "active") SELECT "id", "createdAt", "updatedAt", "version", "deletedAt", "username", "displayName", "passwordHash", "role", "regionId", "countyId", "active" FROM "user"`);
    await queryRunner.query(`DROP TABLE "user"`);
    await queryRunner.query(`ALTER TABLE "temporary_user" RENAME TO "user"`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "user" RENAME TO "temporary_user"`);
    await queryRunner.query(`CREATE TABLE "user" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "createdAt" datetime(6) NOT NULL DEFAULT (datetime('now')), "updatedAt" datetime(6) NOT NULL DEFAULT (datetime('now')), "version" integer NOT NULL DEFAULT (1), "deletedAt" datetime(6), "username" varchar(64) NOT NULL, "displayName" varchar(100), "passwordHash" varchar(255) NOT NULL, "role" varchar CHECK( "role" IN ('ADMIN','REGIONAL','COUNTY','ANALYST') ) NOT NULL, "regionId" integer, "countyId" integer, "active" boolean NOT NULL DEFAULT (1), CONSTRAINT "UQ_78a916df40e02a9deb1c4b75edb" UNIQUE ("username"))`);
    await queryRunner.query(`INSERT INTO "user"("id", "createdAt", "updatedAt", "version", "deletedAt", "username", "displayName", "passwordHash", "role", "regionId", "countyId", "active") SELECT "id", "createdAt", "updatedAt", "version", "deletedAt", "username", "displayName", "passwordHash", "role", "regionId", "countyId", "active" FROM "temporary_user"`);
    await queryRunner.query(`DROP TABLE "temporary_user"`);
    await queryRunner.query(`DROP INDEX "IDX_57c88d9c8ae512a050b74d472a"`);
    await queryRunner.query(`DROP INDEX "IDX_106daca99fd04b4d841897f2af"`);
    await queryRunner.query(`ALTER TABLE "cadre" RENAME TO "temporary_cadre"`);
    await queryRunner.query(`CREATE TABLE "cadre" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "createdAt" datetime(6) NOT NULL DEFAULT (datetime('now')), "updatedAt" datetime(6) NOT NULL DEFAULT (datetime('now')), "version" integer NOT NULL DEFAULT (1), "deletedAt" datetime(6), "departmentId" integer NOT NULL, "name" varchar(100) NOT NULL, "nameTibetan" varchar(191), "gender" varchar CHECK( "gender" IN ('MALE','FEMALE') ) NOT NULL, "ethnicity" varchar(20) NOT NULL, "birthDate" date, "position" varchar(100) NOT NULL, "rank" varchar(50) NOT NULL, "status" varchar CHECK( "status" IN ('ACTIVE','TRANSFERRED','RETIRED') ) NOT NULL DEFAULT ('ACTIVE'), "phone" varchar(30))`);
    await queryRunner.query(`INSERT INTO "cadre"("id", "createdAt", "updatedAt", "version", "deletedAt", "departmentId", "name", "nameTibetan", "gender", "ethnicity", "birthDate", "position", "rank", "status", "phone") SELECT "id", "createdAt", "updatedAt", "version", "deletedAt", "departmentId", "name", "nameTibetan", "gender", "ethnicity", "birthDate", "position", "rank", "status", "phone" FROM "temporary_cadre"`);
    await queryRunner.query(`DROP TABLE "temporary_cadre"`);
    await queryRunner.query(`CREATE INDEX "IDX_57c88d9c8ae512a050b74d472a" ON "cadre" ("name") `);
    await queryRunner.query(`CREATE INDEX "IDX_106daca99fd04b4d841897f2af" ON "cadre" ("departmentId") `);
    await queryRunner.query(`DROP INDEX "IDX_1facc3407df3cdd85ff218b106"`);
    await queryRunner.query(`DROP INDEX "IDX_aa1c27dc9833cc7b7846a65493"`);
    await queryRunner.query(`ALTER TABLE "department" RENAME TO "temporary_department"`);
    await queryRunner.query(`CREATE TABLE "department" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "createdAt" datetime(6) NOT NULL DEFAULT (datetime('now')), "updatedAt" datetime(6) NOT NULL DEFAULT (datetime('now')), "version" integer NOT NULL DEFAULT (1), "deletedAt" datetime(6), "regionId" integer NOT NULL, "countyId" integer, "name" varchar(100) NOT NULL, "kind" varchar CHECK( "kind" IN ('PARTY','GOVERNMENT','INSTITUTION','TOWNSHIP','OTHER') ) NOT NULL)`);
    await queryRunner.query(`INSERT INTO "department"("id", "createdAt", "updatedAt", "version", "deletedAt", "regionId", "countyId", "name", "kind") SELECT "id", "createdAt", "updatedAt", "version", "deletedAt", "regionId", "countyId", "name", "kind" FROM "temporary_department"`);
    await queryRunner.query(`DROP TABLE "temporary_department"`);
    await queryRunner.query(`CREATE INDEX "IDX_1facc3407df3cdd85ff218b106" ON "department" ("countyId") `);
    await queryRunner.query(`CREATE INDEX "IDX_aa1c27dc9833cc7b7846a65493" ON "department" ("regionId") `);
    await queryRunner.query(`DROP INDEX "IDX_199b65a919d481207a60c973e1"`);
    await queryRunner.query(`ALTER TABLE "county" RENAME TO "temporary_county"`);
    await queryRunner.query(`CREATE TABLE "county" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "createdAt" datetime(6) NOT NULL DEFAULT (datetime('now')), "updatedAt" datetime(6) NOT NULL DEFAULT (datetime('now')), "version" integer NOT NULL DEFAULT (1), "deletedAt" datetime(6), "regionId" integer NOT NULL, "name" varchar(100) NOT NULL, "nameTibetan" varchar(191), "code" varchar(6) NOT NULL, CONSTRAINT "UQ_7173be2c5b2ff6434042412edd1" UNIQUE ("code"))`);
    await queryRunner.query(`INSERT INTO "county"("id", "createdAt", "updatedAt", "version", "deletedAt", "regionId", "name", "nameTibetan", "code") SELECT "id", "createdAt", "updatedAt", "version", "deletedAt", "regionId", "name", "nameTibetan", "code" FROM "temporary_county"`);
    await queryRunner.query(`DROP TABLE "temporary_county"`);
    await queryRunner.query(`CREATE INDEX "IDX_199b65a919d481207a60c973e1" ON "county" ("regionId") `);
    await queryRunner.query(`DROP TABLE "user"`);
    await queryRunner.query(`DROP INDEX "IDX_57c88d9c8ae512a050b74d472a"`);
    await queryRunner.query(`DROP INDEX "IDX_106daca99fd04b4d841897f2af"`);
    await queryRunner.query(`DROP TABLE "cadre"`);
    await queryRunner.query(`DROP INDEX "IDX_1facc3407df3cdd85ff218b106"`);
    await queryRunner.query(`DROP INDEX "IDX_aa1c27dc9833cc7b7846a65493"`);
    await queryRunner.query(`DROP TABLE "department"`);
    await queryRunner.query(`DROP INDEX "IDX_199b65a919d481207a60c973e1"`);
    await queryRunner.query(`DROP TABLE "county"`);
    await queryRunner.query(`DROP TABLE "region"`);
    await queryRunner.query(`DROP INDEX "IDX_98117695956bc9ebd1fcb6d635"`);
    await queryRunner.query(`DROP INDEX "IDX_78bae4feb9e9ea1f45d35369f6"`);
    await queryRunner.query(`DROP INDEX "IDX_556e33540535ba09ad51db1edb"`);
    await queryRunner.query(`DROP INDEX "IDX_06d570d7d1b40fbc994b5955be"`);
    await queryRunner.query(`DROP TABLE "audit_event"`);
  }
}
