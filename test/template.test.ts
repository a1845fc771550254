import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { checkFile } from '../src/check.js';
import { builtinPools, findBuiltinPool, storedProfile } from '../src/pools/index.js';
import { writeBudgetTemplate, type TemplateLayout } from '../src/template/budget.js';

const dir = mkdtempSync(join(tmpdir(), 'bt-template-'));
const BIN = resolve('bin/budgettjek.js');
const run = (args: string[]) => spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8' });

/** Fills a written template as an applicant would: posts with specifications that match their months. */
async function fill(path: string, layout: TemplateLayout, out: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  const stam = wb.getWorksheet('Stamdata')!;
  stam.getCell('B1').value = 'Randers Kommune';
  stam.getCell('B2').value = '29189617';
  stam.getCell('B3').value = 'Recovery i Randers';
  const total = layout.sheets.reduce((s, x) => s + x.months.length, 0);
  const posts = [
    { post: 'Løn projektleder', spec: `37 t/uge, 40.000 kr./md., ${total} mdr.`, cat: 'Løn', note: 'Fuld tid', each: 40000 },
    { post: 'Kørsel', spec: `200 km/md. à 1,50 kr., ${total} mdr.`, cat: 'Transport og kørsel', each: 300 },
    { post: 'Revision', spec: `${layout.sheets.length} erklæringer à 10.000 kr.`, cat: 'Revision', last: 10000 },
  ];
  for (const s of layout.sheets) {
    const ws = wb.getWorksheet(s.name)!;
    posts.forEach((p, i) => {
      const r = s.inputRows[i];
      ws.getCell(r, 1).value = p.post;
      ws.getCell(r, 2).value = p.spec;
      ws.getCell(r, 3).value = p.cat;
      if (p.note) ws.getCell(r, 4).value = p.note;
      s.months.forEach((_, k) => {
        if (p.each) ws.getCell(r, s.firstMonthCol + k).value = p.each;
        else if (k === s.months.length - 1) ws.getCell(r, s.firstMonthCol + k).value = p.last!;
      });
    });
  }
  await wb.xlsx.writeFile(out);
}

describe('budgettjek template', () => {
  it('refuses (usage error) to lay out a form for a pool whose sources give no period', async () => {
    const pool = findBuiltinPool('lokalplejehjem-2025')!;
    expect(pool.period).toBeUndefined();
    await expect(writeBudgetTemplate(pool, { lang: 'da', perYear: false })).rejects.toThrow(/no known project period/);
  });
  for (const pool of builtinPools().filter((p) => p.period)) {
    for (const perYear of [false, true]) {
      it(`${pool.id}${perYear ? ' --per-year' : ''}: blank, it is one no-budget-table (not filled in) plus missing-metadata for the blank fields; filled in correctly, no error and no input/ or structure/ finding`, async () => {
        const { workbook, layout } = await writeBudgetTemplate(pool, { lang: 'da', perYear });
        const empty = join(dir, `${pool.id}-${perYear}.xlsx`);
        await workbook.xlsx.writeFile(empty);
        const r0 = await checkFile(empty, {});
        expect(r0.kind).toBe('budget');
        expect(r0.pool).toBe(pool.id);
        const first = layout.sheets[0].name;
        expect(r0.findings.map((f) => [f.rule, f.severity, f.sheet, f.cell])).toEqual([
          ['structure/missing-metadata', 'warning', 'Stamdata', 'B1'],
          ['structure/missing-metadata', 'warning', 'Stamdata', 'B2'],
          ['structure/no-budget-table', 'error', first, expect.any(String)],
        ]);
        const months = layout.sheets.flatMap((s) => s.months);
        expect(months[0]).toBe(pool.period!.start);
        expect(months.at(-1)).toBe(pool.period!.end);
        const filled = join(dir, `${pool.id}-${perYear}-filled.xlsx`);
        await fill(empty, layout, filled);
        const r1 = await checkFile(filled, {});
        expect(r1.findings.filter((f) => f.severity === 'error')).toEqual([]);
        expect(r1.findings.filter((f) => /^(input|structure)\//.test(f.rule))).toEqual([]);
        expect(r1.applicant).toBe('Randers Kommune');
        expect(r1.requested).toBe(r1.totals.expenses);
        expect(r1.totals.expenses).toBeGreaterThan(0);
      });
    }
  }

  it('the CLI writes a template, refuses to overwrite without --force, and writes the accounts form from a budget', async () => {
    const out = join(dir, 'cli.xlsx');
    expect(run(['template', '--pool', 'recovery-2019', '-o', out]).status).toBe(0);
    expect(existsSync(out)).toBe(true);
    expect(run(['template', '--pool', 'recovery-2019', '-o', out]).status).toBe(2);
    expect(run(['template', '--pool', 'recovery-2019', '-o', out, '--force', '--lang', 'en', '--per-year']).status).toBe(0);
    const { layout, workbook } = await writeBudgetTemplate(findBuiltinPool('recovery-2019')!, { lang: 'da', perYear: false });
    const base = join(dir, 'approved-base.xlsx');
    await workbook.xlsx.writeFile(base);
    const approved = join(dir, 'approved.xlsx');
    await fill(base, layout, approved);
    const acc = join(dir, 'regnskab.xlsx');
    const r = run(['template', '--accounts', '--budget', approved, '-o', acc]);
    expect(r.status).toBe(0);
    const rep = await checkFile(acc, { budget: approved });
    expect(rep.kind).toBe('accounts');
    expect(rep.totals.budget).toBe((await checkFile(approved, {})).totals.expenses);
    expect(rep.findings.filter((f) => f.severity === 'error')).toEqual([]);
  });

  it('opens in LibreOffice (soffice --headless --convert-to pdf)', () => {
    const soffice = ['/usr/bin/soffice', '/usr/bin/libreoffice'].find(existsSync);
    if (!soffice) throw new Error('soffice is missing: install Debian\'s libreoffice-calc-nogui (apt-get install libreoffice-calc-nogui); .ci/run does');
    const file = join(dir, 'recovery-2019-false.xlsx');
    const outDir = join(dir, 'pdf');
    const r = spawnSync(soffice, ['--headless', `-env:UserInstallation=file://${join(dir, 'lo-profile')}`, '--convert-to', 'pdf', '--outdir', outDir, file], { encoding: 'utf8', timeout: 120_000 });
    expect(r.status, r.stderr).toBe(0);
    const pdf = join(outDir, 'recovery-2019-false.pdf');
    expect(statSync(pdf).size).toBeGreaterThan(5000);
    expect(readFileSync(pdf).subarray(0, 4).toString()).toBe('%PDF');
  });
});

describe('budgettjek pools', () => {
  it('lists the built-in profiles as JSON, shows one with its sources, and refuses an unknown id', () => {
    const list = JSON.parse(run(['pools', '--format', 'json']).stdout);
    expect(list).toEqual(builtinPools().map(storedProfile));
    const one = JSON.parse(run(['pools', 'show', 'recovery-2019', '--format', 'json']).stdout);
    expect(one.sources.length).toBeGreaterThan(3);
    expect(one.funds).toBe(13_000_000);
    const text = run(['pools', 'show', 'recovery-2019']);
    expect(text.status).toBe(0);
    for (const s of one.sources) expect(text.stdout).toContain(s.title);
    expect(run(['pools']).stdout).toMatch(/recovery-2019\s+Social investeringspulje/);
    expect(run(['pools', 'show', 'nope']).status).toBe(2);
  });
});
