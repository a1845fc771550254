// distribution/negative-amount: a negative amount on an expense line.
import type { RawFinding } from '../../types.js';
import { budgetRule } from '../types.js';

export default budgetRule({
  id: 'distribution/negative-amount',
  severity: 'error',
  check: ({ budget }) => {
    const out: RawFinding[] = [];
    for (const t of budget.tables) {
      for (const row of t.rows) {
        if (row.kind !== 'item') continue;
        const neg = [...row.months, ...(row.total ? [row.total] : [])].filter((a) => a.status === 'number' && a.ore! < 0);
        if (!neg.length) continue;
        out.push({
          rule: 'distribution/negative-amount',
          sheet: row.sheet,
          row: row.row,
          cell: neg[0].cell,
          post: row.post || undefined,
          actual: neg[0].ore,
          args: { count: neg.length },
        });
      }
    }
    return out;
  },
});
