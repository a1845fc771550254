// itemisation/salary-unspecified: a salary line that states neither hours nor a rate.
import { mentionsHoursOrRate } from '../../itemise/index.js';
import { budgetRule } from '../types.js';
import { lineAt, lineFacts } from './analyse.js';

export default budgetRule({
  id: 'itemisation/salary-unspecified',
  severity: 'error',
  check: ({ budget, pool }) =>
    lineFacts(budget, pool)
      .filter((f) => !f.lumpSum && f.category?.category === 'salary' && f.category.confidence !== 'low' && f.line.total > 0 && !mentionsHoursOrRate(f.text))
      .map((f) => ({ rule: 'itemisation/salary-unspecified', ...lineAt(f.line, f.line.spec ? 'spec' : 'post'), actual: f.line.total })),
});
