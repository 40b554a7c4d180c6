/**
 * The console's data provider reads the committed schema by convention: every list type
 * becomes a resource with its verbs, and each react-admin call becomes the query docs/api.md
 * describes. No browser: the schema file and the query builder only.
 */
import { readFileSync } from 'node:fs';
import { buildSchema, introspectionFromSchema, print } from 'graphql';
import { describe, expect, it } from 'vitest';
import { buildQueryFactory } from '../../admin/src/dataProvider/buildQuery';
import { buildSchemaModel } from '../../admin/src/dataProvider/schema';

const model = buildSchemaModel(introspectionFromSchema(buildSchema(readFileSync('schema/schema.graphql', 'utf8'))).__schema);
const buildQuery = buildQueryFactory(() => model)();
const oneLine = (doc: any) => print(doc).replace(/\s+/g, ' ');

describe('schema model', () => {
  it('finds a resource for every list of the API, with its verbs', () => {
    const verbs = (name: string) => {
      const r = model.resources.get(name)!;
      return { type: r.typeName, one: r.one?.name, create: r.create?.name, update: r.update?.name, delete: r.delete?.name, restore: r.restore?.name, deleted: r.hasDeleted };
    };
    expect(verbs('targets')).toEqual({ type: 'Target', one: 'target', create: 'createTarget', update: 'updateTarget', delete: 'deleteTarget', restore: 'restoreTarget', deleted: true });
    expect(verbs('progressReports')).toMatchObject({ type: 'ProgressReport', create: 'submitProgressReport', update: 'updateProgressReport' });
    expect(verbs('supervisionNotices')).toMatchObject({ type: 'SupervisionNotice', create: 'issueSupervisionNotice' });
    expect(verbs('fieldResearches')).toMatchObject({ type: 'FieldResearch', one: 'fieldResearch', create: 'createFieldResearch' });
    expect(verbs('apiKeys')).toMatchObject({ type: 'ApiKey', create: 'createApiKey', update: undefined });
    expect(verbs('auditEvents')).toMatchObject({ type: 'AuditEvent', one: 'auditEvent', create: undefined, deleted: false });
    expect(verbs('assessmentPolicies')).toMatchObject({ type: 'AssessmentPolicy', update: 'updateAssessmentPolicy', create: undefined });
    expect(model.resources.get('bulletins')).toMatchObject({ typeName: 'BulletinView', listShape: 'array', key: 'period' });
    for (const name of ['regions', 'counties', 'departments', 'cadres', 'directives', 'inspections', 'publicFeedbacks', 'users']) {
      expect(model.resources.get(name)?.listShape, name).toBe('page');
    }
  });
});

describe('buildQuery', () => {
  it('getList: filter operators from react-admin filters, q over the text columns, orderBy, offset and limit', () => {
    const { query, variables } = buildQuery('GET_LIST', 'targets', {
      pagination: { page: 3, perPage: 25 },
      sort: { field: 'deadline', order: 'DESC' },
      filter: { q: '党建', warning: ['RED', 'YELLOW'], countyId: '3', deadline_gte: '2026-01-01', deadline_lte: '2026-12-31', isLeaf: 'true', nonsense: 1 },
      meta: { asOf: '2026-06-30' },
    });
    expect(variables).toEqual({
      asOf: '2026-06-30',
      filter: {
        or: [{ title: { contains: '党建' } }],
        warning: { in: ['RED', 'YELLOW'] },
        countyId: { eq: '3' },
        deadline: { gte: '2026-01-01', lte: '2026-12-31' },
        isLeaf: { eq: true },
      },
      offset: 50,
      limit: 25,
      orderBy: [{ field: 'DEADLINE', direction: 'DESC' }],
    });
    const text = oneLine(query);
    expect(text).toMatch(/data: targets\(.*\) \{ items \{ .* \} total \}/);
    // Computed fields are evaluated at the list's date too.
    expect(text).toContain('progress(asOf: $asOf)');
    expect(text).toContain('warning(asOf: $asOf)');
    for (const arg of ['asOf', 'filter', 'offset', 'limit', 'orderBy']) expect(text).toContain(`${arg}: $${arg}`);
  });

  it('getList of the recycle bin asks for deleted rows; an unknown sort field is not sent', () => {
    const { variables } = buildQuery('GET_LIST', 'cadres', { pagination: { page: 1, perPage: 10 }, sort: { field: 'phone', order: 'ASC' }, filter: {}, meta: { deleted: true } });
    expect(variables).toEqual({ deleted: true, filter: {}, offset: 0, limit: 10 });
  });

  it('getMany and getManyReference use the id filter and the relation id filter', () => {
    expect(buildQuery('GET_MANY', 'counties', { ids: ['1', '2'] }).variables).toEqual({ filter: { id: { in: ['1', '2'] } }, limit: 2 });
    const ref = buildQuery('GET_MANY_REFERENCE', 'auditEvents', {
      target: 'entityId', id: '7', filter: { entityType: 'Directive' }, pagination: { page: 1, perPage: 25 }, sort: { field: 'at', order: 'DESC' },
    });
    expect(ref.variables).toEqual({ filter: { entityType: { eq: 'Directive' }, entityId: { eq: '7' } }, offset: 0, limit: 25, orderBy: [{ field: 'AT', direction: 'DESC' }] });
  });

  it('update sends only what changed, with the version the user loaded', () => {
    const { query, variables } = buildQuery('UPDATE', 'directives', {
      id: '5',
      data: { id: '5', title: '新标题', summary: '', issuer: '地委', version: 3, createdAt: 'x' },
      previousData: { id: '5', title: '旧标题', summary: '摘要', issuer: '地委', version: 3 },
    });
    expect(variables).toEqual({ id: '5', input: { title: '新标题', summary: null, version: 3 } });
    expect(oneLine(query)).toContain('data: updateDirective(id: $id, input: $input)');
  });

  it('create maps to the domain verb and keeps only input fields; id lists become relations', () => {
    const { query, variables } = buildQuery('CREATE', 'progressReports', { data: { targetId: '9', narrative: '进展', percentComplete: 60, reportedOn: null, status: 'X' } });
    expect(variables).toEqual({ input: { targetId: '9', narrative: '进展', percentComplete: 60 } });
    expect(oneLine(query)).toContain('data: submitProgressReport(input: $input)');
    const research = buildQuery('GET_ONE', 'fieldResearches', { id: '1' });
    expect(oneLine(research.query)).toContain('targets { id }');
    expect(research.parseResponse({ data: { data: { id: '1', topic: 't', targets: [{ id: '4' }, { id: '5' }] } } }).data).toEqual({ id: '1', topic: 't', targetIds: ['4', '5'] });
  });

  it('a bulletin is read by its period', () => {
    const { variables, parseResponse } = buildQuery('GET_ONE', 'bulletins', { id: '2026-09' });
    expect(variables).toEqual({ period: '2026-09' });
    expect(parseResponse({ data: { data: { period: '2026-09', id: null, live: true } } }).data).toMatchObject({ id: '2026-09', live: true });
  });
});
