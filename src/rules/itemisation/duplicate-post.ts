// itemisation/duplicate-post: the same post (same text, specification and section) twice in the budget (warning); not
// on two parallel sheets (one per activity or partner over the same months), where each has its own.
import { normLabel } from '../../model/labels.js';
import { parallelTables } from '../../model/parallel.js';
import { lineFacts, textFacts, type LineTexts } from '../../itemise/line-facts.js';
import { budgetRule } from '../types.js';

/** The line's section, post and specification as labels (textFacts: once per distinct texts). */
const keyOf = (t: LineTexts) => [normLabel(t.section ?? ''), normLabel(t.post), normLabel(t.spec ?? '')].join('|');

/** The args of an itemisation/duplicate-post finding. */
type Args = { first: string };

export default budgetRule<Args>()({
  id: 'itemisation/duplicate-post',
  severity: 'warning',
  check: ({ budget, pool }, finding) => {
    const out: ReturnType<typeof finding>[] = [];
    const seen = new Map<string, { sheet: string; row: number }>();
    const tableOf = (sheet: string) => budget.tables.find((t) => t.sheet === sheet);
    const beside = (a: string, b: string) => {
      const [ta, tb] = [tableOf(a), tableOf(b)];
      return !!ta && !!tb && parallelTables(ta, tb);
    };
    for (const f of lineFacts(budget, pool)) {
      const line = f.line;
      if (!line.post.trim()) continue;
      const key = textFacts(f, keyOf);
      const first = seen.get(key);
      const row = line.rows[0];
      if (first && beside(first.sheet, row.sheet)) continue;
      if (first) {
        out.push(
          finding({
            sheet: row.sheet,
            row: row.row,
            cell: row.postCell,
            post: line.post,
            args: { first: `${first.sheet}!${first.row}` },
          }),
        );
        continue;
      }
      seen.set(key, { sheet: row.sheet, row: row.row });
    }
    return out;
  },
});
