// itemisation/unit-price-mismatch: the stated units × unit price differ from the line's total; the finding carries the
// factors it read, so the applicant can see the arithmetic.
import type { UnitPrice } from '../../itemise/index.js';
import { oreFromKroner } from '../../money.js';
import type { FindingFactor } from '../../finding-shape.js';
import { parseUnitPrice } from '../../itemise/index.js';
import type { BudgetLine } from '../../model/types.js';
import { budgetRule } from '../types.js';
import { amountsUnreliable, knownNumber, monthsSum, shortfallExplained } from '../util.js';
import { lineAt, lineFacts } from '../../itemise/line-facts.js';
import { unstatedThousands } from '../thousands.js';

/** Words that join factors ("10 x 1.500", "2 à 100 kr.") are no unit. */
const JOINERS = new Set(['x', 'a', 'à', 'á']);

/** The quantities in reading order, then the unit price. */
export function factorsOf(u: UnitPrice): FindingFactor[] {
  const priceUnit = u.hourlyRateOre !== undefined ? 'kr./time' : u.kmRateOre !== undefined ? 'kr./km' : 'kr.';
  return [
    ...u.factors.map((f) => (f.unit && !JOINERS.has(f.unit.toLowerCase()) ? { value: f.value, unit: f.unit } : { value: f.value })),
    { value: u.unitPriceOre, unit: priceUnit, money: true },
  ];
}

/** A post on several sheets (one per project year) whose every row states its own units × unit price, each agreeing
 * with that row's total or its months ("1 erklæring à 12.000 kr." on each year sheet): each specification speaks of its own sheet. */
function eachRowAgrees(line: BudgetLine, tol: (product: number) => number): boolean {
  if (line.rows.length < 2) return false;
  return line.rows.every((r) => {
    const u = r.spec ? parseUnitPrice(r.spec.text) : undefined;
    if (!u) return false;
    const agrees = (x: number) => Math.abs(u.totalOre - x) <= tol(u.totalOre);
    // the months agreeing where a typed total does not is the total's error (distribution/sum-mismatch), as on one sheet
    return agrees(knownNumber(r.total) ? r.total.ore : monthsSum(r)) || agrees(monthsSum(r));
  });
}

/** The args of an itemisation/unit-price-mismatch finding. */
type Args = { text?: string; thousands?: number };

export default budgetRule<Args>()({
  id: 'itemisation/unit-price-mismatch',
  severity: 'error',
  check: ({ budget, pool }, finding) => {
    // amounts in thousands the sheet does not state: one finding, at the first such line, not one per line
    const thousands = unstatedThousands(budget, pool);
    const inThousands = new Set(thousands.map((f) => f.line));
    return lineFacts(budget, pool)
      .filter((f) => {
        if (inThousands.has(f.line)) return f === thousands[0];
        if (!f.unitPrice || (f.lumpSum && !f.lumpItemised) || f.line.total <= 0) return false;
        // One finding per root cause: amounts that are text, errors or negative have findings of their own; a product
        // that matches the months but not a typed total is the total's error (sum-mismatch); a shortfall where month
        // columns are missing is missing-months'.
        if (amountsUnreliable(f.line)) return false;
        // Rounding of monthly shares is no mismatch: 1 kr. or 0,5 % of the line, whichever is larger.
        const tolOf = (product: number) => Math.max(oreFromKroner(pool.thresholds.tolerance), Math.round(product * 0.005));
        const tol = tolOf(f.unitPrice.totalOre);
        if (Math.abs(f.unitPrice.totalOre - f.line.total) <= tol) return false;
        if (f.unitPrice.from === 'spec' && eachRowAgrees(f.line, tolOf)) return false;
        if (f.line.monthsTotal !== f.line.total && Math.abs(f.unitPrice.totalOre - f.line.monthsTotal) <= tol) return false;
        return !shortfallExplained(budget, pool, f.line.total, f.unitPrice.totalOre);
      })
      .map((f) => {
        const u = f.unitPrice!;
        // A product of quantity columns points at the row where it differs from I alt, at that total cell.
        const at =
          u.from === 'columns' && u.row
            ? { sheet: u.row.sheet, row: u.row.row, cell: u.row.total?.cell ?? u.row.postCell, post: f.line.post }
            : lineAt(f.line, u.from === 'spec' ? 'spec' : 'total');
        return finding({
          ...at,
          expected: u.totalOre,
          actual: f.line.total,
          factors: factorsOf(u),
          args: {
            text: u.from === 'columns' ? u.text : u.from === 'spec' ? f.line.spec : u.from === 'note' ? f.line.note : f.line.post,
            ...(inThousands.has(f.line) ? { thousands: thousands.length } : {}),
          },
        });
      });
  },
});
