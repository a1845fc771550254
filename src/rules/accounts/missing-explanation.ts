// accounts/missing-explanation: a deviation above the thresholds with no explanation at all.
import type { RawFinding } from '../../types.js';
import { accountsRule, approvedIndex, isUnbudgeted, significantDeviation } from './util.js';

export default accountsRule({
  id: 'accounts/missing-explanation',
  severity: 'error',
  check: ({ accounts, approved, pool }) => {
    const out: RawFinding[] = [];
    const index = approved ? approvedIndex(approved) : undefined;
    for (const p of accounts.posts) {
      const d = significantDeviation(p, pool, accounts, index); // the pool's rule: per post or main line, salary lines
      if (!d || d.explanation?.text.trim() || isUnbudgeted(p, index)) continue;
      const explanationCell = p.explanation?.cell;
      out.push({
        rule: 'accounts/missing-explanation',
        sheet: p.sheet,
        row: p.row,
        cell: explanationCell ?? p.actual!.cell,
        post: p.post,
        expected: d.budget,
        actual: d.actual,
        args: { pct: Number.isFinite(d.pct) ? Math.round(d.pct * 10) / 10 : 'inf', reason: d.reason, mainLine: d.mainLine },
      });
    }
    return out;
  },
});
