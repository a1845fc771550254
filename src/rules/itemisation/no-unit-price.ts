// itemisation/no-unit-price: no units × unit price anywhere on the line (warning).
import { mentionsHoursOrRate } from '../../itemise/index.js';
import { budgetRule } from '../types.js';
import { lineAt, lineFacts } from './analyse.js';

export default budgetRule({
  id: 'itemisation/no-unit-price',
  severity: 'warning',
  check: ({ budget, pool }) =>
    lineFacts(budget, pool)
      // Lump sums and unspecified salary have findings of their own.
      .filter((f) => !f.lumpSum && !f.unitPrice && f.line.total > 0)
      .filter((f) => !(f.category?.category === 'salary' && !f.columnsStateHoursOrRate && !mentionsHoursOrRate(f.text)))
      .map((f) => ({ rule: 'itemisation/no-unit-price', ...lineAt(f.line, f.line.spec ? 'spec' : 'post'), actual: f.line.total })),
});
