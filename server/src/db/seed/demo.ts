import type { DataSource, EntityManager } from 'typeorm';
import { passwords } from '../../common/auth.js';
import { Role } from '../../common/scope.js';
import { Cadre, CadreStatus, Gender } from '../../modules/hierarchy/cadre.entity.js';
import { County } from '../../modules/hierarchy/county.entity.js';
import { Department, DepartmentKind } from '../../modules/hierarchy/department.entity.js';
import { Region } from '../../modules/hierarchy/region.entity.js';
import { User } from '../../modules/users/user.entity.js';
import {
  COUNTIES,
  COUNTY_UNITS,
  FEMININE_ENDINGS,
  HAN_GIVEN_FEMALE,
  HAN_GIVEN_MALE,
  HAN_SURNAMES,
  REGION,
  REGION_UNITS,
  TIBETAN_NAME_PARTS,
  TOWNSHIP_POSTS,
} from './shigatse.js';

export const DEMO_PASSWORD = 'demo';

/** A small deterministic generator (mulberry32): the same demo data on every machine. */
function random(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    pick: <T>(list: readonly T[]) => list[Math.floor(next() * list.length)],
  };
}

type Rng = ReturnType<typeof random>;

function person(rng: Rng): Pick<Cadre, 'name' | 'nameTibetan' | 'gender' | 'ethnicity'> {
  if (rng.next() < 0.72) {
    const first = rng.pick(TIBETAN_NAME_PARTS);
    let second = rng.pick(TIBETAN_NAME_PARTS);
    while (second[0] === first[0]) second = rng.pick(TIBETAN_NAME_PARTS);
    const female = FEMININE_ENDINGS.has(second[0]);
    return { name: first[0] + second[0], nameTibetan: `${first[1]}་${second[1]}`, gender: female ? Gender.FEMALE : Gender.MALE, ethnicity: '藏族' };
  }
  const female = rng.next() < 0.4;
  const given = rng.pick(female ? HAN_GIVEN_FEMALE : HAN_GIVEN_MALE);
  return { name: rng.pick(HAN_SURNAMES) + given, nameTibetan: null, gender: female ? Gender.FEMALE : Gender.MALE, ethnicity: rng.next() < 0.93 ? '汉族' : '回族' };
}

function cadreRows(rng: Rng, departmentId: number, posts: [string, string][]): Partial<Cadre>[] {
  return posts.map(([position, rank]) => ({
    departmentId,
    ...person(rng),
    birthDate: `${rng.int(1966, 1998)}-${String(rng.int(1, 12)).padStart(2, '0')}-${String(rng.int(1, 28)).padStart(2, '0')}`,
    position,
    rank,
    status: rng.next() < 0.95 ? CadreStatus.ACTIVE : rng.pick([CadreStatus.TRANSFERRED, CadreStatus.RETIRED]),
    phone: `1${rng.pick(['38', '39', '58', '89'])}0892${String(rng.int(0, 9999)).padStart(4, '0')}`,
  }));
}

async function insertOne<T extends { id: number }>(db: EntityManager, entity: new () => T, values: Partial<T>): Promise<number> {
  const result = await db.insert(entity, values as never);
  return Number(result.identifiers[0].id);
}

async function insertMany<T>(db: EntityManager, entity: new () => T, rows: Partial<T>[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 200) await db.insert(entity, rows.slice(i, i + 200) as never);
}

/**
 * Loads the Shigatse demo data set: the region, its 18 counties, region-level and county
 * departments, ~400 cadres, and the demo users. Returns the demo usernames.
 */
export async function seedDemo(dataSource: DataSource): Promise<string[]> {
  const rng = random(540200);
  const hash = () => passwords.hash(DEMO_PASSWORD);
  const userRows: Partial<User>[] = [];

  await dataSource.transaction(async (db) => {
    const regionId = await insertOne(db, Region, REGION);

    const cadres: Partial<Cadre>[] = [];
    for (const unit of REGION_UNITS) {
      const id = await insertOne(db, Department, { regionId, countyId: null, name: unit.name, kind: unit.kind as DepartmentKind });
      cadres.push(...cadreRows(rng, id, unit.posts));
    }

    for (const c of COUNTIES) {
      const countyId = await insertOne(db, County, { regionId, name: c.name, nameTibetan: c.nameTibetan, code: c.code });
      for (const unit of COUNTY_UNITS) {
        const id = await insertOne(db, Department, { regionId, countyId, name: `${c.name}${unit.suffix}`, kind: unit.kind as DepartmentKind });
        cadres.push(...cadreRows(rng, id, unit.posts));
      }
      for (const township of c.townships) {
        const id = await insertOne(db, Department, { regionId, countyId, name: `${c.name}${township}`, kind: DepartmentKind.TOWNSHIP });
        cadres.push(...cadreRows(rng, id, TOWNSHIP_POSTS));
      }
      userRows.push({ username: `county-${c.code}`, displayName: `${c.name}委组织部`, role: Role.COUNTY, regionId, countyId });
    }
    await insertMany(db, Cadre, cadres);

    userRows.unshift(
      { username: 'admin', displayName: '系统管理员', role: Role.ADMIN, regionId },
      { username: 'region', displayName: '日喀则地委组织部', role: Role.REGIONAL, regionId },
      { username: 'analyst', displayName: '数据分析员', role: Role.ANALYST, regionId },
    );
    for (const user of userRows) user.passwordHash = await hash();
    await insertMany(db, User, userRows);
  });
  return userRows.map((u) => u.username!);
}
