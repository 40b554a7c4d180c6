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
import { refreshTargetMetrics } from '../../modules/targets/target-metrics.js';
import { seedDemoTargets, type DemoCounty, type DemoUnit } from './demo-targets.js';
import { seedDemoAssessments } from './demo-assessment.js';
import { random, type Rng } from './random.js';

export const DEMO_PASSWORD = 'demo';


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
    const regionUnits: DemoUnit[] = [];
    const counties: (Omit<DemoCounty, 'userId'> & { userId?: number })[] = [];
    for (const unit of REGION_UNITS) {
      const id = await insertOne(db, Department, { regionId, countyId: null, name: unit.name, kind: unit.kind as DepartmentKind });
      cadres.push(...cadreRows(rng, id, unit.posts));
      regionUnits.push({ id, name: unit.name, kind: unit.kind as DepartmentKind, cadres: [] });
    }

    for (const c of COUNTIES) {
      const countyId = await insertOne(db, County, { regionId, name: c.name, nameTibetan: c.nameTibetan, code: c.code });
      const departments: DemoUnit[] = [];
      counties.push({ id: countyId, code: c.code, name: c.name, departments });
      for (const unit of COUNTY_UNITS) {
        const id = await insertOne(db, Department, { regionId, countyId, name: `${c.name}${unit.suffix}`, kind: unit.kind as DepartmentKind });
        cadres.push(...cadreRows(rng, id, unit.posts));
        departments.push({ id, name: `${c.name}${unit.suffix}`, kind: unit.kind as DepartmentKind, cadres: [] });
      }
      for (const township of c.townships) {
        const id = await insertOne(db, Department, { regionId, countyId, name: `${c.name}${township}`, kind: DepartmentKind.TOWNSHIP });
        cadres.push(...cadreRows(rng, id, TOWNSHIP_POSTS));
        departments.push({ id, name: `${c.name}${township}`, kind: DepartmentKind.TOWNSHIP, cadres: [] });
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

    // Targets, reports and supervision need the ids of what was just inserted.
    const units = new Map([...regionUnits, ...counties.flatMap((c) => c.departments)].map((u) => [u.id, u]));
    const inserted = await db.find(Cadre, { select: { id: true, departmentId: true, position: true, status: true }, order: { id: 'ASC' } });
    for (const cadre of inserted) units.get(cadre.departmentId)?.cadres.push({ id: cadre.id, position: cadre.position, status: cadre.status });
    const users = await db.find(User, { select: { id: true, username: true, countyId: true } });
    const userId = (username: string) => users.find((u) => u.username === username)!.id;
    for (const c of counties) c.userId = userId(`county-${c.code}`);
    await seedDemoTargets(db, { regionId, regionUserId: userId('region'), regionUnits, counties: counties as DemoCounty[] });
    await refreshTargetMetrics(db);
  });
  // Assessments are computed as the API computes them, over the data committed above.
  await seedDemoAssessments(dataSource);
  return userRows.map((u) => u.username!);
}
