// Column mapping: from a table's header row, which column holds the post, the months (or quarters), the totals, the
// quantities, the specification, category and note.
import type { RawSheet } from '../read/types.js';
import type { Grid } from './grid.js';
import { resolveBareMonths, type HeaderRow } from './header.js';
import { addMonth } from './months.js';
import type { BudgetTable, Month, MonthColumn, QuantityKind, TotalColumn } from './types.js';

/** What each column of a table holds: the column fields of BudgetTable. */
export type ColumnMap = Pick<
  BudgetTable,
  'postCol' | 'specCol' | 'categoryCol' | 'noteCol' | 'monthCols' | 'totalCol' | 'yearTotalCols' | 'quantityCols' | 'financingCols'
>;

/**
 * The columns of the table under `header`, or undefined when it has no amount column (no month, total or year total)
 * or no column to read posts from. `fallbackStart` dates bare month names ("januar") when neither the sheet nor the
 * header says the year; `periodStart` is the first month of the project period ("Måned 1").
 */
export function mapColumns(
  grid: Grid,
  sheet: RawSheet,
  header: HeaderRow,
  fallbackStart: Month | undefined,
  periodStart: Month | undefined,
): ColumnMap | undefined {
  const bare = resolveBareMonths(grid, sheet, header, fallbackStart);
  const monthCols: MonthColumn[] = [];
  const yearTotalCols: TotalColumn[] = [];
  let totalCol: TotalColumn | undefined;
  let postCol: number | undefined;
  let specCol: number | undefined;
  let categoryCol: number | undefined;
  let noteCol: number | undefined;
  const quantityCols: BudgetTable['quantityCols'] = [];
  const financingCols: NonNullable<BudgetTable['financingCols']> = [];
  for (const c of header.columns) {
    const hidden = sheet.hiddenCols.has(c.col);
    switch (c.role.role) {
      case 'month':
        monthCols.push(
          c.role.span
            ? { col: c.col, month: c.role.month, span: c.role.span, cell: c.cell, hidden }
            : { col: c.col, month: c.role.month, cell: c.cell, hidden },
        );
        break;
      case 'bare-month': {
        const m = bare.get(c.col);
        if (m) monthCols.push(c.role.span ? { col: c.col, month: m, span: c.role.span, cell: c.cell, hidden } : { col: c.col, month: m, cell: c.cell, hidden });
        break;
      }
      case 'qty':
        // the first column of each kind, but every price and count column: a sheet may price its lines in "Pris pr.
        // enhed" and its driving in "Takst" beside "Km" (that one becomes the km rate below), or count them in "Antal"
        // and its meetings in "Antal deltagere" × "Pris pr. deltager", each row filling one of them
        if (c.role.qty === 'price' || c.role.qty === 'units' || !quantityCols.some((q) => q.kind === (c.role as { qty: QuantityKind }).qty))
          quantityCols.push({ col: c.col, cell: c.cell, kind: c.role.qty });
        break;
      case 'rel-month':
        // "Måned 1" is the first month of the project period.
        if (periodStart) monthCols.push({ col: c.col, month: addMonth(periodStart, c.role.n - 1), cell: c.cell, hidden });
        break;
      case 'total':
        if (c.role.year) yearTotalCols.push({ col: c.col, cell: c.cell, year: c.role.year, hidden });
        else totalCol = { col: c.col, cell: c.cell, hidden }; // the last plain total column is the grand total
        break;
      case 'post':
        postCol ??= c.col;
        break;
      case 'spec':
        specCol ??= c.col;
        break;
      case 'category':
        categoryCol ??= c.col;
        break;
      case 'note':
        noteCol ??= c.col;
        break;
      case 'financing':
        financingCols.push({ col: c.col, cell: c.cell, kind: c.role.kind });
        break;
    }
  }
  if (!monthCols.length && !totalCol && !yearTotalCols.length) return undefined;
  if (quantityCols.some((q) => q.kind === 'km') && !quantityCols.some((q) => q.kind === 'kmRate')) {
    // The rate of the km is the price column beside them ("Km", "Takst"), not a unit price further off ("Pris pr. enhed").
    const kmCol = quantityCols.find((q) => q.kind === 'km')!.col;
    const price = quantityCols.filter((q) => q.kind === 'price').sort((a, b) => Math.abs(a.col - kmCol) - Math.abs(b.col - kmCol) || b.col - a.col)[0];
    if (price) price.kind = 'kmRate';
  }
  postCol ??= guessPostCol(sheet, header, monthCols, totalCol, yearTotalCols);
  if (!postCol) return undefined;
  monthCols.sort((a, b) => a.col - b.col);
  // a financing column is a part of each line's total: beside an I alt only (alone, "Ansøgt" may be the line's amount)
  const financing = totalCol && financingCols.length ? { financingCols } : {};
  return { postCol, specCol, categoryCol, noteCol, monthCols, totalCol, yearTotalCols, quantityCols, ...financing };
}

/** No post label: the column left of the amounts that holds text (not starting with a digit) in most rows under the
 * header, the leftmost on a tie. */
function guessPostCol(
  sheet: RawSheet,
  header: HeaderRow,
  monthCols: MonthColumn[],
  totalCol: TotalColumn | undefined,
  yearTotalCols: TotalColumn[],
): number | undefined {
  const amountCols = new Set([...monthCols.map((m) => m.col), ...(totalCol ? [totalCol.col] : []), ...yearTotalCols.map((y) => y.col)]);
  const firstAmount = Math.min(...amountCols);
  const counts = new Map<number, number>();
  for (let r = header.row + 1; r <= Math.min(sheet.maxRow, header.row + 80); r++) {
    for (const c of sheet.rows.get(r) ?? [])
      if (c.col < firstAmount && typeof c.value === 'string' && !/^\d/.test(c.value)) counts.set(c.col, (counts.get(c.col) ?? 0) + 1);
  }
  const best = [...counts].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0];
  return best?.[0];
}
