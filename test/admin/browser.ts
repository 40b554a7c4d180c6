/**
 * Harness of the console tests: one Luoshi server (demo data, SQLite) and one headless
 * Debian Chromium per test file (playwright gives each launch a fresh temporary profile); pages that sign in through the login form and record
 * every page error and console error, and a check for untranslated message keys.
 */
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { expect } from 'vitest';
import { startServer, type TestServer } from '../helpers/server.js';

export const ADMIN_DIR = resolve('admin/dist');
export const SCREENSHOTS = resolve('docs/screenshots');

export const COUNTY_NAMES = [
  '桑珠孜区', '南木林县', '江孜县', '定日县', '萨迦县', '拉孜县', '昂仁县', '谢通门县', '白朗县',
  '仁布县', '康马县', '定结县', '仲巴县', '亚东县', '吉隆县', '聂拉木县', '萨嘎县', '岗巴县',
];

export const PHONE = { width: 390, height: 844 };
export const DESKTOP = { width: 1366, height: 860 };

export interface ConsolePage {
  page: Page;
  context: BrowserContext;
  /** Page errors and console errors seen so far. */
  errors: string[];
  goto(path: string): Promise<void>;
  /** No raw message key in the page text, no page or console error. */
  expectClean(): Promise<void>;
  screenshot(name: string, opts?: { fullPage?: boolean }): Promise<void>;
  close(): Promise<void>;
}

export interface ConsoleHarness {
  server: TestServer;
  browser: Browser;
  open(username: string, opts?: { viewport?: { width: number; height: number }; locale?: string }): Promise<ConsolePage>;
  close(): Promise<void>;
}

const RAW_KEY = /\b(ra|resources|luoshi|enums)\.[A-Za-z_]+(\.[A-Za-z_]+)*/;

export async function startConsole(): Promise<ConsoleHarness> {
  const server = await startServer({ adminDir: ADMIN_DIR });
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: [
      '--headless', '--lang=zh-CN', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync',
    ],
  });
  mkdirSync(SCREENSHOTS, { recursive: true });

  const open: ConsoleHarness['open'] = async (username, opts = {}) => {
    const context = await browser.newContext({
      viewport: opts.viewport ?? DESKTOP,
      locale: opts.locale ?? 'zh-CN',
      timezoneId: 'Asia/Shanghai',
    });
    const page = await context.newPage();
    // Generous: the test machines are small and shared (2 cores).
    page.setDefaultTimeout(30_000);
    page.setDefaultNavigationTimeout(60_000);
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(`console: ${m.text()}`);
    });
    try {
      await page.goto(`${server.url}/admin/`);
      await page.locator('input[name=username]').fill(username);
      await page.locator('input[name=password]').fill('demo');
      await page.getByRole('button', { name: /登录|Sign in/ }).click();
      await page.locator('[data-kpi=count]').waitFor();
    } catch (error) {
      const text = await page.content().catch(() => '');
      throw new Error(`sign-in as ${username} failed: ${(error as Error).message}\npage: ${text.replace(/.*<form/s, '<form').slice(0, 1500)}\nerrors: ${errors.join('\n')}`);
    }
    const cp: ConsolePage = {
      page,
      context,
      errors,
      async goto(path) {
        await page.goto(`${server.url}/admin${path}`);
        await page.waitForLoadState('networkidle');
      },
      async expectClean() {
        await page.waitForLoadState('networkidle');
        const text = await page.locator('body').innerText();
        expect(text.match(RAW_KEY)?.[0] ?? null, `untranslated key on ${page.url()}`).toBeNull();
        expect(errors, `errors on ${page.url()}`).toEqual([]);
      },
      async screenshot(name, opts = {}) {
        await page.waitForLoadState('networkidle');
        await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: opts.fullPage });
      },
      close: () => context.close(),
    };
    return cp;
  };

  return {
    server,
    browser,
    open,
    async close() {
      await browser.close();
      await server.close();
    },
  };
}

/** Waits until a react-admin list has rendered rows (or its empty state). */
export async function waitForList(page: Page) {
  await page.waitForLoadState('networkidle');
  try {
    await page.locator('.RaDatagrid-table tbody tr, .luoshi-simple-list li, .RaEmpty-root, .RaList-noResults, .RaList-content .MuiCardContent-root').first().waitFor();
  } catch (error) {
    const text = await page.locator('body').innerText().catch(() => '');
    throw new Error(`no list on ${page.url()}: ${(error as Error).message}\n${text.replace(/\s+/g, ' ').slice(0, 400)}`);
  }
}
