/** The report in a real browser: Debian's chromium driven by playwright-core, the page loaded from a file:// URL. */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { corpus, fixture, tempDir } from '../cli/helpers.js';

const CHROMIUM = '/usr/bin/chromium';
const hasChromium = existsSync(CHROMIUM);
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

describe.skipIf(!hasChromium)('HTML report in chromium', () => {
  let browser: Browser;
  let url: string;

  beforeAll(async () => {
    const out = join(tempDir(), 'report.html');
    const r = corpus(['report', fixture('seeds'), '-o', out]);
    expect(r.code, r.stderr).toBe(0);
    url = pathToFileURL(out).href;
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS, timeout: 10_000 });
  }, 15_000);

  afterAll(async () => {
    await browser?.close();
  });

  it('renders offline, lists the seeds\' cluster, and opens its diff on click', async () => {
    const page = await browser.newPage();
    const requests: string[] = [];
    const errors: string[] = [];
    page.on('request', (req) => requests.push(req.url()));
    page.on('pageerror', (err) => errors.push(String(err)));
    await page.goto(url);

    await expect(page.locator('h1').textContent()).resolves.toBe('corpus report');
    expect(await page.locator('svg.chart').count()).toBe(4);
    expect(await page.locator('svg.chart rect').count()).toBeGreaterThan(0);

    const clusters = page.locator('#clusters details.cluster');
    expect(await clusters.count()).toBe(1);
    const summary = clusters.first().locator('summary');
    expect(await summary.textContent()).toMatch(/2 documents · kept 000_b2eabbe78eb1f9e1\.txt/);
    await expect(clusters.first().locator('table.members').textContent()).resolves.toContain('001_8ae16dfbaa6e08a5.txt');

    const diff = clusters.first().locator('table.diff-table');
    expect(await diff.isVisible()).toBe(false);
    await summary.click();
    expect(await diff.isVisible()).toBe(true);
    expect(await diff.locator('tr.same').count()).toBeGreaterThan(0);
    await expect(diff.locator('tbody tr').first().textContent()).resolves.toContain('De nouveaux pays, dont le Maroc');

    expect(errors).toEqual([]);
    expect(requests).toEqual([url]);
    await page.close();
  });

  it('filters clusters and documents as you type', async () => {
    const page = await browser.newPage();
    await page.goto(url);
    const cluster = page.locator('#clusters details.cluster').first();
    await page.fill('#clusters input.filter', 'article19');
    expect(await cluster.isVisible()).toBe(true);
    await page.fill('#clusters input.filter', 'no-such-site');
    expect(await cluster.isVisible()).toBe(false);
    const docs = page.locator('#noise details.doc');
    expect(await docs.count()).toBeGreaterThan(0);
    await page.fill('#noise input.filter', '003_');
    expect(await docs.evaluateAll((els) => els.filter((e) => !(e as HTMLElement).hidden).length)).toBe(1);
    await page.close();
  });
});
