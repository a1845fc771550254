// The layouts of SPEC §3 beyond one sheet of months, unit by unit: quarter headers, quantity columns, structured
// references, quarterly pools, summary sheets. (The fixtures test checks every layout as files other programs wrote.)
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkFile } from '../src/check.js';
import { columnsStateHoursOrRate, unitPriceFromColumns } from '../src/itemise/index.js';
import { quantityHeader, totalHeader } from '../src/model/labels.js';
import { parseMonthHeader, quarterOf } from '../src/model/months.js';
import { rewriteStructured, tableIndex } from '../src/model/structured.js';
import type { QuantityCell, QuantityKind } from '../src/model/types.js';
import { findBuiltinPool } from '../src/pools/index.js';
import type { RawSheet } from '../src/read/types.js';
import { DEFAULT_OUT } from '../scripts/make-fixtures.js';
import { check, errors, ids } from './helpers/budget.js';
import { rawWorkbook, type CellSpec } from './helpers/raw.js';

describe('quarter headers', () => {
  it.each([
    ['1. kvt. 2022', '2022-01'],
    ['2. kvt 2022', '2022-04'],
    ['K3 2022', '2022-07'],
    ['Q4 2022', '2022-10'],
    ['Q1-2021', '2021-01'],
    ['1. kvartal 2022', '2022-01'],
    ['4. kvartal 2020', '2020-10'],
    ['jan-mar 2022', '2022-01'],
    ['okt-dec 2021', '2021-10'],
    ['januar-marts 2022', '2022-01'],
    ['2022 Q2', '2022-04'],
    ['Q3/22', '2022-07'],
    ['jan.-mar. 2022', '2022-01'],
    ['jul–sep 2021', '2021-07'],
    ['kvartal 2 2022', '2022-04'],
    ['1.kvt 2022', '2022-01'],
  ])('%s is the quarter starting %s', (text, month) => {
    expect(parseMonthHeader(text)).toEqual({ kind: 'month', month, span: 3 });
  });
  it('a quarter without its year takes it from context, as a bare month does', () => {
    expect(parseMonthHeader('2. kvt.')).toEqual({ kind: 'bare', month: 4, span: 3 });
    expect(parseMonthHeader('K4')).toEqual({ kind: 'bare', month: 10, span: 3 });
  });
  it.each(['jan-apr 2022', 'feb-apr 2022', 'Q5 2022', 'K0 2022', 'kvt 2022'])('%s is no quarter', (text) => {
    expect(parseMonthHeader(text)?.kind === 'month' && (parseMonthHeader(text) as { span?: number }).span).toBeFalsy();
  });
  it('months still parse as months', () => {
    expect(parseMonthHeader('jan 2022')).toEqual({ kind: 'month', month: '2022-01' });
    expect(parseMonthHeader('jan-22')).toEqual({ kind: 'month', month: '2022-01' });
    expect(quarterOf('2022-05')).toBe('2022-04');
  });
  it('a bare year heads a per-year total, not a month', () => {
    expect(totalHeader('2021')).toEqual({ year: 2021 });
    expect(totalHeader('I alt')).toEqual({ year: undefined });
  });
});

describe('quantity columns', () => {
  it.each([
    ['Antal', 'units'],
    ['Enhed', 'unit'],
    ['Enhedspris', 'price'],
    ['Pris pr. enhed', 'price'],
    ['Sats', 'price'],
    ['Takst', 'price'],
    ['Enhedspris (kr.)', 'price'],
    ['Timer', 'hours'],
    ['Timer pr. uge', 'hoursPerWeek'],
    ['Timeløn', 'hourlyRate'],
    ['Timesats', 'hourlyRate'],
    ['Månedsløn', 'monthlySalary'],
    ['Antal måneder', 'months'],
    ['Km', 'km'],
    ['Antal km', 'km'],
    ['Kr. pr. km', 'kmRate'],
  ])('%s is a %s column', (label, kind) => {
    expect(quantityHeader(label)).toBe(kind);
  });
  it('other headers are none', () => {
    for (const l of ['Budgetpost', 'Specifikation', 'I alt', 'Note', 'jan 2020']) expect(quantityHeader(l)).toBeUndefined();
  });

  const cells = (o: Partial<Record<QuantityKind, number | string>>): QuantityCell[] =>
    Object.entries(o).map(([kind, v], i) => ({
      sheet: 'B',
      row: 5,
      col: 2 + i,
      cell: `X${i}`,
      kind: kind as QuantityKind,
      value: typeof v === 'number' ? v : undefined,
      text: String(v),
    }));

  it('units × unit price, with the unit as a factor', () => {
    const u = unitPriceFromColumns(cells({ units: 2, unit: 'kurser', price: 40_000 }))!;
    expect(u).toMatchObject({ totalOre: 8_000_000, unitPriceOre: 4_000_000, kind: 'generic', factors: [{ value: 2, unit: 'kurser' }] });
  });
  it('km × km rate is mileage; "Enhed: km" says the units are km', () => {
    expect(unitPriceFromColumns(cells({ km: 16_500, kmRate: 1.9 }))).toMatchObject({ totalOre: 3_135_000, kind: 'mileage', kmRateOre: 190, km: 16_500 });
    expect(unitPriceFromColumns(cells({ units: 500, unit: 'km', price: 3.5 }))).toMatchObject({ totalOre: 175_000, kind: 'mileage', kmRateOre: 350 });
  });
  it('monthly salary × months and hours × hourly rate are salary', () => {
    expect(unitPriceFromColumns(cells({ hoursPerWeek: 37, monthlySalary: 45_000, months: 33 }))).toMatchObject({
      totalOre: 148_500_000,
      kind: 'salary',
      hoursPerWeek: 37,
      months: 33,
    });
    expect(unitPriceFromColumns(cells({ hours: 1_320, hourlyRate: 250 }))).toMatchObject({ totalOre: 33_000_000, kind: 'salary', hourlyRateOre: 25_000 });
    expect(columnsStateHoursOrRate(cells({ hoursPerWeek: 37 }))).toBe(true);
    expect(columnsStateHoursOrRate(cells({ units: 2, price: 5 }))).toBe(false);
  });
  it('hours a week × weeks × hourly rate; trips × km × rate', () => {
    expect(unitPriceFromColumns(cells({ hoursPerWeek: 37, weeks: 46, hourlyRate: 300 }))).toMatchObject({ totalOre: 51_060_000, kind: 'salary' });
    expect(unitPriceFromColumns(cells({ units: 12, km: 500, kmRate: 1.9 }))).toMatchObject({ totalOre: 1_140_000, kind: 'mileage', kmRateOre: 190 });
    expect(quantityHeader('Antal uger')).toBe('weeks');
  });
  it('no product without a price or a quantity, or with a cell that is not a number', () => {
    expect(unitPriceFromColumns(cells({ units: 2 }))).toBeUndefined();
    expect(unitPriceFromColumns(cells({ price: 500 }))).toBeUndefined();
    expect(unitPriceFromColumns(cells({ monthlySalary: 45_000 }))).toBeUndefined();
    expect(unitPriceFromColumns(cells({ units: 'se note', price: 500 }))).toBeUndefined();
  });
});

describe('structured references', () => {
  const sheet = {
    name: 'Budget',
    tables: [{ name: 'Tabel1', r1: 3, c1: 1, r2: 8, c2: 6, headerRows: 1, totalsRows: 1, columns: ['Post', 'Antal', 'Pris', 'jan 2020', 'feb 2020', 'I alt'] }],
  } as unknown as RawSheet;
  const idx = tableIndex([sheet]);
  it.each([
    ['Tabel1[[#This Row],[Antal]]*Tabel1[[#This Row],[Pris]]', 'B5*C5'],
    ['[@Antal]*[@Pris]', 'B5*C5'],
    ['SUM(Tabel1[[#This Row],[jan 2020]:[feb 2020]])', 'SUM(D5:E5)'],
    ['SUBTOTAL(109,Tabel1[I alt])', 'SUM(F4:F7)'],
    ['SUM(Tabel1[jan 2020])', 'SUM(D4:D7)'],
    ['Tabel1[[#Totals],[I alt]]', 'F8'],
  ])('%s → %s', (f, want) => {
    expect(rewriteStructured(f, 'Budget', 5, idx)).toBe(want);
  });
  it('an unknown column or table cannot be placed', () => {
    expect(rewriteStructured('Tabel1[Moms]', 'Budget', 5, idx)).toBeUndefined();
    expect(rewriteStructured('Tabel9[I alt]', 'Budget', 5, idx)).toBeUndefined();
    expect(rewriteStructured('SUM(A1:A3)', 'Budget', 5, idx)).toBe('SUM(A1:A3)');
  });
});

describe('a quarterly pool', () => {
  const quarterly = { ...findBuiltinPool('recovery-2019')!, granularity: 'quarter' as const };
  const monthly = findBuiltinPool('recovery-2019')!;
  const Q = [
    '1. kvt. 2020',
    '2. kvt. 2020',
    '3. kvt. 2020',
    '4. kvt. 2020',
    '1. kvt. 2021',
    '2. kvt. 2021',
    '3. kvt. 2021',
    '4. kvt. 2021',
    '1. kvt. 2022',
    '2. kvt. 2022',
    '3. kvt. 2022',
  ];
  /** Budget with Løn projektleder 135.000 kr. a quarter and Revision 10.000 kr. in three quarters. */
  function book(quarters: string[], change: (rows: CellSpec[][]) => void = () => undefined) {
    const n = quarters.length;
    const L = (i: number) => String.fromCharCode(67 + i);
    const rows: CellSpec[][] = [
      ['Budgetpost', 'Specifikation', ...quarters, 'I alt'],
      ['Løn projektleder', '37 t/uge, 45.000 kr./md., 33 mdr.', ...quarters.map(() => 135_000), { f: `SUM(C2:${L(n - 1)}2)` }],
      [
        'Revision',
        '3 erklæringer à 10.000 kr.',
        ...quarters.map((_, i) => (i === 3 || i === 7 || i === n - 1 ? 10_000 : undefined)),
        { f: `SUM(C3:${L(n - 1)}3)` },
      ],
    ];
    change(rows);
    const total = rows.slice(1).reduce((s, r) => s + (r.slice(2, 2 + n) as Array<number | undefined>).reduce((x: number, v) => x + (v ?? 0), 0), 0);
    return rawWorkbook(
      {
        name: 'Stamdata',
        rows: [
          ['Ansøger', 'Roskilde Kommune'],
          ['CVR', '29189404'],
          ['Ansøgt beløb', total],
          ['Projektperiode', '01.01.2020 – 30.09.2022'],
        ],
      },
      { name: 'Budget', rows },
    );
  }

  it('quarters satisfy it: no error, and the expenses are the lines', () => {
    expect(errors(check(book(Q), quarterly))).toEqual([]);
  });
  it('for a monthly pool the same quarters are one finding, at the header', () => {
    const f = errors(check(book(Q), monthly));
    expect(ids(f)).toEqual(['structure/missing-months@Budget:1']);
    expect(f[0].args).toMatchObject({ want: 'month', found: 'quarters' });
  });
  it('a quarter of the period without a column is missing', () => {
    expect(
      ids(
        errors(
          check(
            book(Q.slice(0, -1), (rows) => (rows[2][rows[2].length - 2] = 10_000)),
            quarterly,
          ),
        ),
      ),
    ).toContain('structure/missing-months@Budget:1');
  });
  it('money in a quarter after the period is outside it; a quarter that overlaps the period is not', () => {
    const after = [...Q, '4. kvt. 2022'];
    const f = check(
      book(after, (rows) => {
        rows[1][2 + after.length - 1] = undefined;
        rows[2][2 + after.length - 1] = 10_000;
        rows[2][2 + after.length - 2] = undefined;
      }),
      quarterly,
    );
    expect(ids(errors(f))).toEqual(['distribution/outside-period@Budget:3']);
  });
  it('a salary in one quarter of many is a single-period warning', () => {
    const f = check(
      book(Q, (rows) => {
        for (let i = 3; i < 2 + Q.length; i++) rows[1][i] = undefined;
        rows[1][2] = 1_485_000;
      }),
      quarterly,
    );
    expect(ids(f)).toContain('distribution/single-month@Budget:2');
  });
});

describe('a summary sheet is a view of the same budget', () => {
  const pick = (name: string) => join(DEFAULT_OUT, `${name}.xlsx`);
  it('the same expenses with and without it, and no line finding on it', async () => {
    for (const w of ['xlsxwriter', 'libreoffice']) {
      if (!existsSync(pick(`layout-summary-sheet-${w}`))) throw new Error('fixtures not generated (the global setup does)');
      const withSummary = await checkFile(pick(`layout-summary-sheet-${w}`), {});
      const without = await checkFile(pick(`layout-year-sheets-alone-${w}`), {});
      expect(withSummary.totals.expenses).toBe(without.totals.expenses);
      expect(withSummary.totals.expenses).toBe(195_635_000);
      expect(withSummary.findings.filter((f) => f.sheet === 'Samlet budget')).toEqual([]);
    }
  });
});

describe('sections', () => {
  const months = ['jan 2020', 'feb 2020', 'mar 2020'];
  /** '1. Løn' and '2. Aktiviteter' headings carrying their sections' subtotals (SUMs of the rows below). */
  function book(lonRange = 'C3:C4') {
    const col = (c: string, range: string) => ({ f: `SUM(${range.replace(/C/g, c)})` });
    const rows: CellSpec[][] = [
      ['Budgetpost', 'Specifikation', ...months, 'I alt'],
      ['1. Løn', undefined, col('C', lonRange), col('D', lonRange), col('E', lonRange), col('F', lonRange)],
      ['1.1 Projektleder', '37 t/uge, 45.000 kr./md., 3 mdr.', 45_000, 45_000, 45_000, { f: 'SUM(C3:E3)' }],
      ['1.2 Familiebehandler', '60 timer à 300 kr.', 6_000, 6_000, 6_000, { f: 'SUM(C4:E4)' }],
      ['2. Aktiviteter', undefined, { f: 'SUM(C6:C6)' }, { f: 'SUM(D6:D6)' }, { f: 'SUM(E6:E6)' }, { f: 'SUM(F6:F6)' }],
      ['2.1 Kørsel', '300 km à 1,90 kr.', 190, 190, 190, { f: 'SUM(C6:E6)' }],
      ['I alt', undefined, { f: 'SUM(C2,C5)' }, { f: 'SUM(D2,D5)' }, { f: 'SUM(E2,E5)' }, { f: 'SUM(F2,F5)' }],
    ];
    return rawWorkbook(
      {
        name: 'Stamdata',
        rows: [
          ['Ansøger', 'Roskilde Kommune'],
          ['CVR', '29189404'],
          ['Projektperiode', '01.01.2020 – 31.03.2020'],
        ],
      },
      { name: 'Budget', rows },
    );
  }
  const pool = { ...findBuiltinPool('recovery-2019')!, period: { start: '2020-01', end: '2020-03' } };

  it('a heading that carries its subtotal is no line: expenses counted once, and no error', () => {
    const wb = book();
    const f = check(wb, pool);
    expect(errors(f).map((x) => x.rule)).toEqual([]);
  });
  it('a heading subtotal that leaves out a line of its section is a total mismatch at the heading', () => {
    expect(ids(errors(check(book('C3:C3'), pool)))).toContain('arithmetic/total-mismatch@Budget:2');
  });
  it("a numbered post under '1. Løn' is salary by its section", async () => {
    const { buildBudget, prepare } = await import('../src/model/budget.js');
    const wb = book();
    const budget = buildBudget(wb.path, prepare(wb), pool.period);
    expect(budget.expenses).toBe((3 * 45_000 + 3 * 6_000 + 3 * 190) * 100);
    expect(budget.lines.map((l) => [l.post, l.section])).toEqual([
      ['1.1 Projektleder', '1. Løn'],
      ['1.2 Familiebehandler', '1. Løn'],
      ['2.1 Kørsel', '2. Aktiviteter'],
    ]);
    const { classify } = await import('../src/itemise/index.js');
    // (a familiebehandler is salary by its title too; a post the vocabulary does not know shows the section at work)
    expect(classify('1.2 Familiebehandler', undefined, undefined, '1. Løn')).toMatchObject({ category: 'salary' });
    expect(classify('1.3 Kontaktperson', undefined, undefined, '1. Løn')).toMatchObject({ category: 'salary', from: 'section' });
    expect(classify('1.3 Kontaktperson')).toBeUndefined();
  });
});

describe('quarters in part of a monthly budget', () => {
  it('months for 2020 and quarters after, for a monthly pool: one finding at the quarter header', () => {
    const months = [
      'jan 2020',
      'feb 2020',
      'mar 2020',
      'apr 2020',
      'maj 2020',
      'jun 2020',
      'jul 2020',
      'aug 2020',
      'sep 2020',
      'okt 2020',
      'nov 2020',
      'dec 2020',
    ];
    const quarters = ['1. kvt. 2021', '2. kvt. 2021', '3. kvt. 2021', '4. kvt. 2021', '1. kvt. 2022', '2. kvt. 2022', '3. kvt. 2022'];
    const n = months.length + quarters.length;
    const rows: CellSpec[][] = [
      ['Budgetpost', 'Specifikation', ...months, ...quarters, 'I alt'],
      [
        'Revision',
        '3 erklæringer à 10.000 kr.',
        ...Array.from({ length: n }, (_, i) => (i === 11 || i === 15 || i === n - 1 ? 10_000 : undefined)),
        { f: 'SUM(C2:U2)' },
      ],
    ];
    const wb = rawWorkbook(
      {
        name: 'Stamdata',
        rows: [
          ['Ansøger', 'Roskilde Kommune'],
          ['CVR', '29189404'],
          ['Ansøgt beløb', 30_000],
          ['Projektperiode', '01.01.2020 – 30.09.2022'],
        ],
      },
      { name: 'Budget', rows },
    );
    const f = errors(check(wb));
    expect(f.map((x) => [x.rule, x.row, x.cell])).toEqual([['structure/missing-months', 1, 'O1']]);
  });
});

describe('helper sheets and summaries by their formulas', () => {
  const stamdata = {
    name: 'Stamdata',
    rows: [
      ['Ansøger', 'Roskilde Kommune'],
      ['CVR', '29189404'],
      ['Projektperiode', '01.01.2020 – 31.03.2020'],
    ] as CellSpec[][],
  };
  const pool = { ...findBuiltinPool('recovery-2019')!, period: { start: '2020-01', end: '2020-03' } };
  const expensesOf = async (wb: ReturnType<typeof rawWorkbook>) => {
    const { buildBudget, prepare } = await import('../src/model/budget.js');
    return buildBudget(wb.path, prepare(wb), pool.period);
  };
  it("a calculation sheet with the budget's own post names, that the budget takes its figures from, is no second budget", async () => {
    const wb = rawWorkbook(
      stamdata,
      {
        name: 'Budget',
        rows: [
          ['Budgetpost', 'Specifikation', 'jan 2020', 'feb 2020', 'mar 2020', 'I alt'],
          [
            'Løn projektleder',
            '37 t/uge, 45.000 kr./md., 3 mdr.',
            { f: 'Lønberegning!B2/3' },
            { f: 'Lønberegning!B2/3' },
            { f: 'Lønberegning!B2/3' },
            { f: 'SUM(C2:E2)' },
          ],
        ],
      },
      {
        name: 'Lønberegning',
        rows: [
          ['Budgetpost', 'I alt'],
          ['Løn projektleder', 135_000],
        ],
      },
    );
    const b = await expensesOf(wb);
    expect(b.tables.map((t) => t.sheet)).toEqual(['Budget']);
    expect(b.summaries).toEqual([]);
    expect(b.helperSheets).toEqual(['Lønberegning']);
    expect(b.expenses).toBe(13_500_000);
    expect(errors(check(wb, pool))).toEqual([]);
  });
  it('a summary by section whose cells all come from the year sheets is a view, and its section row is checked against the section', async () => {
    const year = (y: string, amount: number): { name: string; rows: CellSpec[][] } => ({
      name: `Budget ${y}`,
      rows: [
        ['Budgetpost', 'Specifikation', `jan ${y}`, 'I alt'],
        ['1. Løn'],
        ['Løn projektleder', '37 t/uge, 45.000 kr./md., 1 md.', amount, { f: 'SUM(C3:C3)' }],
      ],
    });
    const summary = (cell2021: CellSpec): { name: string; rows: CellSpec[][] } => ({
      name: 'Oversigt',
      rows: [
        ['Budgetpost', '2020', '2021', 'I alt'],
        ['Løn', { f: "'Budget 2020'!D3" }, cell2021, { f: 'SUM(B2:C2)' }],
        ['I alt', { f: 'SUM(B2:B2)' }, { f: 'SUM(C2:C2)' }, { f: 'SUM(D2:D2)' }],
      ],
    });
    const wb = rawWorkbook(stamdata, summary({ f: "'Budget 2021'!D3" }), year('2020', 45_000), year('2021', 45_000));
    const b = await expensesOf(wb);
    expect(b.summaries.map((t) => t.sheet)).toEqual(['Oversigt']);
    expect(b.expenses).toBe(9_000_000);
    const stale = rawWorkbook(stamdata, summary({ f: "'Budget 2021'!D3-5000" }), year('2020', 45_000), year('2021', 45_000));
    // at the section row's 2021 cell, which differs from the section '1. Løn' of 'Budget 2021' (once: not again at the
    // grand total that sums it)
    const found = errors(check(stale, { ...pool, period: { start: '2020-01', end: '2021-01' } })).filter((x) => x.rule.startsWith('arithmetic'));
    expect(ids(found)).toEqual(['arithmetic/total-mismatch@Oversigt:2']);
    expect(found[0].cell).toBe('C2');
  });
});

describe('3D references', () => {
  it("a summary cell =SUM('Budget 2020:Budget 2021'!D3) sums the line on every sheet of the span", async () => {
    const { rewrite3d } = await import('../src/model/structured.js');
    expect(rewrite3d("SUM('Budget 2020:Budget 2022'!D3)", ['Stamdata', 'Budget 2020', 'Budget 2021', 'Budget 2022'])).toBe(
      "SUM('Budget 2020'!D3,'Budget 2021'!D3,'Budget 2022'!D3)",
    );
    expect(rewrite3d('SUM(År1:År2!D3:D5)', ['År1', 'År2'])).toBe("SUM('År1'!D3:D5,'År2'!D3:D5)");
    expect(rewrite3d("SUM('X:Y'!D3)", ['År1'])).toBeUndefined();
    const year = (y: string): { name: string; rows: CellSpec[][] } => ({
      name: `Budget ${y}`,
      rows: [
        ['Budgetpost', 'Specifikation', `jan ${y}`, 'I alt'],
        ['Revision', '1 erklæring à 10.000 kr.', 10_000, { f: 'SUM(C2:C2)' }],
      ],
    });
    // the summary's cached value is 0, as XlsxWriter writes it: the reference must be recomputed
    const wb = rawWorkbook(
      {
        name: 'Stamdata',
        rows: [
          ['Ansøger', 'Roskilde Kommune'],
          ['CVR', '29189404'],
          ['Projektperiode', '01.01.2020 – 31.01.2021'],
        ],
      },
      {
        name: 'Samlet budget',
        rows: [
          ['Budgetpost', 'I alt'],
          ['Revision', { f: "SUM('Budget 2020:Budget 2021'!D2)", v: 0 }],
          ['I alt', { f: 'SUM(B2:B2)', v: 0 }],
        ],
      },
      year('2020'),
      year('2021'),
    );
    const { buildBudget, prepare } = await import('../src/model/budget.js');
    const b = buildBudget(wb.path, prepare(wb));
    expect(b.summaries.map((s) => [s.sheet, s.summaryOf])).toEqual([['Samlet budget', ['Budget 2020', 'Budget 2021']]]);
    expect(b.expenses).toBe(2_000_000);
    expect(ids(check(wb, { ...findBuiltinPool('recovery-2019')!, period: { start: '2020-01', end: '2021-01' } })).filter((x) => x.includes('Samlet'))).toEqual(
      [],
    );
  });
});
