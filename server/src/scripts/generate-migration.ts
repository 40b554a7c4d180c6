import 'reflect-metadata';
import { mkdirSync, writeFileSync } from 'node:fs';
import { DataSource } from 'typeorm';
import { ensureMysqlDatabase, parseMysqlUrl, dataSourceOptions } from '../db/data-source.js';

/**
 * Generates the next migration for one driver from the difference between the entities and
 * a database migrated to the latest migration (what `typeorm migration:generate` does):
 *
 *   DATABASE_URL=sqlite:/tmp/gen.sqlite  node dist/server/src/scripts/generate-migration.js Name
 *   DATABASE_URL=mariadb://root@127.0.0.1:3306/luoshi_gen node dist/server/src/scripts/generate-migration.js Name
 *
 * Use a throwaway database: it is migrated, compared, and left as it is.
 */
const name = process.argv[2];
const url = process.env.DATABASE_URL;
if (!name || !/^[A-Z][A-Za-z0-9]+$/.test(name) || !url) {
  console.error('usage: DATABASE_URL=… generate-migration.js MigrationName (PascalCase)');
  process.exit(2);
}
const sqlite = url.startsWith('sqlite:');
const mysqlType = sqlite ? undefined : await ensureMysqlDatabase(parseMysqlUrl(url));
const db = new DataSource(dataSourceOptions(url, { mysqlType }));
await db.initialize();
await db.runMigrations();
const sqlInMemory = await db.driver.createSchemaBuilder().log();
await db.destroy();
if (sqlInMemory.upQueries.length === 0) {
  console.log('No changes: the entities match the migrations.');
  process.exit(0);
}

const quote = (sql: string) => '`' + sql.replace(/\\/g, '\\\\').replace(/`/g, '\\`').replace(/\$\{/g, '\\${') + '`';
const lines = (queries: { query: string; parameters?: unknown[] }[]) =>
  queries.map((q) => `    await queryRunner.query(${quote(q.query)}${q.parameters?.length ? `, ${JSON.stringify(q.parameters)}` : ''});`).join('\n');
const timestamp = Date.now();
const folder = sqlite ? 'sqlite' : 'mysql';
const className = `${name}${timestamp}`;
const source = `import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ${className} implements MigrationInterface {
  name = '${className}';

  async up(queryRunner: QueryRunner): Promise<void> {
${lines(sqlInMemory.upQueries)}
  }

  async down(queryRunner: QueryRunner): Promise<void> {
${lines([...sqlInMemory.downQueries].reverse())}
  }
}
`;
const dir = `server/src/db/migrations/${folder}`;
mkdirSync(dir, { recursive: true });
const file = `${dir}/${timestamp}-${name}.ts`;
writeFileSync(file, source);
console.log(`wrote ${file}: add ${className} to server/src/db/migrations/index.ts`);
