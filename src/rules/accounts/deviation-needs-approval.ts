// accounts/deviation-needs-approval: a post deviates more than 10 % or 100.000 kr. and no explanation says it was approved
// (none at all counts too: a caseworker filtering on approval must see it; missing-explanation adds that it is unexplained).
import type { RawFinding } from '../../types.js';
import { accountsRule, approvedIndex, isUnbudgeted, saysApproved, significantDeviation } from './util.js';

export default accountsRule({
  id: 'accounts/deviation-needs-approval',
  severity: 'error',
  check: ({ accounts, approved, pool }) => {
    const out: RawFinding[] = [];
    const index = approved ? approvedIndex(approved) : undefined;
    for (const p of accounts.posts) {
      const d = significantDeviation(p, pool);
      if (!d || isUnbudgeted(p, index) || saysApproved(p.explanation?.text)) continue;
      out.push({
        rule: 'accounts/deviation-needs-approval', sheet: p.sheet, row: p.row, cell: p.actual!.cell, post: p.post,
        expected: p.budget!.ore, actual: p.actual!.ore, args: { pct: Number.isFinite(d.pct) ? Math.round(d.pct * 10) / 10 : 'inf', limitPct: pool.thresholds.deviationPercent, limitKr: pool.thresholds.deviationAmount * 100, explained: !!p.explanation?.text.trim() },
      });
    }
    return out;
  },
});
