// Parallel budget sheets: one sheet per activity or per partner, each over the same project period, side by side.
import type { BudgetTable } from './types.js';

type Sheetlike = Pick<BudgetTable, 'sheet' | 'monthCols' | 'rows'>;

/**
 * Two tables on different sheets are parallel when most of their months are the same (more than half of the shorter
 * one's): a budget per activity or per partner over the same period, not year sheets, whose months follow one another
 * (a year sheet that repeats a month of the next is one or two months, a duplicate month). A parallel sheet's posts are
 * its own: they are not combined with the other sheet's, and its months are no duplicates of the other sheet's. A
 * sheet that is a copy of the other (the same posts with the same amounts, "Budget (2)") is no second budget.
 */
export function parallelTables(a: Sheetlike, b: Sheetlike): boolean {
  return a.sheet !== b.sheet && mostlySameMonths(a, b) && !sameLines(a, b);
}

/** Most of two tables' months are the same: more than half of the shorter one's (distinct months). */
export function mostlySameMonths(a: Pick<BudgetTable, 'monthCols'>, b: Pick<BudgetTable, 'monthCols'>): boolean {
  if (!a.monthCols.length || !b.monthCols.length) return false;
  const mine = new Set(a.monthCols.map((m) => m.month));
  const theirs = new Set(b.monthCols.map((m) => m.month));
  let both = 0;
  for (const m of mine) if (theirs.has(m)) both++;
  return both * 2 > Math.min(mine.size, theirs.size);
}

/** The same item rows in the same order: each row's post and its month amounts. */
function sameLines(a: Sheetlike, b: Sheetlike): boolean {
  const lines = (t: Sheetlike) =>
    t.rows.filter((r) => r.kind === 'item').map((r) => `${r.post}\u0000${r.months.map((m) => `${m.month}=${m.ore ?? m.status}`).join(',')}`);
  const [x, y] = [lines(a), lines(b)];
  return x.length > 0 && x.length === y.length && x.every((l, i) => l === y[i]);
}
