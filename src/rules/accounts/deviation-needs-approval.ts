// accounts/deviation-needs-approval: a post deviates more than 10 % or 100.000 kr. and the explanation does not say it was approved.
import type { RawFinding } from '../../types.js';
import { accountsRule, saysApproved, significantDeviation } from './util.js';

export default accountsRule({
  id: 'accounts/deviation-needs-approval',
  severity: 'error',
  check: ({ accounts, pool }) => {
    const out: RawFinding[] = [];
    for (const p of accounts.posts) {
      const d = significantDeviation(p, pool, accounts); // the pool's rule: per post or main line, salary lines
      if (!d || !d.explanation?.text.trim() || saysApproved(d.explanation.text)) continue; // no explanation: missing-explanation
      out.push({
        rule: 'accounts/deviation-needs-approval', sheet: p.sheet, row: p.row, cell: p.actual!.cell, post: p.post,
        expected: d.budget, actual: d.actual, args: { pct: Number.isFinite(d.pct) ? Math.round(d.pct * 10) / 10 : 'inf', limitPct: pool.thresholds.deviationPercent, limitKr: pool.thresholds.deviationAmount === null ? undefined : pool.thresholds.deviationAmount * 100, reason: d.reason, mainLine: d.mainLine },
      });
    }
    return out;
  },
});
