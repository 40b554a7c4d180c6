/**
 * The console as a county's staff use it (`county-540222`, 江孜县): every list is scoped to
 * the county (no other county's name anywhere on the page), county inputs are fixed to it,
 * and a progress report is entered on a phone.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COUNTY_NAMES, PHONE, startConsole, waitForList, type ConsoleHarness, type ConsolePage } from './browser.js';

const OWN = '江孜县';
const OTHERS = COUNTY_NAMES.filter((n) => n !== OWN);
const SCOPED_LISTS = [
  'targets', 'progressReports', 'inspections', 'supervisionNotices', 'fieldResearches', 'publicFeedbacks',
  'departments', 'cadres', 'counties', 'directives', 'bulletins', 'auditEvents',
];

let harness: ConsoleHarness;
let county: ConsolePage;

beforeAll(async () => {
  harness = await startConsole();
  county = await harness.open('county-540222');
});
afterAll(async () => {
  await harness?.close();
});

const othersOnPage = async (page: ConsolePage['page']) => {
  const text = await page.locator('body').innerText();
  return OTHERS.filter((name) => text.includes(name));
};

describe('console as COUNTY (江孜县)', () => {
  it('shows only its own county in every list, and no menu entry it cannot use', async () => {
    const menu = await county.page.locator('.luoshi-menu').innerText();
    for (const hidden of ['用户', '接口密钥', '预警政策']) expect(menu).not.toContain(hidden);
    for (const resource of SCOPED_LISTS) {
      await county.goto(`/${resource}`);
      await waitForList(county.page);
      expect(await othersOnPage(county.page), `other counties on /${resource}`).toEqual([]);
      await county.expectClean();
    }
    await county.goto('/targets');
    await waitForList(county.page);
    expect(await county.page.locator('body').innerText()).toContain(OWN);
    await county.screenshot('county-targets');
  });

  it('has its county fixed in county inputs, and offers no other county\'s targets in reference inputs', async () => {
    await county.goto('/fieldResearches/create');
    const countyInput = county.page.locator('.ra-input-countyId input');
    await expect.poll(() => countyInput.inputValue()).toBe(OWN);
    expect(await countyInput.isDisabled()).toBe(true);
    await county.page.getByLabel('形成的目标').click();
    await county.page.getByRole('listbox').waitFor();
    await county.page.waitForLoadState('networkidle');
    const options = await county.page.getByRole('listbox').innerText();
    expect(OTHERS.filter((n) => options.includes(n))).toEqual([]);
    await county.page.keyboard.press('Escape');
    await county.expectClean();
  });

  it('enters a progress report on a phone (390 × 844) and sees it submitted', async () => {
    const phone = await harness.open('county-540222', { viewport: PHONE });
    await phone.goto('/targets');
    await waitForList(phone.page);
    // A simple list on a phone, not a table.
    expect(await phone.page.locator('.RaDatagrid-table').count()).toBe(0);
    expect(await phone.page.locator('.luoshi-simple-list li').count()).toBeGreaterThan(0);
    expect(await othersOnPage(phone.page)).toEqual([]);
    await phone.screenshot('phone-targets');

    await phone.goto('/progressReports/create');
    const target = phone.page.getByRole('combobox', { name: '目标' });
    await target.click();
    await target.fill('江孜');
    await phone.page.getByRole('listbox').waitFor();
    await phone.page.waitForLoadState('networkidle');
    const option = phone.page.getByRole('option').first();
    const title = await option.innerText();
    expect(title).toContain(OWN);
    await option.click();
    await phone.page.getByLabel('完成百分比').fill('60');
    await phone.page.getByLabel('累计完成值').fill('3');
    await phone.page.getByLabel('进展情况').fill('已完成第一阶段工作，召开推进会两次。');
    await phone.page.getByLabel('佐证材料').fill('江组字〔2026〕21号');
    // The form fits the phone: no horizontal scrolling.
    const overflow = await phone.page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await phone.screenshot('phone-report-form');
    await phone.page.getByRole('button', { name: '保存' }).click();
    await phone.page.waitForURL(/progressReports\/\d+\/show/, { timeout: 30_000 }).catch(async (error) => {
      const note = await phone.page.locator('.MuiSnackbar-root, .ra-input').allInnerTexts().catch(() => []);
      throw new Error(`report not saved: ${note.join(' | ')}\n${error.message}`);
    });
    await phone.page.getByText('已报送').first().waitFor();
    const id = phone.page.url().match(/progressReports\/(\d+)\/show/)?.[1];
    expect(id).toBeTruthy();
    const token = await harness.server.token('region');
    const { progressReport } = await harness.server.ok('query($id: ID!) { progressReport(id: $id) { narrative status target { title } } }', { id }, { token });
    expect(progressReport).toEqual({ narrative: '已完成第一阶段工作，召开推进会两次。', status: 'SUBMITTED', target: { title } });
    await phone.expectClean();
    await phone.close();
  });
});
