// accounts/deviation-needs-approval: a post deviates more than 10 % or 100.000 kr. and no explanation says it was approved
// (none at all counts too: a caseworker filtering on approval must see it; missing-explanation adds that it is unexplained).
import { accountsRule, approvedIndex, isUnbudgeted, saysApproved, significantDeviation } from './util.js';

/** The args of an accounts/deviation-needs-approval finding. */
type Args = {
  pct: number | 'inf';
  limitPct: number;
  limitKr?: number;
  reason: 'threshold' | 'salary-line';
  mainLine?: string;
  explained: boolean;
};

export default accountsRule<Args>()({
  id: 'accounts/deviation-needs-approval',
  severity: 'error',
  check: ({ accounts, approved, pool }, finding) => {
    const out: ReturnType<typeof finding>[] = [];
    const index = approved ? approvedIndex(approved, accounts, pool) : undefined;
    for (const p of accounts.posts) {
      const d = significantDeviation(p, pool, accounts, index); // the pool's rule: per post or main line, salary lines
      if (!d || isUnbudgeted(p, index) || saysApproved(d.explanation?.text)) continue; // none at all: both findings
      out.push(
        finding({
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
        }),
      );
    }
    return out;
  },
});
