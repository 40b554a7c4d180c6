import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ConsistencyFacts1796163016058 implements MigrationInterface {
  name = 'ConsistencyFacts1796163016058';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "consistency_month" ("month" varchar(7) NOT NULL, "countyId" integer NOT NULL, "targets" integer NOT NULL, "shortfall" double, "due" integer NOT NULL, "reported" integer NOT NULL, "reports" integer NOT NULL, PRIMARY KEY ("month", "countyId"))`);
    await queryRunner.query(`CREATE TABLE "consistency_month_state" ("name" varchar(16) PRIMARY KEY NOT NULL, "generation" integer NOT NULL)`);
    await queryRunner.query(`INSERT INTO "consistency_month_state" ("name", "generation") VALUES ('facts', 0)`);
    // Today's figures of the targets that exist already are filled by StoredFiguresAlone, the last
    // migration that changes the tables that code writes.
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "consistency_month_state"`);
    await queryRunner.query(`DROP TABLE "consistency_month"`);
  }
}
