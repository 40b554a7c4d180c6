/**
 * The console as the regional organization department uses it (user `region`), and as an
 * analyst: every screen renders in Chinese without a raw key or an error; records are
 * created and edited through the forms; a stale edit is refused with the conflict message
 * and leaves the stored row alone; a field error lands on its field; the language switch.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startConsole, waitForList, type ConsoleHarness, type ConsolePage } from './browser.js';

const LIST_SCREENS = [
  'directives', 'targets', 'progressReports', 'inspections', 'supervisionNotices', 'bulletins', 'fieldResearches',
  'publicFeedbacks', 'regions', 'counties', 'departments', 'cadres', 'users', 'assessmentPolicies', 'auditEvents',
  'assessments', 'democraticEvaluations', 'accountabilities',
];

let harness: ConsoleHarness;
let region: ConsolePage;

beforeAll(async () => {
  harness = await startConsole();
  region = await harness.open('region');
});
afterAll(async () => {
  await harness?.close();
});

describe('console as REGIONAL', () => {
  it('opens on the dashboard in Chinese with the KPI figures of the API', async () => {
    const token = await harness.server.token('region');
    const { targetStats } = await harness.server.ok('{ targetStats(filter: { isLeaf: { eq: true } }) { count red } }', {}, { token });
    await expect.poll(() => region.page.locator('[data-kpi=count]').innerText()).toBe(String(targetStats[0].count));
    expect(await region.page.locator('[data-kpi=red]').innerText()).toBe(String(targetStats[0].red));
    await expect.poll(() => region.page.locator('body').innerText()).toContain('工作台');
    await region.expectClean();
  });

  it('draws the dashboard charts with the figures of the API', async () => {
    const token = await harness.server.token('region');
    const year = String(new Date().getFullYear());
    const { scoreboard, targetStats } = await harness.server.ok(
      `{ scoreboard(period: "${year}", level: COUNTY) { entries { rank unitName scheduleScore } }
         targetStats(filter: { isLeaf: { eq: true } }, groupBy: [CATEGORY]) { category red yellow green } }`,
      {},
      { token },
    );
    const ranking = region.page.getByTestId('county-ranking').locator('[data-series]');
    await expect.poll(async () => JSON.parse((await ranking.getAttribute('data-series')) ?? '[]').length).toBe(18);
    const expected = [...scoreboard.entries].sort((a: any, b: any) => a.rank - b.rank).map((e: any) => ({ name: e.unitName, value: e.scheduleScore == null ? null : Math.round(e.scheduleScore * 1000) / 10 }));
    expect(JSON.parse((await ranking.getAttribute('data-series'))!)).toEqual(expected);
    const byCategory = region.page.getByTestId('warnings-by-category').locator('[data-series]');
    await expect.poll(async () => JSON.parse((await byCategory.getAttribute('data-series')) ?? '[]')).toEqual(targetStats);
    // Drawn: SVG bars, with the county names on the axis.
    expect(await region.page.getByTestId('county-ranking').locator('svg path').count()).toBeGreaterThan(18);
    expect(await region.page.getByTestId('county-ranking').locator('svg').innerHTML()).toContain('江孜县');
    await region.page.getByTestId('consistency').locator('svg').waitFor();
    await region.expectClean();
    await region.screenshot('dashboard', { fullPage: true });
  });

  it('renders every list screen with its rows, untranslated keys none, errors none', async () => {
    for (const resource of LIST_SCREENS) {
      await region.goto(`/${resource}`);
      await waitForList(region.page);
      await region.expectClean();
    }
    await region.goto('/recycle-bin');
    await region.page.getByText('回收站').first().waitFor();
    await region.expectClean();
  });

  it('filters targets by warning and county and sorts them, with a Show page and its history tab', async () => {
    await region.goto('/targets?filter=' + encodeURIComponent(JSON.stringify({ warning: ['RED'] })));
    await waitForList(region.page);
    const rows = region.page.locator('.RaDatagrid-table tbody tr');
    await expect.poll(() => rows.count()).toBeGreaterThan(0);
    await expect.poll(() => region.page.locator('.RaDatagrid-table tbody td.column-warning').allInnerTexts().then((t) => [...new Set(t)])).toEqual(['红灯']);
    await region.screenshot('targets-list');
    await rows.first().click();
    await region.page.getByRole('tab', { name: '留痕' }).waitFor();
    await region.expectClean();
    await region.screenshot('target-show');
  });

  it('shows a directive\'s target tree as of a chosen date, with the figures of the API', async () => {
    const token = await harness.server.token('region');
    const { targets } = await harness.server.ok('{ targets(filter: { parentId: { isNull: true }, directiveId: { isNull: false } }, limit: 1) { items { id directiveId } } }', {}, { token });
    const root = targets.items[0];
    const asOf = '2026-03-31';
    const { target } = await harness.server.ok(
      'query($id: ID!, $d: LocalDate!) { target(id: $id) { progress(asOf: $d) children(asOf: $d, limit: 500) { total items { id title } } } }',
      { id: root.id, d: asOf },
      { token },
    );
    await region.goto(`/directives/${root.directiveId}/tree`);
    const rootNode = region.page.locator(`[data-testid=tree-node][data-target-id="${root.id}"]`);
    await rootNode.waitFor();
    await region.page.getByLabel('统计日期').fill(asOf);
    await region.page.waitForLoadState('networkidle');
    const children = region.page.locator(`[data-testid=tree-node][data-target-id="${root.id}"] > [data-testid=tree-node]`);
    await expect.poll(() => children.count()).toBe(target.children.total);
    const percent = `${Math.round(target.progress * 1000) / 10}%`;
    await expect.poll(() => rootNode.locator('> div').first().innerText()).toContain(percent);
    await region.expectClean();
    await region.screenshot('target-tree');
  });

  it('creates a directive through the form and edits it; the history tab shows the change', async () => {
    await region.goto('/directives/create');
    await region.page.getByLabel('标题').fill('关于加强基层党组织建设的通知（测试）');
    await region.page.getByLabel('发文机关').fill('自治区党委组织部');
    await region.page.getByLabel('发文层级').click();
    await region.page.getByRole('option', { name: '自治区' }).click();
    await region.page.getByLabel('发文日期').fill('2026-03-01');
    await region.page.getByRole('button', { name: '保存' }).click();
    await region.page.getByRole('tab', { name: '留痕' }).waitFor();
    const id = region.page.url().match(/directives\/(\d+)\/show/)?.[1];
    expect(id).toBeTruthy();

    await region.goto(`/directives/${id}`);
    await region.page.getByLabel('文号').fill('藏组发〔2026〕99号');
    await region.page.getByRole('button', { name: '保存' }).click();
    await region.page.getByRole('tab', { name: '留痕' }).waitFor();
    const token = await harness.server.token('region');
    const { directive } = await harness.server.ok('query($id: ID!) { directive(id: $id) { title documentNumber issuerLevel version } }', { id }, { token });
    expect(directive).toEqual({ title: '关于加强基层党组织建设的通知（测试）', documentNumber: '藏组发〔2026〕99号', issuerLevel: 'AUTONOMOUS_REGION', version: 2 });

    await region.page.getByRole('tab', { name: '留痕' }).click();
    await expect.poll(() => region.page.locator('body').innerText()).toContain('藏组发〔2026〕99号');
    expect(await region.page.locator('body').innerText()).not.toContain('AUTONOMOUS_REGION'); // enum values translated
    await region.expectClean();
    await region.screenshot('history-tab');
  });

  it('a stale edit shows the conflict message naming the changed field and does not overwrite', async () => {
    const token = await harness.server.token('region');
    const { createDirective: d } = await harness.server.ok(
      'mutation { createDirective(input: { title: "冲突测试", issuer: "地委组织部", issuerLevel: PREFECTURE, issuedOn: "2026-02-01" }) { id version } }',
      {},
      { token },
    );
    await region.goto(`/directives/${d.id}`);
    await region.page.getByLabel('标题').waitFor();
    // Someone else saves first.
    await harness.server.ok('mutation($id: ID!, $v: Int!) { updateDirective(id: $id, input: { version: $v, title: "冲突测试（他人已改）" }) { id } }', { id: d.id, v: d.version }, { token });
    await region.page.getByLabel('主要内容').fill('我的修改');
    await region.page.getByRole('button', { name: '保存' }).click();
    const alert = region.page.getByTestId('conflict');
    await alert.waitFor();
    expect(await alert.innerText()).toContain('标题');
    // Still on the form, with what the user typed.
    expect(await region.page.getByLabel('主要内容').inputValue()).toBe('我的修改');
    await region.screenshot('conflict');
    const { directive } = await harness.server.ok('query($id: ID!) { directive(id: $id) { title summary version } }', { id: d.id }, { token });
    expect(directive).toEqual({ title: '冲突测试（他人已改）', summary: null, version: d.version + 1 });
  });

  it('a BAD_USER_INPUT error lands on the field it names', async () => {
    await region.goto('/counties/create');
    await region.page.getByLabel('区划代码').fill('12');
    await region.page.getByLabel(/^名称/).fill('测试县');
    await region.page.getByRole('button', { name: '保存' }).click();
    // The server's message, under the code input (react-admin wraps each input in .ra-input-<source>).
    await expect.poll(() => region.page.locator('.ra-input-code').innerText()).toContain('6 位行政区划代码');
    expect(await region.page.locator('.ra-input-name').innerText()).not.toContain('6 位');
    await region.screenshot('field-error');
    expect(await region.page.getByLabel(/^名称/).inputValue()).toBe('测试县');
    region.errors.length = 0; // the refused save is expected
  });

  it('exports the filtered list as CSV with Chinese headers', async () => {
    await region.goto('/counties');
    await waitForList(region.page);
    const [download] = await Promise.all([region.page.waitForEvent('download'), region.page.getByRole('button', { name: '导出' }).click()]);
    const { readFile } = await import('node:fs/promises');
    const csv = (await readFile((await download.path())!, 'utf8')).replace(/^\ufeff/, '');
    const lines = csv.trim().split(/\r?\n/);
    expect(lines[0]).toContain('区划代码');
    expect(lines[0]).toContain('名称');
    expect(lines.length).toBe(1 + 18);
    expect(csv).toContain('江孜县');
  });

  it('deletes a record, finds it in the recycle bin and restores it', async () => {
    const token = await harness.server.token('region');
    const { createDirective: d } = await harness.server.ok(
      'mutation { createDirective(input: { title: "回收站测试", issuer: "地委组织部", issuerLevel: PREFECTURE, issuedOn: "2026-02-01" }) { id } }',
      {},
      { token },
    );
    await region.goto(`/directives/${d.id}`);
    await region.page.getByRole('button', { name: '删除' }).click();
    await region.page.getByRole('dialog').getByRole('button', { name: '确认' }).click();
    await region.page.waitForURL(/\/directives$/);
    expect((await harness.server.ok('query($id: ID!) { directive(id: $id) { id } }', { id: d.id }, { token })).directive).toBeNull();

    await region.goto('/recycle-bin');
    await region.page.getByLabel('类别').click();
    await region.page.getByRole('option', { name: '上级部署' }).click();
    const row = region.page.getByRole('row', { name: /回收站测试/ });
    await row.waitFor();
    await region.screenshot('recycle-bin');
    await row.getByRole('button', { name: '恢复' }).click();
    await region.page.getByText('回收站中没有此类已删除的记录。').waitFor();
    expect((await harness.server.ok('query($id: ID!) { directive(id: $id) { id title } }', { id: d.id }, { token })).directive).toEqual({ id: d.id, title: '回收站测试' });
    await region.expectClean();
  });

  it('computes a cadre\'s assessment and shows how it was computed', async () => {
    await region.goto('/assessments/create');
    const cadre = region.page.getByRole('combobox', { name: '干部' });
    await cadre.click();
    await region.page.getByRole('listbox').waitFor();
    await region.page.waitForLoadState('networkidle');
    await region.page.getByRole('option').first().click();
    await region.page.getByLabel('考核期').fill('2026');
    await region.page.getByRole('button', { name: '保存' }).click();
    await region.page.waitForURL(/assessments\/\d+\/show/);
    await region.page.getByRole('tab', { name: '计算依据' }).click();
    await region.page.getByText('目标完成').first().waitFor();
    await region.expectClean();
    await region.screenshot('assessment');

    // Confirm it (it freezes), then the region's ranking of the period with its tier counts.
    const id = region.page.url().match(/assessments\/(\d+)\/show/)![1];
    await region.page.getByRole('button', { name: '确认（冻结）' }).click();
    const token = await harness.server.token('region');
    await expect.poll(async () => (await harness.server.ok('query($id: ID!) { assessment(id: $id) { status } }', { id }, { token })).assessment.status).toBe('CONFIRMED');
    await region.goto('/assessments');
    await region.page.getByRole('link', { name: '考核排名' }).click();
    const rows = region.page.getByTestId('assessment-ranking').locator('tbody tr');
    await expect.poll(() => rows.count()).toBeGreaterThan(0);
    const counts = await region.page.getByTestId('tier-counts').locator('[data-count]').evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-count'))));
    expect(counts.reduce((a, b) => a + b, 0)).toBe(await rows.count());
    await region.expectClean();
  });

  it('publishes last month\'s bulletin after confirming, and prints it as an official document to PDF', async () => {
    const now = new Date();
    const last = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1));
    const period = last.toISOString().slice(0, 7);
    const number = `日组通〔${last.getUTCFullYear()}〕${last.getUTCMonth() + 1}号`;
    await region.goto(`/bulletins/${period}/show`);
    await region.page.getByText('实时（未发布）').waitFor();
    await region.page.getByRole('button', { name: '发布' }).click();
    await region.page.getByRole('dialog').getByText('冻结').waitFor();
    await region.page.getByRole('dialog').getByRole('button', { name: '确认' }).click();
    await region.page.getByText('通报已发布').waitFor();
    const token = await harness.server.token('region');
    const { bulletin } = await harness.server.ok('query($p: String!) { bulletin(period: $p) { live publishedAt content { ranking { unitName } } } }', { p: period }, { token });
    expect(bulletin.live).toBe(false);

    await region.page.getByRole('link', { name: '打印版' }).click();
    const doc = region.page.getByTestId('bulletin-document');
    await doc.waitFor();
    const text = await doc.innerText();
    expect(text).toContain('中共日喀则市委组织部');
    expect(text).toContain(number);
    expect(text).toContain('全市目标任务推进情况的通报');
    expect(await region.page.getByTestId('bulletin-ranking').locator('tbody tr').count()).toBe(bulletin.content.ranking.length);
    await region.page.emulateMedia({ media: 'print' });
    await region.screenshot('bulletin-print', { fullPage: true });
    const pdf = await region.page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true });
    expect(pdf.subarray(0, 4).toString()).toBe('%PDF');
    expect(pdf.length).toBeGreaterThan(20_000);
    const { writeFile } = await import('node:fs/promises');
    await writeFile('docs/screenshots/bulletin.pdf', pdf);
    await region.page.emulateMedia({ media: 'screen' });
    await region.expectClean();

    // Withdrawn with a reason: the snapshot stays, marked withdrawn.
    await region.goto(`/bulletins/${period}/show`);
    await region.page.getByRole('button', { name: '撤回' }).click();
    await region.page.getByRole('dialog').getByLabel('撤回原因').fill('数据有误，更正后重新发布');
    await region.page.getByRole('dialog').getByRole('button', { name: '确认' }).click();
    await region.page.getByText('通报已撤回').waitFor();
    const after = await harness.server.ok('{ bulletins(includeWithdrawn: true) { period withdrawnAt withdrawalReason } }', {}, { token });
    expect(after.bulletins.find((b: any) => b.period === period)).toMatchObject({ withdrawalReason: '数据有误，更正后重新发布' });
    await region.expectClean();
  });

  it('a session the server no longer accepts goes back to the sign-in page', async () => {
    const page = (await harness.open('region')).page;
    await page.evaluate(() => {
      const session = JSON.parse(localStorage.getItem('luoshi.session')!);
      localStorage.setItem('luoshi.session', JSON.stringify({ ...session, token: 'not-a-token' }));
    });
    await page.goto(`${harness.server.url}/admin/targets`);
    await page.locator('input[name=username]').waitFor();
    expect(page.url()).toContain('/admin/login');
    await page.context().close();
  });

  it('switches to English and back; the choice is kept across a reload', async () => {
    await region.goto('/targets');
    await waitForList(region.page);
    await region.page.getByRole('button', { name: /中文|English/ }).first().click();
    await region.page.getByRole('menuitem', { name: 'English' }).click();
    await expect.poll(() => region.page.locator('body').innerText()).toContain('Targets');
    await region.page.reload();
    await waitForList(region.page);
    await expect.poll(() => region.page.locator('body').innerText()).toContain('Deadline');
    await region.expectClean();
    await region.screenshot('targets-english');
    await region.page.getByRole('button', { name: /English/ }).first().click();
    await region.page.getByRole('menuitem', { name: '中文' }).click();
    await expect.poll(() => region.page.locator('body').innerText()).toContain('完成时限');
  });
});

describe('console as ANALYST', () => {
  it('shows no create, edit or delete control anywhere, and reads the audit trail', async () => {
    const analyst = await harness.open('analyst');
    for (const resource of ['targets', 'directives', 'cadres', 'inspections', 'progressReports']) {
      await analyst.goto(`/${resource}`);
      await waitForList(analyst.page);
      expect(await analyst.page.getByRole('link', { name: '新建' }).count()).toBe(0);
      await analyst.page.locator('.RaDatagrid-table tbody tr').first().click();
      await analyst.page.locator('.RaShow-main, [class*=RaShow]').first().waitFor();
      await analyst.page.waitForLoadState('networkidle');
      expect(await analyst.page.getByRole('link', { name: '编辑' }).count()).toBe(0);
      expect(await analyst.page.getByRole('button', { name: '删除' }).count()).toBe(0);
      await analyst.expectClean();
    }
    // The audit trail is readable, as history of a record too, and still without write controls.
    await analyst.page.getByRole('tab', { name: '留痕' }).click();
    await analyst.page.waitForLoadState('networkidle');
    await analyst.goto('/auditEvents');
    await waitForList(analyst.page);
    expect(await analyst.page.getByRole('link', { name: '新建' }).count()).toBe(0);
    await analyst.expectClean();
    await analyst.close();
  });
});

describe('console as ADMIN', () => {
  it('creates an API key shown once that reads the analytics, and saves a new warning policy', async () => {
    const admin = await harness.open('admin');
    const menu = await admin.page.locator('.luoshi-menu').innerText();
    for (const item of ['用户', '接口密钥', '预警政策']) expect(menu).toContain(item);

    await admin.goto('/apiKeys/create');
    await admin.page.getByLabel('用途').fill('大屏展示');
    await admin.page.getByRole('button', { name: '保存' }).click();
    const shown = admin.page.getByTestId('new-api-key');
    await shown.waitFor();
    const key = (await shown.innerText()).trim();
    expect(key.length).toBeGreaterThan(20);
    await admin.screenshot('api-key-once');
    const answer = await harness.server.gql('{ scoreboard(period: "2026", level: COUNTY) { entries { rank } } }', {}, { token: key });
    expect(answer.errors).toBeUndefined();
    expect(answer.data.scoreboard.entries).toHaveLength(18);
    await admin.page.getByRole('button', { name: '关闭' }).click();
    await admin.page.waitForURL(/apiKeys\/\d+\/show/);
    expect(await admin.page.locator('body').innerText()).not.toContain(key);

    await admin.goto('/assessmentPolicies/create');
    const days = admin.page.getByLabel('督办单答复天数');
    await expect.poll(() => days.inputValue()).not.toBe('');
    await days.fill('10');
    await admin.page.getByLabel('调整原因').fill('边远县交通不便，延长答复期限');
    await admin.page.getByRole('button', { name: '保存' }).click();
    await admin.page.waitForURL(/assessmentPolicies$/);
    const token = await harness.server.token('admin');
    const { assessmentPolicy } = await harness.server.ok('{ assessmentPolicy { noticeResponseDays note } }', {}, { token });
    expect(assessmentPolicy).toEqual({ noticeResponseDays: 10, note: '边远县交通不便，延长答复期限' });
    await admin.expectClean();
    await admin.close();
  });
});
