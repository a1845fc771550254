// itemisation/no-unit-price: no units × unit price anywhere on the line (warning).
import { categoryById, mentionsHoursOrRate, normaliseText, pricesOnePeriod } from '../../itemise/index.js';
import { shareOfAmount, shareOfPost } from '../../itemise/share.js';
import { budgetRule } from '../types.js';
import { lineAt, lineFacts, textFacts, type LineTexts } from '../../itemise/line-facts.js';
import ineligibleExpense from '../eligibility/ineligible-expense.js';
import { ruleFindings } from '../run.js';

/** A salary stated as hours and a price ("10 t/uge à 250 kr.", "37 t/uge, 42.000 kr./md."): salary-unspecified
 * judges salary lines, and hours × rate is the salary's units × unit price even where the weeks are not counted. */
function salaryPriced(text: string): boolean {
  return mentionsHoursOrRate(text) && /\d\s*kr\b|kr\.?\s*\d/.test(normaliseText(text));
}

/** The texts alone itemise the line: hours and a price, or one period's units × unit price (textFacts: once per
 * distinct texts). */
const textItemises = (t: LineTexts) => salaryPriced(t.text) || [t.spec, t.post, t.note].some((x) => x && pricesOnePeriod(x));

/** The line's words state hours or a rate (textFacts). */
const textStatesHours = (t: LineTexts) => mentionsHoursOrRate(t.text);

export default budgetRule()({
  id: 'itemisation/no-unit-price',
  severity: 'warning',
  check: (ctx, finding) => {
    const { budget, pool } = ctx;
    // A post that may not be in the budget at all (eligibility/ineligible-expense) is not asked to be itemised.
    const ineligible = new Set(ruleFindings(ineligibleExpense, ctx).map((f) => `${f.sheet}!${f.row}`));
    const out: ReturnType<typeof finding>[] = [];
    // one pass over the lines, asking what the filters of each line asked in turn (not an array of the lines per
    // filter, nor a "sheet!row" string per row where no line is ineligible)
    for (const f of lineFacts(budget, pool)) {
      if (ineligible.size && f.line.rows.some((r) => ineligible.has(`${r.sheet}!${r.row}`))) continue;
      // Lump sums and unspecified salary have findings of their own.
      if (f.lumpSum || f.overhead || f.unitPrice || !(f.line.total > 0)) continue;
      // Hours and a price are units × unit price whatever the post is called ("Sundhedsplejerske, 18,5 t/uge à 300 kr."),
      // and a month's or a year's units × unit price ("500 km/md. à 1,90 kr.", "4 kurser à 6.000 kr. pr. år") itemises the line.
      if (textFacts(f, textItemises)) continue;
      // A share of another post ("25 % af forplejning") is that post's specification applied to this line.
      if ([f.line.spec, f.line.note].some((t) => t && (shareOfPost(t, f.line, budget.lines) || shareOfAmount(t)))) continue;
      if (f.category?.category === 'salary' && !f.columnsStateHoursOrRate && !textFacts(f, textStatesHours)) continue;
      // One fee by nature ("Revision 25.000 kr."): the single amount is the itemisation.
      if (f.category && f.category.confidence !== 'low' && categoryById(f.category.category)?.singleFee) continue;
      out.push(finding({ ...lineAt(f.line, f.line.spec ? 'spec' : 'post'), actual: f.line.total }));
    }
    return out;
  },
});
