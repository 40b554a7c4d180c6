/**
 * The analyst workbench (GraphiQL bundled into the console) and the supervision desk: as
 * `analyst`, run the default query and a saved example with the analyst's own token and
 * export the result table to XLSX (read back with exceljs) and CSV; as `region`, issue a
 * suggested notice from the desk and find it over the API.
 */
import { readFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startConsole, type ConsoleHarness } from './browser.js';

let harness: ConsoleHarness;
beforeAll(async () => {
  harness = await startConsole();
});
afterAll(async () => {
  await harness?.close();
});

describe('analyst workbench', () => {
  it('runs a saved example with the analyst token and exports the table to XLSX and CSV', async () => {
    const analyst = await harness.open('analyst');
    const { page } = analyst;
    await page.getByRole('menuitem', { name: '分析工作台' }).click();
    await page.locator('.graphiql-container').waitFor();
    // The schema is introspected with the user's token: the docs explorer lists the query type.
    await page.locator('.graphiql-query-editor .monaco-editor').waitFor();
    await page.getByTestId('workbench-table-info').getByText('从左侧打开一个示例查询').waitFor();

    // The default query asks who we are: the server answers as the analyst.
    await page.locator('.graphiql-execute-button').click();
    await page.locator('.graphiql-response').getByText('"role": "ANALYST"').waitFor();
    await page.locator('.graphiql-response').getByText('"username": "analyst"').waitFor();

    // A saved example, opened from the list and run.
    await page.locator('[data-example="scoreboard-2026"]').click();
    await page.locator('.graphiql-query-editor').getByText('Scoreboard2026').waitFor();
    await page.locator('.graphiql-execute-button').click();
    const info = page.getByTestId('workbench-table-info');
    await info.getByText(/data\.scoreboard\.entries：18 行/).waitFor();
    await page.locator('.graphiql-response').getByText('"unitName"').first().waitFor();

    // The same example over the API with the analyst's token gives the same rows.
    const text = await readFile('schema/examples/scoreboard-2026.graphql', 'utf8');
    const { scoreboard } = await harness.server.ok(text, {}, { token: await harness.server.token('analyst') });
    expect(scoreboard.entries).toHaveLength(18);

    const [xlsxDownload] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-xlsx').click()]);
    expect(xlsxDownload.suggestedFilename()).toMatch(/^Scoreboard2026-\d+\.xlsx$/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await readFile((await xlsxDownload.path())!));
    const sheet = workbook.worksheets[0];
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    expect(header).toEqual(Object.keys(scoreboard.entries[0]));
    expect(sheet.rowCount).toBe(1 + 18);
    const names = sheet.getColumn(header.indexOf('unitName') + 1).values.slice(2);
    expect(names).toEqual(scoreboard.entries.map((e: any) => e.unitName));
    const ranks = sheet.getColumn(header.indexOf('rank') + 1).values.slice(2);
    expect(ranks).toEqual(scoreboard.entries.map((e: any) => e.rank));

    const [csvDownload] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-csv').click()]);
    expect(csvDownload.suggestedFilename()).toMatch(/^Scoreboard2026-\d+\.csv$/);
    const csv = await readFile((await csvDownload.path())!, 'utf8');
    expect(csv.startsWith('\ufeff')).toBe(true);
    const lines = csv.replace(/^\ufeff/, '').trim().split(/\r?\n/);
    expect(lines[0]).toBe(header.join(','));
    expect(lines).toHaveLength(1 + 18);
    expect(csv).toContain('江孜县');

    // Every saved example is listed.
    const { readdir } = await import('node:fs/promises');
    const files = (await readdir('schema/examples')).filter((f) => f.endsWith('.graphql'));
    expect(await page.locator('[data-example]').count()).toBe(files.length);

    await page.mouse.move(900, 10);
    expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
    await analyst.screenshot('workbench');

    // Schema docs from introspection with the analyst's token.
    await page.locator('.graphiql-sidebar button[aria-label="Show Documentation Explorer"]').click();
    const docs = page.locator('.graphiql-doc-explorer');
    await docs.getByRole('link', { name: 'Query' }).first().click();
    await docs.getByText('suggestedNotices').first().waitFor();
    // Completion from the same schema.
    await page.locator('.graphiql-query-editor .monaco-editor').click();
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.type('{ scoreb');
    await page.keyboard.press('Control+Space');
    await page.locator('.suggest-widget').getByText('scoreboard').first().waitFor();
    await analyst.expectClean();
    await analyst.close();
  });

  it('is not offered to a county user', async () => {
    const county = await harness.open('county-540222');
    expect(await county.page.getByRole('menuitem', { name: '分析工作台' }).count()).toBe(0);
    await county.goto('/workbench');
    await county.page.getByText('分析工作台仅对管理员、地区用户和分析人员开放').waitFor();
    await county.expectClean();
    await county.close();
  });
});

describe('supervision desk', () => {
  it('issues a suggested notice in one click after confirmation; lists overdue notices and rectifications', async () => {
    const region = await harness.open('region');
    const { page } = region;
    await page.getByRole('menuitem', { name: '督办台' }).click();
    const row = page.getByTestId('suggested-notice').first();
    await row.waitFor();
    await page.getByTestId('desk-overdue-notices-count').waitFor();
    await page.getByTestId('desk-overdue-rectifications-count').waitFor();
    const token = await harness.server.token('region');

    // The desk's lists are the API's.
    const api = await harness.server.ok(
      `{ suggestedNotices { level target { id } }
         supervisionNotices(filter: { overdue: { eq: true } }) { total }
         inspections(filter: { rectificationOverdue: { eq: true } }) { total } }`,
      {},
      { token },
    );
    expect(await page.getByTestId('suggested-notice').count()).toBe(api.suggestedNotices.length);
    expect(await page.getByTestId('desk-overdue-notices-count').innerText()).toBe(String(api.supervisionNotices.total));
    expect(await page.getByTestId('desk-overdue-rectifications-count').innerText()).toBe(String(api.inspections.total));
    expect(api.inspections.total).toBeGreaterThan(0);
    expect(await page.getByTestId('overdue-rectification').count()).toBe(Math.min(100, api.inspections.total));
    expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
    await region.screenshot('supervision-desk', { fullPage: true });

    const targetId = (await row.getAttribute('data-target-id'))!;
    const level = (await row.getAttribute('data-level'))!;
    expect(api.suggestedNotices[0]).toEqual({ level, target: { id: targetId } });
    const reason = await row.locator('td').nth(5).innerText();
    await row.getByRole('button', { name: /下发/ }).click();
    const dialog = page.getByTestId('issue-dialog');
    await dialog.waitFor();
    const content = await dialog.getByTestId('issue-content').inputValue();
    expect(content).toContain(reason.trim());
    await dialog.getByRole('button', { name: '确认' }).click();
    await page.getByText(/^已下发/).waitFor();
    await dialog.waitFor({ state: 'detached' });

    const { supervisionNotices } = await harness.server.ok(
      'query($t: ID!) { supervisionNotices(filter: { targetId: { eq: $t } }, orderBy: [{ field: ID, direction: DESC }], limit: 1) { items { level content respondedOn } } }',
      { t: targetId },
      { token },
    );
    expect(supervisionNotices.items[0]).toEqual({ level, content, respondedOn: null });
    // The target now waits for its answer: the ladder suggests nothing more for it today.
    const after = await harness.server.ok('{ suggestedNotices { level target { id } } }', {}, { token });
    expect(after.suggestedNotices.find((s: any) => s.target.id === targetId)?.level ?? null).not.toBe(level);
    await region.expectClean();
    await region.close();
  });

  it('is not offered to an analyst', async () => {
    const analyst = await harness.open('analyst');
    expect(await analyst.page.getByRole('menuitem', { name: '督办台' }).count()).toBe(0);
    await analyst.goto('/supervision-desk');
    await analyst.page.getByText('督办台仅对管理员和地区用户开放').waitFor();
    await analyst.expectClean();
    await analyst.close();
  });
});

describe('in English', () => {
  it('shows the desk and the workbench translated', async () => {
    const region = await harness.open('region');
    const { page } = region;
    await page.getByRole('button', { name: /中文|English/ }).first().click();
    await page.getByRole('menuitem', { name: 'English' }).click();
    await page.getByRole('menuitem', { name: 'Supervision desk' }).click();
    await page.getByText('Suggested notices').waitFor();
    await page.getByText('Rectifications past their deadline').waitFor();
    await page.getByTestId('suggested-notice').first().getByRole('button', { name: /^Issue / }).waitFor();
    await region.expectClean();
    await page.getByRole('menuitem', { name: 'Analyst workbench' }).click();
    await page.locator('.graphiql-query-editor .monaco-editor').waitFor();
    await page.getByText('Open an example on the left').waitFor();
    // The regional user's own examples come first.
    expect(await page.locator('[data-testid=workbench-examples] li').first().innerText()).toBe('Regional examples');
    await region.expectClean();
    await region.close();
  });
});
