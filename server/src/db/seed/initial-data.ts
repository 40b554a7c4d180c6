import type { DataSource } from 'typeorm';
import { passwords } from '../../common/auth.js';
import { Role } from '../../common/scope.js';
import type { AppConfig } from '../../config.js';
import { Region } from '../../modules/hierarchy/region.entity.js';
import { User } from '../../modules/users/user.entity.js';
import { DEMO_PASSWORD, seedDemo } from './demo.js';

export interface InitialData {
  /** Demo usernames, when the database holds the demo data set. */
  demoLogins: string[];
  demoPassword: string | null;
}

/**
 * What an empty database gets at start: the demo data set (SEED=demo, or by default on
 * SQLite), or else a single `admin` user with ADMIN_PASSWORD.
 */
export async function prepareInitialData(db: DataSource, config: AppConfig): Promise<InitialData> {
  const users = await db.getRepository(User).count({ withDeleted: true });
  const regions = await db.getRepository(Region).count({ withDeleted: true });
  const sqlite = db.options.type === 'better-sqlite3';
  const wantDemo = config.seed === 'demo' || (config.seed === 'auto' && sqlite);

  if (wantDemo && users === 0 && regions === 0) {
    return { demoLogins: await seedDemo(db), demoPassword: DEMO_PASSWORD };
  }
  if (users === 0) {
    if (!config.adminPassword) {
      throw new Error('The database has no users: set ADMIN_PASSWORD to create the first admin, or SEED=demo for the demo data.');
    }
    await db.getRepository(User).insert({ username: 'admin', displayName: '系统管理员', role: Role.ADMIN, passwordHash: await passwords.hash(config.adminPassword) });
    return { demoLogins: [], demoPassword: null };
  }
  if (wantDemo) {
    const demoUsers = await db.getRepository(User).find({ order: { id: 'ASC' }, select: { username: true } });
    const names = demoUsers.map((u) => u.username);
    if (names.includes('region') && names.includes('county-540222')) return { demoLogins: names, demoPassword: DEMO_PASSWORD };
  }
  return { demoLogins: [], demoPassword: null };
}
