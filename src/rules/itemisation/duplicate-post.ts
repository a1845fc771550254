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
    const seen = new Map<string, { sheet: string; rows: (typeof budget.lines)[number]['rows'] }>();
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
        // the twin's cell: its row on this sheet where it has one (a post that recurs on every year sheet is one line,
        // its twin the row beside it), else its first
        const twin = first.rows.find((r) => r.sheet === row.sheet) ?? first.rows[0];
        out.push(
          finding({
            sheet: row.sheet,
            row: row.row,
            cell: row.postCell,
            post: line.post,
            args: { first: `${twin.sheet}!${twin.postCell}` },
          }),
        );
        continue;
      }
      seen.set(key, { sheet: row.sheet, rows: line.rows });
    }
    return out;
  },
});
