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


export class Security1796151191129 implements MigrationInterface {
  name = 'Security1796151191129';

  async up(queryRunner: QueryRunner): Promise<void> {
    await normalizeUsernames(queryRunner, '`user`');
    await queryRunner.query(`ALTER TABLE \`user\` MODIFY \`username\` varchar(64) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL`);
    await queryRunner.query(`CREATE TABLE \`login_throttle\` (\`key\` varchar(64) NOT NULL, \`kind\` varchar(8) NOT NULL, \`failures\` int NOT NULL DEFAULT '0', \`windowStart\` datetime(3) NOT NULL, \`blockedUntil\` datetime(3) NULL, \`inFlight\` int NOT NULL DEFAULT '0', \`leaseUntil\` datetime(3) NULL, \`lastSuccessAt\` datetime(3) NULL, \`updatedAt\` datetime(3) NOT NULL, INDEX \`IDX_152726914a6074c261a9d3eec4\` (\`updatedAt\`), PRIMARY KEY (\`key\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`user_session\` (\`id\` int NOT NULL AUTO_INCREMENT, \`tokenId\` varchar(64) NOT NULL, \`userId\` int NOT NULL, \`createdAt\` datetime(3) NOT NULL, \`expiresAt\` datetime(3) NOT NULL, \`revokedAt\` datetime(3) NULL, UNIQUE INDEX \`IDX_7932e9e4d77ac352d6689a1389\` (\`tokenId\`), INDEX \`IDX_b5eb7aa08382591e7c2d1244fe\` (\`userId\`), INDEX \`IDX_07353ae059e2669774d83f9dbb\` (\`expiresAt\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX \`IDX_07353ae059e2669774d83f9dbb\` ON \`user_session\``);
    await queryRunner.query(`DROP INDEX \`IDX_b5eb7aa08382591e7c2d1244fe\` ON \`user_session\``);
    await queryRunner.query(`DROP INDEX \`IDX_7932e9e4d77ac352d6689a1389\` ON \`user_session\``);
    await queryRunner.query(`DROP TABLE \`user_session\``);
    await queryRunner.query(`DROP INDEX \`IDX_152726914a6074c261a9d3eec4\` ON \`login_throttle\``);
    await queryRunner.query(`DROP TABLE \`login_throttle\``);
    await queryRunner.query(`ALTER TABLE \`user\` MODIFY \`username\` varchar(64) CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci NOT NULL`);
  }
}
