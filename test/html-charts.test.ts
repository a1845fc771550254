// The HTML report's charts (issue 16), in Debian's Chromium: the pool chart, a spending chart per budget (a salary put
// in one month shows as a marked bar), budget against actual per post for accounts; the overview links to each file's
// section, errors first, the pool at the top. A screenshot is made; no script runs and nothing is fetched.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { launchChromium } from './helpers/chromium.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { accountsWorkbook } from './helpers/accounts.js';
import { budgetWorkbook, CLEAN_LINES } from './helpers/budget.js';
import { writeXlsx } from './helpers/xlsx.js';

const BIN = resolve('bin/budgettjek.js');
const dir = mkdtempSync(join(tmpdir(), 'bt-html-charts-'));
const pile = join(dir, 'bunke');
const approved = join(dir, 'godkendte');

beforeAll(async () => {
  mkdirSync(pile);
  mkdirSync(approved);
  await writeXlsx(budgetWorkbook({ lines: CLEAN_LINES, stamdata: { CVR: '29189404', Ansøger: 'Roskilde Kommune' } }).wb, join(pile, 'a-roskilde.xlsx'));
  // the coordinator's whole salary in one month: a spike (and distribution/single-month)
  await writeXlsx(
    budgetWorkbook({
      lines: [...CLEAN_LINES, { post: 'Løn koordinator', spec: '150 timer à 400 kr.', monthly: { 4: 60000 } }],
      stamdata: { CVR: '29189919', Ansøger: 'Herning Kommune' },
    }).wb,
    join(pile, 'b-herning.xlsx'),
  );
  await writeXlsx(
    budgetWorkbook({ lines: [{ ...CLEAN_LINES[0], total: 1440000 }, ...CLEAN_LINES.slice(1)], stamdata: { CVR: '29188505', Ansøger: 'Odense Kommune' } }).wb,
    join(pile, 'c-odense.xlsx'),
  );
  await writeXlsx(budgetWorkbook({ lines: CLEAN_LINES, stamdata: { CVR: '29189404', Ansøger: 'Roskilde Kommune' } }).wb, join(approved, 'roskilde.xlsx'));
  await writeXlsx(
    accountsWorkbook({
      posts: [
        { post: 'Løn projektleder', budget: 1_485_000, actual: 1_480_000 },
        { post: 'Kørsel', budget: 31_350, actual: 33_000, explanation: 'Flere besøg' },
        { post: 'Revision', budget: 33_000, actual: 33_000 },
      ],
      stamdata: { CVR: '29189404', Tilskudsmodtager: 'Roskilde Kommune', 'Bevilget beløb': 1_549_350 },
    }).wb,
    join(pile, 'd-regnskab-roskilde.xlsx'),
  );
});

describe("the HTML report's charts in headless Chromium", () => {
  it("shows the pool, each budget's months and the accounts' posts as SVG, with working links, errors first", async () => {
    const file = join(dir, 'rapport.html');
    const r = spawnSync(process.execPath, [BIN, 'check', pile, '--budget', approved, '--pool', 'recovery-2019', '--format', 'html', '-o', file], {
      encoding: 'utf8',
    });
    expect(r.status, r.stderr).toBe(1);
    const browser = await launchChromium();
    try {
      const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
      const requests: string[] = [];
      page.on('request', (q) => requests.push(q.url()));
      await page.goto(pathToFileURL(file).href);
      expect(requests).toEqual([pathToFileURL(file).href]);
      expect(await page.locator('script').count()).toBe(0);

      // the pool first: its figures and chart come before the overview table
      const order = await page.$$eval('#pool, #summary', (els) => els.map((x) => x.id));
      expect(order).toEqual(['pool', 'summary']);
      const pool = page.locator('svg.chart-pool');
      expect(await pool.count()).toBe(1);
      expect(await pool.locator('rect.seg').count()).toBe(3); // the three budgets, stacked
      expect(await pool.locator('rect.app').count()).toBe(3);
      expect(await pool.locator('line.funds').count()).toBe(1);
      const box = await pool.boundingBox();
      expect(box!.width).toBeGreaterThan(400);

      // one spending chart per budget (33 months each), the single-month salary marked
      const months = page.locator('svg.chart-months');
      expect(await months.count()).toBe(3);
      for (let i = 0; i < 3; i++) expect(await months.nth(i).locator('rect.bar').count()).toBe(33);
      const herning = page.locator('section', { has: page.locator('h2', { hasText: 'b-herning.xlsx' }) });
      expect(await herning.locator('svg.chart-months rect.spike').count()).toBe(1);
      expect(
        await page
          .locator('section', { has: page.locator('h2', { hasText: 'a-roskilde.xlsx' }) })
          .locator('rect.spike')
          .count(),
      ).toBe(0);

      // the accounts: budget against actual per post, the overspent Kørsel marked
      const posts = page.locator('svg.chart-posts');
      expect(await posts.count()).toBe(1);
      expect(await posts.locator('rect.budget').count()).toBe(3);
      expect(await posts.locator('rect.actual').count()).toBe(3);
      expect(await posts.locator('rect.actual.over').count()).toBe(1);

      // every link goes to a section of the page; the overview lists errors first
      const hrefs = await page.$$eval('a', (as) => as.map((a) => a.getAttribute('href')));
      expect(hrefs.length).toBe(4 + 6);
      for (const h of hrefs) {
        expect(h).toMatch(/^#file-\d+$/);
        expect(await page.locator(h!).count()).toBe(1);
      }
      const rows = await page.$$eval('#summary tbody tr', (trs) => trs.map((tr) => tr.querySelector('td')?.textContent?.trim()));
      expect(rows[0]).toMatch(/c-odense\.xlsx$/);
      const sections = await page.$$eval('section[id^="file-"] h2', (hs) => hs.map((h) => h.textContent));
      expect(sections[0]).toMatch(/c-odense\.xlsx$/);
      const first = await page.locator('#summary a').first().getAttribute('href');
      await page.locator('#summary a').first().click();
      expect(new URL(page.url()).hash).toBe(first);

      const png = await page.screenshot({ fullPage: true, path: process.env.BT_SCREENSHOT ?? join(dir, 'rapport.png') });
      expect(png.length).toBeGreaterThan(50_000);
      const pdf = await page.pdf({ format: 'A4' });
      expect(pdf.subarray(0, 4).toString()).toBe('%PDF');
    } finally {
      await browser.close();
    }
  }, 60_000);
});
