// A file read by its content, named as the other format: a CSV export named .xlsx is read as CSV, a workbook named .csv
// as a workbook, each with input/misnamed (a warning) and otherwise the findings of the file named right.
import { copyFileSync, existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkFiles } from '../src/check.js';
import { checkBytes } from '../src/engine.js';
import { readWorkbookBytes } from '../src/read/bytes.js';
import { fixtureDefs } from '../fixtures/defs/index.js';
import { buildAll, extensionOf } from '../fixtures/lib/budget.js';
import { DEFAULT_OUT } from '../scripts/make-fixtures.js';
import { APPROVED_NAME } from '../fixtures/defs/leftovers-accounts.js';
import type { Finding } from '../src/types.js';

const CSV = 'clean-csv-utf8';
const XLSX = 'clean-date-headers--openpyxl';
const ACCOUNTS_CSV = 'accounts-csv-csv-utf8-bom';
const defs = fixtureDefs.filter((d) => [CSV, XLSX, ACCOUNTS_CSV, APPROVED_NAME].includes(d.name));
const pathOf = (name: string) => join(DEFAULT_OUT, `${name}.${extensionOf(defs.find((d) => d.name === name)!)}`);
const dir = mkdtempSync(join(tmpdir(), 'bt-misnamed-'));
const at = (fs: Finding[]) => fs.map((f) => `${f.rule}@${f.sheet ?? ''}:${f.row ?? ''}`).sort();

beforeAll(async () => {
  if (defs.length !== 4) throw new Error('fixtures renamed');
  if (!defs.every((d) => existsSync(pathOf(d.name)))) await buildAll(defs, DEFAULT_OUT);
}, 300_000);

describe('a file named as the other format', () => {
  it('a CSV named .xlsx is read as CSV: input/misnamed (warning, named xlsx) beside the findings it has as .csv', async () => {
    const renamed = join(dir, `${CSV}.xlsx`);
    copyFileSync(pathOf(CSV), renamed);
    const [right, wrong] = (await checkFiles([pathOf(CSV), renamed], { pool: 'recovery-2019', jobs: 1 })).files;
    const mis = wrong.findings.filter((f) => f.rule === 'input/misnamed');
    expect(mis).toHaveLength(1);
    expect(mis[0]).toMatchObject({ severity: 'warning', args: { what: 'csv-named-xlsx', named: 'xlsx' } });
    expect(at(wrong.findings.filter((f) => f.rule !== 'input/misnamed'))).toEqual(at(right.findings));
    expect(right.findings.some((f) => f.rule.startsWith('input/'))).toBe(false);
    expect(wrong.totals).toEqual(right.totals);
  });

  it('an .xlsx named .csv is read as a workbook: input/misnamed (named csv), the same findings otherwise', async () => {
    const renamed = join(dir, `${XLSX}.csv`);
    copyFileSync(pathOf(XLSX), renamed);
    const [right, wrong] = (await checkFiles([pathOf(XLSX), renamed], { pool: 'recovery-2019', jobs: 1 })).files;
    expect(wrong.findings.filter((f) => f.rule === 'input/misnamed').map((f) => f.args)).toEqual([{ what: 'xlsx-named-csv', named: 'csv' }]);
    expect(at(wrong.findings.filter((f) => f.rule !== 'input/misnamed'))).toEqual(at(right.findings));
    expect(wrong.totals).toEqual(right.totals);
  });

  it('by content, not name: the reader sniffs the bytes; a name that says nothing (.txt, none, .xlsm for a workbook) is no finding', async () => {
    const csv = readFileSync(pathOf(CSV));
    const xlsx = readFileSync(pathOf(XLSX));
    const r = readWorkbookBytes('budget.XLSX', csv);
    expect(r.ok && r.workbook.format).toBe('csv');
    expect(r.ok && r.workbook.misnamed).toBe('xlsx');
    const z = readWorkbookBytes('budget.csv', xlsx);
    expect(z.ok && z.workbook.format).toBe('xlsx');
    for (const [name, bytes] of [
      ['budget.txt', csv],
      ['budget', csv],
      ['budget.csv', csv],
      ['budget.xlsm', xlsx],
      ['budget', xlsx],
    ] as const) {
      const x = readWorkbookBytes(name, bytes);
      expect(x.ok && x.workbook.misnamed, name).toBeUndefined();
    }
    // in the browser too (the file's name is the report's path)
    const page = await checkBytes('regnskab.xlsx', csv, { pool: 'recovery-2019' });
    expect(page.findings.filter((f) => f.rule === 'input/misnamed')).toHaveLength(1);
  });

  it('accounts exported as CSV and named .xlsx: checked as accounts against the approved budget, the name said once', async () => {
    const renamed = join(dir, 'regnskab.xlsx');
    copyFileSync(pathOf(ACCOUNTS_CSV), renamed);
    const budget = pathOf(APPROVED_NAME);
    const [right, wrong] = (await checkFiles([pathOf(ACCOUNTS_CSV), renamed], { pool: 'recovery-2019', budget, jobs: 1 })).files;
    expect(wrong.kind).toBe('accounts');
    expect(wrong.findings.map((f) => f.rule)).toEqual(['input/misnamed']);
    expect(right.findings).toEqual([]);
    expect(wrong.totals).toEqual(right.totals);
  });

  it('a text that is not a spreadsheet named .xlsx stays what it was (no table), with the name said too; a real zip that is no workbook stays input/unreadable', async () => {
    const page = await checkBytes('notes.xlsx', new TextEncoder().encode('Kære sagsbehandler\nHer er vores regnskab.\n'), { pool: 'recovery-2019' });
    expect(page.findings.map((f) => f.rule)).toContain('input/misnamed');
    expect(page.findings.map((f) => f.rule)).toContain('structure/no-budget-table');
  });
});
