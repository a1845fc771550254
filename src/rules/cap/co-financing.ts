// cap/co-financing: the grant asked for covers more than the pool's subsidy percent, or the own share is below its minimum.
import { budgetRule } from '../types.js';
import { tolerance } from '../util.js';
import { financingUnknown, requestedFromFinancing } from '../../model/requested.js';

/** The args of a cap/co-financing finding. */
type Args = { kind: 'subsidy' | 'own-share'; percent: number; expenses: number };

export default budgetRule<Args>()({
  id: 'cap/co-financing',
  severity: 'error',
  check: ({ budget, pool }, finding) => {
    const c = pool.coFinancing;
    if (!c || budget.expenses <= 0 || financingUnknown(budget)) return [];
    const tol = tolerance(pool);
    const out: ReturnType<typeof finding>[] = [];
    if (c.subsidyPercent !== undefined) {
      // Only what the application states it asks for: without it the share is not known.
      const fromFinancing = requestedFromFinancing(budget);
      const asked = fromFinancing ?? budget.metadata.requested?.value;
      const max = Math.floor((budget.expenses * c.subsidyPercent) / 100);
      // a stated amount rounded ("1,4 mio. kr.") is over the percent only beyond its rounding
      const rounding = fromFinancing === undefined ? (budget.metadata.requested?.rounding ?? 0) : 0;
      if (asked !== undefined && asked > max + Math.max(tol, rounding)) {
        const line = budget.financing.find((f) => f.kind === 'requested');
        const where =
          fromFinancing !== undefined && line
            ? { sheet: line.sheet, row: line.row, cell: line.cell, post: line.post }
            : { sheet: budget.metadata.requested!.sheet, row: budget.metadata.requested!.row, cell: budget.metadata.requested!.cell };
        out.push(
          finding({
            ...where,
            expected: max,
            actual: asked,
            args: { kind: 'subsidy', percent: c.subsidyPercent, expenses: budget.expenses },
          }),
        );
      }
    }
    if (c.minOwnSharePercent !== undefined && budget.financing.length) {
      const ownLines = budget.financing.filter((f) => f.kind === 'own' || f.kind === 'co');
      const own = ownLines.reduce((s, f) => s + f.ore, 0);
      const min = Math.ceil((budget.expenses * c.minOwnSharePercent) / 100);
      if (own < min - tol) {
        const at = ownLines[0] ?? budget.financing[budget.financing.length - 1];
        out.push(
          finding({
            sheet: at.sheet,
            row: at.row,
            cell: at.cell,
            post: at.post,
            expected: min,
            actual: own,
            args: { kind: 'own-share', percent: c.minOwnSharePercent, expenses: budget.expenses },
          }),
        );
      }
    }
    return out;
  },
});
