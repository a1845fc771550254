// eligibility/overhead-limit: overhead above the percent the pool allows of its base (where it allows none, overhead is itemisation/lump-sum-post).
import { lineAt, lineFacts } from '../../itemise/line-facts.js';
import { budgetRule } from '../types.js';
import { tolerance } from '../util.js';

/** The args of an eligibility/overhead-limit finding. */
type Args = { percent: number; base: 'salaries' | 'direct-costs'; baseOre: number; lines: number };

export default budgetRule<Args>()({
  id: 'eligibility/overhead-limit',
  severity: 'error',
  check: ({ budget, pool }, finding) => {
    if (pool.overhead === 'none') return [];
    const { percent, base } = pool.overhead;
    const facts = lineFacts(budget, pool);
    const overhead = facts.filter((f) => f.overhead && f.line.total > 0);
    if (!overhead.length) return [];
    const baseLines = facts.filter(
      (f) => !f.overhead && !f.lumpSum && (base === 'direct-costs' || (f.category?.category === 'salary' && f.category.confidence !== 'low')),
    );
    const baseOre = baseLines.reduce((s, f) => s + f.line.total, 0);
    // A base the budget does not show with confidence (no salary line recognised) is not measured against.
    if (baseOre <= 0) return [];
    const allowed = Math.floor((baseOre * percent) / 100);
    const actual = overhead.reduce((s, f) => s + f.line.total, 0);
    if (actual <= allowed + tolerance(pool)) return [];
    const biggest = [...overhead].sort((a, b) => b.line.total - a.line.total)[0];
    return [
      finding({
        ...lineAt(biggest.line, 'total'),
        expected: allowed,
        actual,
        args: { percent, base, baseOre, lines: overhead.length },
      }),
    ];
  },
});
