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
      .map((f) => {
        const u = f.unitPrice!;
        // A product of quantity columns points at the row where it differs from I alt, at that total cell.
        const at = u.from === 'columns' && u.row
          ? { sheet: u.row.sheet, row: u.row.row, cell: u.row.total?.cell ?? u.row.postCell, post: f.line.post }
          : lineAt(f.line, u.from === 'spec' ? 'spec' : 'total');
        return {
          rule: 'itemisation/unit-price-mismatch', ...at,
          expected: u.totalOre, actual: f.line.total,
          args: { text: u.from === 'columns' ? u.text : u.from === 'spec' ? f.line.spec : u.from === 'note' ? f.line.note : f.line.post },
        };
      }),
});
