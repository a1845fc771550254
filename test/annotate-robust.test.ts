// --annotate under pressure: concurrent runs into one folder, a small file that expands to billions of cells in a
// batch, cell text with characters XML forbids, and a copy that would land on an input.
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { roskilde } from './helpers/example-budgets.js';
import { budgetWorkbook, CLEAN_LINES } from './helpers/budget.js';
import { writeXlsx } from './helpers/xlsx.js';
import { minimalXlsx } from './helpers/zip.js';
import { unzip as unzipEntries } from '../fixtures/lib/zip.js';
import { patchWorkbook } from '../src/annotate/patch.js';
import { zipParts } from '../src/zip/write.js';

const BIN = resolve('bin/budgettjek.js');
const PY = '/usr/bin/python3';
const dir = mkdtempSync(join(tmpdir(), 'bt-annotate-robust-'));
const run = (args: string[], env: NodeJS.ProcessEnv = {}) =>
  spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', env: { ...process.env, ...env }, timeout: 120_000 });

/** Every XML part of a copy parsed by expat (Python's strict XML parser): throws on the first not well-formed. */
function parseAllParts(copy: string): string[] {
  const script = `
import sys, zipfile, xml.dom.minidom
z = zipfile.ZipFile(sys.argv[1])
for n in z.namelist():
    if n.endswith(('.xml', '.rels', '.vml')):
        xml.dom.minidom.parseString(z.read(n))
        print(n)
`;
  return execFileSync(PY, ['-c', script, copy], { encoding: 'utf8' }).trim().split('\n');
}

describe('two --annotate runs into one folder', () => {
  it('never clash: each run writes whole copies, the folder holds one valid copy per name and no leftovers', async () => {
    const a = join(dir, 'a', 'budget.xlsx');
    const b = join(dir, 'b', 'budget.xlsx');
    mkdirSync(join(dir, 'a'));
    mkdirSync(join(dir, 'b'));
    await writeXlsx(budgetWorkbook({ lines: [{ ...CLEAN_LINES[0], total: 1 }, ...CLEAN_LINES.slice(1)] }).wb, a);
    // a bigger workbook under the same name: interleaved writes would leave a mix of the two
    await writeXlsx(
      budgetWorkbook({ ...roskilde, lines: [...roskilde.lines, ...roskilde.lines.map((l) => ({ ...l, post: `${l.post} II`, total: 7 }))] }).wb,
      b,
    );
    const out = join(dir, 'ud');
    const runs = [a, b, a, b].map(
      (input) =>
        new Promise<number | null>((done) => {
          const p = spawn(process.execPath, [BIN, 'check', input, '--annotate', out, '--format', 'json'], { stdio: 'ignore' });
          p.on('close', done);
        }),
    );
    expect(await Promise.all(runs)).toEqual([1, 1, 1, 1]);
    expect(readdirSync(out)).toEqual(['budget.xlsx']);
    const parts = parseAllParts(join(out, 'budget.xlsx'));
    expect(parts).toContain('xl/workbook.xml');
    const r = run(['check', join(out, 'budget.xlsx'), '--format', 'json', '--fail-on', 'never']);
    expect(r.status, r.stderr).toBe(0);
  }, 120_000);
});

describe('input limits hold for --annotate', () => {
  it('a 4 KB file with one merged range A1:XFD1000001 is annotated in bounded memory, with the rest of the batch', async () => {
    const batch = join(dir, 'batch');
    mkdirSync(batch);
    const bomb = minimalXlsx(
      '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>Budgetpost</t></is></c></row></sheetData><mergeCells count="1"><mergeCell ref="A1:XFD1000001"/></mergeCells></worksheet>',
    );
    expect(bomb.length).toBeLessThan(4096);
    writeFileSync(join(batch, 'bomb.xlsx'), bomb);
    await writeXlsx(budgetWorkbook({ lines: [{ ...CLEAN_LINES[0], total: 1 }, ...CLEAN_LINES.slice(1)] }).wb, join(batch, 'good.xlsx'));
    const out = join(dir, 'batch-ud');
    // a heap of 700 MB: loading the merged range cell by cell would die long before it was done
    const r = run(['check', batch, '--pool', 'recovery-2019', '--annotate', out, '--format', 'json'], { NODE_OPTIONS: '--max-old-space-size=700' });
    expect(r.status, r.stderr).toBe(1);
    expect(r.stderr).toBe('');
    const report = JSON.parse(r.stdout);
    expect(report.files.map((f: { path: string }) => f.path.split('/').pop())).toEqual(['bomb.xlsx', 'good.xlsx']);
    expect(readdirSync(out)).toEqual(['bomb.xlsx', 'good.xlsx']);
    parseAllParts(join(out, 'bomb.xlsx'));
    expect(execFileSync('unzip', ['-p', join(out, 'bomb.xlsx'), 'xl/worksheets/sheet1.xml'], { encoding: 'utf8' })).toContain(
      '<mergeCell ref="A1:XFD1000001"/>',
    );
  }, 120_000);

  it('a file past the limits is declined with a message, and the rest of the batch is annotated', async () => {
    const batch = join(dir, 'limits');
    mkdirSync(batch);
    await writeXlsx(
      budgetWorkbook({ ...roskilde, lines: [...roskilde.lines, ...roskilde.lines.map((l) => ({ ...l, post: `${l.post} II` }))] }).wb,
      join(batch, 'stor.xlsx'),
    );
    await writeXlsx(budgetWorkbook({ lines: [{ ...CLEAN_LINES[0], total: 1 }] }).wb, join(batch, 'lille.xlsx'));
    const out = join(dir, 'limits-ud');
    const r = run(['check', batch, '--pool', 'recovery-2019', '--annotate', out, '--format', 'json', '--max-cells', '300', '--lang', 'en']);
    expect(r.status, r.stderr).toBe(1);
    const report = JSON.parse(r.stdout);
    const big = report.files.find((f: { path: string }) => f.path.endsWith('stor.xlsx'));
    expect(big.findings.map((f: { rule: string }) => f.rule)).toEqual(['input/too-large']);
    expect(readdirSync(out)).toEqual(['lille.xlsx']);
    expect(r.stderr).toMatch(/stor\.xlsx: no annotated copy/);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });
});

describe('characters XML 1.0 forbids', () => {
  const posts = ['Løn\uFFFE projektleder', 'Revision\uFFFF', 'Kørsel \uD800 ensom'];
  const lines = posts.map((post, i) => ({ post, spec: '', monthly: 1000 * (i + 1), total: 7 }));

  it('an xlsx whose cell text holds U+FFFE, U+FFFF and a lone surrogate gets a well-formed copy', async () => {
    const input = join(dir, 'tegn.xlsx');
    await writeXlsx(budgetWorkbook({ lines }).wb, input);
    const out = join(dir, 'tegn-ud');
    const r = run(['check', input, '--annotate', out, '--format', 'json']);
    expect(r.status, r.stderr).toBe(1);
    const findings = JSON.parse(r.stdout).files[0].findings as Array<{ rule: string; sheet: string; row: number }>;
    expect(findings.filter((f) => f.rule === 'distribution/sum-mismatch').map((f) => f.row)).toEqual([2, 3, 4]);
    expect(parseAllParts(join(out, 'tegn.xlsx')).length).toBeGreaterThan(5);
  });

  it('a CSV whose cells hold them does too', () => {
    const input = join(dir, 'tegn.csv');
    writeFileSync(input, `Budgetpost;januar 2020;februar 2020;I alt\n${posts.map((p) => `${p};100;100;300`).join('\n')}\n`);
    const out = join(dir, 'tegn-csv-ud');
    const r = run(['check', input, '--pool', 'recovery-2019', '--annotate', out, '--format', 'json']);
    expect(r.status, r.stderr).toBe(1);
    expect(parseAllParts(join(out, 'tegn.xlsx'))).toContain('xl/worksheets/sheet1.xml');
  });
});

describe('a workbook that has notes of its own', () => {
  it('keeps them: a finding cell with a note gets ours added to it, other notes stay as they were', async () => {
    const base = join(dir, 'noter-base.xlsx');
    await writeXlsx(budgetWorkbook({ lines: [{ ...CLEAN_LINES[0], total: 1 }, ...CLEAN_LINES.slice(1)] }).wb, base);
    const first = JSON.parse(run(['check', base, '--format', 'json']).stdout).files[0].findings.find((f: { cell?: string }) => f.cell);
    const input = join(dir, 'noter.xlsx');
    const script = `
import sys, openpyxl
from openpyxl.comments import Comment
wb = openpyxl.load_workbook(sys.argv[1]); ws = wb[sys.argv[3]]
ws['A1'].comment = Comment('Overskriften', 'Anna')
ws[sys.argv[4]].comment = Comment('Tjek med økonomi', 'Anna')
wb.save(sys.argv[2])
`;
    execFileSync(PY, ['-c', script, base, input, first.sheet, first.cell]);
    const out = join(dir, 'noter-ud');
    expect(run(['check', input, '--annotate', out]).status).toBe(1);
    const cmp = JSON.parse(execFileSync(PY, [resolve('test/helpers/annotate-compare.py'), input, join(out, 'noter.xlsx')], { encoding: 'utf8' }));
    expect(cmp.other).toEqual([]);
    expect(cmp.notes[`${first.sheet}!A1`]).toBe('Overskriften');
    expect(cmp.notes[`${first.sheet}!${first.cell}`]).toMatch(/^Tjek med økonomi/);
    expect(cmp.notes[`${first.sheet}!${first.cell}`]).toContain(first.rule);
    parseAllParts(join(out, 'noter.xlsx'));
  });
});

describe('finding cells the sheet does not have', () => {
  it('are added in order (into an existing row, before the first row, after the last), styled, noted, and the parts stay well-formed', () => {
    const sheet =
      '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="2" spans="1:2"><c r="A2" t="inlineStr"><is><t>Post</t></is></c><c r="C2"><v>5</v></c></row><row r="5"/></sheetData></worksheet>';
    const entries = unzipEntries(minimalXlsx(sheet));
    const marks = ['B2', 'D2', 'A1', 'B5', 'A9'].map((address) => ({ sheet: 'Budget', address, severity: 'warning' as const, note: `note ${address}` }));
    const out = patchWorkbook(entries, marks, { name: 'budgettjek', header: ['a'], rows: [], widths: [10] });
    const file = join(dir, 'huller.xlsx');
    writeFileSync(file, Buffer.concat(zipParts(out)));
    parseAllParts(file);
    const script = `
import json, sys, openpyxl
ws = openpyxl.load_workbook(sys.argv[1])['Budget']
print(json.dumps({a: [ws[a].fill.fgColor.rgb, ws[a].comment.text if ws[a].comment else None] for a in ['B2', 'D2', 'A1', 'B5', 'A9', 'A2', 'C2']} | {'order': [[c.coordinate for c in r] for r in ws.iter_rows(min_row=2, max_row=2)]}))
`;
    const got = JSON.parse(execFileSync(PY, ['-c', script, file], { encoding: 'utf8' }));
    for (const a of ['B2', 'D2', 'A1', 'B5', 'A9']) expect(got[a]).toEqual(['FFFFEB9C', `note ${a}`]);
    expect(got.A2[1]).toBeNull();
    expect(got.C2[0]).not.toBe('FFFFEB9C');
    const xml = out.find((e) => e.name === 'xl/worksheets/sheet1.xml')!.data.toString('utf8');
    expect([...xml.matchAll(/<c r="([A-Z]+\d+)"/g)].map((m) => m[1])).toEqual(['A1', 'A2', 'B2', 'C2', 'D2', 'B5', 'A9']);
  });
});

describe('a copy never lands on an input', () => {
  it('--annotate into the inputs own folder is a usage error and nothing is written', async () => {
    const folder = join(dir, 'samme');
    mkdirSync(folder);
    const input = join(folder, 'budget.xlsx');
    await writeXlsx(budgetWorkbook({ lines: [{ ...CLEAN_LINES[0], total: 1 }, ...CLEAN_LINES.slice(1)] }).wb, input);
    const before = readFileSync(input);
    const r = run(['check', input, '--annotate', folder]);
    expect(r.status).toBe(2);
    expect(readFileSync(input).equals(before)).toBe(true);
    expect(readdirSync(folder)).toEqual(['budget.xlsx']);
    expect(r.stdout).toBe('');
  });

  it('an .xlsm copy keeps its extension (a macro workbook named .xlsx does not open)', async () => {
    const input = join(dir, 'makro.xlsm');
    await writeXlsx(budgetWorkbook({ lines: [{ ...CLEAN_LINES[0], total: 1 }, ...CLEAN_LINES.slice(1)] }).wb, join(dir, 'makro.xlsx'));
    copyFileSync(join(dir, 'makro.xlsx'), input);
    const out = join(dir, 'makro-ud');
    expect(run(['check', input, '--annotate', out]).status).toBe(1);
    expect(readdirSync(out)).toEqual(['makro.xlsm']);
    expect(statSync(join(out, 'makro.xlsm')).size).toBeGreaterThan(1000);
    expect(existsSync(join(out, 'makro.xlsx'))).toBe(false);
  });
});
