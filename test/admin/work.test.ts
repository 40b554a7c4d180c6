/**
 * Daily work across roles: a county's staff report progress from a phone on 我的目标 (lagging
 * targets first), and the prefecture approves the report from the review queue.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PHONE, startConsole, type ConsoleHarness } from './browser.js';

let harness: ConsoleHarness;
beforeAll(async () => {
  harness = await startConsole();
});
afterAll(async () => {
  await harness?.close();
});

const SEVERITY: Record<string, number> = { 红灯: 0, 黄灯: 1, 绿灯: 2 };

describe('county reports, region reviews', () => {
  let targetId: string;
  const narrative = '完成村（居）“两委”补选两个村，手机报送。';

  it('a county user reports progress on a phone from 我的目标, lagging targets first', async () => {
    const phone = await harness.open('county-540222', { viewport: PHONE });
    await phone.goto('/my-targets');
    const cards = phone.page.getByTestId('my-target');
    await cards.first().waitFor();
    await phone.page.waitForLoadState('networkidle');
    const lights = await cards.locator('.MuiChip-label').allInnerTexts();
    expect(lights.length).toBeGreaterThan(3);
    const order = lights.map((l) => SEVERITY[l]);
    expect(order).toEqual([...order].sort((a, b) => a - b));
    expect(order[0]).toBeLessThan(2);
    await phone.screenshot('phone-my-targets');

    const first = cards.first();
    await first.getByRole('button', { name: '报送进展' }).click();
    const form = phone.page.locator('[data-testid^=quick-report-]');
    await form.waitFor();
    targetId = (await form.getAttribute('data-testid'))!.replace('quick-report-', '');
    await form.locator('input[type=number]').fill('2');
    await form.getByLabel('进展情况').fill(narrative);
    expect(await phone.page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
    await phone.screenshot('phone-quick-report');
    await form.getByRole('button', { name: '报送' }).click();
    await phone.page.getByText('进展已报送，待地区审核').waitFor();
    await phone.expectClean();
    await phone.close();

    const token = await harness.server.token('region');
    const { progressReports } = await harness.server.ok(
      'query($t: ID!) { progressReports(filter: { targetId: { eq: $t }, status: { eq: SUBMITTED } }, orderBy: [{ field: ID, direction: DESC }], limit: 1) { items { narrative } } }',
      { t: targetId },
      { token },
    );
    expect(progressReports.items[0].narrative).toBe(narrative);
  });

  it('the regional user approves it from the review queue with a note', async () => {
    const region = await harness.open('region');
    await region.goto('/review-queue?filter=' + encodeURIComponent(JSON.stringify({ targetId })));
    const row = region.page.getByRole('row', { name: new RegExp(narrative.slice(0, 8)) });
    await row.waitFor();
    await row.getByRole('checkbox').check();
    await region.page.getByRole('button', { name: '审核通过' }).waitFor();
    await region.page.waitForTimeout(500); // the bulk toolbar slides in
    await region.screenshot('review-queue');
    await region.page.getByRole('button', { name: '审核通过' }).click();
    await region.page.getByRole('dialog').getByLabel('审核意见').fill('同意。');
    await region.page.getByRole('dialog').getByRole('button', { name: '确认' }).click();
    await region.page.getByText(/已审核 1 份报告/).waitFor();
    await region.expectClean();
    const token = await harness.server.token('region');
    const { progressReports } = await harness.server.ok(
      'query($t: ID!) { progressReports(filter: { targetId: { eq: $t } }, orderBy: [{ field: ID, direction: DESC }], limit: 1) { items { narrative status reviewNote } } }',
      { t: targetId },
      { token },
    );
    expect(progressReports.items[0]).toEqual({ narrative, status: 'APPROVED', reviewNote: '同意。' });
    await region.close();
  });
});

describe('decomposition', () => {
  it('decomposes a target to all 18 counties with allocations pasted from a spreadsheet, the gap shown live', async () => {
    const token = await harness.server.token('region');
    const { createTarget } = await harness.server.ok(
      `mutation { createTarget(input: { title: "培训村（社区）党组织书记", kind: QUANTITATIVE, category: CADRE_TRAINING, unit: "人",
         targetValue: 1800, startDate: "2026-01-01", deadline: "2026-12-31" }) { id } }`,
      {},
      { token },
    );
    const { counties } = await harness.server.ok('{ counties(orderBy: [{ field: CODE }], limit: 100) { items { id name } } }', {}, { token });
    const region = await harness.open('region');
    await region.goto(`/targets/${createTarget.id}/decompose`);
    await region.page.getByRole('button', { name: '全部 18 个' }).click();
    await expect.poll(() => region.page.getByTestId('allocation-row').count()).toBe(18);
    // Two columns copied from Excel / WPS: name TAB value; the last county gets 80, so 20 stay unallocated.
    const sheet = counties.items.map((c: any, i: number) => `${c.name}\t${i === 17 ? 80 : 100}`).join('\n');
    await region.page.getByTestId('paste').fill(sheet);
    await region.page.getByRole('button', { name: '填入分配' }).click();
    await expect.poll(() => region.page.locator('[data-gap]').getAttribute('data-gap')).toBe('20');
    await region.screenshot('decompose');
    await region.page.getByRole('button', { name: '分解到 18 个单位' }).click();
    await region.page.waitForURL(/\/targets\/\d+\/show\/children/);
    await region.page.getByText('已分解为 18 个下级目标').waitFor();
    const { target } = await harness.server.ok(
      'query($id: ID!) { target(id: $id) { allocationGap children(limit: 100) { total items { targetValue responsibleCountyId } } } }',
      { id: createTarget.id },
      { token },
    );
    expect(target.allocationGap).toBe(20);
    expect(target.children.total).toBe(18);
    expect(new Set(target.children.items.map((c: any) => c.responsibleCountyId))).toEqual(new Set(counties.items.map((c: any) => c.id)));
    await expect.poll(() => region.page.locator('.RaDatagrid-table tbody tr').count()).toBe(18);
    await region.expectClean();
    await region.close();
  });
});
