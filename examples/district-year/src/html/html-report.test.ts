import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { type Browser, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runDemo } from '../cli/demo.js';
import { parseLine } from '../report/golden.js';

// Debian's chromium package (.ci/run installs it); playwright-core drives it over CDP.
const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const packageDir = new URL('../../', import.meta.url).pathname;
const small = join(packageDir, 'scenarios/small.json');
// Screenshots land here for a person to look at; the folder is ignored by git.
const screenshots = join(packageDir, 'test-output');
const dir = mkdtempSync(join(tmpdir(), 'district-year-html-'));

async function demo(argv: string[]): Promise<{ code: number; stdout: string }> {
  const out = new PassThrough();
  let stdout = '';
  out.on('data', (chunk) => {
    stdout += chunk;
  });
  const code = await runDemo(argv, { out, err: new PassThrough() }, {});
  return { code, stdout };
}

describe.each(['en', 'zh-CN'])('the HTML report (%s) in headless Chromium', (lang) => {
  let browser: Browser;
  let printed: string[];
  const file = join(dir, `report-${lang}.html`);

  beforeAll(async () => {
    const result = await demo([
      '--scenario',
      small,
      '--store',
      'memory',
      '--lang',
      lang,
      '--html',
      file,
    ]);
    expect(result.code).toBe(0);
    printed = result.stdout.trim().split('\n');
    browser = await chromium.launch({ executablePath, args: ['--no-sandbox'] });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
  });

  it('shows the figures of the printed report, line for line, without touching the network', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const requests: string[] = [];
    page.on('request', (request) => requests.push(request.url()));
    await page.goto(`file://${file}`);
    const shown = await page.locator('ol.report > li').allInnerTexts();
    const normalise = (text: string) => text.replace(/\s+/g, ' ').trim();
    expect(shown.map(normalise)).toEqual(printed.map(normalise));
    expect(requests.filter((url) => !url.startsWith('file://'))).toEqual([]);
    expect(await page.locator('script, link[rel=stylesheet], img').count()).toBe(0);
    mkdirSync(screenshots, { recursive: true });
    await page.screenshot({ path: join(screenshots, `report-${lang}.png`), fullPage: true });
    await page.close();
  });

  it('draws the charts it has data for as inline SVG and names what the others wait for', async () => {
    const page = await browser.newPage();
    await page.goto(`file://${file}`);
    const completeness = page.locator('figure[data-chart="completeness"] svg');
    expect(await completeness.count()).toBe(1);
    // The completeness chart's bars are the report's figures: one line per bar group.
    const html = readFileSync(file, 'utf8');
    expect(html).toContain('<svg');
    // Every chart has its data now: none waits for a part of the library.
    const waiting = await page.locator('figure p.waiting').allInnerTexts();
    expect(waiting).toEqual([]);
    await page.close();
  });

  it('draws the hazard charts from the read models, agreeing with the printed majors line', async () => {
    const page = await browser.newPage();
    await page.goto(`file://${file}`);
    for (const id of ['rectification-by-month', 'rectification-by-pool', 'majors']) {
      expect(await page.locator(`figure[data-chart="${id}"] svg`).count(), id).toBe(1);
    }
    if (lang === 'en') {
      const majors = parseLine('majors', printed[1] as string);
      const closed = Number(majors?.rectified);
      const open = Number(majors?.found) - closed;
      const labels = await page.locator('figure[data-chart="majors"] svg text').allTextContents();
      expect(labels).toContain(String(closed));
      expect(labels).toContain(String(open));
    }
    await page.close();
  });

  it('draws the case statistics from the case ledger, agreeing with the printed case figures', async () => {
    const page = await browser.newPage();
    await page.goto(`file://${file}`);
    for (const id of ['cases', 'case-statistics', 'case-fines']) {
      expect(await page.locator(`figure[data-chart="${id}"] svg`).count(), id).toBe(1);
    }
    if (lang === 'en') {
      // Both lines still wait for other read models: their figures follow the marker.
      const bare = (index: number) => (printed[index] as string).replace(/^\[[^\]]+\] /, '');
      const enforcement = parseLine('enforcement', bare(7));
      const multiTenant = parseLine('multiTenant', bare(5));
      const labels = await page
        .locator('figure[data-chart="case-statistics"] svg text')
        .allTextContents();
      for (const figure of [
        multiTenant?.cases,
        enforcement?.cases,
        enforcement?.majorCases,
        enforcement?.dualPenalties,
      ]) {
        expect(figure).toMatch(/^\d+$/);
        expect(labels).toContain(figure);
      }
      expect(labels).toEqual(expect.arrayContaining(['Multi-tenant', 'Enforcement', 'Year total']));
    } else {
      const labels = await page
        .locator('figure[data-chart="case-statistics"] svg text')
        .allTextContents();
      expect(labels).toEqual(expect.arrayContaining(['厂中厂', '执法检查', '全年合计']));
    }
    await page.close();
  });
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));
