// `budgettjek web` in a real browser: Debian's Chromium opens the page from file://, is given the shipped examples,
// generated fixtures of four layouts (four writers), CSV, a truncated workbook and a lying zip bomb, and must produce the CLI's JSON
// report byte for byte, offline (no request leaves the page), from a page under 1 MB.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { deflateRawSync } from 'node:zlib';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from './helpers/chromium.js';
import { labelsFor, LANGS } from '../src/i18n/languages.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { zip } from './helpers/zip.js';

const BIN = resolve('bin/budgettjek.js');
const EXAMPLES = ['herning-budget-med-fejl.xlsx', 'roskilde-budget.xlsx'].map((f) => resolve('fixtures/examples', f));
const LAYOUTS = [
  'layout-excel-table-openpyxl.xlsx',
  'layout-helper-sheet-gnumeric.xlsx',
  'layout-quantity-columns-xlsxwriter.xlsx',
  'layout-salary-columns-libreoffice.xlsx',
].map((f) => resolve('fixtures/generated', f));
const CSVS = ['clean-csv-1252.csv', 'csv-sum-mismatch.csv'].map((f) => resolve('fixtures/generated', f));

let dir: string;
let pageFile: string;
let browser: Browser;

/** The CLI's JSON report, run in `dir` on the files' names, so that its paths are the names the browser sees. */
function cliJson(names: string[], args: string[] = []): string {
  const r = spawnSync(process.execPath, [BIN, 'check', '--format', 'json', ...args, ...names], { cwd: dir, encoding: 'utf8' });
  expect(r.status, r.stderr).toBeLessThan(2);
  return r.stdout;
}

/** Gives the page the files, waits for its check, and returns the JSON report it holds. */
async function pageJson(page: Page, names: string[]): Promise<string> {
  await page.setInputFiles(
    '#files',
    names.map((n) => join(dir, n)),
  );
  await page.waitForSelector('#status[data-state=done], #status[data-state=error]');
  expect(await page.getAttribute('#status', 'data-state'), (await page.textContent('#status')) ?? '').toBe('done');
  return (await page.textContent('#report-json')) ?? '';
}

/** Rule, sheet and cell of each finding, per file: what the test asserts, above the byte-for-byte check. */
const positions = (json: string) =>
  (JSON.parse(json) as { files: Array<{ path: string; findings: Array<{ rule: string; sheet?: string; cell?: string }> }> }).files.map((f) => [
    f.path,
    f.findings.map((x) => [x.rule, x.sheet, x.cell]),
  ]);

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'bt-web-'));
  for (const f of [...EXAMPLES, ...LAYOUTS, ...CSVS]) copyFileSync(f, join(dir, f.split('/').pop()!));
  const whole = readFileSync(EXAMPLES[1]);
  writeFileSync(join(dir, 'afkortet.xlsx'), whole.subarray(0, Math.floor(whole.length * 0.6))); // a truncated zip
  // a lying bomb: the sheet declares 1000 bytes and inflates to 50 MB (refused by fflate's cap in the page)
  const zeros = deflateRawSync(Buffer.alloc(50 * 1024 * 1024, 0x20));
  writeFileSync(
    join(dir, 'bombe.xlsx'),
    zip([
      { name: '[Content_Types].xml', data: '<Types/>' },
      { name: 'xl/workbook.xml', data: '<workbook xmlns:r="r"><sheets><sheet name="A" r:id="R1"/></sheets></workbook>' },
      { name: 'xl/_rels/workbook.xml.rels', data: '<Relationships><Relationship Id="R1" Type="x/worksheet" Target="worksheets/sheet1.xml"/></Relationships>' },
      { name: 'xl/worksheets/sheet1.xml', data: 'x', raw: zeros, declaredSize: 1000 },
    ]),
  );
  pageFile = join(dir, 'budgettjek.html');
  const r = spawnSync(process.execPath, [BIN, 'web', '-o', pageFile], { encoding: 'utf8' });
  expect(r.status, r.stderr).toBe(0);
  browser = await launchChromium();
}, 60_000);

afterAll(async () => {
  await browser?.close();
});

describe('budgettjek web', () => {
  it('writes one page under 1 MB with a CSP that allows no remote source', () => {
    expect(statSync(pageFile).size).toBeLessThan(1024 * 1024);
    const html = readFileSync(pageFile, 'utf8');
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)?.[1] ?? '';
    expect(csp.split('; ')[0]).toBe("default-src 'none'");
    expect(csp).not.toMatch(/https?:|\*|'unsafe-inline'|'unsafe-eval'/);
    expect(csp).toContain('worker-src blob:');
    expect(html).not.toMatch(/<(link|img|iframe)\b|\bsrc="/);
  });

  it('refuses to overwrite a file without --force', () => {
    const r = spawnSync(process.execPath, [BIN, 'web', '-o', pageFile], { encoding: 'utf8' });
    expect(r.status).toBe(2);
  });

  it('checks the examples, four layouts and a truncated workbook as the CLI does, offline, in Danish and in English', async () => {
    const page = await browser.newPage();
    const requests: string[] = [];
    const problems: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
    page.on('pageerror', (e) => problems.push(String(e)));
    await page.goto(pathToFileURL(pageFile).href);

    const names = [...EXAMPLES, ...LAYOUTS].map((f) => f.split('/').pop()!).concat('afkortet.xlsx', 'bombe.xlsx');
    const expected = cliJson(names);
    const got = await pageJson(page, names);
    expect(positions(got)).toEqual(positions(expected));
    expect(positions(got).slice(-2)).toEqual([
      ['afkortet.xlsx', [['input/unreadable', undefined, undefined]]],
      ['bombe.xlsx', [['input/too-large', undefined, undefined]]],
    ]);
    expect(got).toBe(expected);
    // the same report as the html format shows, charts with it
    expect(await page.locator('#report #summary tbody tr').count()).toBe(names.length);
    expect(await page.locator('#report svg').count()).toBeGreaterThan(0);
    expect(await page.getAttribute('#download-json', 'href')).toMatch(/^blob:/);

    // a pool picked on the page, English, CSV: the CLI's --pool and --lang en
    await page.selectOption('#pool', 'recovery-2019');
    await page.selectOption('#lang', 'en');
    const csv = [...CSVS.map((f) => f.split('/').pop()!), 'herning-budget-med-fejl.xlsx'];
    const en = await pageJson(page, csv);
    expect(en).toBe(cliJson(csv, ['--pool', 'recovery-2019', '--lang', 'en']));
    expect(positions(en)[1][1]).toContainEqual(['distribution/sum-mismatch', 'csv-sum-mismatch', 'AJ13']);

    // the shipped example checks in under a second
    await page.selectOption('#pool', '');
    const t = Date.now();
    await pageJson(page, ['roskilde-budget.xlsx']);
    expect(Date.now() - t).toBeLessThan(1000);

    expect(problems).toEqual([]);
    expect(requests.filter((u) => !u.startsWith('blob:') && u !== pathToFileURL(pageFile).href)).toEqual([]);
    await page.close();
  }, 60_000);

  it('speaks the language picked in its menu: each text from that language table, the status line too', async () => {
    const page = await browser.newPage();
    await page.goto(pathToFileURL(pageFile).href);
    const options = page.locator('#lang option');
    expect([await options.evaluateAll((os) => os.map((o) => o.getAttribute('value'))), await options.allTextContents()]).toEqual([
      LANGS,
      LANGS.map((l) => labelsFor(l).name),
    ]);
    for (const l of [...LANGS].reverse()) {
      const t = labelsFor(l).web;
      await page.selectOption('#lang', l);
      expect([await page.getAttribute('html', 'lang'), await page.title()]).toEqual([l, t.title]);
      const ids = ['title', 'intro', 'choose', 'pool-label', 'lang-label', 'json-summary'];
      expect(await Promise.all(ids.map((id) => page.textContent(`#${id}`)))).toEqual([t.title, t.intro, t.choose, t.pool, t.lang, t.json]);
      expect(await page.textContent('#pool option[value=""]')).toBe(t.auto);
      await pageJson(page, ['roskilde-budget.xlsx', 'herning-budget-med-fejl.xlsx']);
      expect([await page.textContent('#status'), await page.textContent('#download-json')]).toEqual([t.done(2), t.download]);
    }
    await page.close();
  }, 60_000);

  it('the download gives the JSON report', async () => {
    const page = await browser.newPage({ acceptDownloads: true });
    await page.goto(pathToFileURL(pageFile).href);
    const json = await pageJson(page, ['roskilde-budget.xlsx']);
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#download-json')]);
    expect(download.suggestedFilename()).toBe('budgettjek.json');
    const saved = join(dir, 'downloaded.json');
    await download.saveAs(saved);
    expect(readFileSync(saved, 'utf8')).toBe(json);
    await page.close();
  }, 60_000);
});
