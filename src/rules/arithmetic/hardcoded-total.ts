// arithmetic/hardcoded-total: a typed number where the sibling totals are formulas (warning).
import { budgetRule } from '../types.js';
import { totalDisagrees } from '../util.js';
import { totalGroups } from './patterns.js';

/** The args of an arithmetic/hardcoded-total finding. */
type Args = { what: 'column' | 'row'; count: number };

export default budgetRule<Args>()({
  id: 'arithmetic/hardcoded-total',
  severity: 'warning',
  check: ({ budget, pool }, finding) => {
    const out: ReturnType<typeof finding>[] = [];
    for (const t of budget.tables) {
      for (const g of totalGroups(t)) {
        const formulas = g.cells.filter((a) => a.formula).length;
        const typed = g.cells.filter((a) => a.typed && a.status === 'number');
        if (formulas < 2 || formulas < typed.length) continue;
        const rows = t.rows;
        for (const a of g.kind === 'row' ? typed.slice(0, 1) : typed) {
          const row = rows.find((r) => r.row === a.row);
          // A typed line total that disagrees with its months is distribution/sum-mismatch's finding: one root cause.
          if (g.kind === 'column' && row && a === row.total && totalDisagrees(row, pool)) continue;
          const post = row?.post;
          out.push(
            finding({
              sheet: a.sheet,
              row: a.row,
              cell: a.cell,
              post: post || undefined,
              args: { what: g.kind, count: typed.length },
            }),
          );
        }
      }
    }
    return out;
  },
});
