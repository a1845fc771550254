// cap/financing-mismatch: total financing differs from total budgeted expenses.
import { budgetRule } from '../types.js';
import { agreesWithEitherReading, knownNumber, shortfallExplained, unknownAmountsExplain } from '../util.js';
import { financingUnknown } from '../../model/requested.js';
import { cellKey, dependsOn, formulaAt, foundCells, sheetNamed } from '../precedents.js';
import { ruleFindings } from '../run.js';
import type { BudgetContext } from '../types.js';
import totalMismatch from '../arithmetic/total-mismatch.js';

/** Whether a financing line takes its amount from a total found wrong (Ansøgt tilskud =E17, the expenses' total over a
 * subtotal typed too low): that total's finding is the cause, and the financing only repeats its difference. */
function followsWrongTotal(ctx: BudgetContext): boolean {
  return drawsOnWrongTotal(ctx, ctx.budget.financing);
}

/** Whether one of the cells takes its figure, through formulas, from a total arithmetic/total-mismatch found wrong
 * (a financing line, a stated requested amount ='Samlet budget'!E9): that finding is the cause. */
export function drawsOnWrongTotal(ctx: BudgetContext, cells: ReadonlyArray<{ sheet: string; row: number; col: number }>): boolean {
  const found = ruleFindings(totalMismatch, ctx);
  const wrong = foundCells(found);
  if (!wrong.size) return false;
  // a total row wrong in several cells is one finding, at its first: each of its cells may be the one drawn on
  for (const f of found) {
    if (f.args.what !== 'row' || !(Number(f.args.count) > 1) || !f.sheet || f.row === undefined) continue;
    for (const c of sheetNamed(ctx.workbook, f.sheet)?.rows.get(f.row) ?? []) wrong.add(cellKey(f.sheet, f.row, c.col));
  }
  return cells.some((l) => {
    const formula = formulaAt(ctx.workbook, l.sheet, l.row, l.col);
    return formula !== undefined && dependsOn(ctx.workbook, l.sheet, l.row, formula, wrong);
  });
}

export default budgetRule()({
  id: 'cap/financing-mismatch',
  severity: 'error',
  check: (ctx, finding) => {
    const { budget, pool } = ctx;
    // a financing line that shows an error (#DIV/0!) says no amount: its own finding is the cause, not a sum of 0
    if (!budget.financing.length || financingUnknown(budget)) return [];
    const financing = budget.financing.reduce((s, f) => s + f.ore, 0);
    if (
      agreesWithEitherReading(budget, pool, financing) ||
      shortfallExplained(budget, pool, budget.expenses, financing) ||
      unknownAmountsExplain(budget, budget.expenses, financing) ||
      followsWrongTotal(ctx)
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
