// arithmetic/hardcoded-total: a typed number where the sibling totals are formulas (warning).
import type { RawFinding } from '../../types.js';
import { budgetRule } from '../types.js';
import { totalDisagrees } from '../util.js';
import { totalGroups } from './patterns.js';

export default budgetRule({
  id: 'arithmetic/hardcoded-total',
  severity: 'warning',
  check: ({ budget, pool }) => {
    const out: RawFinding[] = [];
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
          out.push({
            rule: 'arithmetic/hardcoded-total',
            sheet: a.sheet,
            row: a.row,
            cell: a.cell,
            post: post || undefined,
            args: { what: g.kind, count: typed.length },
          });
        }
      }
    }
    return out;
  },
});
