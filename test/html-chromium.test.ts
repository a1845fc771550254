import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { launchChromium } from './helpers/chromium.js';
import { describe, expect, it } from 'vitest';
import { formatters } from '../src/report/formatters/index.js';
import { HOSTILE, sampleReport } from './helpers/sample-report.js';

describe('the HTML report in headless Chromium', () => {
  it('shows the summary table, runs no script from the data, and renders a page', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bt-html-'));
    const file = join(dir, 'rapport.html');
    writeFileSync(file, formatters.html(sampleReport(), { lang: 'da', color: false }));
    const browser = await launchChromium();
    try {
      const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
      await page.goto(pathToFileURL(file).href);
      const rows = await page.$$eval('#summary tbody tr', (trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent?.trim())));
      expect(rows).toHaveLength(4);
      expect(rows[0][0]).toBe('ansøgninger/roskilde.xlsx');
      expect(rows[0][1]).toBe(HOSTILE[4]);
      // errors first (most errors first), then unreadable files, then the files in order
      expect(rows.map((r) => r[5])).toEqual(['Fejl', 'Fejl', 'Ulæselig', 'I orden']);
      expect(await page.evaluate(() => (globalThis as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
      expect(await page.locator('text=<script>window.__pwned=1</script>').count()).toBeGreaterThan(0);
      const png = await page.screenshot({ fullPage: true, path: join(dir, 'rapport.png') });
      expect(png.length).toBeGreaterThan(20_000);
      const pdf = await page.pdf({ format: 'A4' });
      expect(pdf.subarray(0, 4).toString()).toBe('%PDF');
    } finally {
      await browser.close();
    }
  });
});
