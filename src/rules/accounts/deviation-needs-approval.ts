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
      const d = significantDeviation(p, pool, accounts, index); // the pool's rule: per post or main line, salary lines
      if (!d || isUnbudgeted(p, index) || saysApproved(d.explanation?.text)) continue; // none at all: both findings
      out.push({
        rule: 'accounts/deviation-needs-approval',
        sheet: p.sheet,
        row: p.row,
        cell: p.actual!.cell,
        post: p.post,
        expected: d.budget,
        actual: d.actual,
        args: {
          pct: Number.isFinite(d.pct) ? Math.round(d.pct * 10) / 10 : 'inf',
          limitPct: pool.thresholds.deviationPercent,
          limitKr: pool.thresholds.deviationAmount === null ? undefined : pool.thresholds.deviationAmount * 100,
          reason: d.reason,
          mainLine: d.mainLine,
          explained: !!d.explanation?.text.trim(),
        },
      });
    }
    return out;
  },
});
