// Regressions of the fourth hidden-budget pass: budgets written by XlsxWriter, Gnumeric, LibreOffice and openpyxl as
// municipalities and associations send them (fixtures/defs/hidden-writers-4.ts), each beside a near-miss.
import { beforeAll, describe, expect, it } from 'vitest';
import { checkFiles } from '../src/check.js';
import { combineLines } from '../src/model/budget.js';
import { hiddenWriter4Defs } from '../fixtures/defs/hidden-writers-4.js';
import { hiddenFixtures } from './helpers/hidden-fixtures.js';

const { pathOf, ensureBuilt, fixture } = hiddenFixtures(hiddenWriter4Defs);

beforeAll(ensureBuilt, 600_000); // the global setup generates them; generated here when this file runs without it

describe('parallel sheets: one per activity or partner over the same months', () => {
  it.each(['libreoffice', 'openpyxl'])('activity sheets over the same quarters are no duplicate months, and keep their own posts (%s)', async (w) => {
    const f = await fixture(`hidden4-activity-sheets-${w}`);
    expect(f.at).toEqual([]);
    const report = await checkFiles([pathOf(`hidden4-activity-sheets-${w}`).path], { pool: 'retshjaelp-2025', jobs: 1 });
    expect(report.files[0].totals.expenses).toBe((8 * (10_920 + 4_800 + 12_000 + 4_800) + 36_000) * 100);
  });

  it("near-miss: a visible copy of an activity sheet (same posts, same amounts) is no parallel budget: one duplicate-month finding at the copy's header, not one per quarter (openpyxl)", async () => {
    const f = await fixture('hidden4-activity-sheet-copy-openpyxl');
    const errs = f.findings.filter((x) => x.severity === 'error');
    expect(errs.map((x) => `${x.rule}@${x.sheet}:${x.row}`)).toEqual([`structure/duplicate-month@Aktivitet 1 (2):${f.rowOf('Aktivitet 1 (2)', 'header')}`]);
    // at the copy's first quarter column, the run of its eight quarters in one finding
    expect(errs[0]).toMatchObject({ cell: 'C2', args: { month: '2025-01', last: '2026-10', columns: 8 } });
  });

  it('near-miss: a year sheet that runs one quarter into the next year is a duplicate month at the next sheet (xlsxwriter)', async () => {
    const f = await fixture('hidden4-year-sheets-overlap-xlsxwriter');
    expect(f.at).toEqual([`structure/duplicate-month@Budget 2026:${f.rowOf('Budget 2026', 'header')}`]);
    expect(f.findings.find((x) => x.rule === 'structure/duplicate-month')?.cell).toBe('C2');
  });
});

describe('a summary sheet over parallel sheets', () => {
  it("'Samlet budget' adding both activities' Forplejning is a view: clean, expenses counted once (gnumeric)", async () => {
    const f = await fixture('hidden4-activity-sheets-summary-gnumeric');
    expect(f.at).toEqual([]);
  });

  it("near-miss: the summary's Forplejning typed as one activity's is a total mismatch at its cell (xlsxwriter)", async () => {
    const f = await fixture('hidden4-activity-sheets-summary-wrong-xlsxwriter');
    expect(f.at).toEqual([`arithmetic/total-mismatch@Samlet budget:${f.rowOf('Samlet budget', 'Forplejning')}`]);
    expect(f.findings.find((x) => x.rule === 'arithmetic/total-mismatch')).toMatchObject({ cell: 'D4', expected: 960_000, actual: 480_000 });
  });
});

describe('combineLines over parallel sheets', () => {
  const table = (sheet: string, months: string[], posts: string[], first = 1) => ({
    sheet,
    headerRow: 1,
    monthCols: months.map((month, i) => ({ month, col: i + 2, cell: `${String.fromCharCode(66 + i)}1` })),
    // each row its own amount (first + i kr. in the first month): no sheet is a copy of another
    rows: posts.map((post, i) => ({
      sheet,
      row: first + i,
      post,
      kind: 'item' as const,
      months: [{ month: months[0], status: 'number', ore: (first + i) * 100 }],
      yearTotals: [],
      hidden: false,
      postCell: `A${first + i}`,
    })),
  });

  it("a post of two activity sheets is two lines; the next year's sheet of the first activity joins the first", () => {
    const lines = combineLines([
      table('Aktivitet 1 2025', ['2025-01', '2025-04'], ['Forplejning']),
      table('Aktivitet 2 2025', ['2025-01', '2025-04'], ['Forplejning'], 10),
      table('Aktivitet 1 2026', ['2026-01', '2026-04'], ['Forplejning'], 20),
    ] as never);
    expect(lines.map((l) => l.rows.map((r) => `${r.sheet}:${r.row}`))).toEqual([['Aktivitet 1 2025:1', 'Aktivitet 1 2026:20'], ['Aktivitet 2 2025:10']]);
  });

  it('is linear: 10.000 rows of one post on each of two parallel sheets in well under a second', () => {
    const posts = Array.from({ length: 10_000 }, () => 'Løn');
    const t0 = performance.now();
    const lines = combineLines([table('A', ['2025-01'], posts), table('B', ['2025-01'], posts, 20_000)] as never);
    expect(lines).toHaveLength(20_000);
    expect(performance.now() - t0).toBeLessThan(1000);
  });
});

describe("a specification column headed 'Tekst' or 'Forklaring'", () => {
  it("a CSV export's 'Tekst' column is the specification: no salary or unit-price finding (csv-utf8)", async () => {
    const f = await fixture('hidden4-spec-headed-tekst-csv-utf8');
    expect(f.at).toEqual(['structure/missing-metadata@undefined:undefined']);
  });

  it.each(['xlsxwriter', 'gnumeric'])("'Forklaring' is the specification: clean (%s)", async (w) => {
    expect((await fixture(`hidden4-spec-headed-forklaring-${w}`)).at).toEqual([]);
  });

  it("near-miss: a 'Forklaring' without hours or rate is salary-unspecified at the salary's row (openpyxl)", async () => {
    const f = await fixture('hidden4-spec-headed-forklaring-no-hours-openpyxl');
    expect(f.at).toEqual([`itemisation/salary-unspecified@Budget:${f.rowOf('Budget', 'Løn til koordinator')}`]);
  });
});

describe("quarters typed without spaces ('4.kvt.2024')", () => {
  it.each(['openpyxl', 'gnumeric'])('are quarters: clean (%s)', async (w) => {
    expect((await fixture(`hidden4-quarters-no-spaces-${w}`)).at).toEqual([]);
  });

  it("near-miss: columns that stop at '2.kvt.2025' miss the period's last quarter (xlsxwriter)", async () => {
    const f = await fixture('hidden4-quarters-no-spaces-short-xlsxwriter');
    expect(f.at).toEqual([`structure/missing-months@Budget:${f.rowOf('Budget', 'header')}`]);
  });
});

describe("hours in a column headed 'Timer i alt'", () => {
  it.each(['gnumeric', 'openpyxl'])("'Timer i alt' × 'Timesats' prices the salary: clean (%s)", async (w) => {
    expect((await fixture(`hidden4-hours-in-all-column-${w}`)).at).toEqual([]);
  });

  it('near-miss: hours × rate below the quarters is a unit-price mismatch at that row (libreoffice)', async () => {
    const f = await fixture('hidden4-hours-in-all-column-mismatch-libreoffice');
    expect(f.at).toEqual([`itemisation/unit-price-mismatch@Budget:${f.rowOf('Budget', 'Socialrådgiver')}`]);
  });
});

describe('financing in columns beside each line (Heraf egenfinansiering, Ansøgt fra puljen)', () => {
  it.each(['xlsxwriter', 'openpyxl'])('the grant column is what is asked for, own and grant the financing: clean (%s)', async (w) => {
    const f = await fixture(`hidden4-financing-columns-${w}`);
    expect(f.at).toEqual([]);
    const report = await checkFiles([pathOf(`hidden4-financing-columns-${w}`).path], { pool: 'puf-2024', jobs: 1 });
    expect(report.files[0].totals).toEqual({ expenses: 9_200_000, financing: 9_200_000 });
  });

  it('an own-financing column alone asks for the rest: clean (gnumeric)', async () => {
    expect((await fixture('hidden4-own-financing-column-gnumeric')).at).toEqual([]);
  });

  it('near-miss: asking for all the expenses beside an own-financing column is a requested mismatch at Ansøgt beløb (libreoffice)', async () => {
    const f = await fixture('hidden4-own-financing-column-asks-all-libreoffice');
    expect(f.at).toEqual([`cap/requested-mismatch@Stamdata:${f.rowOf('Stamdata', 'meta:Ansøgt beløb')}`]);
    expect(f.findings.find((x) => x.rule === 'cap/requested-mismatch')).toMatchObject({ expected: 7_400_000, actual: 9_200_000 });
  });
});

describe("the requested amount labelled 'Ansøgt fra puljen' or 'Søgt beløb'", () => {
  it("'Ansøgt fra puljen' on Stamdata is the requested amount: no missing-metadata (openpyxl)", async () => {
    expect((await fixture('hidden4-requested-labelled-from-pool-openpyxl')).at).toEqual([]);
  });

  it("near-miss: 'Søgt beløb' above the budget is a requested mismatch at its row (xlsxwriter)", async () => {
    const f = await fixture('hidden4-requested-labelled-from-pool-mismatch-xlsxwriter');
    expect(f.at).toEqual([`cap/requested-mismatch@Stamdata:${f.rowOf('Stamdata', 'meta:Søgt beløb')}`]);
  });
});

describe("a requested amount stated in millions ('1,37 mio. kr.')", () => {
  it.each([
    ['gnumeric', 1_370_000],
    ['xlsxwriter', 1_400_000],
  ])('is an amount, rounded as stated: no non-numeric-amount, no requested mismatch (%s)', async (w, kr) => {
    const f = await fixture(`hidden4-requested-in-millions-${w}`);
    expect(f.at).toEqual([`itemisation/missing-note@Budget:${f.rowOf('Budget', 'Projektleder')}`]);
    const report = await checkFiles([pathOf(`hidden4-requested-in-millions-${w}`).path], { pool: 'lokalplejehjem-2025', jobs: 1 });
    expect(report.files[0].requested).toBe(kr * 100);
  });

  it("near-miss: '1,5 mio. kr.' beyond its rounding is a requested mismatch at Ansøgt tilskud (openpyxl)", async () => {
    const f = await fixture('hidden4-requested-in-millions-mismatch-openpyxl');
    expect(f.at.sort()).toEqual([
      `cap/requested-mismatch@Projektoplysninger:${f.rowOf('Projektoplysninger', 'meta:Ansøgt tilskud')}`,
      `itemisation/missing-note@Budget:${f.rowOf('Budget', 'Projektleder')}`,
    ]);
    expect(f.findings.find((x) => x.rule === 'cap/requested-mismatch')).toMatchObject({ expected: 137_000_000, actual: 150_000_000 });
  });
});

describe("an association's VAT line ('Moms af trykning (25 %)')", () => {
  it.each(['openpyxl', 'libreoffice'])('is a share of other lines, not units × unit price: clean (%s)', async (w) => {
    expect((await fixture(`hidden4-vat-line-${w}`)).at).toEqual([]);
  });

  it('near-miss: the printing beside it without a specification still has no-unit-price at its row (gnumeric)', async () => {
    const f = await fixture('hidden4-vat-line-unpriced-printing-gnumeric');
    expect(f.at).toEqual([`itemisation/no-unit-price@Budget:${f.rowOf('Budget', 'Trykning af foldere')}`]);
  });
});
