// cap/financing-mismatch: total financing differs from total budgeted expenses.
import { budgetRule } from '../types.js';
import { agreesWithEitherReading, knownNumber, shortfallExplained, unknownAmountsExplain } from '../util.js';

export default budgetRule()({
  id: 'cap/financing-mismatch',
  severity: 'error',
  check: ({ budget, pool }, finding) => {
    if (!budget.financing.length) return [];
    const financing = budget.financing.reduce((s, f) => s + f.ore, 0);
    if (
      agreesWithEitherReading(budget, pool, financing) ||
      shortfallExplained(budget, pool, budget.expenses, financing) ||
      unknownAmountsExplain(budget, budget.expenses, financing)
    )
      return [];
    // the financing's own total row, on the sheet the financing is on (a summary's, when only the summary states it)
    const sheets = new Set(budget.financing.map((f) => f.sheet));
    const totalRow = [...budget.tables, ...budget.summaries]
      .filter((t) => sheets.has(t.sheet))
      .flatMap((t) => t.rows)
      .filter((r) => r.kind === 'financing-total')
      .pop();
    const last = budget.financing[budget.financing.length - 1];
    const where = totalRow
      ? { sheet: totalRow.sheet, row: totalRow.row, cell: knownNumber(totalRow.total) ? totalRow.total.cell : totalRow.postCell, post: totalRow.post }
      : { sheet: last.sheet, row: last.row, cell: last.cell, post: last.post };
    return [finding({ ...where, expected: budget.expenses, actual: financing })];
  },
});
