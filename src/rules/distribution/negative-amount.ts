// distribution/negative-amount: a negative amount on an expense line.
import { budgetRule } from '../types.js';
import { amountCells, M_NEGATIVE, tableCensus } from '../util.js';

/** The args of a distribution/negative-amount finding. */
type Args = { count: number };

export default budgetRule<Args>()({
  id: 'distribution/negative-amount',
  severity: 'error',
  check: ({ budget }, finding) => {
    const out: ReturnType<typeof finding>[] = [];
    for (const t of budget.tables) {
      const { flags } = tableCensus(t);
      for (let i = 0; i < t.rows.length; i++) {
        const row = t.rows[i];
        if (row.kind !== 'item' || !(flags[i] & M_NEGATIVE)) continue;
        const neg = [...amountCells(row, false)].filter((a) => a.status === 'number' && a.ore! < 0);
        if (!neg.length) continue;
        out.push(
          finding({
            sheet: row.sheet,
            row: row.row,
            cell: neg[0].cell,
            post: row.post || undefined,
            actual: neg[0].ore,
            args: { count: neg.length },
          }),
        );
      }
    }
    return out;
  },
});
