// The xlsx overview (issue 16): the shipped examples plus 40 generated budgets (and accounts) through the built bin,
// read back with openpyxl and compared with the JSON report, opened by LibreOffice (converted to PDF); hostile cell text
// stays text, also after LibreOffice has saved the workbook again.
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { convertWithLibreOffice, sofficeBinary } from '../fixtures/lib/libreoffice.js';
import { xlsx } from '../src/report/formatters/xlsx.js';
import { accountsWorkbook } from './helpers/accounts.js';
import { budgetWorkbook, type LineSpec } from './helpers/budget.js';
import { rng } from './helpers/mutate.js';
import { HOSTILE, sampleReport } from './helpers/sample-report.js';
import { writeXlsx } from './helpers/xlsx.js';

const BIN = resolve('bin/budgettjek.js');
const dir = mkdtempSync(join(tmpdir(), 'bt-xlsx-'));
const pile = join(dir, 'ansøgninger');

/** Every cell of every sheet: value, openpyxl's data type and number format; the frozen pane and the filter. */
const READ = `
import json, sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
out = {}
for ws in wb:
    rows = [[[c.value, c.data_type, c.number_format] for c in r] for r in ws.iter_rows()]
    out[ws.title] = {"freeze": ws.freeze_panes, "filter": ws.auto_filter.ref, "rows": rows}
print(json.dumps(out, ensure_ascii=False, default=str))
`;
type Cell = [string | number | null, string, string];
type Sheets = Record<string, { freeze: string | null; filter: string | null; rows: Cell[][] }>;
const openpyxl = (file: string): Sheets => JSON.parse(execFileSync('/usr/bin/python3', ['-c', READ, file], { encoding: 'utf8', maxBuffer: 1 << 28 }));

interface JsonFinding {
  rule: string;
  severity: string;
  sheet?: string;
  row?: number;
  cell?: string;
  post?: string;
  message: string;
  expected?: number;
  actual?: number;
}
interface JsonFile {
  path: string;
  kind: string;
  applicant?: string;
  cvr?: string;
  requested?: number;
  totals: { expenses?: number; actual?: number };
  findings: JsonFinding[];
}

const POSTS = ['Løn projektleder', 'Løn koordinator', 'Kørsel', 'Forplejning', 'Kursus i recovery', 'Leje af lokaler', 'Evaluering', 'Revision', 'Supervision'];

beforeAll(async () => {
  mkdirSync(pile);
  for (const f of ['roskilde-budget.xlsx', 'herning-budget-med-fejl.xlsx']) copyFileSync(resolve('fixtures/examples', f), join(pile, f));
  const r = rng(16);
  for (let i = 0; i < 40; i++) {
    const n = 3 + Math.floor(r() * 8);
    const lines: LineSpec[] = Array.from({ length: n }, (_, k) => {
      const each = 500 + Math.floor(r() * 40) * 500;
      return { post: `${POSTS[k % POSTS.length]} ${k + 1}`, spec: `33 mdr. à ${each.toLocaleString('da-DK')} kr.`, monthly: each, note: 'Se ansøgningen' };
    });
    // every fourth budget with a typed total that does not add up, every seventh with a lump sum
    if (i % 4 === 1) lines[0] = { ...lines[0], total: 1234 };
    if (i % 7 === 3) lines.push({ post: 'Diverse', spec: 'div. udgifter', monthly: 1000 });
    const cvr = String(29100000 + i * 7);
    await writeXlsx(
      budgetWorkbook({ lines, stamdata: { CVR: cvr, Ansøger: `Ansøger ${i} =SUM(A1)` } }).wb,
      join(pile, `budget-${String(i).padStart(2, '0')}.xlsx`),
    );
  }
  await writeXlsx(
    accountsWorkbook({ posts: [{ post: 'Løn projektleder', budget: 1_000_000, actual: 990_000 }], stamdata: { 'Bevilget beløb': 1_000_000 } }).wb,
    join(pile, 'zz-regnskab.xlsx'),
  );
});

describe('--format xlsx', () => {
  it('needs -o: a workbook is never written to the terminal', () => {
    const r = spawnSync(process.execPath, [BIN, 'check', join(pile, 'roskilde-budget.xlsx'), '--format', 'xlsx'], { encoding: 'utf8' });
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/-o/);
    // nor over an input
    const input = join(pile, 'roskilde-budget.xlsx');
    const before = readFileSync(input);
    const over = spawnSync(process.execPath, [BIN, 'check', input, '--format', 'xlsx', '-o', input], { encoding: 'utf8' });
    expect(over.status).toBe(2);
    expect(readFileSync(input).equals(before)).toBe(true);
  });

  it("writes Oversigt and Fund with the JSON report's numbers, and LibreOffice opens it", () => {
    const out = join(dir, 'oversigt.xlsx');
    const common = ['check', pile, '--pool', 'recovery-2019', '--fail-on', 'never'];
    const x = spawnSync(process.execPath, [BIN, ...common, '--format', 'xlsx', '-o', out], { encoding: 'utf8' });
    expect(x.status, x.stderr).toBe(0);
    const doc = JSON.parse(spawnSync(process.execPath, [BIN, ...common, '--format', 'json'], { encoding: 'utf8', maxBuffer: 1 << 28 }).stdout) as {
      files: JsonFile[];
      findings: JsonFinding[];
    };
    const funds = JSON.parse(spawnSync(process.execPath, [BIN, 'pools', 'show', 'recovery-2019', '--format', 'json'], { encoding: 'utf8' }).stdout)
      .funds as number;
    expect(doc.files).toHaveLength(43);
    const book = openpyxl(out);
    expect(Object.keys(book)).toEqual(['Oversigt', 'Fund']);

    const ov = book.Oversigt;
    expect(ov.freeze).toBe('A2');
    expect(ov.filter).toBe(`A1:I${doc.files.length + 1}`);
    expect(ov.rows[0].map((c) => c[0])).toEqual(['Fil', 'Ansøger', 'CVR', 'Ansøgt', 'Udgifter', 'Fejl', 'Advarsler', 'Hyppigste regler', 'Vurdering']);
    let requested = 0;
    let requestedClean = 0;
    doc.files.forEach((f, i) => {
      const row = ov.rows[i + 1];
      const errors = f.findings.filter((x) => x.severity === 'error').length;
      const asked = f.kind === 'budget' ? (f.requested ?? f.totals.expenses) : undefined;
      const spent = f.kind === 'accounts' ? f.totals.actual : f.totals.expenses;
      expect(row[0][0]).toBe(f.path);
      expect(row[1][0]).toBe(f.applicant ?? null);
      expect(row[2][0]).toBe(f.cvr ?? null);
      expect(row[3][0]).toBe(asked ?? null);
      expect(row[4][0]).toBe(spent ?? null);
      if (asked !== undefined) expect(row[3].slice(1)).toEqual(['n', '#,##0.00 "kr."']);
      expect(row[5][0]).toBe(errors);
      expect(row[6][0]).toBe(f.findings.filter((x) => x.severity === 'warning').length);
      expect(row[8][0]).toBe(errors ? 'Fejl' : 'I orden');
      // the most frequent rule comes first
      const counts = new Map<string, number>();
      for (const x of f.findings) counts.set(x.rule, (counts.get(x.rule) ?? 0) + 1);
      if (!f.findings.length) expect(row[7][0]).toBeNull();
      else expect(counts.get(String(row[7][0]).split(/[ ,]/)[0])).toBe(Math.max(...counts.values()));
      if (asked !== undefined) {
        requested += asked;
        if (!errors) requestedClean += asked;
      }
    });
    // the applicant "Ansøger 0 =SUM(A1)" is text, not a formula
    expect(ov.rows.flat().some((c) => c[1] === 'f')).toBe(false);
    expect(ov.rows.some((r) => r[1][0] === 'Ansøger 0 =SUM(A1)' && r[1][1] === 's')).toBe(true);
    const block = new Map(ov.rows.slice(doc.files.length + 2).map((r) => [r[0][0], r[3][0]]));
    expect(block.get('Puljens midler')).toBe(funds);
    expect(block.get('Ansøgt af budgetterne i alt')).toBeCloseTo(requested, 2);
    expect(block.get('Ansøgt af budgetter uden fejl')).toBeCloseTo(requestedClean, 2);
    expect(requestedClean).toBeLessThan(requested);
    expect(block.get('Forhold (ansøgt / midler)')).toBe(Math.round((requested / funds) * 100) / 100);
    const over = doc.findings.find((f) => f.rule === 'pool/oversubscribed');
    if (over) expect(over.actual).toBeCloseTo(requested, 2);

    const fund = book.Fund;
    expect(fund.freeze).toBe('A2');
    const all = [...doc.files.flatMap((f) => f.findings.map((x) => ({ path: f.path, ...x }))), ...doc.findings.map((x) => ({ path: '(puljen)', ...x }))];
    expect(fund.filter).toBe(`A1:I${all.length + 1}`);
    expect(fund.rows).toHaveLength(all.length + 1);
    all.forEach((f, i) => {
      const row = fund.rows[i + 1].map((c) => c[0]);
      expect(row).toEqual([
        f.path,
        f.sheet ?? null,
        f.cell ?? (f.row ? `${f.row}:${f.row}` : null),
        f.rule,
        f.severity === 'error' ? 'fejl' : f.severity === 'warning' ? 'advarsel' : 'info',
        f.post ?? null,
        f.message,
        f.expected ?? null,
        f.actual ?? null,
      ]);
    });
    expect(fund.rows.flat().some((c) => c[1] === 'f')).toBe(false);

    // LibreOffice opens it: a PDF of both sheets
    const pdfDir = join(dir, 'pdf');
    mkdirSync(pdfDir);
    const profile = mkdtempSync(join(tmpdir(), 'budgettjek-lo-'));
    try {
      execFileSync(sofficeBinary(), [`-env:UserInstallation=file://${profile}`, '--headless', '--norestore', '--convert-to', 'pdf', '--outdir', pdfDir, out], {
        stdio: 'pipe',
        timeout: 300_000,
      });
    } finally {
      rmSync(profile, { recursive: true, force: true });
    }
    const pdf = readFileSync(join(pdfDir, 'oversigt.pdf'));
    expect(pdf.subarray(0, 4).toString()).toBe('%PDF');
    expect((pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length).toBeGreaterThan(1);
  }, 180_000);

  it('keeps every hostile text as plain text, XML-safe, also after LibreOffice saves it again', async () => {
    const report = sampleReport();
    report.files[0].findings[0].message = 'bell\u0007 and \uFFFE gone';
    const file = join(dir, 'hostile.xlsx');
    writeFileSync(file, await xlsx(report, { lang: 'da', color: false }));
    const again = join(dir, 'lo');
    mkdirSync(again);
    convertWithLibreOffice([file], again);
    expect(existsSync(join(again, 'hostile.xlsx'))).toBe(true);
    for (const book of [openpyxl(file), openpyxl(join(again, 'hostile.xlsx'))]) {
      const cells = Object.values(book).flatMap((s) => s.rows.flat());
      expect(cells.some((c) => c[1] === 'f')).toBe(false);
      const texts = cells.filter((c) => c[1] === 's').map((c) => c[0]);
      expect(texts).toContain(HOSTILE[0]); // =HYPERLINK(…) as a post
      expect(texts).toContain(HOSTILE[1]); // +SUM(1)
      expect(texts).toContain(HOSTILE[4]); // <script>… as an applicant
      expect(texts).toContain(HOSTILE[7]); // a sheet name
      expect(texts).toContain('bell and  gone');
    }
  }, 120_000);
});
