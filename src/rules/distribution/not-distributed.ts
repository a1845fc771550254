// distribution/not-distributed: a line has a total but no monthly amounts.
import { budgetRule } from '../types.js';
import { knownNumber, monthsSum } from '../util.js';

export default budgetRule()({
  id: 'distribution/not-distributed',
  severity: 'error',
  check: ({ budget }, finding) => {
    const out: ReturnType<typeof finding>[] = [];
    for (const t of budget.tables) {
      if (!t.monthCols.length) continue;
      for (const row of t.rows) {
        if (row.kind !== 'item') continue;
        const total = knownNumber(row.total) ? row.total.ore : row.yearTotals.reduce((s, y) => s + (knownNumber(y) ? y.ore : 0), 0);
        if (total === 0) continue;
        if (row.months.some((m) => m.status !== 'blank' && !(m.status === 'number' && m.ore === 0))) continue;
        if (monthsSum(row) !== 0) continue;
        out.push(
          finding({
            sheet: row.sheet,
            row: row.row,
            cell: row.total?.cell ?? row.postCell,
            post: row.post || undefined,
            actual: total,
          }),
        );
      }
    }
    return out;
  },
});
