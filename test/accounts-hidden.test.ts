// Accounts (regnskab) against approved budgets as applicants write them, by openpyxl, XlsxWriter, LibreOffice and
// Gnumeric (fixtures/defs/leftovers-accounts.ts), checked by rule, sheet and row; and a caseworker's batch of a folder of
// mixed budgets, accounts and files that are neither.
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Finding } from '../src/types.js';
import { leftoverDefs } from '../fixtures/defs/leftovers-accounts.js';
import { resolveExpected } from '../fixtures/lib/budget.js';
import { layout } from '../fixtures/lib/layout.js';
import { sofficeBinary } from '../fixtures/lib/libreoffice.js';
import { hiddenAccounts } from './helpers/hidden-fixtures.js';

const { pathOf, ensureBuilt, accounts } = hiddenAccounts(leftoverDefs);

const at = (f: Finding[], rule: string) => f.filter((x) => x.rule === rule).map((x) => `${x.sheet}:${x.row}`);
const errors = (f: Finding[]) => f.filter((x) => x.severity === 'error').map((x) => `${x.rule}@${x.sheet}:${x.row}`);

beforeAll(ensureBuilt, 600_000); // the global setup generates them; generated here when this file runs without it

const WRITERS = ['openpyxl', 'xlsxwriter', 'libreoffice', 'gnumeric'];
const GRANT = 1_705_350_00;

describe('a clean pair gets no error', () => {
  for (const w of WRITERS)
    it(`${w}: accounts spent as approved, paired with the approved budget, are accounts with no error and nothing unspent`, async () => {
      const { file } = await accounts(`accounts-clean-${w}`);
      expect(file.kind).toBe('accounts');
      expect(errors(file.findings)).toEqual([]);
      expect(file.totals).toMatchObject({ budget: GRANT, actual: GRANT, unspent: 0 });
    });

  for (const name of [
    'accounts-quarters-libreoffice',
    'accounts-quarters-openpyxl',
    'accounts-sections-typed-totals-gnumeric',
    'accounts-sections-typed-totals-openpyxl',
    'accounts-monthly-sum-xlsxwriter',
    'accounts-monthly-sum-gnumeric',
    'accounts-income-section-openpyxl',
    'accounts-budget-column-blank-libreoffice',
    'accounts-reallocated-openpyxl',
  ])
    it(`${name}: no error, the spending read in full`, async () => {
      const { file } = await accounts(name);
      expect(errors(file.findings)).toEqual([]);
      expect(file.totals.actual).toBe(GRANT);
    });
});

describe('posts renamed slightly between the budget and the accounts', () => {
  for (const w of ['openpyxl', 'gnumeric'])
    it(`${w}: '1.1 Løn, projektleder', 'Kørsel i egen bil', 'Forplejning til møder', 'Revision af regnskab' pair with their approved posts`, async () => {
      const { file } = await accounts(`accounts-renamed-posts-${w}`);
      expect(at(file.findings, 'accounts/unbudgeted-post')).toEqual([]);
      expect(errors(file.findings)).toEqual([]);
    });

  it('xlsxwriter near-miss: a new post and a renamed one whose budget is not the approved are unbudgeted-post, and only they', async () => {
    const { file, rowOf } = await accounts('accounts-renamed-and-new-post-xlsxwriter');
    expect(at(file.findings, 'accounts/unbudgeted-post')).toEqual([`Regnskab:${rowOf('Konsulentbistand')}`, `Regnskab:${rowOf('Revisionsydelser')}`]);
    expect(errors(file.findings).filter((e) => !e.startsWith('accounts/unbudgeted-post'))).toEqual([]);
  });
});

describe('header labels qualified by a unit or the project period', () => {
  for (const w of ['xlsxwriter', 'libreoffice'])
    it(`${w}: 'Godkendt budget (kr.)' and 'Regnskab 2020-2022' are the budget and actual columns; an 'Afvigelse i %' column is no amount`, async () => {
      const { file } = await accounts(`accounts-header-units-${w}`);
      expect(file.kind).toBe('accounts');
      expect(errors(file.findings)).toEqual([]);
      expect(file.totals).toMatchObject({ budget: GRANT, actual: GRANT });
    });

  it("gnumeric near-miss: one year's 'Budget 2021 | Regnskab 2021' is not taken for the project's figures", async () => {
    const { file } = await accounts('accounts-one-year-columns-gnumeric');
    expect(file.findings.map((f) => f.rule)).toContain('structure/no-budget-table');
    expect(at(file.findings, 'accounts/deviation-needs-approval')).toEqual([]);
  });
});

describe('real defects are reported where they are', () => {
  for (const w of ['xlsxwriter', 'libreoffice'])
    it(`${w}: an unexplained deviation over 10 % needs approval and an explanation, at its row; the unspent grant is a warning`, async () => {
      const { file, rowOf } = await accounts(`accounts-deviation-unexplained-${w}`);
      const row = `Regnskab:${rowOf('Ekstern evaluering')}`;
      expect(at(file.findings, 'accounts/deviation-needs-approval')).toEqual([row]);
      expect(at(file.findings, 'accounts/missing-explanation')).toEqual([row]);
      expect(file.findings.filter((f) => f.rule === 'accounts/unspent-funds').map((f) => f.severity)).toEqual(['warning']);
      expect(file.totals.unspent).toBe(30_000_00);
    });

  it('gnumeric: spending in a month after the project period is outside-period at its row', async () => {
    const { file, rowOf } = await accounts('accounts-outside-period-gnumeric');
    expect(at(file.findings, 'accounts/outside-period')).toEqual([`Regnskab:${rowOf('Revision')}`]);
    expect(errors(file.findings)).toEqual([`accounts/outside-period@Regnskab:${rowOf('Revision')}`]);
  });
});

describe('the same post under two main lines of the approved budget', () => {
  it("xlsxwriter: each 'Forplejning' pairs with its own section's approved line: no error", async () => {
    const { file } = await accounts('accounts-same-post-two-sections-xlsxwriter');
    expect(errors(file.findings)).toEqual([]);
  });

  it("gnumeric near-miss: the conference's Forplejning 50 % over is found at the conference's row, not the workshops'", async () => {
    const { file, rowOf } = await accounts('accounts-same-post-two-sections-over-gnumeric');
    const row = `Regnskab:${rowOf('Forplejning konf')}`;
    expect(at(file.findings, 'accounts/deviation-needs-approval')).toEqual([row]);
    expect(at(file.findings, 'accounts/missing-explanation')).toEqual([row]);
    expect(at(file.findings, 'accounts/budget-mismatch')).toEqual([]);
  });
});

describe('accounts by quarters in a project that starts inside a quarter', () => {
  it('openpyxl: a familiehus from 1 November 2024, its first column 4. kvt. 2024: no outside-period, no error', async () => {
    const { file } = await accounts('accounts-quarters-period-mid-quarter-openpyxl');
    expect(at(file.findings, 'accounts/outside-period')).toEqual([]);
    expect(errors(file.findings)).toEqual([]);
  });

  it('libreoffice near-miss: spending in 1. kvt. 2029, wholly after the period, is outside-period at its row', async () => {
    const { file, rowOf } = await accounts('accounts-quarter-after-period-libreoffice');
    expect(errors(file.findings)).toEqual([`accounts/outside-period@Regnskab:${rowOf('Revision')}`]);
  });
});

describe('rows that are no post: a part of the post above, the result', () => {
  for (const w of ['openpyxl', 'gnumeric'])
    it(`${w}: '- heraf pension' and 'Resultat' are neither posts nor spending: no error, the spending counted once`, async () => {
      const { file } = await accounts(`accounts-heraf-and-result-${w}`);
      expect(errors(file.findings)).toEqual([]);
      expect(file.totals).toMatchObject({ budget: GRANT, actual: GRANT });
    });

  it("xlsxwriter near-miss: 'Pension' as its own post with spending is unbudgeted-post at its row", async () => {
    const { file, rowOf } = await accounts('accounts-pension-own-post-xlsxwriter');
    expect(errors(file.findings)).toEqual([`accounts/unbudgeted-post@Regnskab:${rowOf('Pension')}`]);
  });
});

describe("the accounts' own totals", () => {
  for (const w of ['libreoffice', 'openpyxl'])
    it(`${w}: an I alt typed 1.700.000 kr. over posts of 1.705.350 kr. is arithmetic/total-mismatch at its cell, the one error`, async () => {
      const { file, rowOf } = await accounts(`accounts-total-typed-wrong-${w}`);
      expect(file.findings.filter((f) => f.severity === 'error').map((f) => `${f.rule}@${f.sheet}!${f.cell}`)).toEqual([
        `arithmetic/total-mismatch@Regnskab!C${rowOf('I alt')}`,
      ]);
    });

  it('gnumeric: a main line total that leaves out a post is found at that total; the right ones are not', async () => {
    const { file, rowOf } = await accounts('accounts-section-total-skips-post-gnumeric');
    expect(errors(file.findings)).toEqual([`arithmetic/total-mismatch@Regnskab:${rowOf('I alt aktiviteter')}`]);
  });

  it('near-miss: subtotals and totals typed right (sections, a moved post) are no finding', async () => {
    for (const w of ['gnumeric', 'openpyxl'])
      expect(at((await accounts(`accounts-sections-typed-totals-${w}`)).file.findings, 'arithmetic/total-mismatch')).toEqual([]);
  });
});

describe('accounts of one sheet per project year', () => {
  for (const w of ['openpyxl', 'libreoffice'])
    it(`${w}: Regnskab 2020, 2021, 2022 are one account: each post's figures summed over the sheets, no error`, async () => {
      const { file } = await accounts(`accounts-year-sheets-${w}`);
      expect(errors(file.findings)).toEqual([]);
      expect(file.totals).toMatchObject({ budget: GRANT, actual: GRANT, unspent: 0 });
    });

  it("xlsxwriter near-miss: 30.000 kr. less on the evaluation in 2022 is its deviation over the project, at the post's first row", async () => {
    const { file } = await accounts('accounts-year-sheets-deviation-xlsxwriter');
    const def = leftoverDefs.find((d) => d.name === 'accounts-year-sheets-deviation-xlsxwriter')!;
    const row = resolveExpected({ def, path: '', layout: layout(def) }, { rule: '', sheet: 'Regnskab 2020', row: 'Ekstern evaluering' }).row;
    expect(errors(file.findings)).toEqual([`accounts/deviation-needs-approval@Regnskab 2020:${row}`, `accounts/missing-explanation@Regnskab 2020:${row}`]);
  });
});

describe('more layouts of accounts and approved budgets', () => {
  for (const name of ['accounts-against-year-sheets-libreoffice', 'accounts-csv-csv-utf8-bom', 'accounts-with-budget-sheet-xlsxwriter'])
    it(`${name}: accounts, no error, every post paired`, async () => {
      const { file } = await accounts(name);
      expect(file.kind).toBe('accounts');
      expect(errors(file.findings)).toEqual([]);
      expect(file.totals.actual).toBe(file.totals.budget);
    });

  it('accounts-text-amounts-openpyxl: text amounts are read and paired; the I alt =SUMs that skip them are total-mismatch there alone', async () => {
    const { file } = await accounts('accounts-text-amounts-openpyxl');
    const def = leftoverDefs.find((d) => d.name === 'accounts-text-amounts-openpyxl')!;
    const row = resolveExpected({ def, path: '', layout: layout(def) }, { rule: '', sheet: 'Regnskab', row: 'I alt' }).row;
    expect(file.kind).toBe('accounts');
    expect(errors(file.findings)).toEqual([`arithmetic/total-mismatch@Regnskab:${row}`, `arithmetic/total-mismatch@Regnskab:${row}`]);
    expect(file.findings.filter((f) => f.rule === 'arithmetic/total-mismatch').map((f) => f.args?.what)).toEqual(['text', 'text']);
    expect(file.totals.actual).toBe(file.totals.budget);
  });
});

describe("a caseworker's batch: check indkomne/ --budget godkendte/ over mixed budgets, accounts and other files", () => {
  const dir = mkdtempSync(join(tmpdir(), 'bt-accounts-hidden-batch-'));
  const approved = join(dir, 'godkendte');
  const incoming = join(dir, 'indkomne');
  const copy = (name: string, to: string, as = basename(pathOf(name))) => copyFileSync(pathOf(name), join(to, as));

  beforeAll(() => {
    mkdirSync(approved);
    mkdirSync(incoming);
    // the approved budgets: this applicant's, another's, and a PDF of one among them
    copy('accounts-approved-budget-openpyxl', approved);
    copy('leftover-merged-notes-openpyxl', approved);
    // what came in: the accounts from four writers, one with a real defect, a budget, and files that are no spreadsheet
    for (const w of WRITERS) copy(`accounts-clean-${w}`, incoming);
    copy('accounts-deviation-unexplained-xlsxwriter', incoming);
    copy('leftover-nights-per-quarter-openpyxl', incoming, 'ny-ansøgning.xlsx');
    copy('accounts-clean-openpyxl', incoming, '~$accounts-clean-openpyxl.xlsx'); // Excel's lock file while it is open
    writeFileSync(join(incoming, 'tom.xlsx'), '');
    writeFileSync(join(incoming, 'afskåret.xlsx'), readFileSync(pathOf('accounts-clean-gnumeric')).subarray(0, 3000));
    writeFileSync(join(incoming, 'noter.txt'), 'Ring til kommunen om revisionen\n');
    // LibreOffice's other formats of a budget, and its PDF and HTML named as a workbook (a scan, a portal's "Excel" export)
    const lo = mkdtempSync(join(tmpdir(), 'bt-accounts-hidden-lo-'));
    const profile = mkdtempSync(join(tmpdir(), 'bt-accounts-hidden-profile-'));
    for (const to of ['ods', 'xls:MS Excel 97', 'pdf', 'html'])
      execFileSync(
        sofficeBinary(),
        [`-env:UserInstallation=file://${profile}`, '--headless', '--norestore', '--convert-to', to, '--outdir', lo, pathOf('leftover-merged-notes-openpyxl')],
        { stdio: 'pipe', timeout: 300_000 },
      );
    const stem = join(lo, 'leftover-merged-notes-openpyxl');
    copyFileSync(`${stem}.ods`, join(incoming, 'budget.ods'));
    copyFileSync(`${stem}.xls`, join(incoming, 'budget-gammel.xls'));
    copyFileSync(`${stem}.pdf`, join(incoming, 'regnskab-scannet.xlsx'));
    copyFileSync(`${stem}.pdf`, join(approved, 'tilsagnsbrev.pdf'));
    copyFileSync(`${stem}.pdf`, join(approved, 'tilsagn-scannet.xlsx'));
    copyFileSync(`${stem}.html`, join(incoming, 'regnskab-fra-portal.xlsx'));
  }, 300_000);

  it('each file is reported once as what it is: accounts paired and clean, the defect at its row, the rest input findings', () => {
    const r = spawnSync(process.execPath, [resolve('bin/budgettjek.js'), 'check', incoming, '--budget', approved, '--format', 'json'], { encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(1);
    const doc = JSON.parse(r.stdout) as {
      files: Array<{ path: string; kind: string; approvedBudget?: string; findings: Finding[] }>;
    };
    const byName = new Map(doc.files.map((f) => [basename(f.path), f]));
    expect([...byName.keys()].sort()).toEqual(
      [
        ...WRITERS.map((w) => `accounts-clean-${w}.xlsx`),
        'accounts-deviation-unexplained-xlsxwriter.xlsx',
        'afskåret.xlsx',
        'budget-gammel.xls',
        'budget.ods',
        'ny-ansøgning.xlsx',
        'regnskab-fra-portal.xlsx',
        'regnskab-scannet.xlsx',
        'tom.xlsx',
      ].sort(),
    );
    for (const w of WRITERS) {
      const f = byName.get(`accounts-clean-${w}.xlsx`)!;
      expect([f.kind, basename(f.approvedBudget ?? '')], w).toEqual(['accounts', 'accounts-approved-budget-openpyxl.xlsx']);
      expect(errors(f.findings), w).toEqual([]);
    }
    const defect = byName.get('accounts-deviation-unexplained-xlsxwriter.xlsx')!;
    const def = leftoverDefs.find((d) => d.name === 'accounts-deviation-unexplained-xlsxwriter')!;
    const row = resolveExpected({ def, path: '', layout: layout(def) }, { rule: '', sheet: 'Regnskab', row: 'Ekstern evaluering' }).row;
    expect(errors(defect.findings)).toEqual([`accounts/deviation-needs-approval@Regnskab:${row}`, `accounts/missing-explanation@Regnskab:${row}`]);
    const budget = byName.get('ny-ansøgning.xlsx')!;
    expect([budget.kind, errors(budget.findings)]).toEqual(['budget', []]);
    const rules = (name: string) => byName.get(name)!.findings.map((f) => f.rule);
    expect(rules('tom.xlsx')).toEqual(['input/unreadable']);
    expect(rules('afskåret.xlsx')).toEqual(['input/unreadable']);
    expect(rules('regnskab-scannet.xlsx')).toEqual(['input/unreadable']);
    expect(rules('budget.ods')).toEqual(['input/unsupported-format']);
    expect(rules('budget-gammel.xls')).toEqual(['input/unsupported-format']);
    expect(rules('regnskab-fra-portal.xlsx')).toEqual(['input/unsupported-format']);
  }, 120_000);
});
