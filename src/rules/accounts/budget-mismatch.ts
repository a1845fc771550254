// accounts/budget-mismatch: the accounts' budget column differs from the approved budget's line.
import { oreFromKroner } from '../../money.js';
import { accountsRule, approvedIndex, pair } from './util.js';

/** The args of an accounts/budget-mismatch finding. */
type Args = { approvedAt: string };

export default accountsRule<Args>()({
  id: 'accounts/budget-mismatch',
  severity: 'error',
  check: ({ accounts, approved, pool }, finding) => {
    if (!approved) return [];
    const index = approvedIndex(approved, accounts, pool);
    const out: ReturnType<typeof finding>[] = [];
    for (const p of accounts.posts) {
      const line = pair(p, index);
      if (!line || p.budget?.status !== 'number') continue;
      if (Math.abs(p.budget.ore! - line.total) <= oreFromKroner(pool.thresholds.tolerance)) continue;
      out.push(
        finding({
          sheet: p.sheet,
          row: p.row,
          cell: p.budget.cell,
          post: p.post,
          expected: line.total,
          actual: p.budget.ore,
          args: { approvedAt: `${line.rows[0].sheet}!${line.rows[0].row}` },
        }),
      );
    }
    return out;
  },
});
