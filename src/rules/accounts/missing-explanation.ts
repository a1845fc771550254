// accounts/missing-explanation: a deviation above the thresholds with no explanation at all: none in the Forklaring column
// nor in a note on the post's row that says more than a bare acknowledgement ('OK', '✓', 'x'; model/accounts' explains).
import { explains } from '../../model/accounts.js';
import { accountsRule, approvedIndex, isUnbudgeted, significantDeviation } from './util.js';

/** The args of an accounts/missing-explanation finding. */
type Args = { pct: number | 'inf'; reason: 'threshold' | 'salary-line'; mainLine?: string };

export default accountsRule<Args>()({
  id: 'accounts/missing-explanation',
  severity: 'error',
  check: ({ accounts, approved, pool }, finding) => {
    const out: ReturnType<typeof finding>[] = [];
    const index = approved ? approvedIndex(approved, accounts, pool) : undefined;
    for (const p of accounts.posts) {
      const d = significantDeviation(p, pool, accounts, index); // the pool's rule: per post or main line, salary lines
      if (!d || explains(d.explanation?.text) || isUnbudgeted(p, index)) continue;
      const explanationCell = p.explanation?.cell;
      out.push(
        finding({
          sheet: p.sheet,
          row: p.row,
          cell: explanationCell ?? p.actual!.cell,
          post: p.post,
          expected: d.budget,
          actual: d.actual,
          args: { pct: Number.isFinite(d.pct) ? Math.round(d.pct * 10) / 10 : 'inf', reason: d.reason, mainLine: d.mainLine },
        }),
      );
    }
    return out;
  },
});
