// The row classifier and the column mapping on their own: small rows in, kinds and columns out.
import { describe, expect, it } from 'vitest';
import { mapColumns } from '../src/model/columns.js';
import { Grid } from '../src/model/grid.js';
import { classifyRow } from '../src/model/header.js';
import { classifyBudgetRow, FIRST_ROW, type RowCells, type RowState } from '../src/model/row-kind.js';
import type { AmountCell } from '../src/model/types.js';
import type { CellValue } from '../src/read/types.js';
import { rawWorkbook } from './helpers/raw.js';

type Amount = number | string | { f: string; v: number } | undefined;

/** An amount cell in column `col` of `row`: a number (kroner), text, a formula with its value, or blank. */
function amount(row: number, col: number, v: Amount): AmountCell {
  const at = { sheet: 'Budget', row, col, cell: `${String.fromCharCode(64 + col)}${row}`, hidden: false };
  if (v === undefined) return { ...at, status: 'blank', ore: 0 };
  if (typeof v === 'number') return { ...at, status: 'number', ore: v * 100, typed: true };
  if (typeof v === 'string') return { ...at, status: 'text', raw: v };
  return { ...at, status: 'number', ore: v.v * 100, formula: v.f };
}

/** A row with the post in A, month amounts from C on, and optionally a total after them. */
function row(r: number, post: string, months: Amount[], total?: Amount, spec?: string): RowCells {
  const monthCells = months.map((v, i) => amount(r, 3 + i, v));
  return {
    row: r,
    post,
    spec,
    months: monthCells,
    monthValues: months.map((v): CellValue => (typeof v === 'object' || v === undefined ? null : v)),
    total: total === undefined ? undefined : amount(r, 3 + months.length, total),
    yearTotals: [],
  };
}

/** Classifies rows top to bottom, as buildTable does: [kind, post, section] of each. */
function classifyAll(rows: RowCells[], state: RowState = FIRST_ROW) {
  return rows.map((cells) => {
    const out = classifyBudgetRow(cells, state);
    state = out.state;
    const c = out.row;
    return 'post' in c ? [c.kind, c.post, c.section ?? null, c.headingTotal] : [c.kind];
  });
}

describe('the row classifier', () => {
  it('reads an expense line, a section heading above it and the grand total', () => {
    expect(
      classifyAll([row(2, '1. Løn', [undefined, undefined]), row(3, 'Løn projektleder', [45000, 45000], 90000), row(4, 'I alt', [45000, 45000], 90000)]),
    ).toEqual([
      ['section', '1. Løn', null, false],
      ['item', 'Løn projektleder', '1. Løn', false],
      ['total', 'I alt', '1. Løn', false],
    ]);
  });

  it('leaves out a row of zeros with no post, and takes the specification as the post when the post is empty', () => {
    expect(classifyAll([row(2, '', [0, 0], { f: 'SUM(C2:D2)', v: 0 }), row(3, '', [100, 0], 100, 'Kørsel 50 km')])).toEqual([
      ['empty'],
      ['item', 'Kørsel 50 km', null, false],
    ]);
  });

  it('reads a heading whose SUMs cover the rows below as its section subtotal', () => {
    const heading = row(2, '1. Løn', [
      { f: 'SUM(C3:C4)', v: 10 },
      { f: 'SUM(D3:D4)', v: 10 },
    ]);
    expect(classifyAll([heading, row(3, 'Løn', [10, 10])])).toEqual([
      ['total', '1. Løn', '1. Løn', true],
      ['item', 'Løn', '1. Løn', false],
    ]);
    // a SUM of rows above it does not make a heading of it
    expect(classifyAll([row(5, 'Løn, overført', [{ f: 'SUM(C3:C4)', v: 10 }])])[0]).toEqual(['item', 'Løn, overført', null, false]);
  });

  it('reads the financing part: heading, posts, its total, and an expense total inside it', () => {
    expect(
      classifyAll([
        row(2, 'Kørsel', [100], 100),
        row(3, 'Finansiering', [undefined]),
        row(4, 'Ansøgt tilskud', [undefined], 100),
        row(5, 'Egenfinansiering', [undefined], 0),
        row(6, 'Finansiering i alt', [undefined], 100),
        row(7, 'Udgifter i alt', [undefined], 100),
      ]),
    ).toEqual([
      ['item', 'Kørsel', null, false],
      ['section', 'Finansiering', null, false],
      ['financing', 'Ansøgt tilskud', 'Finansiering', false],
      ['financing', 'Egenfinansiering', 'Finansiering', false],
      ['financing-total', 'Finansiering i alt', 'Finansiering', false],
      ['total', 'Udgifter i alt', 'Finansiering', false],
    ]);
  });

  it('starts the financing part at a financing post after the expense lines, not before them', () => {
    expect(classifyAll([row(2, 'Ansøgt tilskud', [100]), row(3, 'Kørsel', [100]), row(4, 'Ansøgt tilskud', [undefined], 200)])).toEqual([
      ['item', 'Ansøgt tilskud', null, false],
      ['item', 'Kørsel', null, false],
      ['financing', 'Ansøgt tilskud', null, false],
    ]);
  });

  it('tells a repeated month header from a line whose amounts are unreadable text', () => {
    expect(classifyAll([row(10, '', ['jan 2021', 'feb 2021', 'mar 2021'], 'I alt')])).toEqual([['month-header']]);
    expect(classifyAll([row(10, 'Husleje', ['kr, 42.000,00', 'kr, 42.000,00'])])).toEqual([['item', 'Husleje', null, false]]);
  });

  it('has no side effect: the state passed in is left as it was', () => {
    const state: RowState = { financing: false, items: false };
    classifyBudgetRow(row(2, 'Finansiering', [undefined]), state);
    classifyBudgetRow(row(3, 'Kørsel', [100]), state);
    expect(state).toEqual({ financing: false, items: false });
  });
});

describe('the column mapping', () => {
  const map = (rows: Array<Array<CellValue | undefined>>) => {
    const wb = rawWorkbook({ name: 'Budget', rows });
    const grid = new Grid(wb);
    const header = { row: 1, columns: classifyRow(grid, wb.sheets[0], 1), score: 1 };
    return mapColumns(grid, wb.sheets[0], header, undefined, '2020-01');
  };

  it('places post, specification, months, year totals, the grand total and the note', () => {
    const m = map([
      ['Budgetpost', 'Specifikation', 'jan 2020', 'feb 2020', 'I alt 2020', 'I alt', 'Note'],
      ['Løn', '2 mdr.', 1, 1, 2, 2, 'Note 1'],
    ])!;
    expect([m.postCol, m.specCol, m.noteCol, m.totalCol?.col]).toEqual([1, 2, 7, 6]);
    expect(m.monthCols.map((c) => [c.col, c.month])).toEqual([
      [3, '2020-01'],
      [4, '2020-02'],
    ]);
    expect(m.yearTotalCols.map((c) => [c.col, c.year])).toEqual([[5, 2020]]);
  });

  it('dates "Måned 1" from the project period, and makes the price beside the km their rate', () => {
    const m = map([
      ['Udgiftspost', 'Antal', 'Pris pr. enhed', 'Km', 'Takst', 'Måned 1', 'Måned 2', 'I alt'],
      ['Kørsel', undefined, undefined, 100, 3.79, 379, 0, 379],
    ])!;
    expect(m.monthCols.map((c) => c.month)).toEqual(['2020-01', '2020-02']);
    expect(m.quantityCols.map((q) => [q.col, q.kind])).toEqual([
      [2, 'units'],
      [3, 'price'],
      [4, 'km'],
      [5, 'kmRate'],
    ]);
  });

  it('without a post label takes the column left of the amounts that holds text in most rows', () => {
    const m = map([
      [undefined, undefined, 'jan 2020', 'feb 2020', 'I alt'],
      [1, 'Løn', 1, 1, 2],
      [2, 'Kørsel', 1, 1, 2],
    ]);
    expect(m?.postCol).toBe(2);
  });

  it('is no table without an amount column', () => {
    expect(
      map([
        ['Budgetpost', 'Specifikation', 'Note'],
        ['Løn', 'x', 'y'],
      ]),
    ).toBeUndefined();
  });
});
