// distribution/sum-mismatch: a line's months do not add up to its total (beyond the tolerance, 1 kr.).
import type { BudgetRow } from '../../model/types.js';
import totalMismatch from '../arithmetic/total-mismatch.js';
import { ruleFindings } from '../run.js';
import { budgetRule } from '../types.js';
import { knownNumber, M_ERROR, M_TEXT, M_UNKNOWN, shortfallExplained, tableCensus, tolerance } from '../util.js';

/** The args of a distribution/sum-mismatch finding. */
type Args = { formula?: string };

export default budgetRule<Args>()({
  id: 'distribution/sum-mismatch',
  severity: 'error',
  check: (ctx, finding) => {
    const { budget, pool } = ctx;
    const out: ReturnType<typeof finding>[] = [];
    const tol = tolerance(pool);
    // A row whose total sums its year totals ('I alt' = 'I alt 2020' + …), one of which total-mismatch reports wrong
    // against its months: that year cell is the one root cause, and the line total only repeats its difference.
    const wrongYear = new Set(
      ruleFindings(totalMismatch, ctx)
        .filter((f) => f.args?.what === 'year')
        .map((f) => `${f.sheet}!${f.row}`),
    );
    const sumsItsYears = (row: BudgetRow, total: number) =>
      row.yearTotals.length > 0 &&
      row.yearTotals.every((y) => knownNumber(y)) &&
      Math.abs(row.yearTotals.reduce((x, y) => x + y.ore!, 0) - total) <= tol &&
      wrongYear.has(`${row.sheet}!${row.row}`);
    for (const t of budget.tables) {
      if (!t.monthCols.length || !t.totalCol) continue;
      const census = tableCensus(t);
      for (let i = 0; i < t.rows.length; i++) {
        const row = t.rows[i];
        if (row.kind !== 'item' && row.kind !== 'financing') continue;
        // every month known (the census's bits of months and total: the total is a known number here)
        if (!knownNumber(row.total) || census.flags[i] & (M_TEXT | M_ERROR | M_UNKNOWN)) continue;
        const sum = census.monthsSum[i];
        if (sum === 0) continue; // not-distributed speaks of that
        if (shortfallExplained(budget, pool, sum, row.total.ore)) continue; // months without a column: missing-months
        if (sumsItsYears(row, row.total.ore)) continue;
        if (Math.abs(sum - row.total.ore) > tol) {
          out.push(
            finding({
              sheet: row.sheet,
              row: row.row,
              cell: row.total.cell,
              post: row.post || undefined,
              expected: sum,
              actual: row.total.ore,
              args: { formula: row.total.formula },
            }),
          );
        }
      }
    }
    return out;
  },
});
