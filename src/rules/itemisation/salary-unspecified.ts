// itemisation/salary-unspecified: a salary line that states neither hours nor a rate.
import { mentionsHoursOrRate } from '../../itemise/index.js';
import { budgetRule } from '../types.js';
import { lineAt, lineFacts, textFacts, type LineTexts } from '../../itemise/line-facts.js';
import { shareOfAmount, shareOfPost } from '../../itemise/share.js';

/** Hours or a rate in the post, the specification or the note, each read on its own ("Løn koordinator 2" beside
 * "33 mdr. à 30.000 kr." must not make the joined text unreadable), or across them ("37 t/uge" in one, "kr./md." in another). */
function states(line: LineTexts): boolean {
  const parts = [line.post, line.spec, line.note].filter((t): t is string => !!t);
  return parts.some(mentionsHoursOrRate) || mentionsHoursOrRate(parts.join(' · '));
}

export default budgetRule()({
  id: 'itemisation/salary-unspecified',
  severity: 'error',
  check: ({ budget, pool }, finding) => {
    const facts = lineFacts(budget, pool);
    const salaries = new Set(facts.filter((f) => f.category?.category === 'salary' && f.category.confidence !== 'low').map((f) => f.line));
    return facts
      .filter(
        (f) =>
          !f.lumpSum &&
          !f.overhead &&
          f.category?.category === 'salary' &&
          f.category.confidence !== 'low' &&
          f.line.total > 0 &&
          !f.columnsStateHoursOrRate &&
          !(f.unitPrice?.from === 'columns') &&
          !textFacts(f, states) &&
          // pension, ATP or holiday pay as a percent of another salary post ("12 % af løn til projektleder"): that
          // post's hours or rate specify this line too; so does a payroll tax as a percent of an amount it states
          // ("Lønsumsafgift 15,3 % af 1.728.000 kr.")
          ![f.line.post, f.line.spec, f.line.note].some((t) => t && (shareOfPost(t, f.line, budget.lines, (l) => salaries.has(l), true) || shareOfAmount(t))),
      )
      .map((f) => finding({ ...lineAt(f.line, f.line.spec ? 'spec' : 'post'), actual: f.line.total }));
  },
});
