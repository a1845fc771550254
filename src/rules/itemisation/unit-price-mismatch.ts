// itemisation/unit-price-mismatch: the stated units × unit price differ from the line's total.
import { kr } from '../../money.js';
import { budgetRule } from '../types.js';
import { lineAt, lineFacts } from './analyse.js';

export default budgetRule({
  id: 'itemisation/unit-price-mismatch',
  severity: 'error',
  check: ({ budget, pool }) =>
    lineFacts(budget, pool)
      .filter((f) => {
        if (!f.unitPrice || f.lumpSum || f.line.total <= 0) return false;
        // Rounding of monthly shares is no mismatch: 1 kr. or 0,5 % of the line, whichever is larger.
        const tol = Math.max(kr(pool.thresholds.tolerance), Math.round(f.unitPrice.totalOre * 0.005));
        return Math.abs(f.unitPrice.totalOre - f.line.total) > tol;
      })
      .map((f) => ({
        rule: 'itemisation/unit-price-mismatch', ...lineAt(f.line, f.unitPrice!.from === 'spec' ? 'spec' : 'total'),
        expected: f.unitPrice!.totalOre, actual: f.line.total,
        args: { text: f.unitPrice!.from === 'spec' ? f.line.spec : f.unitPrice!.from === 'note' ? f.line.note : f.line.post },
      })),
});
