// Regressions of the fifth hidden-budget pass: budgets written by XlsxWriter, openpyxl, Gnumeric, LibreOffice and an
// English-locale CSV export as municipalities and associations send them (fixtures/defs/hidden-writers-5.ts), each
// beside a near-miss.
import { beforeAll, describe, expect, it } from 'vitest';
import { formulaDate } from '../src/model/date-formula.js';
import { Grid } from '../src/model/grid.js';
import { detectSeparator } from '../src/read/csv.js';
import type { RawCell, RawSheet, RawWorkbook } from '../src/read/types.js';
import { hiddenWriter5Defs } from '../fixtures/defs/hidden-writers-5.js';
import { hiddenFixtures } from './helpers/hidden-fixtures.js';

const { ensureBuilt, fixture } = hiddenFixtures(hiddenWriter5Defs);

beforeAll(ensureBuilt, 600_000); // the global setup generates them; generated here when this file runs without it

describe('month headers by formula, with no result in the file', () => {
  it.each(['openpyxl', 'xlsxwriter'])('=EDATE(prev,1) headers are the 33 months: only the salary note warning (%s)', async (w) => {
    const f = await fixture(`hidden5-month-formulas-${w}`);
    expect(f.at).toEqual([`itemisation/missing-note@Budget:${f.rowOf('Budget', 'Løn projektleder')}`]);
    expect(f.expenses).toBe(33 * 45_000 * 100 + 33_000 * 100);
  });

  it('=DATE(YEAR(),MONTH()+1,1), =EOMONTH(,0)+1 and =C2+31 headers are the 33 months (openpyxl)', async () => {
    const f = await fixture('hidden5-month-formulas-mixed-openpyxl');
    expect(f.at).toEqual([`itemisation/missing-note@Budget:${f.rowOf('Budget', 'Løn projektleder')}`]);
  });

  it("year sheets whose first month is =EDATE of the sheet before's last ('Budget 2020'!N2) are the 33 months (openpyxl)", async () => {
    const f = await fixture('hidden5-month-formulas-year-sheets-openpyxl');
    expect(f.at).toEqual([`itemisation/missing-note@Budget 2020:${f.rowOf('Budget 2020', 'Løn projektleder')}`]);
    expect(f.expenses).toBe(33 * 45_000 * 100 + 33_000 * 100);
  });

  it('near-miss: header formulas that step over June 2021 are one missing-months at the header (xlsxwriter)', async () => {
    const f = await fixture('hidden5-month-formulas-gap-xlsxwriter');
    expect(f.at).toEqual([
      `structure/missing-months@Budget:${f.rowOf('Budget', 'header')}`,
      `itemisation/missing-note@Budget:${f.rowOf('Budget', 'Løn projektleder')}`,
    ]);
    expect(f.findings.find((x) => x.rule === 'structure/missing-months')?.args).toMatchObject({ months: ['2021-06'] });
  });

  describe('formulaDate', () => {
    const cell = (row: number, col: number, value: RawCell['value'], formula?: string): RawCell => ({
      row,
      col,
      value,
      formula,
      noCachedResult: formula !== undefined && value === null ? true : undefined,
      error: undefined,
      numFmt: 'mmm yy',
    });
    const sheetOf = (cells: RawCell[]): RawSheet => ({
      name: 'Budget',
      state: 'visible',
      rows: new Map([[1, cells]]),
      maxRow: 1,
      maxCol: cells.length,
      hiddenRows: new Set(),
      hiddenCols: new Set(),
      merges: [],
    });
    const month = (cells: RawCell[], at: number) => {
      const sheet = sheetOf(cells);
      const grid = new Grid({ path: 'x.xlsx', format: 'xlsx', sheets: [sheet] } as RawWorkbook);
      return formulaDate(grid, sheet, cells[at])?.toISOString().slice(0, 7);
    };
    // a first month at midnight Danish time (23:00 UTC the day before), then formulas with no result
    const first = cell(1, 1, new Date('2024-09-30T23:00:00.000Z'));

    it.each([
      ['EDATE(A1,1)', '2024-11'],
      ['EDATE($A$1, 3)', '2025-01'],
      ['A1+31', '2024-11'],
      ['DATE(YEAR(A1),MONTH(A1)+1,1)', '2024-11'],
      ['EOMONTH(A1,0)+1', '2024-11'],
      ['DATE(2025,2,1)', '2025-02'],
    ])('%s after October 2024 is %s', (f, expected) => {
      expect(month([first, cell(1, 2, null, f)], 1)).toBe(expected);
    });

    it("follows a reference to another sheet ('Budget 2024'!A1)", () => {
      const a = sheetOf([first]);
      const other = { ...a, name: 'Budget 2024' };
      const b = { ...sheetOf([cell(1, 1, null, "EDATE( 'Budget 2024'!$A$1 , 1)")]), name: 'Budget 2025' };
      const grid = new Grid({ path: 'x.xlsx', format: 'xlsx', sheets: [other, b] } as RawWorkbook);
      expect(formulaDate(grid, b, b.rows.get(1)![0])?.toISOString().slice(0, 7)).toBe('2024-11');
    });

    it("follows a chain of formulas, XlsxWriter's cached 0 (a 1899 date) as no result", () => {
      const zero = new Date(Date.UTC(1899, 11, 30));
      expect(month([first, cell(1, 2, zero, 'EDATE(A1,1)'), cell(1, 3, zero, 'EDATE(B1,1)')], 2)).toBe('2024-12');
    });

    it('is undefined for other formulas, a reference to no date, and a cycle', () => {
      expect(month([first, cell(1, 2, null, 'SUM(A1:A2)')], 1)).toBeUndefined();
      expect(month([cell(1, 1, 'Post'), cell(1, 2, null, 'EDATE(A1,1)')], 1)).toBeUndefined();
      expect(month([cell(1, 1, null, 'EDATE(B1,1)'), cell(1, 2, null, 'EDATE(A1,1)')], 1)).toBeUndefined();
    });
  });
});

describe('a comma-separated CSV with dot decimals (an English-locale export)', () => {
  it("a ';' in its title and a specification does not make it ';'-separated: read, expenses with decimals (csv-en)", async () => {
    const f = await fixture('hidden5-comma-csv-semicolon-title-csv-en');
    expect(f.at).toEqual(['structure/missing-metadata@undefined:undefined']);
    expect(f.expenses).toBe((90_000 + 3_750 + 8_000) * 100);
  });

  it("near-miss: a line total typed wrong is a sum mismatch at the line's row (csv-en)", async () => {
    const f = await fixture('hidden5-comma-csv-sum-mismatch-csv-en');
    const sheet = 'hidden5-comma-csv-sum-mismatch-csv-en'.slice(0, 31);
    expect(f.at).toEqual(['structure/missing-metadata@undefined:undefined', `distribution/sum-mismatch@${sheet}:${f.rowOf(sheet, 'Løn til koordinator')}`]);
  });

  it.each([
    ['a comma export with one bare semicolon in a title', 'Budget; PUF,,\nPost,jan 2025,I alt\nLøn,1.5,1.5\nRevision,2,2\n', ','],
    ['a Danish export whose specifications hold commas', 'Post;Spec;jan 2025\nLøn;10 t/uge, 36 uger;1,5\nKørsel;100 km, 2,23 kr.;223,00\n', ';'],
    ['a Danish export of one column pair', 'Post;Beløb\nLøn;1.234,50\nRevision;8.000,00\n', ';'],
    ['a tab export', 'Post\tjan 2025\nLøn\t1,5\n', '\t'],
  ])('%s', (_what, text, sep) => {
    expect(detectSeparator(text)).toBe(sep);
  });
});

describe('the vocabulary of a legal-aid budget', () => {
  it.each(['gnumeric', 'libreoffice'])('Jurist is salary and Leje af minibus transport: no finding at all, no unclassified info (%s)', async (w) => {
    const f = await fixture(`hidden5-legal-aid-staff-${w}`);
    expect(f.at).toEqual([]);
    expect(f.findings.filter((x) => x.rule === 'eligibility/unclassified-expense')).toEqual([]);
  });

  it('near-miss: a Jurist line without hours or rate is salary-unspecified at its row (openpyxl)', async () => {
    const f = await fixture('hidden5-legal-aid-staff-no-hours-openpyxl');
    expect(f.at).toEqual([`itemisation/salary-unspecified@Budget:${f.rowOf('Budget', 'Jurist')}`]);
  });
});

describe('a financing block beside the table', () => {
  it.each(['xlsxwriter', 'gnumeric'])("'Finansiering' right of I alt is the financing: the grant asked for less the own share, clean (%s)", async (w) => {
    const f = await fixture(`hidden5-financing-beside-${w}`);
    expect(f.at).toEqual([]);
    expect(f.expenses).toBe(101_568 * 100);
  });

  it('near-miss: a block that finances more than the expenses is a financing mismatch at the block (openpyxl)', async () => {
    const f = await fixture('hidden5-financing-beside-over-openpyxl');
    expect(f.at).toEqual(['cap/financing-mismatch@Budget:3']);
    expect(f.findings.find((x) => x.rule === 'cap/financing-mismatch')?.cell).toBe('K3');
  });
});

describe('a project period with two-digit years', () => {
  it.each(['libreoffice', 'xlsxwriter'])("'1.1.25-31.12.26' is January 2025 – December 2026: no missing-metadata, clean (%s)", async (w) => {
    const f = await fixture(`hidden5-period-two-digit-years-${w}`);
    expect(f.at).toEqual([]);
  });

  it('near-miss: an amount in 1. kvt. 2027, after that period, is outside the period at its row (openpyxl)', async () => {
    const f = await fixture('hidden5-period-two-digit-years-late-openpyxl');
    expect(f.at).toEqual([`distribution/outside-period@Budget:${f.rowOf('Budget', 'Revision')}`]);
  });
});
