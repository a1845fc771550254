import { describe, expect, it } from 'vitest';
import { findBuiltinPool } from '../src/pools/index.js';
import { budgetWorkbook, check, CLEAN_LINES, errors, ids } from './helpers/budget.js';
import { monthTexts, rawWorkbook, type CellSpec, type SheetSpec } from './helpers/raw.js';
import { argsOf } from './helpers/args.js';

const has = (findings: ReturnType<typeof check>, rule: string, sheet?: string, row?: number) =>
  findings.some((f) => f.rule === rule && (sheet === undefined || f.sheet === sheet) && (row === undefined || f.row === row));

describe('a clean budget', () => {
  it('gets no finding at all', () => {
    const { wb } = budgetWorkbook({ lines: CLEAN_LINES });
    expect(ids(check(wb))).toEqual([]);
  });
  it('with title rows above the header gets none either', () => {
    const { wb } = budgetWorkbook({ lines: CLEAN_LINES, titleRows: 5 });
    expect(ids(check(wb))).toEqual([]);
  });
});

describe('structure/*', () => {
  it('no-budget-table when no sheet has a header', () => {
    const wb = rawWorkbook({ name: 'Ark1', rows: [['Vi søger penge til et godt projekt.'], ['Med venlig hilsen']] });
    const f = check(wb);
    expect(has(f, 'structure/no-budget-table', 'Ark1')).toBe(true);
  });
  it('no-budget-table on a CSV left unsplit (each row one cell of fields joined by ; or tabs) says so, at its first such cell', () => {
    const rows = ['Budgetpost;jan 2020;feb 2020;I alt', 'Løn projektleder;45.000;45.000;90.000', 'Kørsel;950;950;1.900', 'I alt;45.950;45.950;91.900'];
    for (const [sep, joined] of [
      [';', ';'],
      ['\t', 'tab'],
    ] as const) {
      const wb = rawWorkbook({ name: 'budget', rows: [['Budget 2020'], ...rows.map((r) => [r.replaceAll(';', sep)])] });
      const f = check(wb).filter((x) => x.rule === 'structure/no-budget-table');
      expect(f.map((x) => [x.sheet, x.row, x.cell, x.args?.joined])).toEqual([['budget', 2, 'A2', joined]]);
    }
    // near-miss: two lines of prose with semicolons are no unsplit CSV: the plain finding
    const prose = rawWorkbook({ name: 'Ark1', rows: [['Vi søger; vi håber; vi venter.'], ['Tak; hilsen; Ole']] });
    expect(
      check(prose)
        .filter((x) => x.rule === 'structure/no-budget-table')
        .map((x) => x.args?.joined),
    ).toEqual([undefined]);
  });
  it('missing-months when the columns stop before the period ends', () => {
    const r = budgetWorkbook({ lines: CLEAN_LINES.slice(0, 2), end: '2022-06' });
    expect(has(check(r.wb), 'structure/missing-months', 'Budget', r.headerRow)).toBe(true);
  });
  it('duplicate-month for two columns of the same month', () => {
    const wb = rawWorkbook({
      name: 'Budget',
      rows: [
        ['Budgetpost', 'jan 2020', 'januar 2020', 'I alt'],
        ['Løn', 1, 1, 2],
      ],
    });
    expect(has(check(wb), 'structure/duplicate-month', 'Budget', 1)).toBe(true);
  });
  it('duplicate-month for each of two months typed twice in one table: two causes, two findings', () => {
    const wb = rawWorkbook({
      name: 'Budget',
      rows: [
        ['Budgetpost', 'jan 2020', 'feb 2020', 'jan 2020', 'feb 2020', 'I alt'],
        ['Løn', 1, 2, 3, 4, 10],
      ],
    });
    const dup = check(wb).filter((f) => f.rule === 'structure/duplicate-month');
    expect(dup.map((f) => [f.sheet, f.row, f.cell])).toEqual([
      ['Budget', 1, 'D1'],
      ['Budget', 1, 'E1'],
    ]);
  });

  describe('duplicate-month for a table repeating an earlier one', () => {
    // a sheet of months with the same posts and amounts each time
    const sheet = (name: string, start: string, end: string) => {
      const months = monthTexts(start, end);
      return {
        name,
        rows: [
          ['Budgetpost', ...months, 'I alt'],
          ['Løn', ...months.map(() => 1000), 1000 * months.length],
          ['Husleje', ...months.map(() => 500), 500 * months.length],
        ],
      };
    };
    const dups = (wb: ReturnType<typeof rawWorkbook>) => check(wb).filter((f) => f.rule === 'structure/duplicate-month');

    it('a copy of the sheet ("Budget (2)") is one finding at its first month, for the run of its months', () => {
      const dup = dups(rawWorkbook(sheet('Budget', '2020-01', '2020-06'), sheet('Budget (2)', '2020-01', '2020-06')));
      expect(dup.map((f) => [f.sheet, f.row, f.cell])).toEqual([['Budget (2)', 1, 'B1']]);
      expect(dup[0].args).toMatchObject({ month: '2020-01', last: '2020-06', columns: 6, first: 'Budget!B1' });
    });

    it('two copies are one finding each', () => {
      const dup = dups(
        rawWorkbook(sheet('Budget', '2020-01', '2020-06'), sheet('Budget (2)', '2020-01', '2020-06'), sheet('Budget (3)', '2020-01', '2020-06')),
      );
      expect(dup.map((f) => [f.sheet, f.row, f.cell])).toEqual([
        ['Budget (2)', 1, 'B1'],
        ['Budget (3)', 1, 'B1'],
      ]);
    });

    it('near-miss: year sheets sharing two months (nov–dec 2020 on both) are one finding per shared month', () => {
      const dup = dups(rawWorkbook(sheet('Budget 2020', '2020-01', '2020-12'), sheet('Budget 2021', '2020-11', '2021-10')));
      expect(dup.map((f) => [f.sheet, f.row, f.cell])).toEqual([
        ['Budget 2021', 1, 'B1'],
        ['Budget 2021', 1, 'C1'],
      ]);
      expect(dup.every((f) => f.args?.last === undefined)).toBe(true);
    });
  });

  it('formula-error for an error value in an amount cell', () => {
    const r = budgetWorkbook({ lines: [...CLEAN_LINES, { post: 'Kursus', monthly: { 0: 1000 } }] });
    const sheet = r.wb.sheets[1];
    const row = r.rowOf('Kursus');
    const cells = sheet.rows.get(row)!;
    cells.push({ row, col: 4, value: null, error: '#REF!' }, { row, col: 5, value: null, formula: '1/0', error: '#DIV/0!' });
    cells.sort((a, b) => a.col - b.col);
    const f = check(r.wb).filter((x) => x.rule === 'structure/formula-error');
    expect(f.map((x) => [x.sheet, x.row, x.cell])).toEqual([
      ['Budget', row, `D${row}`],
      ['Budget', row, `E${row}`],
    ]);
  });
  it("formula-error warns once at a line whose formulas, saved without results, cannot be computed; a total row's are not reported", () => {
    const r = budgetWorkbook({ lines: [...CLEAN_LINES, { post: 'Kursus', monthly: { 0: 1000, 1: 1000 } }] });
    const sheet = r.wb.sheets[1];
    const uncomputable = (row: number, col: number) => {
      const c = sheet.rows.get(row)!.find((x) => x.col === col)!;
      Object.assign(c, { value: null, formula: 'VLOOKUP("Kursus",Satser!A:B,2,FALSE)', noCachedResult: true });
    };
    const row = r.rowOf('Kursus');
    uncomputable(row, 3);
    uncomputable(row, 4);
    // the I alt row's first month too: its lines are what is counted, so nothing is lost there
    uncomputable(r.totalRow!, 3);
    const f = check(r.wb).filter((x) => x.rule === 'structure/formula-error');
    expect(f.map((x) => [x.severity, x.sheet, x.row, x.cell])).toEqual([['warning', 'Budget', row, `C${row}`]]);
  });
  it('non-numeric-amount for text where an amount belongs', () => {
    const r = budgetWorkbook({ lines: [...CLEAN_LINES, { post: 'Kursus', monthly: { 0: 'ca. 5000' as unknown as number } }] });
    expect(has(check(r.wb), 'structure/non-numeric-amount', 'Budget', r.rowOf('Kursus'))).toBe(true);
  });
  it('hidden-content for a hidden row with amounts', () => {
    const r = budgetWorkbook({ lines: CLEAN_LINES });
    r.wb.sheets[1].hiddenRows.add(r.rowOf('Kørsel'));
    expect(has(check(r.wb), 'structure/hidden-content', 'Budget', r.rowOf('Kørsel'))).toBe(true);
  });
  it('missing-metadata (a warning) without a Stamdata sheet', () => {
    const r = budgetWorkbook({ lines: CLEAN_LINES, stamdata: false });
    const f = check(r.wb);
    expect(f.find((x) => x.rule === 'structure/missing-metadata')?.severity).toBe('warning');
    expect(errors(f)).toEqual([]);
  });
});

describe('distribution/*', () => {
  it('not-distributed for a total with no months', () => {
    const r = budgetWorkbook({ lines: [...CLEAN_LINES, { post: 'Kursus', monthly: {}, total: 50000 }] });
    const f = check(r.wb);
    expect(has(f, 'distribution/not-distributed', 'Budget', r.rowOf('Kursus'))).toBe(true);
    expect(has(f, 'distribution/sum-mismatch', 'Budget', r.rowOf('Kursus'))).toBe(false);
  });
  it('sum-mismatch for a typed total that differs from the months', () => {
    const r = budgetWorkbook({ lines: [{ ...CLEAN_LINES[0], total: 1440000 }, ...CLEAN_LINES.slice(1)] });
    const f = check(r.wb).find((x) => x.rule === 'distribution/sum-mismatch');
    expect(f).toMatchObject({ sheet: 'Budget', row: r.rowOf('Løn projektleder'), expected: 148500000, actual: 144000000 });
  });
  it('no sum-mismatch within 1 kr.', () => {
    const r = budgetWorkbook({ lines: [{ ...CLEAN_LINES[0], total: 1485000.5 }, ...CLEAN_LINES.slice(1)] });
    expect(has(check(r.wb), 'distribution/sum-mismatch')).toBe(false);
  });
  it('outside-period for money after the period', () => {
    const r = budgetWorkbook({ lines: [...CLEAN_LINES, { post: 'Afslutningskonference', monthly: { 33: 20000 } }], end: '2022-10' });
    expect(has(check(r.wb), 'distribution/outside-period', 'Budget', r.rowOf('Afslutningskonference'))).toBe(true);
  });
  it('negative-amount', () => {
    const r = budgetWorkbook({ lines: [...CLEAN_LINES, { post: 'Materialer', monthly: { 0: 1000, 1: -5000 } }] });
    expect(has(check(r.wb), 'distribution/negative-amount', 'Budget', r.rowOf('Materialer'))).toBe(true);
  });
  it('single-month (a warning) for salary in one month', () => {
    const r = budgetWorkbook({ lines: [...CLEAN_LINES, { post: 'Løn koordinator', monthly: { 4: 300000 } }] });
    const f = check(r.wb).find((x) => x.rule === 'distribution/single-month');
    expect(f).toMatchObject({ severity: 'warning', sheet: 'Budget', row: r.rowOf('Løn koordinator') });
    expect(has(check(r.wb), 'distribution/single-month', 'Budget', r.rowOf('Revision'))).toBe(false);
  });
});

describe('cap/*', () => {
  it('pool-exceeded over 13 mio.', () => {
    const r = budgetWorkbook({ lines: [{ post: 'Løn 10 medarbejdere', monthly: 430000 }] });
    expect(has(check(r.wb), 'cap/pool-exceeded')).toBe(true);
  });
  it('annual-exceeded for the 15M pool', () => {
    const pool = findBuiltinPool('15m-2013')!;
    const r = budgetWorkbook({
      start: '2013-01',
      end: '2016-12',
      lines: [{ post: 'Løn', monthly: { 0: 16_000_000 } }],
      stamdata: { Pulje: '15m-2013', Projektperiode: '2013-2016' },
    });
    expect(has(check(r.wb, pool), 'cap/annual-exceeded')).toBe(true);
  });
  it('application-limit from a profile with a maximum', () => {
    const pool = { ...findBuiltinPool('recovery-2019')!, application: { max: 1_000_000 } };
    const r = budgetWorkbook({ lines: CLEAN_LINES });
    expect(has(check(r.wb, pool), 'cap/application-limit')).toBe(true);
  });
  it('requested-mismatch at the Stamdata cell', () => {
    const r = budgetWorkbook({ lines: CLEAN_LINES, stamdata: { 'Ansøgt beløb': 2_000_000 } });
    expect(has(check(r.wb), 'cap/requested-mismatch', 'Stamdata', 4)).toBe(true);
  });
  it('financing-mismatch when financing differs from expenses', () => {
    const r = budgetWorkbook({
      lines: CLEAN_LINES,
      financing: [
        ['Ansøgt tilskud', 1_000_000],
        ['Egenfinansiering', 100_000],
      ],
      stamdata: { 'Ansøgt beløb': 1_000_000 },
    });
    expect(has(check(r.wb), 'cap/financing-mismatch', 'Budget', r.rowOf('Egenfinansiering'))).toBe(true);
  });
});

describe('arithmetic/*', () => {
  it('total-mismatch for a total row typed wrong, and hardcoded-total for the typed cell', () => {
    const r = budgetWorkbook({ lines: CLEAN_LINES });
    const cells = r.wb.sheets[1].rows.get(r.totalRow!)!;
    const c = cells.find((x) => x.col === 3)!;
    delete c.formula;
    delete c.noCachedResult;
    c.value = 99;
    const f = check(r.wb);
    expect(has(f, 'arithmetic/total-mismatch', 'Budget', r.totalRow)).toBe(true);
    expect(has(f, 'arithmetic/hardcoded-total', 'Budget', r.totalRow)).toBe(true);
  });
  it('total-mismatch when a total formula skips a line (recomputed, cached value ignored)', () => {
    const r = budgetWorkbook({ lines: CLEAN_LINES });
    const first = r.headerRow + 1;
    for (const c of r.wb.sheets[1].rows.get(r.totalRow!)!) {
      if (c.formula) c.formula = c.formula.replace(`${first}:`, `${first + 1}:`);
    }
    expect(has(check(r.wb), 'arithmetic/total-mismatch', 'Budget', r.totalRow)).toBe(true);
  });
  it('a line total whose formula skips the last month is sum-mismatch alone, naming the formula', () => {
    const lines = [...CLEAN_LINES, { post: 'Materialer', spec: '33 x 500 kr.', monthly: 500 }];
    const r = budgetWorkbook({ lines });
    const row = r.rowOf('Kørsel');
    const cell = r.wb.sheets[1].rows.get(row)!.find((c) => c.col === 36)!;
    cell.formula = 'SUM(C' + row + ':AH' + row + ')';
    const f = check(r.wb).filter((x) => x.row === row);
    expect(f.map((x) => [x.rule, x.sheet, x.row])).toEqual([['distribution/sum-mismatch', 'Budget', row]]);
    expect(argsOf(f[0])?.formula).toBe(`SUM(C${row}:AH${row})`);
  });
  it('inconsistent-formula (a warning) when a line total skips a month the line has nothing in', () => {
    const lines = [
      ...CLEAN_LINES,
      { post: 'Materialer', spec: '32 x 500 kr.', monthly: { ...Object.fromEntries(Array.from({ length: 32 }, (_, i) => [i, 500])) } },
    ];
    const r = budgetWorkbook({ lines });
    const row = r.rowOf('Materialer');
    const cell = r.wb.sheets[1].rows.get(row)!.find((c) => c.col === 36)!;
    cell.formula = 'SUM(C' + row + ':AH' + row + ')';
    const f = check(r.wb);
    expect(f.find((x) => x.rule === 'arithmetic/inconsistent-formula')).toMatchObject({ severity: 'warning', sheet: 'Budget', row });
    expect(has(f, 'distribution/sum-mismatch', 'Budget', row)).toBe(false);
  });
});

describe('itemisation and eligibility rules that need no vocabulary', () => {
  it('duplicate-post (warning) on the second of two identical posts', () => {
    const r = budgetWorkbook({ lines: [...CLEAN_LINES, { post: 'Kørsel ', spec: '500 km/md. à 1,90 kr., 33 mdr.', monthly: 950 }] });
    const f = check(r.wb).filter((x) => x.rule === 'itemisation/duplicate-post');
    expect(f.map((x) => [x.severity, x.sheet, x.row])).toEqual([['warning', 'Budget', r.rowOf('Kørsel ')]]);
  });
  it('duplicate-post names its twin by cell, on its own sheet where the post also recurs on the other year sheets', () => {
    const year = (y: number, lines: number): SheetSpec => {
      const months = monthTexts(`${y}-01`, `${y}-12`);
      const rows: CellSpec[][] = [['Post', 'Specifikation', ...months, 'I alt']];
      for (let i = 0; i < lines; i++) rows.push(['Kørsel', '500 km/md. à 1,90 kr.', ...months.map(() => 950), 11_400]);
      return { name: `Budget ${y}`, rows };
    };
    const f = check(rawWorkbook(year(2020, 1), year(2021, 2))).filter((x) => x.rule === 'itemisation/duplicate-post');
    expect(f.map((x) => [x.sheet, x.row, argsOf(x)?.first])).toEqual([['Budget 2021', 3, 'Budget 2021!A2']]);
  });
  it('missing-note (warning) on a line over 100.000 kr. without a note, not on small lines', () => {
    const r = budgetWorkbook({
      lines: [...CLEAN_LINES, { post: 'Konsulent', spec: '33 mdr. à 5.000 kr.', monthly: 5000 }, { post: 'Materialer', spec: '33 x 100 kr.', monthly: 100 }],
    });
    const f = check(r.wb).filter((x) => x.rule === 'itemisation/missing-note');
    expect(f.map((x) => [x.severity, x.row])).toEqual([['warning', r.rowOf('Konsulent')]]);
  });
  it('vat-included when a municipality states the budget incl. moms', () => {
    const r = budgetWorkbook({ lines: CLEAN_LINES, stamdata: { Moms: 'inkl. moms' } });
    expect(has(check(r.wb), 'eligibility/vat-included', 'Stamdata', 6)).toBe(true);
    const pool = { ...findBuiltinPool('15m-2013')! };
    expect(has(check(r.wb, pool), 'eligibility/vat-included')).toBe(false);
  });
});
