import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { defaultJobs } from '../src/batch/run.js';
import { checkFiles } from '../src/check.js';
import ExcelJS from 'exceljs';
import { askedFor } from '../src/model/requested.js';
import { formatKr } from '../src/money.js';
import { html } from '../src/report/formatters/html.js';
import { xlsx } from '../src/report/formatters/xlsx.js';
import { poolFigures } from '../src/report/pool-figures.js';
import { budgetWorkbook, CLEAN_LINES } from './helpers/budget.js';
import { writeXlsx } from './helpers/xlsx.js';

const BIN = resolve('bin/budgettjek.js');
const dir = mkdtempSync(join(tmpdir(), 'bt-batch-'));
const pile = join(dir, 'ansøgninger');

function run(args: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

beforeAll(async () => {
  mkdirSync(join(pile, 'kommune-b'), { recursive: true });
  const cvrs = ['29189404', '29189919', '29189404', '55133018', '29188505', '29189900'];
  for (let i = 0; i < cvrs.length; i++) {
    const lines = i % 2 ? [{ ...CLEAN_LINES[0], total: 1440000 }, ...CLEAN_LINES.slice(1)] : CLEAN_LINES;
    const sub = i >= 4 ? join(pile, 'kommune-b') : pile;
    await writeXlsx(budgetWorkbook({ lines, stamdata: { CVR: cvrs[i], Ansøger: `Kommune ${i}` } }).wb, join(sub, `budget-${i}.xlsx`));
  }
  writeFileSync(join(pile, 'halvt-downloadet.xlsx'), Buffer.from('PK\u0003\u0004 not really a zip'));
  writeFileSync(join(pile, 'noter.txt'), 'not a budget, not picked up');
  copyFileSync(join(pile, 'budget-0.xlsx'), join(pile, '~$budget-0.xlsx'));
  writeFileSync(
    join(dir, 'lille-pulje.yaml'),
    'id: lille\nname: Lille pulje\nfunds: 5000000\nperiod: { start: 2020-01, end: 2022-09 }\napplicants: { type: municipality }\nvatEligible: false\nsources: [{ id: T, title: Test }]\n',
  );
});

describe('the default number of worker threads', () => {
  it('is one per CPU, but no more than one per 150 files: a batch under 300 files stays in this thread', () => {
    const cpus = availableParallelism();
    expect(defaultJobs(1)).toBe(1);
    expect(defaultJobs(299)).toBe(1);
    expect(defaultJobs(300)).toBe(Math.min(cpus, 2));
    expect(defaultJobs(150 * cpus + 149)).toBe(cpus);
    expect(defaultJobs(100_000)).toBe(cpus);
  });
});

describe('batch: directories, parallel workers, pool-level findings', () => {
  it('checks a directory recursively, in a deterministic order whatever the parallelism', () => {
    const one = run(['check', pile, '--pool', 'recovery-2019', '--format', 'json', '--jobs', '1']);
    const two = run(['check', pile, '--pool', 'recovery-2019', '--format', 'json', '--jobs', '2']);
    const three = run(['check', pile, '--pool', 'recovery-2019', '--format', 'json', '--jobs', '3']);
    expect(one.code).toBe(1);
    expect(two.out).toBe(one.out);
    expect(three.out).toBe(one.out);
    const doc = JSON.parse(one.out);
    expect(doc.files.map((f: { path: string }) => f.path.slice(pile.length + 1))).toEqual([
      'budget-0.xlsx',
      'budget-1.xlsx',
      'budget-2.xlsx',
      'budget-3.xlsx',
      'halvt-downloadet.xlsx',
      'kommune-b/budget-4.xlsx',
      'kommune-b/budget-5.xlsx',
    ]);
    expect(doc.files[4].findings[0].rule).toMatch(/^input\//);
    expect(doc.files[1].findings.map((f: { rule: string }) => f.rule)).toContain('distribution/sum-mismatch');
  });

  it('follows symbolic links to files and folders, walks a folder once, and reports dangling links', () => {
    const links = join(dir, 'links');
    mkdirSync(join(links, 'sub'), { recursive: true });
    symlinkSync(join(pile, 'budget-0.xlsx'), join(links, 'a.xlsx'));
    symlinkSync(join(pile, 'kommune-b'), join(links, 'b'));
    symlinkSync(links, join(links, 'sub', 'loop'));
    symlinkSync(join(dir, 'findes-ikke.xlsx'), join(links, 'dangling.xlsx'));
    symlinkSync('..', join(links, 'sub', 'op')); // up the tree: never followed
    symlinkSync(join(links, 'a.xlsx'), join(links, 'sub', 'same.xlsx')); // a file found twice is checked once
    const doc = JSON.parse(run(['check', links, '--pool', 'recovery-2019', '--format', 'json']).out);
    expect(doc.files.map((f: { path: string }) => f.path.slice(links.length + 1))).toEqual(['a.xlsx', 'b/budget-4.xlsx', 'b/budget-5.xlsx', 'dangling.xlsx']);
    expect(doc.files[3].findings.map((f: { rule: string }) => f.rule)).toEqual(['input/unreadable']);
    const inner = JSON.parse(run(['check', join(links, 'sub'), '--pool', 'recovery-2019', '--format', 'json']).out);
    expect(inner.files.map((f: { path: string }) => f.path.slice(links.length + 1))).toEqual(['sub/same.xlsx']);
  });

  it('expands globs given in quotes (no shell), recursively with **', () => {
    const doc = JSON.parse(run(['check', `${pile}/**/budget-*.xlsx`, '--pool', 'recovery-2019', '--format', 'json']).out);
    expect(doc.files.map((f: { path: string }) => f.path.slice(pile.length + 1))).toEqual([
      'budget-0.xlsx',
      'budget-1.xlsx',
      'budget-2.xlsx',
      'budget-3.xlsx',
      'kommune-b/budget-4.xlsx',
      'kommune-b/budget-5.xlsx',
    ]);
    const top = JSON.parse(run(['check', `${pile}/budget-?.xlsx`, '--pool', 'recovery-2019', '--format', 'json']).out);
    expect(top.files).toHaveLength(4);
  });

  it('reports duplicate applicants and oversubscription in the top-level findings', () => {
    const doc = JSON.parse(run(['check', pile, '--pool', join(dir, 'lille-pulje.yaml'), '--format', 'json']).out);
    const dup = doc.findings.find((f: { rule: string }) => f.rule === 'pool/duplicate-applicant');
    expect(dup).toBeDefined();
    expect(dup.actual).toBe(2);
    const over = doc.findings.find((f: { rule: string }) => f.rule === 'pool/oversubscribed');
    expect(over).toMatchObject({ severity: 'info', expected: 5000000 });
    expect(over.actual).toBeGreaterThan(5000000);
    expect(doc.summary.files).toBe(7);
  });

  it('oversubscribed counts an applicant (CVR) with two budgets once, at its larger request, and says what it left out', async () => {
    const twice = join(dir, 'to-gange');
    mkdirSync(twice, { recursive: true });
    // the same municipality twice (a corrected resubmission asking 30.000 kr. less), and another applicant
    const corrected = [{ ...CLEAN_LINES[0], monthly: 44000 }, ...CLEAN_LINES.slice(1)];
    await writeXlsx(budgetWorkbook({ lines: CLEAN_LINES, stamdata: { CVR: '29189404', Ansøger: 'Kommune A' } }).wb, join(twice, 'a-1.xlsx'));
    await writeXlsx(budgetWorkbook({ lines: corrected, stamdata: { CVR: '29189404', Ansøger: 'Kommune A' } }).wb, join(twice, 'a-2.xlsx'));
    await writeXlsx(budgetWorkbook({ lines: CLEAN_LINES, stamdata: { CVR: '29189919', Ansøger: 'Kommune B' } }).wb, join(twice, 'b.xlsx'));
    writeFileSync(
      join(dir, 'mini-pulje.yaml'),
      'id: mini\nname: Mini pulje\nfunds: 2000000\nperiod: { start: 2020-01, end: 2022-09 }\napplicants: { type: municipality }\nvatEligible: false\nsources: [{ id: T, title: Test }]\n',
    );
    const pool = join(dir, 'mini-pulje.yaml');
    const report = await checkFiles(
      ['a-1.xlsx', 'a-2.xlsx', 'b.xlsx'].map((f) => join(twice, f)),
      { pool, jobs: 1 },
    );
    const asked = Object.fromEntries(report.files.map((f) => [basename(f.path), askedFor(f)!]));
    expect(asked['a-1.xlsx'] - asked['a-2.xlsx']).toBe(33_000_00);
    expect(report.findings.filter((f) => f.rule === 'pool/duplicate-applicant')).toHaveLength(1);
    const over = report.findings.filter((f) => f.rule === 'pool/oversubscribed');
    expect(over).toHaveLength(1);
    expect(over[0]).toMatchObject({
      expected: 2_000_000_00,
      actual: asked['a-1.xlsx'] + asked['b.xlsx'],
      args: { files: 2, duplicates: 1, leftOut: asked['a-2.xlsx'] },
    });
    // the order of the files does not decide which request counts; the command reports the same in its JSON
    const reversed = await checkFiles([join(twice, 'b.xlsx'), join(twice, 'a-2.xlsx'), join(twice, 'a-1.xlsx')], { pool, jobs: 1 });
    expect(reversed.findings.find((f) => f.rule === 'pool/oversubscribed')?.actual).toBe(over[0].actual);
    const doc = JSON.parse(run(['check', twice, '--pool', pool, '--format', 'json']).out);
    expect(doc.findings.find((f: { rule: string }) => f.rule === 'pool/oversubscribed').actual).toBe(over[0].actual! / 100);

    // the reports' pool block counts the applicant as the finding does: once, at its larger request
    const fig = poolFigures(report);
    expect(fig).toMatchObject({ requested: over[0].actual, budgets: 2, ratio: over[0].args!.ratio });
    expect(fig.counted.has(report.files.find((f) => basename(f.path) === 'a-2.xlsx')!)).toBe(false);
    const page = html(report, { lang: 'da', color: false });
    const block = /<table class="pool-figures">([\s\S]*?)<\/table>/.exec(page)![1];
    const cells = [...block.matchAll(/<th>([^<]*)<\/th><td class="num">([^<]*)<\/td>/g)].map((m) => [m[1], m[2]]);
    expect(cells).toContainEqual(['Ansøgt i alt (2 ansøgninger)', formatKr(over[0].actual!, 'da')]);
    expect(cells).toContainEqual(['Forhold', `${String(over[0].args!.ratio).replace('.', ',')}×`]);
    // the chart's bar of all applications ends at the same total (each budget keeps its own bar)
    expect(page.match(/<rect class="seg"/g)).toHaveLength(2);
    const book = new ExcelJS.Workbook();
    const bytes = await xlsx(report, { lang: 'da', color: false });
    await book.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
    const ov = book.getWorksheet('Oversigt')!;
    const byLabel = new Map<string, unknown>();
    ov.eachRow((row) => byLabel.set(String(row.getCell(1).value), row.getCell(4).value));
    expect(byLabel.get('Ansøgt af budgetterne i alt')).toBeCloseTo(over[0].actual! / 100, 2);
    expect(byLabel.get('Forhold (ansøgt / midler)')).toBe(over[0].args!.ratio);
  });

  it('ends the text report with a summary table', () => {
    const r = run(['check', pile, '--pool', 'recovery-2019']);
    const lines = r.out.trimEnd().split('\n');
    expect(lines.at(-1)).toMatch(/7 filer tjekket/);
    expect(r.out).toMatch(/budget-5\.xlsx\s+Kommune 5\s+[\d.]+ kr\.\s+[1-9]\d*\s+\d+\s+fejl/);
    expect(r.err).toBe(''); // no progress bar when stderr is not a terminal
  });
});
