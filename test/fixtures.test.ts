// Checks every generated fixture against the findings its definition expects: each expected finding at its sheet and
// row, and no other error (nor, for strict definitions, any other warning). Also: each writer really wrote its pitfalls.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkFiles } from '../src/check.js';
import type { Finding } from '../src/types.js';
import { fixtureDefs } from '../fixtures/defs/index.js';
import { exampleDefs } from '../fixtures/defs/shipped.js';
import { extensionOf, poolFor, resolveExpected, type Built, type ResolvedExpected } from '../fixtures/lib/budget.js';
import { layout } from '../fixtures/lib/layout.js';
import { unzip } from '../fixtures/lib/zip.js';
import type { FixtureDef } from '../fixtures/lib/types.js';
import { DEFAULT_OUT, EXAMPLES_DIR, makeFixtures } from '../scripts/make-fixtures.js';

const allDefs = [...fixtureDefs, ...exampleDefs];
const pathOf = (def: FixtureDef) => join(DEFAULT_OUT, `${def.name}.${extensionOf(def)}`);

beforeAll(async () => {
  // The global setup (test/global-setup.ts) generates them; generate here when this file runs without it.
  if (!allDefs.every((d) => existsSync(pathOf(d)))) await makeFixtures(DEFAULT_OUT);
});

const matches = (f: Finding, e: ResolvedExpected) =>
  f.rule === e.rule &&
  (e.sheet === undefined || f.sheet === e.sheet) &&
  (e.row === undefined || f.row === e.row) &&
  (e.cell === undefined || f.cell === e.cell);
const show = (f: Finding) => `${f.severity} ${f.rule} @ ${f.sheet ?? '-'}!${f.cell ?? f.row ?? '-'} ${f.post ?? ''}`;

describe.each(allDefs.map((def) => [def.name, def] as const))('fixture %s', (_name, def) => {
  it(`${def.expect.length ? 'reports what it holds' : 'is clean'}: ${def.description}`, async () => {
    const built: Built = { def, path: pathOf(def), layout: layout(def) };
    const expected = def.expect.map((e) => resolveExpected(built, e));
    const approved = def.budget ? allDefs.find((d) => d.name === def.budget) : undefined;
    if (def.budget) expect(approved, `the approved budget ${def.budget}`).toBeDefined();
    const report = await checkFiles([built.path], { pool: poolFor(def, DEFAULT_OUT), jobs: 1, ...(approved ? { budget: pathOf(approved) } : {}) });
    expect(report.files).toHaveLength(1);
    const findings = report.files[0].findings;
    const missing = expected.filter((e) => !findings.some((f) => matches(f, e)));
    expect(missing, `expected findings not reported; reported:\n${findings.map(show).join('\n')}`).toEqual([]);
    const forbidden = findings.filter((f) => (f.severity === 'error' || (def.strict && f.severity === 'warning')) && !expected.some((e) => matches(f, e)));
    expect(forbidden.map(show)).toEqual([]);
    // the layout read right: every line counted, none twice (a summary sheet is a view, not more expenses)
    if (def.expenses !== undefined) expect(report.files[0].totals.expenses).toBe(Math.round(def.expenses * 100));
  });
});

describe('the fixture set', () => {
  it('covers every structure, distribution, cap and arithmetic rule the brief names, and every writer', () => {
    const rules = new Set(allDefs.flatMap((d) => d.expect.map((e) => e.rule)));
    for (const r of [
      'structure/no-budget-table',
      'structure/missing-months',
      'structure/duplicate-month',
      'structure/formula-error',
      'structure/non-numeric-amount',
      'structure/hidden-content',
      'structure/missing-metadata',
      'distribution/not-distributed',
      'distribution/sum-mismatch',
      'distribution/outside-period',
      'distribution/negative-amount',
      'distribution/single-month',
      'cap/pool-exceeded',
      'cap/annual-exceeded',
      'cap/requested-mismatch',
      'cap/financing-mismatch',
      'arithmetic/total-mismatch',
      'arithmetic/hardcoded-total',
      'arithmetic/inconsistent-formula',
    ])
      expect(rules, r).toContain(r);
    const writers = new Set(allDefs.map((d) => d.writer ?? 'exceljs'));
    expect([...writers].sort()).toEqual([
      'csv-1252',
      'csv-en',
      'csv-utf16',
      'csv-utf8',
      'csv-utf8-bom',
      'exceljs',
      'gnumeric',
      'libreoffice',
      'openpyxl',
      'raw',
      'xlsxwriter',
    ]);
    expect(allDefs.filter((d) => d.expect.length === 0).length).toBeGreaterThanOrEqual(20);
  });

  it('the committed examples are what the generator writes now (run npm run fixtures after changing a definition)', () => {
    for (const def of exampleDefs) {
      const committed = readFileSync(join(EXAMPLES_DIR, `${def.name}.xlsx`));
      expect(committed.equals(readFileSync(pathOf(def))), def.name).toBe(true);
    }
  });

  it('the raw writer wrote inline strings, formulas without cached values, a shared formula and a cached 0', () => {
    const parts = new Map(unzip(readFileSync(pathOf(allDefs.find((d) => d.name === 'clean-raw-writer')!))).map((e) => [e.name, e.data.toString('utf8')]));
    expect([...parts.keys()]).not.toContain('xl/sharedStrings.xml');
    const sheet = parts.get('xl/worksheets/sheet2.xml')!;
    expect(sheet).toContain('t="inlineStr"');
    expect(sheet).toMatch(/<f>SUM\([A-Z]+\d+:[A-Z]+\d+\)<\/f><\/c>/);
    expect(sheet).toMatch(/<f t="shared" ref="[A-Z]+\d+:[A-Z]+\d+" si="0">/);
    expect(sheet).toMatch(/<f>SUM\([^<]*\)<\/f><v>0<\/v>/);
  });

  it('the LibreOffice fixtures were written by LibreOffice', () => {
    for (const def of allDefs.filter((d) => d.writer === 'libreoffice')) {
      const app = unzip(readFileSync(pathOf(def))).find((e) => e.name === 'docProps/app.xml');
      expect(app?.data.toString('utf8'), def.name).toMatch(/LibreOffice/);
    }
  });

  it('the XlsxWriter fixtures were written by XlsxWriter: every formula caches 0', () => {
    const defs = allDefs.filter((d) => d.writer === 'xlsxwriter');
    expect(defs.length).toBeGreaterThanOrEqual(10);
    for (const def of defs) {
      const parts = new Map(unzip(readFileSync(pathOf(def))).map((e) => [e.name, e.data.toString('utf8')]));
      expect(parts.get('docProps/core.xml'), def.name).toMatch(/XlsxWriter/);
      const sheets = [...parts]
        .filter(([n]) => n.startsWith('xl/worksheets/sheet'))
        .map(([, x]) => x)
        .join('');
      const formulas = sheets.match(/<f>[^<]*<\/f>(<v>[^<]*<\/v>)?/g) ?? [];
      expect(formulas.length, def.name).toBeGreaterThan(0);
      for (const f of formulas) expect(f, def.name).toMatch(/<v>0<\/v>$/);
    }
  });

  it('the Gnumeric fixtures were written by Gnumeric', () => {
    const defs = allDefs.filter((d) => d.writer === 'gnumeric');
    expect(defs.length).toBeGreaterThanOrEqual(10);
    for (const def of defs) {
      const app = unzip(readFileSync(pathOf(def))).find((e) => e.name === 'docProps/app.xml');
      expect(app?.data.toString('utf8'), def.name).toMatch(/<Application>gnumeric<\/Application>/i);
    }
  });

  it('the Excel-table fixtures hold a table part with structured references', () => {
    const defs = allDefs.filter((d) => /excel-table/.test(d.name));
    expect(defs.map((d) => d.writer).sort()).toEqual(['openpyxl', 'openpyxl', 'openpyxl', 'xlsxwriter', 'xlsxwriter', 'xlsxwriter']);
    for (const def of defs) {
      const parts = unzip(readFileSync(pathOf(def)));
      expect(
        parts.some((e) => /^xl\/tables\/table\d+\.xml$/.test(e.name)),
        def.name,
      ).toBe(true);
      expect(parts.find((e) => e.name === 'xl/worksheets/sheet2.xml')?.data.toString('utf8'), def.name).toMatch(/Tabel\d\[\[#This Row\]/);
    }
  });

  it('the CSV fixtures are in their encodings: Windows-1252 bytes for æøå, a BOM only where asked', () => {
    const bytes = (name: string) => readFileSync(pathOf(allDefs.find((d) => d.name === name)!));
    const b1252 = bytes('clean-csv-1252');
    expect(b1252.includes(Buffer.from([0xf8]))).toBe(true); // ø
    expect(b1252.includes(Buffer.from('ø', 'utf8'))).toBe(false);
    expect(bytes('clean-csv-utf8-bom').subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(bytes('clean-csv-utf8')[0]).not.toBe(0xef);
    expect(bytes('clean-csv-utf8').toString('utf8')).toMatch(/^Budgetpost;Specifikation;jan 2020;/);
  });
});
