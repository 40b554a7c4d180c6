import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codes, startServer, type TestServer } from '../helpers/server.js';

/** Logins, tokens, throttling and the gate in front of every operation. */
let server: TestServer;
let admin: string;

beforeAll(async () => {
  server = await startServer();
  admin = await server.token('admin');
});
afterAll(() => server?.close());

const LOGIN = 'mutation($u: String!, $p: String!) { login(username: $u, password: $p) { token expiresAt user { username role county { code } } } }';

describe('without a valid login', () => {
  it('answers UNAUTHENTICATED to every query and mutation but login', async () => {
    const { data } = await server.gql(
      '{ __schema { queryType { fields { name args { name defaultValue type { kind ofType { name } } } } } } }',
      {},
      { token: admin },
    );
    const queries: { name: string; args: { name: string; defaultValue: string | null; type: { kind: string; ofType: { name: string } | null } }[] }[] = data.__schema.queryType.fields;
    expect(queries.length).toBeGreaterThan(20);
    const sample: Record<string, string> = { ID: '"1"', String: '"2026"', LocalDate: '"2026-01-01"' };
    for (const q of queries) {
      const required = q.args.filter((a) => a.type.kind === 'NON_NULL' && a.defaultValue === null).map((a) => `${a.name}: ${sample[a.type.ofType!.name] ?? '"1"'}`);
      const args = required.length ? `(${required.join(', ')})` : '';
      const result = await server.gql(`{ ${q.name}${args} { __typename } }`);
      expect(codes(result), q.name).toEqual(['UNAUTHENTICATED']);
    }
    const mutation = await server.gql('mutation { deleteCounty(id: "1") }');
    expect(codes(mutation)).toEqual(['UNAUTHENTICATED']);
    expect(codes(await server.gql('{ __schema { types { name } } }'))).toEqual(['UNAUTHENTICATED']);
    expect(codes(await server.gql('{ __typename }'))).toEqual([]);
  });

  it('rejects a forged or malformed token with a message saying to log in again', async () => {
    const forged = await server.gql('{ me { id } }', {}, { token: `${admin.slice(0, -4)}AAAA`, lang: 'en' });
    expect(codes(forged)).toEqual(['UNAUTHENTICATED']);
    expect(forged.errors![0].message).toMatch(/log in again/);
    expect(codes(await server.gql('{ me { id } }', {}, { token: 'not-a-token' }))).toEqual(['UNAUTHENTICATED']);
  });
});

describe('login', () => {
  it('returns a token and the user; the token opens the API; the login is audited', async () => {
    const result = await server.ok(LOGIN, { u: 'county-540222', p: 'demo' });
    expect(result.login.user).toEqual({ username: 'county-540222', role: 'COUNTY', county: { code: '540222' } });
    expect(new Date(result.login.expiresAt).getTime()).toBeGreaterThan(Date.now());
    const me = await server.ok('{ me { username role } }', {}, { token: result.login.token });
    expect(me.me).toEqual({ username: 'county-540222', role: 'COUNTY' });
    const events = await server.ok('{ auditEvents(filter: { action: { eq: LOGIN }, actorName: { eq: "county-540222" } }) { total } }', {}, { token: admin });
    expect(events.auditEvents.total).toBeGreaterThanOrEqual(1);
  });

  it('never exposes the password hash', async () => {
    const { data } = await server.gql('{ __type(name: "User") { fields { name } } }', {}, { token: admin });
    const fields = data.__type.fields.map((f: { name: string }) => f.name);
    expect(fields).toContain('username');
    expect(fields.filter((f: string) => /password|hash/i.test(f))).toEqual([]);
  });

  it('refuses a wrong password the same way as an unknown user, and records both', async () => {
    const wrong = await server.gql(LOGIN, { u: 'region', p: 'wrong' });
    const unknown = await server.gql(LOGIN, { u: 'nobody', p: 'wrong' });
    expect(codes(wrong)).toEqual(['UNAUTHENTICATED']);
    expect(wrong.errors![0].message).toBe(unknown.errors![0].message);
    const events = await server.ok('{ auditEvents(filter: { action: { eq: LOGIN_FAILED } }) { items { actorName } } }', {}, { token: admin });
    expect(events.auditEvents.items.map((e: { actorName: string }) => e.actorName)).toEqual(expect.arrayContaining(['region', 'nobody']));
  });

  it('throttles parallel guesses too: one at a time per name and address, no more than 5 get through', async () => {
    const guesses = await Promise.all(Array.from({ length: 12 }, (_, i) => server.gql(LOGIN, { u: 'county-540235', p: `guess-${i}` })));
    const outcomes = guesses.flatMap(codes);
    const evaluated = outcomes.filter((c) => c === 'UNAUTHENTICATED').length;
    expect(evaluated).toBeGreaterThanOrEqual(1);
    expect(evaluated).toBeLessThanOrEqual(5);
    expect(outcomes.filter((c) => c === 'TOO_MANY_REQUESTS')).toHaveLength(12 - evaluated);
  });

  it('throttles a username after 5 failures, even with the right password, without locking others out', async () => {
    for (let i = 0; i < 5; i++) expect(codes(await server.gql(LOGIN, { u: 'county-540233', p: `bad-${i}` }))).toEqual(['UNAUTHENTICATED']);
    const blocked = await server.gql(LOGIN, { u: 'county-540233', p: 'demo' }, { lang: 'en' });
    expect(codes(blocked)).toEqual(['TOO_MANY_REQUESTS']);
    expect(blocked.errors![0].message).toMatch(/try again in \d+ seconds/);
    expect((await server.gql(LOGIN, { u: 'county-540234', p: 'demo' })).data?.login.user.username).toBe('county-540234');
  });

  it('stops honouring the token of a deactivated user', async () => {
    const token = (await server.ok(LOGIN, { u: 'county-540237', p: 'demo' })).login.token;
    const user = (await server.ok('{ users(filter: { username: { eq: "county-540237" } }) { items { id version } } }', {}, { token: admin })).users.items[0];
    await server.ok('mutation($id: ID!, $v: Int!) { updateUser(id: $id, input: { version: $v, active: false }) { active } }', { id: user.id, v: user.version }, { token: admin });
    expect(codes(await server.gql('{ counties { total } }', {}, { token }))).toEqual(['UNAUTHENTICATED']);
    expect(codes(await server.gql(LOGIN, { u: 'county-540237', p: 'demo' }))).toEqual(['UNAUTHENTICATED']);
  });

  it('lets a user change their own password with the current one', async () => {
    const token = await server.token('county-540236');
    const other = (await server.ok(LOGIN, { u: 'county-540236', p: 'demo' })).login.token;
    const short = await server.gql('mutation { changePassword(currentPassword: "demo", newPassword: "short") }', {}, { token });
    expect(short.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'newPassword' });
    expect(await server.ok('mutation { changePassword(currentPassword: "demo", newPassword: "雪域高原-2026") }', {}, { token })).toEqual({ changePassword: true });
    expect(codes(await server.gql(LOGIN, { u: 'county-540236', p: 'demo' }))).toEqual(['UNAUTHENTICATED']);
    expect((await server.ok(LOGIN, { u: 'county-540236', p: '雪域高原-2026' })).login.user.username).toBe('county-540236');
    // the user's other sessions end with the old password; the one that changed it goes on
    expect(codes(await server.gql('{ me { id } }', {}, { token: other }))).toEqual(['UNAUTHENTICATED']);
    expect(codes(await server.gql('{ me { id } }', {}, { token }))).toEqual([]);
  });
});

describe('user management', () => {
  it('is for ADMIN only; a COUNTY user needs a county, whose region it takes', async () => {
    const regional = await server.token('region');
    const county = (await server.ok('{ counties(filter: { code: { eq: "540222" } }) { items { id regionId } } }', {}, { token: admin })).counties.items[0];
    const input = { username: 'jiangzi-2', password: 'long-enough-1', role: 'COUNTY', countyId: county.id };
    const mutation = 'mutation($input: CreateUserInput!) { createUser(input: $input) { username role regionId countyId active } }';
    expect(codes(await server.gql(mutation, { input }, { token: regional }))).toEqual(['FORBIDDEN']);
    const missing = await server.gql(mutation, { input: { ...input, countyId: null } }, { token: admin });
    expect(missing.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'countyId' });
    const created = await server.ok(mutation, { input }, { token: admin });
    expect(created.createUser).toEqual({ username: 'jiangzi-2', role: 'COUNTY', regionId: county.regionId, countyId: county.id, active: true });
    const trail = await server.ok('{ auditEvents(filter: { entityType: { eq: "User" }, action: { eq: CREATE } }) { items { changes } } }', {}, { token: admin });
    expect(trail.auditEvents.items[0].changes.passwordHash).toEqual({ before: '[redacted]', after: '[redacted]' });
    expect((await server.ok(LOGIN, { u: 'jiangzi-2', p: 'long-enough-1' })).login.user.username).toBe('jiangzi-2');
  });
});
