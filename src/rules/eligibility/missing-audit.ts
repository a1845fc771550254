// eligibility/missing-audit: no audit (revision) post in the budget (warning).
import { findTerms } from '../../itemise/index.js';
import { lineFacts, textFacts, type LineTexts } from '../../itemise/line-facts.js';
import { budgetRule } from '../types.js';
import { auditAbove } from '../../pools/index.js';
import type { PoolProfile } from '../../pools/schema.js';

/** The line's words name an audit (once per distinct texts: textFacts). */
const namesAudit = (t: LineTexts) => findTerms(t.text).some((h) => h.def.id === 'audit');

/** Whether a grant of `ore` needs the pool's audit requirement. */
const above = (pool: PoolProfile, req: PoolProfile['audit'][number]['requirement'], ore: number) => {
  const t = auditAbove(pool, req);
  return t !== undefined && ore > t * 100;
};

/** The args of an eligibility/missing-audit finding. */
type Args = { registered: boolean; performance: boolean; registeredAbove: number; performanceAbove: number };

export default budgetRule<Args>()({
  id: 'eligibility/missing-audit',
  severity: 'warning',
  check: ({ budget, pool }, finding) => {
    if (!budget.lines.length || budget.expenses <= 0) return [];
    const facts = lineFacts(budget, pool);
    if (facts.some((f) => f.category?.category === 'audit' || textFacts(f, namesAudit))) return [];
    const t = budget.tables[0];
    return [
      finding({
        sheet: t.sheet,
        row: t.headerRow,
        cell: `${t.rows[0]?.postCell.replace(/\d+$/, '') ?? 'A'}${t.headerRow}`,
        actual: budget.expenses,
        args: {
          registered: above(pool, 'registered-auditor', budget.expenses),
          performance: above(pool, 'performance-audit', budget.expenses),
          registeredAbove: (auditAbove(pool, 'registered-auditor') ?? 0) * 100,
          performanceAbove: (auditAbove(pool, 'performance-audit') ?? 0) * 100,
        },
      }),
    ];
  },
});
