// Accounts (regnskab) as recipients and caseworkers send them, eighth pass (fixtures/defs/accounts-writers-8.ts), by
// openpyxl, XlsxWriter, LibreOffice and Gnumeric: accounts (and an approved budget) in thousands of kroner, explanations
// in cell comments, a summary that disagrees with its year sheets, quarter actuals, columns in other orders, a percent
// column, a financing section. Checked by rule, sheet and row against the approved budget.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Finding } from '../src/types.js';
import { accountsWriter8Defs, THOUSANDS_APPROVED } from '../fixtures/defs/accounts-writers-8.js';
import { APPROVED_NAME, leftoverDefs } from '../fixtures/defs/leftovers-accounts.js';
import { hiddenAccounts } from './helpers/hidden-fixtures.js';

// the approved budgets the pass is checked against: leftovers-accounts' monthly one and its one of year sheets
const defs = [...accountsWriter8Defs, ...leftoverDefs.filter((d) => d.name === APPROVED_NAME || d.name === 'accounts-approved-year-sheets-gnumeric')];
const { pathOf, ensureBuilt, accounts, expectAsDefined } = hiddenAccounts(defs);

const errors = (f: Finding[]) =>
  f
    .filter((x) => x.severity === 'error')
    .map((x) => `${x.rule}@${x.sheet}:${x.row}`)
    .sort();
const warnings = (f: Finding[]) => f.filter((x) => x.severity === 'warning').map((x) => x.rule);
const GRANT = 1_705_350_00;

beforeAll(ensureBuilt, 600_000); // the global setup generates them; generated here when this file runs without it

describe('every fixture of the pass: its findings as its definition states them', () => {
  for (const def of accountsWriter8Defs) it(def.name, () => expectAsDefined(def));
});

describe('accounts in thousands of kroner', () => {
  for (const w of ['openpyxl', 'xlsxwriter', 'libreoffice', 'gnumeric'])
    it(`${w}: 'Regnskab (1.000 kr.)' against an approved budget in kroner: the totals in kroner, no finding`, async () => {
      const { file } = await accounts(`accounts8-thousands-title-${w}`);
      expect(file.findings.map((f) => f.rule)).toEqual([]);
      expect(file.totals).toMatchObject({ budget: GRANT, actual: GRANT, unspent: 0 });
    });

  it("the unit in the header ('Budget, t.kr.', 'Faktisk forbrug, t.kr.') finds the columns and scales them", async () => {
    for (const w of ['openpyxl', 'gnumeric']) {
      const { file } = await accounts(`accounts8-thousands-header-${w}`);
      expect(file.kind).toBe('accounts');
      expect(file.findings).toEqual([]);
      expect(file.totals).toMatchObject({ budget: GRANT, actual: GRANT });
    }
  });

  it('near-miss (xlsxwriter): −20 % in thousands is reported in kroner at its row (expected 150.000, actual 120.000 kr.)', async () => {
    const { file, rowOf } = await accounts('accounts8-thousands-deviation-xlsxwriter');
    const row = rowOf('Ekstern evaluering');
    expect(errors(file.findings)).toEqual([`accounts/deviation-needs-approval@Regnskab:${row}`, `accounts/missing-explanation@Regnskab:${row}`]);
    expect(file.findings.find((f) => f.rule === 'accounts/deviation-needs-approval')).toMatchObject({ expected: 150_000_00, actual: 120_000_00 });
    expect(file.totals.unspent).toBe(30_000_00);
  });

  it('near-miss (libreoffice): thousands the sheet does not state are not guessed: the budget column differs on every post', async () => {
    const { file, rowOf } = await accounts('accounts8-thousands-unstated-libreoffice');
    const mismatches = file.findings.filter((f) => f.rule === 'accounts/budget-mismatch');
    expect(mismatches.map((f) => f.row)).toEqual(['Løn projektleder', 'Kørsel', 'Forplejning', 'Ekstern evaluering', 'Revision'].map((p) => rowOf(p)));
    expect(mismatches[0]).toMatchObject({ expected: 1_485_000_00, actual: 1_485_00 });
  });

  it('an approved budget in thousands against accounts in kroner: clean; a budget column that differs is budget-mismatch in kroner', async () => {
    for (const w of ['xlsxwriter', 'gnumeric']) {
      const { file } = await accounts(`accounts8-against-thousands-${w}`);
      expect(file.findings).toEqual([]);
      expect(file.approvedBudget).toBe(pathOf(THOUSANDS_APPROVED));
    }
    const { file, rowOf } = await accounts('accounts8-against-thousands-mismatch-openpyxl');
    expect(errors(file.findings)).toEqual([`accounts/budget-mismatch@Regnskab:${rowOf('Ekstern evaluering')}`]);
    expect(file.findings[0]).toMatchObject({ expected: 150_000_00, actual: 160_000_00 });
  });
});

describe('accounts in thousands against an approved budget of year sheets', () => {
  it("sections and numbered posts in t.kr. pair with the year sheets' lines in kroner: clean", async () => {
    for (const w of ['xlsxwriter', 'openpyxl']) {
      const { file } = await accounts(`accounts8-thousands-against-year-sheets-${w}`);
      expect(file.findings).toEqual([]);
      expect(file.totals).toMatchObject({ budget: 1_549_350_00, actual: 1_549_350_00 });
    }
  });

  it('near-miss: +21 % on Revision with a note that only explains: deviation-needs-approval (explained) at its row, in kroner', async () => {
    const { file, rowOf } = await accounts('accounts8-thousands-against-year-sheets-note-libreoffice');
    const d = file.findings.find((f) => f.rule === 'accounts/deviation-needs-approval');
    expect(d).toMatchObject({ sheet: 'Regnskab', row: rowOf('2.2 Revision'), expected: 33_000_00, actual: 40_000_00, args: { explained: true } });
    expect(errors(file.findings).filter((x) => !x.startsWith('accounts/total-exceeds-grant'))).toEqual([
      `accounts/deviation-needs-approval@Regnskab:${rowOf('2.2 Revision')}`,
    ]);
  });
});

describe('explanations in cell comments (notes)', () => {
  for (const w of ['openpyxl', 'xlsxwriter', 'libreoffice', 'gnumeric'])
    it(`${w}: an approval in a note on the spending cell is the post's explanation: no error, the unspent funds only`, async () => {
      const { file } = await accounts(`accounts8-comment-approved-${w}`);
      expect(errors(file.findings)).toEqual([]);
      expect(warnings(file.findings)).toEqual(['accounts/unspent-funds']);
    });

  for (const w of ['openpyxl', 'libreoffice'])
    it(`near-miss (${w}): a note that only explains, on the deviation cell: deviation-needs-approval (explained) alone`, async () => {
      const { file, rowOf } = await accounts(`accounts8-comment-unapproved-${w}`);
      const row = rowOf('Ekstern evaluering');
      expect(errors(file.findings)).toEqual([`accounts/deviation-needs-approval@Regnskab:${row}`]);
      expect(file.findings.find((f) => f.rule === 'accounts/deviation-needs-approval')?.args).toMatchObject({ explained: true });
    });

  for (const w of ['xlsxwriter', 'gnumeric'])
    it(`${w}: no Forklaring column, the explanations in notes: no error`, async () => {
      const { file } = await accounts(`accounts8-comment-no-column-${w}`);
      expect(errors(file.findings)).toEqual([]);
    });

  it("near-miss (gnumeric): a note on the title is no post's explanation: both findings at the post's row", async () => {
    const { file, rowOf } = await accounts('accounts8-comment-elsewhere-gnumeric');
    const row = rowOf('Ekstern evaluering');
    expect(errors(file.findings)).toEqual([`accounts/deviation-needs-approval@Regnskab:${row}`, `accounts/missing-explanation@Regnskab:${row}`]);
  });

  it("a note on a year sheet's cell explains the summary's post; one that only explains leaves the approval missing once, at the summary", async () => {
    for (const w of ['openpyxl', 'xlsxwriter']) {
      const { file } = await accounts(`accounts8-summary-year-note-${w}`);
      expect(errors(file.findings)).toEqual([]);
    }
    const { file, rowOf } = await accounts('accounts8-summary-year-note-unapproved-libreoffice');
    expect(errors(file.findings)).toEqual([`accounts/deviation-needs-approval@Samlet regnskab:${rowOf('Ekstern evaluering', 'Samlet regnskab')}`]);
  });
});

describe('year sheets in thousands', () => {
  for (const w of ['openpyxl', 'libreoffice'])
    it(`${w}: 'Regnskab 2020 (1.000 kr.)' … and a summary of plain references that states no unit: all in kroner, clean`, async () => {
      const { file } = await accounts(`accounts8-year-sheets-thousands-${w}`);
      expect(file.findings).toEqual([]);
      expect(file.totals).toMatchObject({ budget: GRANT, actual: GRANT, unspent: 0 });
    });
});

describe('a summary that disagrees with its year sheets', () => {
  for (const w of ['openpyxl', 'xlsxwriter', 'libreoffice', 'gnumeric'])
    it(`${w}: arithmetic/total-mismatch (summary) once, at the summary's differing cell; the year sheets are the accounts`, async () => {
      const { file, rowOf } = await accounts(`accounts8-summary-disagrees-${w}`);
      const row = rowOf('Kørsel', 'Samlet regnskab');
      expect(errors(file.findings)).toEqual([`arithmetic/total-mismatch@Samlet regnskab:${row}`]);
      expect(file.findings[0]).toMatchObject({
        cell: `C${row}`,
        expected: 31_650_00,
        actual: 40_000_00,
        args: { what: 'summary', sheets: ['Regnskab 2020', 'Regnskab 2021', 'Regnskab 2022'] },
      });
      expect(file.totals).toMatchObject({ budget: GRANT, actual: GRANT });
    });

  it('near-miss: a summary in thousands (=(…)/1000) beside year sheets in kroner agrees: no finding', async () => {
    for (const w of ['openpyxl', 'gnumeric']) {
      const { file } = await accounts(`accounts8-summary-thousands-${w}`);
      expect(file.findings).toEqual([]);
    }
  });
});

describe('quarters, orders, percent, financing, other names', () => {
  it('quarter actuals (Faktisk forbrug the =SUM of 11 quarters) are clean; an unexplained −11 % on salary is both findings at its row', async () => {
    for (const w of ['libreoffice', 'openpyxl']) expect((await accounts(`accounts8-quarter-actuals-${w}`)).file.findings).toEqual([]);
    expect((await accounts('accounts8-quarters-thousands-gnumeric')).file.findings).toEqual([]);
    const { file, rowOf } = await accounts('accounts8-quarter-actuals-deviation-xlsxwriter');
    const row = rowOf('Løn projektleder');
    expect(errors(file.findings)).toEqual([`accounts/deviation-needs-approval@Regnskab:${row}`, `accounts/missing-explanation@Regnskab:${row}`]);
  });

  it('spending before the budget (Post | Faktisk forbrug | Afvigelse | Godkendt budget): clean; +50 % is found at its row', async () => {
    for (const w of ['xlsxwriter', 'gnumeric']) expect((await accounts(`accounts8-order-actual-first-${w}`)).file.findings).toEqual([]);
    const { file, rowOf } = await accounts('accounts8-order-actual-first-deviation-libreoffice');
    const row = rowOf('Forplejning');
    expect(errors(file.findings).filter((x) => !x.startsWith('accounts/total-exceeds-grant'))).toEqual([
      `accounts/deviation-needs-approval@Regnskab:${row}`,
      `accounts/missing-explanation@Regnskab:${row}`,
    ]);
    expect(file.findings.find((f) => f.rule === 'accounts/deviation-needs-approval')).toMatchObject({ cell: `B${row}`, expected: 6_000_00, actual: 9_000_00 });
  });

  it('a percent column beside the kroner is no amount; alone it does not hide a deviation', async () => {
    for (const w of ['openpyxl', 'libreoffice']) expect((await accounts(`accounts8-percent-column-${w}`)).file.findings).toEqual([]);
    for (const w of ['xlsxwriter', 'gnumeric']) {
      const { file, rowOf } = await accounts(`accounts8-percent-only-${w}`);
      const row = rowOf('Ekstern evaluering');
      expect(errors(file.findings)).toEqual([`accounts/deviation-needs-approval@Regnskab:${row}`, `accounts/missing-explanation@Regnskab:${row}`]);
    }
  });

  it('a financing section is income, not posts: clean; in thousands, own financing covers spending over the grant (no total-exceeds-grant)', async () => {
    for (const w of ['openpyxl', 'gnumeric']) {
      const { file } = await accounts(`accounts8-financing-section-${w}`);
      expect(file.findings).toEqual([]);
      expect(file.totals.actual).toBe(GRANT);
    }
    const { file, rowOf } = await accounts('accounts8-financing-section-thousands-libreoffice');
    const row = rowOf('Ekstern evaluering');
    expect(errors(file.findings)).toEqual([`accounts/deviation-needs-approval@Regnskab:${row}`, `accounts/missing-explanation@Regnskab:${row}`]);
    expect(file.totals.actual).toBe(GRANT + 20_000_00);
  });

  it('the deviation between budget and spending (Budget | Afvigelse | Faktisk forbrug): clean', async () => {
    for (const w of ['gnumeric', 'openpyxl']) expect((await accounts(`accounts8-order-deviation-before-actual-${w}`)).file.findings).toEqual([]);
  });

  it('the Forklaring column and a note on the row are read together: why in the column, the approval in the note', async () => {
    const { file } = await accounts('accounts8-column-and-note-xlsxwriter');
    expect(errors(file.findings)).toEqual([]);
    expect(warnings(file.findings)).toEqual(['accounts/unspent-funds']);
  });

  it("'Bevilling | Forbrugt | Difference' head the budget and spending columns", async () => {
    for (const w of ['libreoffice', 'openpyxl']) {
      const { file } = await accounts(`accounts8-bevilling-${w}`);
      expect(file.kind).toBe('accounts');
      expect(file.findings).toEqual([]);
      expect(file.totals).toMatchObject({ budget: GRANT, actual: GRANT });
    }
  });
});
