// distribution/outside-period: money in months before the project starts or after it ends.
import { addMonth } from '../../model/months.js';
import type { RawFinding } from '../../types.js';
import { budgetRule } from '../types.js';
import { monthRuns } from '../util.js';

export default budgetRule({
  id: 'distribution/outside-period',
  severity: 'error',
  check: ({ budget }) => {
    const p = budget.period;
    if (!p) return [];
    const out: RawFinding[] = [];
    for (const t of budget.tables) {
      for (const row of t.rows) {
        if (row.kind !== 'item') continue;
        // a quarter column is outside only when all its months are
        const outside = row.months.filter((m, i) => m.status === 'number' && m.ore !== 0 && ((t.monthCols[i]?.span ? addMonth(m.month, t.monthCols[i].span! - 1) : m.month) < p.start || m.month > p.end));
        if (!outside.length) continue;
        const amount = outside.reduce((s, m) => s + m.ore!, 0);
        out.push({
          rule: 'distribution/outside-period', sheet: row.sheet, row: row.row, cell: outside[0].cell, post: row.post || undefined,
          actual: amount, args: { months: monthRuns(outside.map((m) => m.month)), start: p.start, end: p.end, source: p.source },
        });
      }
    }
    return out;
  },
});
