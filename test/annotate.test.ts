import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { budgetWorkbook, CLEAN_LINES } from './helpers/budget.js';
import { writeXlsx } from './helpers/xlsx.js';

const dir = mkdtempSync(join(tmpdir(), 'bt-annotate-'));
const inputs = join(dir, 'ind');
const out = join(dir, 'ud');
const input = join(inputs, 'budget.xlsx');
const hash = (p: string) => createHash('sha256').update(readFileSync(p)).digest('hex');

beforeAll(async () => {
  mkdirSync(inputs);
  const lines = [
    { ...CLEAN_LINES[0], total: 1440000 },
    ...CLEAN_LINES.slice(1),
    { post: '=HYPERLINK("http://x","klik")', spec: '2 x 1.000 kr.', monthly: { 3: 2000 } },
  ];
  await writeXlsx(budgetWorkbook({ lines }).wb, input);
});

describe('--annotate', () => {
  it('writes a copy with notes, fills and a findings sheet; the original is untouched', async () => {
    const before = hash(input);
    const listing = readdirSync(inputs);
    const r = spawnSync(process.execPath, [resolve('bin/budgettjek.js'), 'check', input, '--annotate', out, '--format', 'json'], { encoding: 'utf8' });
    expect(r.status).toBe(1);
    expect(hash(input)).toBe(before);
    expect(readdirSync(inputs)).toEqual(listing);
    const copy = join(out, 'budget.xlsx');
    expect(existsSync(copy)).toBe(true);
    const report = JSON.parse(r.stdout).files[0];
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(copy);
    const cell = wb.getWorksheet('Budget')!.getCell('AJ2');
    const note = JSON.stringify(cell.note);
    expect(note).toContain('distribution/sum-mismatch');
    expect((cell.fill as ExcelJS.FillPattern).fgColor?.argb).toBe('FFFFC7CE');
    expect(cell.value).toBe(1440000); // the value is kept
    const sheet = wb.getWorksheet('budgettjek')!;
    expect(sheet.rowCount).toBe(1 + report.findings.length);
    const posts = sheet.getColumn(5).values.filter((v): v is string => typeof v === 'string');
    const hostile = posts.find((p) => p.includes('HYPERLINK'));
    expect(hostile).toBe(`'=HYPERLINK("http://x","klik")`);
    for (let r2 = 2; r2 <= sheet.rowCount; r2++) for (let c = 1; c <= 9; c++) expect(sheet.getCell(r2, c).formula).toBeUndefined();
  });

  it('the copy opens in LibreOffice', () => {
    const copy = join(out, 'budget.xlsx');
    const pdfDir = join(dir, 'pdf');
    const r = spawnSync('soffice', ['--headless', `-env:UserInstallation=file://${join(dir, 'lo')}`, '--convert-to', 'pdf', '--outdir', pdfDir, copy], {
      encoding: 'utf8',
      timeout: 120_000,
    });
    expect(r.status, r.stderr).toBe(0);
    expect(statSync(join(pdfDir, 'budget.pdf')).size).toBeGreaterThan(1000);
  });
});
