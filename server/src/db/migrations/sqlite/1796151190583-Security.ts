import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Usernames are normalized from now on (NFKC, trimmed, lower case) and compared exactly.
 * Existing names are brought to that form; where two would become one, the later user keeps
 * its name with `-<id>` appended (printed, so that an administrator can tell them).
 */
async function normalizeUsernames(queryRunner: QueryRunner, table: string): Promise<void> {
  const rows: { id: number; username: string }[] = await queryRunner.query(`SELECT id, username FROM ${table} ORDER BY id`);
  const taken = new Set<string>();
  const renames: [number, string][] = [];
  for (const row of rows) {
    let name = row.username.normalize('NFKC').trim().toLowerCase().slice(0, 64);
    if (taken.has(name)) {
      name = `${name.slice(0, 50)}-${row.id}`;
      console.warn(`[migration] username "${row.username}" (user ${row.id}) normalizes to a name already taken; renamed to "${name}"`);
    }
    taken.add(name);
    if (name !== row.username) renames.push([row.id, name]);
  }
  // Two passes, so that a rename never meets the old spelling of another row in the unique index.
  for (const [id] of renames) await queryRunner.query(`UPDATE ${table} SET username = ? WHERE id = ?`, [`~renaming-${id}`, id]);
  for (const [id, name] of renames) await queryRunner.query(`UPDATE ${table} SET username = ? WHERE id = ?`, [name, id]);
}


export class Security1796151190583 implements MigrationInterface {
  name = 'Security1796151190583';

  async up(queryRunner: QueryRunner): Promise<void> {
    await normalizeUsernames(queryRunner, '"user"');
    await queryRunner.query(`CREATE TABLE "login_throttle" ("key" varchar(64) PRIMARY KEY NOT NULL, "kind" varchar(8) NOT NULL, "failures" integer NOT NULL DEFAULT (0), "windowStart" datetime(3) NOT NULL, "blockedUntil" datetime(3), "inFlight" integer NOT NULL DEFAULT (0), "leaseUntil" datetime(3), "lastSuccessAt" datetime(3), "updatedAt" datetime(3) NOT NULL)`);
    await queryRunner.query(`CREATE INDEX "IDX_152726914a6074c261a9d3eec4" ON "login_throttle" ("updatedAt") `);
    await queryRunner.query(`CREATE TABLE "user_session" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "tokenId" varchar(64) NOT NULL, "userId" integer NOT NULL, "createdAt" datetime(3) NOT NULL, "expiresAt" datetime(3) NOT NULL, "revokedAt" datetime(3))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_7932e9e4d77ac352d6689a1389" ON "user_session" ("tokenId") `);
    await queryRunner.query(`CREATE INDEX "IDX_b5eb7aa08382591e7c2d1244fe" ON "user_session" ("userId") `);
    await queryRunner.query(`CREATE INDEX "IDX_07353ae059e2669774d83f9dbb" ON "user_session" ("expiresAt") `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "IDX_07353ae059e2669774d83f9dbb"`);
    await queryRunner.query(`DROP INDEX "IDX_b5eb7aa08382591e7c2d1244fe"`);
    await queryRunner.query(`DROP INDEX "IDX_7932e9e4d77ac352d6689a1389"`);
    await queryRunner.query(`DROP TABLE "user_session"`);
    await queryRunner.query(`DROP INDEX "IDX_152726914a6074c261a9d3eec4"`);
    await queryRunner.query(`DROP TABLE "login_throttle"`);
  }
}
