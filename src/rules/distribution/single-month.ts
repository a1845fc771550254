// distribution/single-month: a recurring cost (salary, rent) put in one month of a longer period (warning).
import { classify } from '../../itemise/index.js';
import { lineFacts } from '../../itemise/line-facts.js';
import { normLabel } from '../../model/labels.js';
import { budgetRule } from '../types.js';
import { periodMonths, quarterArg } from '../util.js';

/** The post starts with one of the recurring terms (after any numbering such as "1.2"). */
export function isRecurringPost(post: string, terms: string[]): boolean {
  const n = normLabel(post).replace(/^[\d.)\s-]+/, '');
  return terms.some((t) => {
    const term = normLabel(t);
    return (
      n === term ||
      n.startsWith(term + ' ') ||
      n.startsWith(term + ',') ||
      n.startsWith(term + '(') ||
      n.startsWith(term + ':') ||
      (term.length >= 4 && n.startsWith(term))
    );
  });
}

/** A post that says it is paid once ("Engangsvederlag", "engangsbeløb", "one-off fee"): no recurring cost, whatever
 * section it stands under. */
const ONE_OFF = /(?:^|[^a-zæøå])(?:engangs|éngangs|one-off|one-time|once-off)/i;

/** Whether a post whose own words classify it so (undefined: they do not) may be the recurring cost of the section it
 * stands under: pay and premises recur, a course, equipment or a fee is bought when it is. */
const ownKindRecurs = (category: string | undefined) => category === undefined || category === 'salary' || category === 'premises';

/** The args of a distribution/single-month finding: the month, or with span 3 the quarter column's first month. */
type Args = { month: string; span?: 3 };

export default budgetRule<Args>()({
  id: 'distribution/single-month',
  severity: 'warning',
  check: ({ budget, pool }, finding) => {
    const p = budget.period;
    const periodLength = p ? periodMonths(p.start, p.end).length : 12;
    if (periodLength < 3) return [];
    const out: ReturnType<typeof finding>[] = [];
    for (const line of budget.lines) {
      if (line.months.size !== 1 || line.total <= 0) continue;
      // the post, or the section it stands under ("1. Løn"), says the cost recurs
      // (a post of its own kind under a salary section, a course or a one-off fee, is not the section's recurring cost)
      const recurring =
        isRecurringPost(line.post, pool.recurringTerms) ||
        (!!line.section &&
          (isRecurringPost(line.section, pool.recurringTerms) || classify(line.section)?.category === 'salary') &&
          !ONE_OFF.test(line.post) &&
          ownKindRecurs(classify(line.post)?.category));
      if (!recurring) continue;
      const [month] = [...line.months.keys()];
      const row = line.rows.find((r) => r.months.some((m) => m.month === month && m.status === 'number' && m.ore !== 0)) ?? line.rows[0];
      // one quarter of a period that is one quarter long is no single period
      const span = budget.tables.find((t) => t.sheet === row.sheet)?.monthCols.find((m) => m.month === month)?.span ?? 1;
      if (span > 1 && periodLength <= span) continue;
      // a quarter column holds three months: a line its specification says lasts no longer ("3 mdr.") is spread
      if (span > 1) {
        const stated = lineFacts(budget, pool).find((f) => f.line === line)?.unitPrice?.months;
        if (stated !== undefined && stated <= span) continue;
      }
      const cell = row.months.find((m) => m.month === month)?.cell ?? row.postCell;
      out.push(finding({ sheet: row.sheet, row: row.row, cell, post: line.post, actual: line.total, args: { month, ...quarterArg(span) } }));
    }
    return out;
  },
});
