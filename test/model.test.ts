import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildBudget, combineLines, prepare } from '../src/model/budget.js';
import { findBuiltinPool } from '../src/pools/index.js';
import { monthTexts, rawWorkbook } from './helpers/raw.js';

const pool = findBuiltinPool('recovery-2019')!;

function model(wb: ReturnType<typeof rawWorkbook>) {
  return buildBudget(wb.path, prepare(wb), pool.period);
}

describe('budget model', () => {
  it('finds the header below title rows and reads lines, sections, totals and financing', () => {
    const months = monthTexts('2020-01', '2020-03');
    const wb = rawWorkbook({
      name: 'Budget',
      rows: [
        ['Budget for Roskilde Kommune'],
        [],
        ['Projekt: Recovery'],
        ['Udgiftspost', 'Specifikation', ...months, 'I alt'],
        ['1. Løn'],
        ['Løn projektleder', '3 mdr. à 40.000 kr.', 40000, 40000, 40000, { f: 'SUM(C6:E6)' }],
        ['Kørsel', '3 x 1.000', '1.000,00', '1.000 kr.', '-', 2000],
        ['I alt', undefined, { f: 'SUM(C6:C7)', v: 0 }, { f: 'SUM(D6:D7)' }, { f: 'SUM(E6:E7)' }, { f: 'SUM(F6:F7)' }],
        ['Finansiering'],
        ['Ansøgt tilskud', undefined, undefined, undefined, undefined, 122000],
        ['Finansiering i alt', undefined, undefined, undefined, undefined, { f: 'F10' }],
      ],
    });
    const b = model(wb);
    expect(b.tables).toHaveLength(1);
    const t = b.tables[0];
    expect(t.headerRow).toBe(4);
    expect(t.monthCols.map((m) => m.month)).toEqual(['2020-01', '2020-02', '2020-03']);
    expect(t.rows.map((r) => [r.row, r.kind])).toEqual([
      [5, 'section'],
      [6, 'item'],
      [7, 'item'],
      [8, 'total'],
      [9, 'section'],
      [10, 'financing'],
      [11, 'financing-total'],
    ]);
    // formulas without cached values (and a cached 0) are recomputed
    expect(t.rows[3].months[0]).toMatchObject({ status: 'number', ore: 4100000, recomputed: true });
    expect(t.rows[1].total).toMatchObject({ status: 'number', ore: 12000000 });
    expect(b.lines.map((l) => [l.post, l.total])).toEqual([
      ['Løn projektleder', 12000000],
      ['Kørsel', 200000],
    ]);
    expect(b.lines[0].section).toBe('1. Løn');
    expect(b.financing).toEqual([expect.objectContaining({ kind: 'requested', ore: 12200000, row: 10 })]);
    expect(b.expenses).toBe(12200000);
  });

  it('gives bare months their year from the sheet name and combines a post over year sheets', () => {
    const da = ['januar', 'februar', 'marts', 'april', 'maj', 'juni', 'juli', 'august', 'september', 'oktober', 'november', 'december'];
    const sheet = (year: number, n: number) => ({
      name: String(year),
      rows: [
        ['Budgetpost', ...da.slice(0, n), 'I alt'],
        ['Løn', ...Array(n).fill(1000), 1000 * n],
      ],
    });
    const b = model(rawWorkbook(sheet(2020, 12), sheet(2021, 12), sheet(2022, 9)));
    expect(b.tables.map((t) => [t.monthCols[0].month, t.monthCols.at(-1)!.month])).toEqual([
      ['2020-01', '2020-12'],
      ['2021-01', '2021-12'],
      ['2022-01', '2022-09'],
    ]);
    expect(b.lines).toHaveLength(1);
    expect(b.lines[0].months.size).toBe(33);
    expect(b.lines[0].total).toBe(3300000);
    expect(b.lines[0].rows.map((r) => r.sheet)).toEqual(['2020', '2021', '2022']);
  });

  it('reads a year written in a merged cell above bare months, and rolls over into the next year', () => {
    const b = model(
      rawWorkbook({
        name: 'Budget',
        merges: ['B1:D1', 'E1:F1'],
        rows: [
          [undefined, 'Projektår 2020', undefined, undefined, '2021'],
          ['Post', 'oktober', 'november', 'december', 'januar', 'februar'],
          ['Husleje', 5000, 5000, 5000, 5000, 5000],
        ],
      }),
    );
    expect(b.tables[0].monthCols.map((m) => m.month)).toEqual(['2020-10', '2020-11', '2020-12', '2021-01', '2021-02']);
  });

  it('reads start and end dates written out in words (1. oktober 2024, 30 september 2025)', () => {
    const b = model(
      rawWorkbook(
        {
          name: 'Stamdata',
          rows: [
            ['Ansøger', 'Holbæk Kommune'],
            ['Projektstart', '1. oktober 2024'],
            ['Projektslut', '30 september 2025'],
          ],
        },
        {
          name: 'Budget',
          rows: [
            ['Budgetpost', 'okt 2024', 'I alt'],
            ['Løn', 100, 100],
          ],
        },
      ),
    );
    expect(b.metadata.period?.value).toEqual({ start: '2024-10', end: '2025-09' });
  });

  it('reads metadata from a Stamdata sheet, labels with colons, and start/end dates', () => {
    const b = model(
      rawWorkbook(
        {
          name: 'Stamdata',
          rows: [
            ['Tilskudsmodtager:', 'Randers Kommune'],
            ['CVR-nr.', '29 18 99 17'],
            ['Pulje', 'recovery-2019'],
            ['Ansøgt beløb (kr.)', '1.287.000,00'],
            ['Projektstart', new Date(Date.UTC(2020, 0, 1))],
            ['Projektslut', '30.09.2022'],
            ['Moms', 'ekskl. moms'],
          ],
        },
        {
          name: 'Budget',
          rows: [
            ['Budgetpost', 'jan 2020', 'I alt'],
            ['Løn', 100, 100],
          ],
        },
      ),
    );
    const m = b.metadata;
    expect(m.applicant?.value).toBe('Randers Kommune');
    expect(m.cvr?.value).toBe('29189917');
    expect(m.pool?.value).toBe('recovery-2019');
    expect(m.requested).toMatchObject({ value: 128700000, sheet: 'Stamdata', row: 4, cell: 'B4' });
    expect(m.period?.value).toEqual({ start: '2020-01', end: '2022-09' });
    expect(m.vat?.value).toBe('excl');
    expect(b.period?.source).toBe('metadata');
  });

  it('takes a two-row header with the post label above the months', () => {
    const b = model(
      rawWorkbook({
        name: 'Ark1',
        rows: [
          ['Aktivitet', 'Budget 2020'],
          [undefined, '2020-01', '2020-02', 'Total'],
          ['Kursus', 100, 200, 300],
        ],
      }),
    );
    expect(b.tables[0].headerRow).toBe(2);
    expect(b.tables[0].postCol).toBe(1);
    expect(b.lines[0]).toMatchObject({ post: 'Kursus', total: 30000 });
  });
});

describe('project period', () => {
  it('a period of years only ("2020-2022") takes the pool\'s months within those years', () => {
    const b = buildBudget(
      'x',
      prepare(
        rawWorkbook(
          { name: 'Stamdata', rows: [['Projektperiode', '2020-2022']] },
          {
            name: 'Budget',
            rows: [
              ['Budgetpost', 'jan 2020', 'I alt'],
              ['Løn', 100, 100],
            ],
          },
        ),
      ),
      pool.period,
    );
    expect(b.period).toEqual({ start: '2020-01', end: '2022-09', source: 'metadata' });
  });
});

describe('file kind', () => {
  it('an empty sheet named Regnskab does not make a budget workbook an accounts file', async () => {
    const { isAccountsSheet, prepare: prep } = await import('../src/model/budget.js');
    const wb = rawWorkbook(
      {
        name: 'Budget',
        rows: [
          ['Budgetpost', 'jan 2020', 'I alt'],
          ['Løn', 100, 100],
        ],
      },
      { name: 'Regnskab', rows: [['Udfyldes efter projektet']] },
    );
    const p = prep(wb);
    expect(wb.sheets.some((s) => isAccountsSheet(p.grid, s))).toBe(false);
    const acc = rawWorkbook({
      name: 'Ark1',
      rows: [
        ['Budgetpost', 'Budget', 'Faktisk forbrug'],
        ['Løn', 100, 90],
      ],
    });
    expect(acc.sheets.some((s) => isAccountsSheet(prep(acc).grid, s))).toBe(true);
  });
});

describe('project months', () => {
  it('reads "Måned 1" … "Måned 33" as the months of the project period', () => {
    const head = ['Budgetpost', ...Array.from({ length: 33 }, (_, i) => `Måned ${i + 1}`), 'I alt'];
    const b = buildBudget('x', prepare(rawWorkbook({ name: 'Budget', rows: [head, ['Løn', ...Array(33).fill(100), 3300]] })), pool.period);
    const t = b.tables[0];
    expect(t.monthCols).toHaveLength(33);
    expect(t.monthCols[0].month).toBe('2020-01');
    expect(t.monthCols[32].month).toBe('2022-09');
  });
});

describe('combineLines', () => {
  // The first-fit grouping it had before it counted: each row joins the first line of its post without a row of its sheet.
  function reference(tables: Array<{ sheet: string; rows: Array<{ sheet: string; post: string; row: number }> }>): number[][] {
    const lines: Array<{ key: string; rows: Array<{ sheet: string; row: number }> }> = [];
    for (const t of tables)
      for (const r of t.rows) {
        const line = tables.length > 1 ? lines.find((l) => l.key === r.post.toLowerCase() && !l.rows.some((x) => x.sheet === r.sheet)) : undefined;
        if (line) line.rows.push(r);
        else lines.push({ key: r.post.toLowerCase(), rows: [r] });
      }
    return lines.map((l) => l.rows.map((r) => r.row));
  }

  it('groups a post recurring on year sheets (and repeated within one) into the same lines as first-fit (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.constantFrom('Løn', 'løn', 'Kørsel', 'Revision', 'Husleje'), { maxLength: 12 }), { minLength: 1, maxLength: 4 }),
        (sheets) => {
          let n = 0;
          const tables = sheets.map((posts, i) => ({
            sheet: `År ${i + 1}`,
            monthCols: [],
            rows: posts.map((post) => ({
              sheet: `År ${i + 1}`,
              row: ++n,
              post,
              kind: 'item' as const,
              months: [],
              yearTotals: [],
              hidden: false,
              postCell: 'A1',
            })),
          }));
          const lines = combineLines(tables as never);
          expect(lines.map((l) => l.rows.map((r) => r.row))).toEqual(reference(tables));
        },
      ),
      { numRuns: 500, seed: 19 },
    );
  });

  it('is linear: 20.000 rows of one post over two sheets in well under a second', () => {
    const rows = (sheet: string) =>
      Array.from({ length: 10_000 }, (_, i) => ({
        sheet,
        row: i + 1,
        post: 'Løn',
        kind: 'item' as const,
        months: [],
        yearTotals: [],
        hidden: false,
        postCell: `A${i + 1}`,
      }));
    const t0 = performance.now();
    const lines = combineLines([
      { sheet: 'A', monthCols: [], rows: rows('A') },
      { sheet: 'B', monthCols: [], rows: rows('B') },
    ] as never);
    expect(lines).toHaveLength(10_000);
    expect(lines.every((l) => l.rows.length === 2)).toBe(true);
    expect(performance.now() - t0).toBeLessThan(1000);
  });
});
