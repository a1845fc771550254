// eligibility/unclassified-expense: no known expense category fits the line (info).
import { lineAt, lineFacts } from '../../itemise/line-facts.js';
import { budgetRule } from '../types.js';

export default budgetRule()({
  id: 'eligibility/unclassified-expense',
  severity: 'info',
  check: ({ budget, pool }, finding) =>
    lineFacts(budget, pool)
      .filter((f) => !f.lumpSum && !f.overhead && !f.category && f.line.total !== 0)
      .map((f) => finding({ ...lineAt(f.line), actual: f.line.total })),
});
