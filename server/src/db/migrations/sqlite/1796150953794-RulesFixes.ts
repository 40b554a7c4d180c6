import type { MigrationInterface, QueryRunner } from 'typeorm';

export class RulesFixes1796150953794 implements MigrationInterface {
  name = 'RulesFixes1796150953794';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "IDX_a9e80380f4bf596a875c4a9a3a"`);
    await queryRunner.query(`CREATE TABLE "temporary_bulletin" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "regionId" integer NOT NULL, "period" varchar(10) NOT NULL, "publishedAt" datetime(6) NOT NULL, "publishedById" integer, "content" json NOT NULL, "activePeriod" varchar(10), "withdrawnAt" datetime(6), "withdrawnById" integer, "withdrawalReason" text)`);
    await queryRunner.query(`INSERT INTO "temporary_bulletin"("id", "regionId", "period", "publishedAt", "publishedById", "content") SELECT "id", "regionId", "period", "publishedAt", "publishedById", "content" FROM "bulletin"`);
    await queryRunner.query(`DROP TABLE "bulletin"`);
    await queryRunner.query(`ALTER TABLE "temporary_bulletin" RENAME TO "bulletin"`);
    await queryRunner.query(`DROP INDEX "IDX_405e47482a78905a1b64e50e79"`);
    await queryRunner.query(`CREATE TABLE "temporary_assessment_policy" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "createdAt" datetime(6) NOT NULL, "createdById" integer, "note" text, "redGap" double NOT NULL DEFAULT (0.3), "yellowGap" double NOT NULL DEFAULT (0.15), "yellowDaysLeft" integer NOT NULL DEFAULT (14), "yellowMinProgress" double NOT NULL DEFAULT (0.8), "noticeResponseDays" integer NOT NULL DEFAULT (7), "countSubmittedReports" boolean NOT NULL DEFAULT (0), "reviewOverdueDays" integer NOT NULL DEFAULT (7))`);
    await queryRunner.query(`INSERT INTO "temporary_assessment_policy"("id", "createdAt", "createdById", "note", "redGap", "yellowGap", "yellowDaysLeft", "yellowMinProgress", "noticeResponseDays") SELECT "id", "createdAt", "createdById", "note", "redGap", "yellowGap", "yellowDaysLeft", "yellowMinProgress", "noticeResponseDays" FROM "assessment_policy"`);
    await queryRunner.query(`DROP TABLE "assessment_policy"`);
    await queryRunner.query(`ALTER TABLE "temporary_assessment_policy" RENAME TO "assessment_policy"`);
    await queryRunner.query(`CREATE INDEX "IDX_405e47482a78905a1b64e50e79" ON "assessment_policy" ("createdAt") `);
    await queryRunner.query(`DROP INDEX "IDX_75fdbd8f8a3a2ce2eff5223045"`);
    await queryRunner.query(`DROP INDEX "IDX_599b372aeb6eca9297060af11c"`);
    await queryRunner.query(`DROP INDEX "IDX_01aefd34beaa258eb76ee54f45"`);
    await queryRunner.query(`CREATE TABLE "temporary_supervision_notice" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "createdAt" datetime(6) NOT NULL DEFAULT (datetime('now')), "updatedAt" datetime(6) NOT NULL DEFAULT (datetime('now')), "version" integer NOT NULL DEFAULT (1), "deletedAt" datetime(6), "targetId" integer NOT NULL, "regionId" integer NOT NULL, "countyId" integer, "level" varchar CHECK( "level" IN ('REMINDER','URGE','BLUE','YELLOW','RED') ) NOT NULL, "issuedOn" date NOT NULL, "dueOn" date NOT NULL, "content" text NOT NULL, "issuedById" integer, "response" text, "respondedOn" date, "respondedById" integer, "issueReason" text, CONSTRAINT "FK_01aefd34beaa258eb76ee54f457" FOREIGN KEY ("targetId") REFERENCES "target" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION)`);
    await queryRunner.query(`INSERT INTO "temporary_supervision_notice"("id", "createdAt", "updatedAt", "version", "deletedAt", "targetId", "regionId", "countyId", "level", "issuedOn", "dueOn", "content", "issuedById", "response", "respondedOn", "respondedById") SELECT "id", "createdAt", "updatedAt", "version", "deletedAt", "targetId", "regionId", "countyId", "level", "issuedOn", "dueOn", "content", "issuedById", "response", "respondedOn", "respondedById" FROM "supervision_notice"`);
    await queryRunner.query(`DROP TABLE "supervision_notice"`);
    await queryRunner.query(`ALTER TABLE "temporary_supervision_notice" RENAME TO "supervision_notice"`);
    await queryRunner.query(`CREATE INDEX "IDX_75fdbd8f8a3a2ce2eff5223045" ON "supervision_notice" ("countyId") `);
    await queryRunner.query(`CREATE INDEX "IDX_599b372aeb6eca9297060af11c" ON "supervision_notice" ("regionId") `);
    await queryRunner.query(`CREATE INDEX "IDX_01aefd34beaa258eb76ee54f45" ON "supervision_notice" ("targetId") `);
    await queryRunner.query(`UPDATE "bulletin" SET "activePeriod" = "period"`);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_f8a9dde0b9a74ea58bfe8a3135" ON "bulletin" ("regionId", "activePeriod") `);
    await queryRunner.query(`CREATE INDEX "IDX_a9e80380f4bf596a875c4a9a3a" ON "bulletin" ("regionId", "period") `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "IDX_a9e80380f4bf596a875c4a9a3a"`);
    await queryRunner.query(`DROP INDEX "IDX_f8a9dde0b9a74ea58bfe8a3135"`);
    await queryRunner.query(`DROP INDEX "IDX_01aefd34beaa258eb76ee54f45"`);
    await queryRunner.query(`DROP INDEX "IDX_599b372aeb6eca9297060af11c"`);
    await queryRunner.query(`DROP INDEX "IDX_75fdbd8f8a3a2ce2eff5223045"`);
    await queryRunner.query(`ALTER TABLE "supervision_notice" RENAME TO "temporary_supervision_notice"`);
    await queryRunner.query(`CREATE TABLE "supervision_notice" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "createdAt" datetime(6) NOT NULL DEFAULT (datetime('now')), "updatedAt" datetime(6) NOT NULL DEFAULT (datetime('now')), "version" integer NOT NULL DEFAULT (1), "deletedAt" datetime(6), "targetId" integer NOT NULL, "regionId" integer NOT NULL, "countyId" integer, "level" varchar CHECK( "level" IN ('REMINDER','URGE','BLUE','YELLOW','RED') ) NOT NULL, "issuedOn" date NOT NULL, "dueOn" date NOT NULL, "content" text NOT NULL, "issuedById" integer, "response" text, "respondedOn" date, "respondedById" integer, CONSTRAINT "FK_01aefd34beaa258eb76ee54f457" FOREIGN KEY ("targetId") REFERENCES "target" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION)`);
    await queryRunner.query(`INSERT INTO "supervision_notice"("id", "createdAt", "updatedAt", "version", "deletedAt", "targetId", "regionId", "countyId", "level", "issuedOn", "dueOn", "content", "issuedById", "response", "respondedOn", "respondedById") SELECT "id", "createdAt", "updatedAt", "version", "deletedAt", "targetId", "regionId", "countyId", "level", "issuedOn", "dueOn", "content", "issuedById", "response", "respondedOn", "respondedById" FROM "temporary_supervision_notice"`);
    await queryRunner.query(`DROP TABLE "temporary_supervision_notice"`);
    await queryRunner.query(`CREATE INDEX "IDX_01aefd34beaa258eb76ee54f45" ON "supervision_notice" ("targetId") `);
    await queryRunner.query(`CREATE INDEX "IDX_599b372aeb6eca9297060af11c" ON "supervision_notice" ("regionId") `);
    await queryRunner.query(`CREATE INDEX "IDX_75fdbd8f8a3a2ce2eff5223045" ON "supervision_notice" ("countyId") `);
    await queryRunner.query(`DROP INDEX "IDX_405e47482a78905a1b64e50e79"`);
    await queryRunner.query(`ALTER TABLE "assessment_policy" RENAME TO "temporary_assessment_policy"`);
    await queryRunner.query(`CREATE TABLE "assessment_policy" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "createdAt" datetime(6) NOT NULL, "createdById" integer, "note" text, "redGap" double NOT NULL DEFAULT (0.3), "yellowGap" double NOT NULL DEFAULT (0.15), "yellowDaysLeft" integer NOT NULL DEFAULT (14), "yellowMinProgress" double NOT NULL DEFAULT (0.8), "noticeResponseDays" integer NOT NULL DEFAULT (7))`);
    await queryRunner.query(`INSERT INTO "assessment_policy"("id", "createdAt", "createdById", "note", "redGap", "yellowGap", "yellowDaysLeft", "yellowMinProgress", "noticeResponseDays") SELECT "id", "createdAt", "createdById", "note", "redGap", "yellowGap", "yellowDaysLeft", "yellowMinProgress", "noticeResponseDays" FROM "temporary_assessment_policy"`);
    await queryRunner.query(`DROP TABLE "temporary_assessment_policy"`);
    await queryRunner.query(`CREATE INDEX "IDX_405e47482a78905a1b64e50e79" ON "assessment_policy" ("createdAt") `);
    await queryRunner.query(`ALTER TABLE "bulletin" RENAME TO "temporary_bulletin"`);
    await queryRunner.query(`CREATE TABLE "bulletin" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "regionId" integer NOT NULL, "period" varchar(10) NOT NULL, "publishedAt" datetime(6) NOT NULL, "publishedById" integer, "content" json NOT NULL)`);
    await queryRunner.query(`INSERT INTO "bulletin"("id", "regionId", "period", "publishedAt", "publishedById", "content") SELECT "id", "regionId", "period", "publishedAt", "publishedById", "content" FROM "temporary_bulletin"`);
    await queryRunner.query(`DROP TABLE "temporary_bulletin"`);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_a9e80380f4bf596a875c4a9a3a" ON "bulletin" ("regionId", "period") `);
  }
}
