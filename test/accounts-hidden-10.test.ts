// Accounts (regnskab), tenth pass (fixtures/defs/accounts-writers-10.ts), by openpyxl, XlsxWriter, LibreOffice and
// Gnumeric: year sheets that each repeat the whole approved budget; 'Restbeløb' and 'Afvigelse %'; a 'Revideret budget'
// beside the approved one; a repayment line and interest income below the expenses; a notes sheet 'Bemærkninger' named
// alone; the deviation thresholds at their edge; whole kroner against an approved budget in øre; a quarterly pool's
// accounts by quarters. Checked by rule, sheet and row against the approved budget.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Finding } from '../src/types.js';
import { accountsWriter10Defs, ORE_APPROVED } from '../fixtures/defs/accounts-writers-10.js';
import { APPROVED_NAME, leftoverDefs } from '../fixtures/defs/leftovers-accounts.js';
import { hiddenAccounts } from './helpers/hidden-fixtures.js';

const defs = [...accountsWriter10Defs, ...leftoverDefs.filter((d) => d.name === APPROVED_NAME || d.name === 'leftover-nights-per-quarter-openpyxl')];
const { ensureBuilt, accounts, expectAsDefined } = hiddenAccounts(defs);

const errors = (f: Finding[]) =>
  f
    .filter((x) => x.severity === 'error')
    .map((x) => `${x.rule}@${x.sheet}:${x.row}`)
    .sort();
const rules = (f: Finding[]) => f.filter((x) => x.severity !== 'info').map((x) => x.rule);
/** The approved budget and the grant (øre), and the accounts' spending as approved (Kørsel +300, Forplejning −300). */
const GRANT = 1_705_350_00;

beforeAll(ensureBuilt, 600_000); // the global setup generates them; generated here when this file runs without it

describe('every fixture of the pass: its findings as its definition states them', () => {
  for (const def of accountsWriter10Defs.filter((d) => d.name !== ORE_APPROVED)) it(def.name, () => expectAsDefined(def));
});

describe('year sheets that each repeat the whole approved budget', () => {
  for (const w of ['openpyxl', 'xlsxwriter', 'libreoffice', 'gnumeric'])
    it(`${w}: the budget read once, the spending summed over the three sheets: clean`, async () => {
      const { file } = await accounts(`accounts10-years-whole-budget-${w}`);
      expect(rules(file.findings)).toEqual([]);
      expect(file.totals).toMatchObject({ budget: GRANT, actual: GRANT });
    });

  for (const w of ['openpyxl', 'libreoffice'])
    it(`${w}: a year's sheet leaves out the posts with nothing spent that year: still the budget once, clean`, async () => {
      const { file } = await accounts(`accounts10-years-whole-budget-idle-rows-${w}`);
      expect(rules(file.findings)).toEqual([]);
      expect(file.totals).toMatchObject({ budget: GRANT, actual: GRANT });
    });

  it('libreoffice, no approved budget given: the grant tells the whole budget once from three shares: clean', async () => {
    const { file } = await accounts('accounts10-years-whole-budget-no-approved-libreoffice');
    expect(rules(file.findings)).toEqual([]);
    expect(file.totals).toMatchObject({ budget: GRANT, actual: GRANT });
  });

  for (const w of ['openpyxl', 'gnumeric'])
    it(`near-miss (${w}): the same budget on every sheet because each year's share is a third: summed, clean`, async () => {
      const { file } = await accounts(`accounts10-years-equal-shares-${w}`);
      expect(rules(file.findings)).toEqual([]);
      expect(file.totals).toMatchObject({ budget: GRANT, actual: GRANT });
    });

  for (const w of ['xlsxwriter', 'gnumeric'])
    it(`near-miss (${w}): 30.000 kr. less on Ekstern evaluering in 2022: both findings once, on the first year sheet`, async () => {
      const { file, rowOf } = await accounts(`accounts10-years-whole-budget-deviation-${w}`);
      const row = rowOf('Ekstern evaluering', 'Regnskab 2020');
      expect(errors(file.findings)).toEqual([`accounts/deviation-needs-approval@Regnskab 2020:${row}`, `accounts/missing-explanation@Regnskab 2020:${row}`]);
      const d = file.findings.find((f) => f.rule === 'accounts/deviation-needs-approval')!;
      expect(d).toMatchObject({ expected: 150_000_00, actual: 120_000_00 });
      expect(file.totals).toMatchObject({ budget: GRANT, actual: GRANT - 30_000_00 });
    });
});

describe("sheets of the project's own years ('Projektår 1', '1. år', 'År 1')", () => {
  for (const w of ['openpyxl', 'xlsxwriter', 'libreoffice', 'gnumeric'])
    it(`${w}: one account of the project, each post summed over the three sheets: clean`, async () => {
      const { file } = await accounts(`accounts10-project-years-${w}`);
      expect(rules(file.findings)).toEqual([]);
      expect(file.totals).toMatchObject({ budget: GRANT, actual: GRANT });
    });

  it("near-miss (xlsxwriter): 30.000 kr. less in the third year: both findings once, on 'Projektår 1'", async () => {
    const { file, rowOf } = await accounts('accounts10-project-years-deviation-xlsxwriter');
    const row = rowOf('Ekstern evaluering', 'Projektår 1');
    expect(errors(file.findings)).toEqual([`accounts/deviation-needs-approval@Projektår 1:${row}`, `accounts/missing-explanation@Projektår 1:${row}`]);
    expect(file.findings.find((f) => f.rule === 'accounts/deviation-needs-approval')).toMatchObject({ expected: 150_000_00, actual: 120_000_00 });
  });
});

describe("the budget and spending columns under other forms' labels", () => {
  for (const w of ['openpyxl', 'xlsxwriter', 'libreoffice', 'gnumeric'])
    it(`${w}: read as the budget and the project's spending: clean`, async () => {
      const { file } = await accounts(`accounts10-form-labels-${w}`);
      expect(rules(file.findings)).toEqual([]);
      expect(file.totals).toMatchObject({ budget: GRANT, actual: GRANT });
    });

  it("near-miss (gnumeric): 'Tilsagn | Forbrugt til dato' with −20 % unexplained: both findings at its row", async () => {
    const { file, rowOf } = await accounts('accounts10-form-labels-deviation-gnumeric');
    const row = rowOf('Ekstern evaluering');
    expect(errors(file.findings)).toEqual([`accounts/deviation-needs-approval@Regnskab:${row}`, `accounts/missing-explanation@Regnskab:${row}`]);
  });

  it("near-miss (openpyxl): 'Forbrug pr. 31.12.2021' is a status at a date, not the project's accounts: structure/no-budget-table", async () => {
    const { file } = await accounts('accounts10-form-labels-at-date-openpyxl');
    expect(rules(file.findings)).toEqual(['structure/no-budget-table']);
  });
});

describe("'Restbeløb' and 'Afvigelse %' beside 'Godkendt budget' and 'Forbrug'", () => {
  for (const w of ['openpyxl', 'xlsxwriter', 'libreoffice', 'gnumeric'])
    it(`${w}: neither the rest nor the percent is money: clean, the spending the Forbrug column's`, async () => {
      const { file } = await accounts(`accounts10-rest-percent-${w}`);
      expect(rules(file.findings)).toEqual([]);
      expect(file.totals).toMatchObject({ budget: GRANT, actual: GRANT });
    });

  for (const w of ['libreoffice', 'openpyxl'])
    it(`near-miss (${w}): Ekstern evaluering −20 % unexplained: both findings at its row, at the Forbrug cell`, async () => {
      const { file, rowOf } = await accounts(`accounts10-rest-percent-deviation-${w}`);
      const row = rowOf('Ekstern evaluering');
      expect(errors(file.findings)).toEqual([`accounts/deviation-needs-approval@Regnskab:${row}`, `accounts/missing-explanation@Regnskab:${row}`]);
      expect(file.findings.find((f) => f.rule === 'accounts/deviation-needs-approval')).toMatchObject({ cell: `C${row}`, args: { pct: 20 } });
    });
});

describe("a 'Revideret budget' beside the approved budget", () => {
  for (const w of ['xlsxwriter', 'gnumeric', 'openpyxl'])
    it(`${w}: the approved column is the budget, the approved reallocation clean`, async () => {
      const { file } = await accounts(`accounts10-revised-budget-${w}`);
      expect(rules(file.findings)).toEqual([]);
      expect(file.totals).toMatchObject({ budget: GRANT, actual: GRANT });
    });

  it('near-miss (libreoffice): unapproved, measured against the approved budget: both findings at Ekstern evaluering only', async () => {
    const { file, rowOf } = await accounts('accounts10-revised-budget-unapproved-libreoffice');
    const row = rowOf('Ekstern evaluering');
    expect(errors(file.findings)).toEqual([`accounts/deviation-needs-approval@Regnskab:${row}`, `accounts/missing-explanation@Regnskab:${row}`]);
    expect(file.findings.find((f) => f.rule === 'accounts/deviation-needs-approval')).toMatchObject({ expected: 150_000_00, actual: 120_000_00 });
  });
});

describe("only a 'Revideret budget' column", () => {
  for (const w of ['openpyxl', 'libreoffice', 'gnumeric'])
    it(`${w}: the revised column is the accounts' budget: read, clean`, async () => {
      const { file } = await accounts(`accounts10-revised-only-${w}`);
      expect(rules(file.findings)).toEqual([]);
      expect(file.totals).toMatchObject({ budget: GRANT, actual: GRANT });
    });

  it('near-miss (xlsxwriter): a revision the approved budget given does not hold: budget-mismatch at both changed rows alone', async () => {
    const { file, rowOf } = await accounts('accounts10-revised-only-changed-xlsxwriter');
    const [l, e] = [rowOf('Løn projektleder'), rowOf('Ekstern evaluering')];
    expect(errors(file.findings)).toEqual([`accounts/budget-mismatch@Regnskab:${l}`, `accounts/budget-mismatch@Regnskab:${e}`].sort());
    expect(file.findings.find((f) => f.row === e)).toMatchObject({ cell: `B${e}`, expected: 150_000_00, actual: 120_000_00 });
  });
});

describe('a Danish CSV export with Restbeløb and Afvigelse % as shown', () => {
  for (const w of ['csv-1252', 'csv-utf8-bom'])
    it(`${w}: '300,00' and '5,0 %' are neither spending nor budget: clean`, async () => {
      const { file } = await accounts(`accounts10-csv-rest-percent-${w}`);
      expect(rules(file.findings)).toEqual([]);
      expect(file.totals).toMatchObject({ budget: GRANT, actual: GRANT });
    });

  it("near-miss (csv-1252): '-20,0 %' unexplained: both findings at the evaluation's record", async () => {
    const { file } = await accounts('accounts10-csv-rest-percent-deviation-csv-1252');
    const d = file.findings.filter((f) => f.rule === 'accounts/deviation-needs-approval');
    expect(d).toHaveLength(1);
    expect(d[0]).toMatchObject({ post: 'Ekstern evaluering', expected: 150_000_00, actual: 120_000_00 });
    expect(errors(file.findings)).toEqual([
      `accounts/deviation-needs-approval@${d[0].sheet}:${d[0].row}`,
      `accounts/missing-explanation@${d[0].sheet}:${d[0].row}`,
    ]);
  });
});

describe('a repayment line and interest income below the expenses', () => {
  for (const w of ['openpyxl', 'xlsxwriter', 'libreoffice', 'gnumeric'])
    it(`${w}: the repayment is no post and no spending: the 10.000 kr. unspent, nothing else`, async () => {
      const { file } = await accounts(`accounts10-repayment-line-${w}`);
      expect(rules(file.findings)).toEqual(['accounts/unspent-funds']);
      expect(file.findings[0].args).toMatchObject({ unspent: 10_000_00 });
      expect(file.totals).toMatchObject({ actual: GRANT - 10_000_00 });
    });

  it('near-miss (xlsxwriter): repaying does not explain a −20 % deviation: both findings at its row', async () => {
    const { file, rowOf } = await accounts('accounts10-repayment-line-deviation-xlsxwriter');
    const row = rowOf('Ekstern evaluering');
    expect(errors(file.findings)).toEqual([`accounts/deviation-needs-approval@Regnskab:${row}`, `accounts/missing-explanation@Regnskab:${row}`]);
  });

  for (const w of ['libreoffice', 'openpyxl', 'gnumeric'])
    it(`${w}: 'Renteindtægter' below I alt is income, not an expense post: clean, the spending the posts'`, async () => {
      const { file } = await accounts(`accounts10-interest-income-${w}`);
      expect(rules(file.findings)).toEqual([]);
      expect(file.totals).toMatchObject({ actual: GRANT });
    });

  for (const w of ['xlsxwriter', 'openpyxl', 'libreoffice'])
    it(`near-miss (${w}): 'Renteudgifter' (or 'Kompensation for tabt indtægt') among the posts is an expense nobody approved: unbudgeted-post at its row`, async () => {
      const { file, rowOf } = await accounts(`accounts10-interest-expense-${w}`);
      const post = w === 'libreoffice' ? 'Kompensation for tabt indtægt' : 'Renteudgifter';
      const over = file.findings.find((f) => f.rule === 'accounts/total-exceeds-grant')!;
      expect(errors(file.findings)).toEqual([`accounts/unbudgeted-post@Regnskab:${rowOf(post)}`, `accounts/total-exceeds-grant@Regnskab:${over.row}`].sort());
      expect(over).toMatchObject({ row: rowOf('I alt'), expected: GRANT, actual: GRANT + 1_250_00 });
    });
});

describe("a notes sheet 'Bemærkninger' an explanation names", () => {
  for (const w of ['openpyxl', 'xlsxwriter', 'libreoffice', 'gnumeric'])
    it(`${w}: the approval on the named sheet's row of the post counts: only the unspent funds`, async () => {
      const { file } = await accounts(`accounts10-see-bemaerkninger-${w}`);
      expect(rules(file.findings)).toEqual(['accounts/unspent-funds']);
    });

  for (const w of ['libreoffice', 'openpyxl'])
    it(`near-miss (${w}): the sheet's row only explains: deviation-needs-approval (explained) alone`, async () => {
      const { file, rowOf } = await accounts(`accounts10-see-bemaerkninger-unapproved-${w}`);
      expect(errors(file.findings)).toEqual([`accounts/deviation-needs-approval@Regnskab:${rowOf('Ekstern evaluering')}`]);
      expect(file.findings.find((f) => f.rule === 'accounts/deviation-needs-approval')?.args).toMatchObject({ explained: true });
    });
});

describe("a 'Note' column of note numbers", () => {
  for (const w of ['xlsxwriter', 'gnumeric', 'libreoffice'])
    it(`${w}: the number is looked up on the Noter sheet, whose note 2 approves: only the unspent funds`, async () => {
      const { file } = await accounts(`accounts10-note-column-${w}`);
      expect(rules(file.findings)).toEqual(['accounts/unspent-funds']);
    });

  it('near-miss (openpyxl): note 2 only explains: deviation-needs-approval (explained) alone', async () => {
    const { file, rowOf } = await accounts('accounts10-note-column-unapproved-openpyxl');
    expect(errors(file.findings)).toEqual([`accounts/deviation-needs-approval@Regnskab:${rowOf('Ekstern evaluering')}`]);
    expect(file.findings.find((f) => f.rule === 'accounts/deviation-needs-approval')?.args).toMatchObject({ explained: true });
  });
});

describe('a spending cell left blank', () => {
  for (const w of ['openpyxl', 'xlsxwriter', 'libreoffice', 'gnumeric'])
    it(`${w}: nothing spent of a 150.000 kr. budget: both findings at its row, at its blank Regnskab cell`, async () => {
      const { file, rowOf } = await accounts(`accounts10-spent-blank-${w}`);
      const row = rowOf('Ekstern evaluering');
      expect(errors(file.findings)).toEqual([`accounts/deviation-needs-approval@Regnskab:${row}`, `accounts/missing-explanation@Regnskab:${row}`]);
      expect(file.findings.find((f) => f.rule === 'accounts/deviation-needs-approval')).toMatchObject({
        cell: `C${row}`,
        expected: 150_000_00,
        actual: 0,
        args: { pct: 100 },
      });
    });

  for (const w of ['gnumeric', 'openpyxl'])
    it(`near-miss (${w}): left blank and approved: only the unspent funds`, async () => {
      const { file } = await accounts(`accounts10-spent-blank-approved-${w}`);
      expect(rules(file.findings)).toEqual(['accounts/unspent-funds']);
    });

  for (const w of ['libreoffice', 'xlsxwriter'])
    it(`near-miss (${w}): headings that carry their section's budget and leave the spending blank are no 100 % deviation: clean`, async () => {
      const { file } = await accounts(`accounts10-spent-blank-headings-${w}`);
      expect(rules(file.findings)).toEqual([]);
      expect(file.totals).toMatchObject({ actual: GRANT });
    });
});

describe("the pool's deviation thresholds at their edge", () => {
  for (const w of ['openpyxl', 'gnumeric'])
    it(`${w}: +10,0 % and −100.000 kr. exactly are not over the thresholds: no deviation finding`, async () => {
      const { file } = await accounts(`accounts10-threshold-edge-${w}`);
      expect(rules(file.findings)).toEqual(['accounts/unspent-funds']);
      expect(file.findings[0].args).toMatchObject({ unspent: (100_000 - 15_000 + 300 - 300) * 100 });
    });

  for (const w of ['xlsxwriter', 'libreoffice'])
    it(`near-miss (${w}): 2 kr. over 10 % and 1.000 kr. over 100.000 kr.: both posts, each with both findings`, async () => {
      const { file, rowOf } = await accounts(`accounts10-threshold-over-${w}`);
      const [e, l] = [rowOf('Ekstern evaluering'), rowOf('Løn projektleder')];
      expect(errors(file.findings)).toEqual(
        [
          `accounts/deviation-needs-approval@Regnskab:${e}`,
          `accounts/missing-explanation@Regnskab:${e}`,
          `accounts/deviation-needs-approval@Regnskab:${l}`,
          `accounts/missing-explanation@Regnskab:${l}`,
        ].sort(),
      );
      const byRow = (r: number) => file.findings.find((f) => f.rule === 'accounts/deviation-needs-approval' && f.row === r)!;
      expect(byRow(e)).toMatchObject({ expected: 150_000_00, actual: 165_002_00, args: { limitPct: 10, limitKr: 100_000_00 } });
      expect(byRow(l)).toMatchObject({ expected: 1_485_000_00, actual: 1_384_000_00 });
    });
});

describe('accounts in whole kroner against an approved budget and a grant in øre', () => {
  const ORE_GRANT = 1_705_352_80;
  for (const w of ['openpyxl', 'xlsxwriter', 'libreoffice', 'gnumeric'])
    it(`${w}: each post and the total within the posts' rounding: clean`, async () => {
      const { file } = await accounts(`accounts10-whole-kroner-${w}`);
      expect(rules(file.findings)).toEqual([]);
      expect(file.totals).toMatchObject({ actual: 1_705_354_00 });
    });

  for (const w of ['gnumeric', 'xlsxwriter'])
    it(`near-miss (${w}): 1.001,20 kr. over the grant: total-exceeds-grant at I alt, nothing else`, async () => {
      const { file, rowOf } = await accounts(`accounts10-whole-kroner-over-${w}`);
      expect(errors(file.findings)).toEqual([`accounts/total-exceeds-grant@Regnskab:${rowOf('I alt')}`]);
      expect(file.findings.find((f) => f.rule === 'accounts/total-exceeds-grant')).toMatchObject({ expected: ORE_GRANT, actual: 1_706_354_00 });
    });
});

describe("a quarterly pool's accounts by quarters", () => {
  for (const w of ['gnumeric', 'openpyxl'])
    it(`${w}: noedovernatning-2024's accounts by the quarters of 2025–2026: clean`, async () => {
      const { file } = await accounts(`accounts10-shelter-quarters-${w}`);
      expect(rules(file.findings)).toEqual([]);
      expect(file.totals).toMatchObject({ actual: (8 * (40_950 + 288_600) + 30_000) * 100 });
    });

  for (const w of ['libreoffice', 'xlsxwriter'])
    it(`near-miss (${w}): 15.000 kr. in 'Q1 2027', after the period: outside-period at Revision's Q1 2027 cell`, async () => {
      const { file, rowOf } = await accounts(`accounts10-shelter-quarter-after-${w}`);
      const row = rowOf('Revision');
      expect(errors(file.findings)).toEqual([`accounts/outside-period@Regnskab:${row}`]);
      // Udgiftspost, Budget, Forbrug, Forklaring, then the nine quarters K1 2025 … K1 2027: the last is column M
      expect(file.findings.find((f) => f.rule === 'accounts/outside-period')?.cell).toBe(`M${row}`);
    });
});
