// The annotated copy of budgets written by XlsxWriter, LibreOffice and openpyxl (styles shared by many cells, as
// real forms have them), read back with openpyxl: exactly the finding cells change fill, every other cell keeps its
// value, formula and style, each finding cell has its note, and the findings sheet links to the cells, errors first.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { herningWithDefects } from './helpers/example-budgets.js';
import { budgetWorkbook } from './helpers/budget.js';
import { writeXlsx } from './helpers/xlsx.js';
import { convertWithLibreOffice } from '../fixtures/lib/libreoffice.js';

const PY = '/usr/bin/python3';
const dir = mkdtempSync(join(tmpdir(), 'bt-annotate-writers-'));
const inputs = {
  xlsxwriter: join(dir, 'xlsxwriter', 'herning.xlsx'),
  libreoffice: join(dir, 'libreoffice', 'herning.xlsx'),
  openpyxl: join(dir, 'openpyxl', 'herning.xlsx'),
};
const FILL = { error: 'FFFFC7CE', warning: 'FFFFEB9C', info: 'FFDDEBF7' } as const;

interface Compared {
  fillChanged: Array<[string, string]>;
  other: string[][];
  notes: Record<string, string>;
  extraSheets: string[];
  listing: Array<Array<string | number | null>>;
  links: Array<[string, string]>;
  print: Record<string, [string, boolean | null, number]>;
}

beforeAll(async () => {
  const base = join(dir, 'exceljs.xlsx');
  await writeXlsx(budgetWorkbook(herningWithDefects).wb, base);
  for (const k of Object.keys(inputs)) mkdirSync(join(dir, k));
  execFileSync(PY, [resolve('test/helpers/rewrite-with.py'), 'xlsxwriter', base, inputs.xlsxwriter]);
  execFileSync(PY, [resolve('test/helpers/rewrite-with.py'), 'openpyxl', base, inputs.openpyxl]);
  // LibreOffice from the openpyxl file (so it has shared styles to keep), named herning.xlsx in its own folder
  convertWithLibreOffice([inputs.openpyxl], join(dir, 'libreoffice'));
}, 180_000);

describe.each(Object.keys(inputs) as Array<keyof typeof inputs>)('--annotate on a budget written by %s', (writer) => {
  let report: { files: Array<{ findings: Array<{ rule: string; severity: keyof typeof FILL; sheet?: string; cell?: string; row?: number }> }> };
  let cmp: Compared;
  const out = join(dir, `out-${writer}`);

  beforeAll(() => {
    const r = spawnSync(process.execPath, [resolve('bin/budgettjek.js'), 'check', inputs[writer], '--annotate', out, '--format', 'json'], { encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(1);
    expect(r.stderr).toBe('');
    report = JSON.parse(r.stdout);
    cmp = JSON.parse(
      execFileSync(PY, [resolve('test/helpers/annotate-compare.py'), inputs[writer], join(out, 'herning.xlsx')], { encoding: 'utf8', maxBuffer: 64 << 20 }),
    );
  }, 120_000);

  const findingCells = () => {
    const worst = new Map<string, keyof typeof FILL>();
    const rank = { error: 0, warning: 1, info: 2 };
    for (const f of report.files[0].findings) {
      if (!f.sheet || (!f.cell && !f.row)) continue;
      const ref = `${f.sheet}!${f.cell ?? `A${f.row}`}`;
      const had = worst.get(ref);
      if (!had || rank[f.severity] < rank[had]) worst.set(ref, f.severity);
    }
    return worst;
  };

  it('exactly the finding cells change fill, to the colour of their worst finding', () => {
    const want = findingCells();
    expect(want.size).toBeGreaterThan(5);
    expect(Object.fromEntries(cmp.fillChanged)).toEqual(Object.fromEntries([...want].map(([ref, sev]) => [ref, FILL[sev]])));
  });

  it("every cell's value, formula and other style is as in the original", () => {
    expect(cmp.other).toEqual([]);
  });

  it('each finding cell has a note naming its findings', () => {
    const want = findingCells();
    expect(Object.keys(cmp.notes).sort()).toEqual([...want.keys()].sort());
    for (const f of report.files[0].findings) if (f.sheet && f.cell) expect(cmp.notes[`${f.sheet}!${f.cell}`]).toContain(f.rule);
  });

  it('the findings sheet lists every finding, errors first, each linked to its cell', () => {
    expect(cmp.extraSheets).toEqual(['budgettjek']);
    const rows = cmp.listing.slice(1);
    expect(rows).toHaveLength(report.files[0].findings.length);
    const sev = rows.map((r) => r[0]);
    const firstWarning = sev.findIndex((s) => s !== 'fejl');
    expect(firstWarning).toBeGreaterThan(0);
    expect(sev.slice(firstWarning)).not.toContain('fejl');
    const located = report.files[0].findings.filter((f) => f.sheet && (f.cell || f.row)).length;
    expect(cmp.links).toHaveLength(located);
    for (const [ref, location] of cmp.links) {
      const row = cmp.listing[Number(ref.slice(1)) - 1];
      expect(location).toBe(`'${row[2]}'!${/^\d+$/.test(String(row[3])) ? `A${row[3]}` : row[3]}`);
    }
  });

  it('prints landscape, one page wide', () => {
    for (const [, [orientation, fit, width]] of Object.entries(cmp.print)) {
      expect(orientation).toBe('landscape');
      expect(fit).toBe(true);
      expect(width).toBe(1);
    }
  });

  it('a re-run replaces its own copy: one file in the folder, under the same name', () => {
    const r = spawnSync(process.execPath, [resolve('bin/budgettjek.js'), 'check', inputs[writer], '--annotate', out], { encoding: 'utf8' });
    expect(r.status).toBe(1);
    expect(readdirSync(out)).toEqual(['herning.xlsx']);
  });
});
