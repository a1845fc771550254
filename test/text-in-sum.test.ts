// arithmetic/total-mismatch's text check (src/rules/arithmetic/text-in-sum.ts): a SUM over amounts typed as text, found
// through its index of the cells a SUM can find text under, and by position where two cells of a table share one.
import { describe, expect, it } from 'vitest';
import type { AmountCell, BudgetRow, BudgetTable } from '../src/model/types.js';
import { textUnderSum } from '../src/rules/arithmetic/text-in-sum.js';

const cell = (row: number, col: number, a: Partial<AmountCell>): AmountCell & { month: string; year: number } =>
  ({ sheet: 'Budget', row, col, cell: `${String.fromCharCode(64 + col)}${row}`, hidden: false, status: 'blank', ore: 0, ...a }) as never;
const text = (row: number, col: number, ore: number) => cell(row, col, { status: 'number', ore, raw: `${ore / 100} kr.` });
const sum = (row: number, col: number, formula: string, ore = 0) => cell(row, col, { status: 'number', ore, formula });

function row(r: number, kind: BudgetRow['kind'], months: AmountCell[], total?: AmountCell): BudgetRow {
  return { sheet: 'Budget', row: r, kind, post: `Post ${r}`, postCell: `A${r}`, hidden: false, months: months as never, total, yearTotals: [] };
}

function table(rows: BudgetRow[]): BudgetTable {
  return {
    sheet: 'Budget',
    sheetHidden: false,
    headerRow: 1,
    postCol: 1,
    monthCols: [
      { col: 2, month: '2024-01', cell: 'B1', hidden: false },
      { col: 3, month: '2024-02', cell: 'C1', hidden: false },
    ],
    totalCol: { col: 4, cell: 'D1', hidden: false },
    yearTotalCols: [],
    quantityCols: [],
    rows,
  } as BudgetTable;
}

describe('a SUM over amounts typed as text', () => {
  it("finds a line's text months under its total, and a total row's SUM over that total as the same cause", () => {
    const t = table([
      row(2, 'item', [text(2, 2, 95_000), text(2, 3, 95_000)], sum(2, 4, 'SUM(B2:C2)')),
      row(3, 'item', [cell(3, 2, { status: 'number', ore: 1000, typed: true }), cell(3, 3, { status: 'blank' })], sum(3, 4, 'SUM(B3:C3)', 1000)),
      row(4, 'total', [sum(4, 2, 'SUM(B2:B3)', 1000), sum(4, 3, 'SUM(C2:C3)')], sum(4, 4, 'SUM(D2:D3)', 1000)),
    ]);
    const f = textUnderSum(t);
    expect(f.map((x) => [x.row, x.cell, x.args?.count])).toEqual([[2, 'D2', 2]]);
  });

  it('finds what a SUM finds where two cells share a position: the later one there', () => {
    const rows = [
      row(2, 'item', [text(2, 2, 95_000), text(2, 3, 95_000)], sum(2, 4, 'SUM(B2:C2)')),
      // a second row of the same sheet row whose blank month stands where the text of C2 stood
      row(2, 'section', [cell(2, 2, { status: 'blank' }), cell(2, 3, { status: 'blank' })]),
    ];
    rows[1].months = [text(2, 2, 95_000), cell(2, 3, { status: 'blank' })] as never;
    const f = textUnderSum(table(rows));
    expect(f.map((x) => [x.row, x.args?.count])).toEqual([[2, 1]]);
  });
});
