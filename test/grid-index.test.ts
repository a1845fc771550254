// The grid's cell index: lookups by row and column over the reader's rows, rows built out of order, far rows.
import { describe, expect, it } from 'vitest';
import { Grid } from '../src/model/grid.js';
import type { RawCell, RawSheet } from '../src/read/types.js';

const cell = (row: number, col: number, value: RawCell['value'], formula?: string): RawCell => ({ row, col, value, formula });

function sheet(name: string, cells: RawCell[][]): RawSheet {
  const rows = new Map<number, RawCell[]>();
  for (const r of cells) rows.set(r[0].row, r);
  return {
    name,
    state: 'visible',
    rows,
    maxRow: Math.max(...rows.keys()),
    maxCol: Math.max(...cells.flat().map((c) => c.col)),
    hiddenRows: new Set(),
    hiddenCols: new Set(),
    merges: [],
  };
}

describe('Grid cell index', () => {
  it('finds cells in contiguous and gapped rows, and nothing where there is no cell', () => {
    const g = new Grid({
      path: 'x',
      format: 'xlsx',
      sheets: [
        sheet('A', [
          [cell(1, 1, 'a'), cell(1, 2, 2), cell(1, 3, 3)],
          [cell(4, 2, 'b'), cell(4, 7, 7), cell(4, 300, 300)],
        ]),
      ],
    });
    expect(g.cell('A', 1, 2)?.value).toBe(2);
    expect(g.cell('A', 4, 7)?.value).toBe(7);
    expect(g.cell('A', 4, 300)?.value).toBe(300);
    expect(g.cell('A', 4, 3)).toBeUndefined();
    expect(g.cell('A', 4, 1)).toBeUndefined();
    expect(g.cell('A', 2, 1)).toBeUndefined();
    expect(g.cell('B', 1, 1)).toBeUndefined();
  });

  it('reads a row built out of column order, the later of two cells in a column winning', () => {
    const g = new Grid({ path: 'x', format: 'csv', sheets: [sheet('A', [[cell(2, 5, 5), cell(2, 1, 1), cell(2, 3, 'old'), cell(2, 3, 'new')]])] });
    expect(g.cell('A', 2, 1)?.value).toBe(1);
    expect(g.cell('A', 2, 3)?.value).toBe('new');
    expect(g.cell('A', 2, 5)?.value).toBe(5);
    expect(g.cell('A', 2, 4)).toBeUndefined();
  });

  it('evaluates formulas on rows past 32.767 and across sheets, each cell by its own sheet', () => {
    const far = 1_000_000;
    const g = new Grid({
      path: 'x',
      format: 'xlsx',
      sheets: [
        sheet('A', [[cell(far, 1, 10), cell(far, 2, 20), cell(far, 3, null, `SUM(A${far}:B${far})`)]]),
        sheet('B', [[cell(far, 1, 1), cell(far, 2, 2), cell(far, 3, null, `SUM(A${far}:B${far})+A!C${far}`)]]),
      ],
    });
    expect(g.value('A', g.cell('A', far, 3)!)).toMatchObject({ ok: true, value: 30 });
    expect(g.value('B', g.cell('B', far, 3)!)).toMatchObject({ ok: true, value: 33 });
  });
});

describe('SUBTOTAL', () => {
  // A column of two sections: lines in rows 1–2 and 4–5, their subtotals in 3 and 6, I alt in 7.
  const book = (i: string, sub6 = 'SUBTOTAL(9,A4:A5)') =>
    new Grid({
      path: 'x',
      format: 'xlsx',
      sheets: [
        sheet('B', [
          [cell(1, 1, 100)],
          [cell(2, 1, 200)],
          [cell(3, 1, null, 'SUBTOTAL(9,A1:A2)')],
          [cell(4, 1, 40)],
          [cell(5, 1, 60)],
          [cell(6, 1, null, sub6)],
          [cell(7, 1, null, i)],
        ]),
      ],
    });
  const total = (g: Grid) => g.value('B', g.cell('B', 7, 1)!);

  it('leaves out the SUBTOTALs inside its range, as Excel does', () => {
    expect(total(book('SUBTOTAL(9,A1:A6)'))).toMatchObject({ ok: true, value: 400 });
    expect(total(book('SUBTOTAL(109,A1:A6)'))).toMatchObject({ ok: true, value: 400 });
    expect(total(book('SUBTOTAL(9,A1:A3;A4:A6)'))).toMatchObject({ ok: true, value: 400 });
    expect(total(book('SUBTOTAL(9,A3,A6)'))).toMatchObject({ ok: true, value: 0 });
  });

  it('counts a SUM or a typed figure inside its range, as Excel does', () => {
    expect(total(book('SUBTOTAL(9,A1:A6)', 'SUM(A4:A5)'))).toMatchObject({ ok: true, value: 500 });
    expect(total(book('SUM(A1:A6)'))).toMatchObject({ ok: true, value: 800 });
    expect(total(book('SUBTOTAL(9,A1:A6)', '100'))).toMatchObject({ ok: true, value: 500 });
  });
});

describe('IFERROR', () => {
  const value = (f: string) => {
    const g = new Grid({
      path: 'x',
      format: 'xlsx',
      sheets: [sheet('B', [[cell(1, 1, 86_000), cell(1, 2, 0), cell(1, 3, 'tekst'), cell(1, 4, null, f)]]), sheet('Løn ark', [[cell(1, 1, 4)]])],
    });
    return g.value('B', g.cell('B', 1, 4)!);
  };

  it('is its first argument unless that is an error value, then its second', () => {
    expect(value('IFERROR(A1/4,0)')).toMatchObject({ ok: true, value: 21_500 });
    expect(value('IFERROR(A1/B1,0)')).toMatchObject({ ok: true, value: 0 });
    expect(value('IFERROR(A1/B1;7)+1')).toMatchObject({ ok: true, value: 8 });
    expect(value("IFERROR(A1/'Løn ark'!A1,0)")).toMatchObject({ ok: true, value: 21_500 });
    expect(value('IFERROR(#REF!*4,SUM(A1:B1))')).toMatchObject({ ok: true, value: 86_000 });
    expect(value('ROUND(IFERROR(A1/3,0),0)')).toMatchObject({ ok: true, value: 28_667 });
  });

  it('is not known where its arguments cannot be read', () => {
    expect(value('IFERROR(A1/4)')).toMatchObject({ ok: false });
    expect(value('IFERROR(VLOOKUP(A1,B1:C1,2),0)')).toMatchObject({ ok: false });
    expect(value('IFERROR(A1/B1,A1/B1)')).toMatchObject({ ok: false, reason: 'error' });
  });
});

describe('IF', () => {
  // B: A1 86.000, B1 0, C1 'tekst', D1 the formula, E1 blank, F1 ="" of an IF, G1 0.1, H1 0.2
  const grid = (f: string) =>
    new Grid({
      path: 'x',
      format: 'xlsx',
      sheets: [
        sheet('B', [
          [
            cell(1, 1, 86_000),
            cell(1, 2, 0),
            cell(1, 3, 'tekst'),
            cell(1, 4, 0, f),
            cell(1, 5, null),
            cell(1, 6, 0, 'IF(B1=0,"",B1)'),
            cell(1, 7, 0.1),
            cell(1, 8, 0.2),
          ],
        ]),
      ],
    });
  const value = (f: string) => {
    const g = grid(f);
    return g.value('B', g.cell('B', 1, 4)!);
  };

  it('is the branch its comparison picks', () => {
    expect(value('IF(SUM(A1:B1)=0,"",SUM(A1:B1))')).toMatchObject({ ok: true, value: 86_000 });
    expect(value('IF(SUM(B1:B1)=0,"",SUM(B1:B1))')).toMatchObject({ ok: false, reason: 'blank' });
    expect(value('IF(A1>50000;A1/2;A1)')).toMatchObject({ ok: true, value: 43_000 });
    expect(value('IF(A1<=50000,A1/2,A1)')).toMatchObject({ ok: true, value: 86_000 });
    expect(value('IF(A1<>0,1,2)+IF(B1>=0,10,20)+IF(B1<0,100,200)')).toMatchObject({ ok: true, value: 211 });
    expect(value('IF(B1,1,2)')).toMatchObject({ ok: true, value: 2 });
    expect(value('ROUND(IF(A1>0,A1/3,0),0)')).toMatchObject({ ok: true, value: 28_667 });
    expect(value('IF(B1=0,"",IF(A1>0,A1,""))')).toMatchObject({ ok: false, reason: 'blank' });
    expect(value('IF(A1=0,"",IF(A1>0,A1,""))')).toMatchObject({ ok: true, value: 86_000 });
    // only the branch picked is read, as in Excel
    expect(value('IF(A1>0,A1,VLOOKUP(A1,B1:C1,2))')).toMatchObject({ ok: true, value: 86_000 });
  });

  it('compares a cell with "": blank, or an IF\'s ""', () => {
    expect(value('IF(E1="","",A1)')).toMatchObject({ ok: false, reason: 'blank' });
    expect(value('IF(F1="",0,A1)')).toMatchObject({ ok: true, value: 0 });
    expect(value('IF(A1="",0,A1)')).toMatchObject({ ok: true, value: 86_000 });
    expect(value('IF(B1<>"",A1,0)')).toMatchObject({ ok: true, value: 86_000 });
    expect(value('IF(C1="",0,A1)')).toMatchObject({ ok: true, value: 86_000 });
  });

  it('counts an IF\'s "" as 0 in SUM, as Excel skips it', () => {
    expect(value('SUM(A1,F1)')).toMatchObject({ ok: true, value: 86_000 });
    expect(value('SUM(E1:F1)+A1')).toMatchObject({ ok: true, value: 86_000 });
  });

  it('is not known where it cannot be evaluated exactly', () => {
    expect(value('IF(A1>0,"",A1)+1')).toMatchObject({ ok: false, reason: 'unsupported' });
    expect(value('A1+F1')).toMatchObject({ ok: false, reason: 'unsupported' });
    expect(value('IF(C1>0,A1,0)')).toMatchObject({ ok: false, reason: 'unsupported' });
    expect(value('IF(A1>0,C1,0)')).toMatchObject({ ok: false, reason: 'unsupported' });
    expect(value('IF(G1+H1=0.3,1,2)')).toMatchObject({ ok: false, reason: 'unsupported' });
    expect(value('IF(AND(A1>0,B1=0),1,2)')).toMatchObject({ ok: false, reason: 'unsupported' });
    expect(value('IF(A1>0,1)')).toMatchObject({ ok: false, reason: 'unsupported' });
    expect(value('IF(C1="tekst",1,2)')).toMatchObject({ ok: false, reason: 'unsupported' });
    expect(value('IF(A1>0,"ja","nej")')).toMatchObject({ ok: false, reason: 'unsupported' });
    expect(value('IF(SUM(A1:B1)="","",1)')).toMatchObject({ ok: false, reason: 'unsupported' });
    expect(value('IF(A1*2="","",1)')).toMatchObject({ ok: false, reason: 'unsupported' });
  });
});

/** The rows of a sheet, counting the rows looked up. */
class CountingRows extends Map<number, RawCell[]> {
  gets = 0;
  override get(r: number): RawCell[] | undefined {
    this.gets++;
    return super.get(r);
  }
}

describe('ranges down to a far row', () => {
  it('are summed and primed over the rows present, not every row number up to the far one', () => {
    // five lines, a stray note at row 1.000.000, and totals down to it (a whole column, as people write them)
    const lines = [2, 3, 4, 5, 6].map((r) => [cell(r, 1, `Post ${r}`), cell(r, 2, r * 100), cell(r, 3, null, `B${r}*2`)]);
    const s = sheet('Budget', [
      ...lines,
      [
        cell(8, 1, 'I alt'),
        cell(8, 2, null, 'SUM(B2:B7)'),
        cell(8, 3, null, 'SUM(C2:C7)'),
        cell(8, 4, null, 'SUM(B2:B1000000)'),
        cell(8, 5, null, 'SUM(C$2:C1000000)+SUM(D10:D1000000)'),
      ],
      [cell(1_000_000, 1, 'note')],
    ]);
    const rows = new CountingRows(s.rows);
    const g = new Grid({ path: 'x', format: 'xlsx', sheets: [{ ...s, rows }] });
    rows.gets = 0;
    // the lines and their total (2.000), in the far column ranges
    expect(g.value('Budget', g.cell('Budget', 8, 4)!)).toMatchObject({ ok: true, value: 4000 });
    expect(g.value('Budget', g.cell('Budget', 8, 5)!)).toMatchObject({ ok: true, value: 8000 });
    // a handful of lookups per range (the nine rows present), never one per row number (a million)
    expect(rows.gets).toBeLessThan(200);
  });
});
