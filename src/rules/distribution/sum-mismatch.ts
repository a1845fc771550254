// distribution/sum-mismatch: a line's months do not add up to its total (beyond the tolerance, 1 kr.).
import { budgetRule } from '../types.js';
import { knownNumber, monthsKnown, monthsSum, shortfallExplained, tolerance } from '../util.js';

/** The args of a distribution/sum-mismatch finding. */
type Args = { formula?: string };

export default budgetRule<Args>()({
  id: 'distribution/sum-mismatch',
  severity: 'error',
  check: ({ budget, pool }, finding) => {
    const out: ReturnType<typeof finding>[] = [];
    const tol = tolerance(pool);
    for (const t of budget.tables) {
      if (!t.monthCols.length || !t.totalCol) continue;
      for (const row of t.rows) {
        if (row.kind !== 'item' && row.kind !== 'financing') continue;
        if (!knownNumber(row.total) || !monthsKnown(row)) continue;
        const sum = monthsSum(row);
        if (sum === 0) continue; // not-distributed speaks of that
        if (shortfallExplained(budget, pool, sum, row.total.ore)) continue; // months without a column: missing-months
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
