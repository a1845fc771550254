// distribution/sum-mismatch: a line's months do not add up to its total (beyond the tolerance, 1 kr.).
import type { RawFinding } from '../../types.js';
import { budgetRule } from '../types.js';
import { knownNumber, monthsKnown, monthsSum, shortfallExplained, tolerance } from '../util.js';

export default budgetRule({
  id: 'distribution/sum-mismatch',
  severity: 'error',
  check: ({ budget, pool }) => {
    const out: RawFinding[] = [];
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
          out.push({
            rule: 'distribution/sum-mismatch',
            sheet: row.sheet,
            row: row.row,
            cell: row.total.cell,
            post: row.post || undefined,
            expected: sum,
            actual: row.total.ore,
            args: { formula: row.total.formula },
          });
        }
      }
    }
    return out;
  },
});
