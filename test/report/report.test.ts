import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { main } from '../../src/cli/main.js';
import { ROOT, fixture, tempDir } from '../helpers.js';

/** Debian's chromium (CI: apt-get install -y chromium); CHROMIUM names another build. */
const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
const SCREENSHOT = join(ROOT, 'output', 'report-screenshot.png');
const CHARTS_SHOT = join(ROOT, 'output', 'report-charts.png');

describe('cchc report', () => {
  let html: string;
  let htmlPath: string;
  beforeAll(async () => {
    const dir = tempDir();
    const db = join(dir, 'w.sqlite');
    htmlPath = join(dir, 'report.html');
    vi.spyOn(console, 'log').mockImplementation(() => undefined);
    await main(['node', 'cchc', 'ingest', fixture('inbox'), fixture('xlsx/yen-thinh-2021-q3-template-cu.xlsx'), fixture('bad/truncated-workbook.xlsx'), '--db', db]);
    await main(['node', 'cchc', 'report', '--db', db, '--out', htmlPath]);
    vi.restoreAllMocks();
    html = readFileSync(htmlPath, 'utf8');
  }, 120_000);

  it('is one self-contained page: no script, no stylesheet or image to fetch', () => {
    expect(html).not.toMatch(/<script|<link|<img|<iframe/i);
    expect(html).not.toMatch(/(src|href)="(https?:)?\/\//i);
    expect(html).toContain('<html lang="vi">');
  });

  it('shows what arrived, what is missing and what was rejected with its reason', () => {
    const grid = html.slice(html.indexOf('id="coverage"'), html.indexOf('id="charts"'));
    expect(grid).toContain('<th>2021-Q3</th><th>2024</th>');
    expect(grid).toMatch(/Xã Bản Thi<br><small>02035<\/small><\/th><td class="missing">thiếu<\/td><td class="arrived"><ul>.*✓ Báo cáo \(xlsx\)/);
    expect(grid).toMatch(/<td>truncated-workbook\.xlsx<\/td><td>corrupt or truncated workbook[^<]*<\/td>/);
  });

  it('lists conflicts worst first, each group linked to its values and quotes', () => {
    const section = html.slice(html.indexOf('id="conflicts"'), html.indexOf('id="unmapped"'));
    const severities = [...section.matchAll(/<tr class="sev-(\w+)">/g)].map((m) => m[1]);
    expect(severities[0]).toBe('major');
    expect(severities.indexOf('info')).toBeGreaterThan(severities.lastIndexOf('major'));
    const link = /<a href="#(g-[^"]+)">/.exec(section)![1]!;
    expect(section).toContain(`id="${link}"`);
    expect(section).toContain('Bảng phụ lục (Excel)');
  });

  it.skipIf(!existsSync(CHROMIUM))('renders its charts in headless Chromium, offline, and leaves a screenshot', async () => {
    let browser: Browser | undefined;
    try {
      browser = await chromium.launch({
        executablePath: CHROMIUM,
        args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
      });
      const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
      const fetched: string[] = [];
      await page.route('**/*', (route) => {
        const url = route.request().url();
        if (url.startsWith('file:')) return route.continue();
        fetched.push(url);
        return route.abort();
      });
      await page.goto(pathToFileURL(htmlPath).href);
      expect(fetched).toEqual([]);
      expect(await page.locator('figure.chart svg').count()).toBe(5);
      // The online share (7.2.4): a line per commune and their total, points with data behind them.
      const online = page.locator('figure[data-indicator="7.2.4"] svg');
      expect(await online.locator('.mark-line path').count()).toBeGreaterThanOrEqual(2);
      expect(await online.locator('.mark-symbol path').count()).toBeGreaterThanOrEqual(4);
      const box = await online.boundingBox();
      expect(box!.width).toBeGreaterThan(400);
      const labels = await online.locator('text').allTextContents();
      expect(labels).toEqual(expect.arrayContaining(['Xã Bản Thi', 'Xã Yên Thịnh', 'Toàn bộ', '2021-Q3', '2024']));
      // Vietnamese number formatting on the axis: a decimal comma.
      expect(labels.some((t) => /^\d+,\d$/.test(t))).toBe(true);
      mkdirSync(join(ROOT, 'output'), { recursive: true });
      await page.screenshot({ path: SCREENSHOT, fullPage: true });
      await page.locator('#coverage, #charts').first().screenshot({ path: join(ROOT, 'output', 'report-coverage.png') });
      await page.locator('#charts').screenshot({ path: CHARTS_SHOT });
      for (const shot of [SCREENSHOT, CHARTS_SHOT]) expect(readFileSync(shot).subarray(1, 4).toString()).toBe('PNG');
    } finally {
      await browser?.close();
    }
  }, 120_000);
});
