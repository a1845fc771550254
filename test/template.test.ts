import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, statSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { checkFile } from '../src/check.js';
import { builtinPools, findBuiltinPool, storedProfile } from '../src/pools/index.js';
import { quarterRange, writeBudgetTemplate, type TemplateLayout } from '../src/template/budget.js';
import { colLetters } from '../src/read/address.js';
import type { PoolProfile } from '../src/pools/schema.js';

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
        // a quarterly pool's form has one column per quarter ('2024-Q4'), a monthly pool's one per month
        const want = pool.granularity === 'quarter' ? quarterRange(pool.period!.start, pool.period!.end) : [pool.period!.start, pool.period!.end];
        expect(months[0]).toBe(want[0]);
        expect(months.at(-1)).toBe(want.at(-1));
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

  it('template -o never lands on the approved budget (however it is spelt), and a missing folder is a one-line message', () => {
    const approved = join(dir, 'approved.xlsx');
    const before = readFileSync(approved);
    const link = join(dir, 'link-to-approved.xlsx');
    symlinkSync(approved, link);
    const r = run(['template', '--accounts', '--budget', approved, '-o', link, '--force']);
    expect(r.status).toBe(2);
    expect(readFileSync(approved).equals(before)).toBe(true);
    const m = run(['template', '--pool', 'recovery-2019', '-o', join(dir, 'no-such-folder', 'b.xlsx')]);
    expect(m.status).toBe(2);
    expect(m.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('opens in LibreOffice (soffice --headless --convert-to pdf)', () => {
    const soffice = ['/usr/bin/soffice', '/usr/bin/libreoffice'].find(existsSync);
    if (!soffice) throw new Error("soffice is missing: install Debian's libreoffice-calc-nogui (apt-get install libreoffice-calc-nogui); .ci/run does");
    const file = join(dir, 'recovery-2019-false.xlsx');
    const outDir = join(dir, 'pdf');
    const r = spawnSync(soffice, ['--headless', `-env:UserInstallation=file://${join(dir, 'lo-profile')}`, '--convert-to', 'pdf', '--outdir', outDir, file], {
      encoding: 'utf8',
      timeout: 120_000,
    });
    expect(r.status, r.stderr).toBe(0);
    const pdf = join(outDir, 'recovery-2019-false.pdf');
    expect(statSync(pdf).size).toBeGreaterThan(5000);
    expect(readFileSync(pdf).subarray(0, 4).toString()).toBe('%PDF');
  });
});

describe('the template after a row is inserted, as an applicant adds a line', () => {
  it('generate, insert a row between two lines, fill, check: no error, and the new line counts in the totals', async () => {
    const pool = findBuiltinPool('recovery-2019')!;
    const { workbook, layout } = await writeBudgetTemplate(pool, { lang: 'da', perYear: false });
    const empty = join(dir, 'insert-empty.xlsx');
    await workbook.xlsx.writeFile(empty);
    const s = layout.sheets[0];
    const at = s.inputRows[1]; // between the first and the second line of the first section
    const L = (c: number) => colLetters(c);
    const inserted = join(dir, 'insert-row.xlsx');
    const cells = {
      A: 'Kursus for personalet',
      B: '2 kurser à 10.000 kr.',
      [L(s.firstMonthCol + 2)]: 10000,
      [L(s.firstMonthCol + 8)]: 10000,
      [L(s.totalCol)]: `=SUM(${L(s.firstMonthCol)}{r}:${L(s.totalCol - 1)}{r})`,
    };
    execFileSync('/usr/bin/python3', [resolve('test/helpers/insert-row.py'), empty, inserted, s.name, String(at), JSON.stringify(cells)]);
    const moved = (r: number) => (r >= at ? r + 1 : r);
    const shifted: TemplateLayout = { ...layout, sheets: [{ ...s, inputRows: s.inputRows.map(moved), totalRow: moved(s.totalRow) }] };
    const filled = join(dir, 'insert-filled.xlsx');
    await fill(inserted, shifted, filled);
    const r = await checkFile(filled, {});
    expect(r.findings.filter((f) => f.severity === 'error')).toEqual([]);
    // the same form filled without the inserted line: 20.000 kr. less
    const plain = join(dir, 'insert-plain.xlsx');
    await fill(empty, layout, plain);
    const base = await checkFile(plain, {});
    expect(r.totals.expenses! - base.totals.expenses!).toBe(2_000_000);
    expect(r.requested).toBe(r.totals.expenses);
  });
});

/** What openpyxl reads of a template's print setup, CVR validation and period headers. */
function inspect(
  path: string,
  sheet: string,
): { orientation: string; fitToPage: boolean; fitToWidth: number; fitToHeight: number; titles: string; cvr: string[]; header: unknown[] } {
  const script = `
import json, sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1]); ws = wb[sys.argv[2]]; st = wb['Stamdata']
dv = [d for d in st.data_validations.dataValidation if 'B2' in str(d.sqref)]
print(json.dumps({'orientation': ws.page_setup.orientation, 'fitToPage': bool(ws.sheet_properties.pageSetUpPr and ws.sheet_properties.pageSetUpPr.fitToPage),
  'fitToWidth': ws.page_setup.fitToWidth, 'fitToHeight': ws.page_setup.fitToHeight, 'titles': ws.print_title_rows,
  'cvr': [dv[0].type, dv[0].operator or 'between', dv[0].formula1, dv[0].formula2] if dv else [], 'header': [c.value if not hasattr(c.value, 'isoformat') else c.value.isoformat()[:7] for c in ws[4]]}))
`;
  return JSON.parse(execFileSync('/usr/bin/python3', ['-c', script, path, sheet], { encoding: 'utf8' }));
}

describe('the template on paper and in its cells', () => {
  it('prints landscape, one page wide, with the header row on every page; the CVR cell takes 8 digits only', async () => {
    const { workbook, layout } = await writeBudgetTemplate(findBuiltinPool('recovery-2019')!, { lang: 'da', perYear: false });
    const file = join(dir, 'print.xlsx');
    await workbook.xlsx.writeFile(file);
    const got = inspect(file, 'Budget');
    expect([got.orientation, got.fitToPage, got.fitToWidth, got.fitToHeight]).toEqual(['landscape', true, 1, 0]);
    expect(got.titles).toBe(`$${layout.sheets[0].headerRow}:$${layout.sheets[0].headerRow}`);
    expect(got.cvr).toEqual(['whole', 'between', '10000000', '99999999']);
  });

  it('has room for more lines in each section than a small budget needs', async () => {
    const { layout } = await writeBudgetTemplate(findBuiltinPool('recovery-2019')!, { lang: 'da', perYear: false });
    expect(layout.sheets[0].inputRows.length).toBeGreaterThanOrEqual(25);
  });

  it('a quarterly pool gets the quarterly form: one column per quarter of the period, headed "1. kvt. 2020"', async () => {
    const base = findBuiltinPool('recovery-2019')!;
    const pool: PoolProfile = { ...base, granularity: 'quarter' };
    const { workbook, layout } = await writeBudgetTemplate(pool, { lang: 'da', perYear: false });
    const file = join(dir, 'quarterly.xlsx');
    await workbook.xlsx.writeFile(file);
    const s = layout.sheets[0];
    expect(layout.granularity).toBe('quarter');
    expect(s.months).toEqual(quarterRange(pool.period!.start, pool.period!.end));
    expect(s.months).toHaveLength(11); // 2020-01 … 2022-09
    const header = inspect(file, 'Budget').header;
    expect(header.slice(s.firstMonthCol - 1, s.totalCol)).toEqual([...s.months.map((q) => `${q.slice(6)}. kvt. ${q.slice(0, 4)}`), 'I alt']);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const ws = wb.getWorksheet('Budget')!;
    expect(ws.getCell(s.inputRows[0], s.totalCol).formula).toBe(
      `SUM(${colLetters(s.firstMonthCol)}${s.inputRows[0]}:${colLetters(s.totalCol - 1)}${s.inputRows[0]})`,
    );
    expect(ws.getCell(s.totalRow, s.firstMonthCol).formula).toBe(
      `SUM(${colLetters(s.firstMonthCol)}${s.headerRow + 1}:${colLetters(s.firstMonthCol)}${s.totalRow - 1})`,
    );
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
