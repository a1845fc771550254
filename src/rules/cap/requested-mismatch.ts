// cap/requested-mismatch: the stated requested amount differs from what the budget asks for.
import { budgetRule } from '../types.js';
import { agreesWithEitherReading, shortfallExplained, tolerance, unknownAmountsExplain } from '../util.js';
import { financingUnknown, requestedFromFinancing } from '../../model/requested.js';
import { nearThousandfold, unstatedThousands } from '../thousands.js';
import { parseA1 } from '../../read/address.js';
import { drawsOnWrongTotal } from './financing-mismatch.js';

/** The args of a cap/requested-mismatch finding. */
type Args = { basis: 'financing' | 'expenses'; thousands?: boolean };

export default budgetRule<Args>()({
  id: 'cap/requested-mismatch',
  severity: 'error',
  check: (ctx, finding) => {
    const { budget, pool } = ctx;
    const stated = budget.metadata.requested;
    // the financing's Ansøgt tilskud showing an error (#DIV/0!) is no amount to compare with: its own finding is the cause
    if (!stated || !budget.tables.length || financingUnknown(budget, 'requested')) return [];
    const fromFinancing = requestedFromFinancing(budget);
    // Where the grant covers only part (a subsidy percent, an own share), expenses are not what is asked for: cap/co-financing checks it.
    if (fromFinancing === undefined && pool.coFinancing) return [];
    const expected = fromFinancing ?? budget.expenses;
    // an amount stated rounded ("1,4 mio. kr.") agrees with whatever it rounds
    if (Math.abs(stated.value - expected) <= Math.max(tolerance(pool), stated.rounding ?? 0)) return [];
    if (
      fromFinancing === undefined &&
      (shortfallExplained(budget, pool, expected, stated.value) ||
        unknownAmountsExplain(budget, expected, stated.value) ||
        agreesWithEitherReading(budget, pool, stated.value))
    )
      return [];
    // a thousand times the budget, whose lines' units × unit price say it is in thousands unstated: that finding's cause
    const thousandfold = nearThousandfold(stated.value, expected);
    if (thousandfold && unstatedThousands(budget, pool).length) return [];
    // A financing section whose Ansøgt tilskud follows the expenses is short by the same unknown cells as they are.
    if (fromFinancing !== undefined && Math.abs(fromFinancing - budget.expenses) <= tolerance(pool) && unknownAmountsExplain(budget, expected, stated.value))
      return [];
    // So is one whose sources add up to the expenses (Ansøgt tilskud = I alt − Egenfinansiering) where months have no
    // column: structure/missing-months is the cause of both.
    const sources = budget.financing.reduce((s, f) => s + f.ore, 0);
    if (fromFinancing !== undefined && Math.abs(sources - budget.expenses) <= tolerance(pool) && shortfallExplained(budget, pool, expected, stated.value))
      return [];
    // A stated amount, or the financing's Ansøgt tilskud it is compared with, that takes its figure from a total found
    // wrong (='Samlet budget'!E9) repeats that total's finding.
    const at = parseA1(stated.cell);
    const drawing = [
      ...(at ? [{ sheet: stated.sheet, row: stated.row, col: at.col }] : []),
      ...(fromFinancing !== undefined ? budget.financing.filter((f) => f.kind === 'requested') : []),
    ];
    if (drawsOnWrongTotal(ctx, drawing)) return [];
    return [
      finding({
        sheet: stated.sheet,
        row: stated.row,
        cell: stated.cell,
        expected,
        actual: stated.value,
        args: { basis: fromFinancing !== undefined ? 'financing' : 'expenses', ...(thousandfold ? { thousands: true } : {}) },
      }),
    ];
  },
});
