// accounts/deviation-needs-approval: a post deviates more than 10 % or 100.000 kr. and no explanation says it was approved
// (none at all counts too: a caseworker filtering on approval must see it; missing-explanation adds that it is unexplained).
// An explanation that refers elsewhere ("Se arket Noter", "se note 3") is read there too: the rows of the sheet it names
// that name the post, or the note's row on a notes sheet.
// An approved post left out of the accounts altogether is a deviation of all of it, found at the accounts' post header
// (there is no row of it to point at, nor one to explain it on: this finding alone).
import { explains } from '../../model/accounts.js';
import { a1, parseA1 } from '../../read/address.js';
import { accountsRule, approvedIndex, isUnbudgeted, missingApprovedLines, referredText, saysApproved, significantDeviation } from './util.js';

/** The args of an accounts/deviation-needs-approval finding. */
type Args = {
  pct: number | 'inf';
  limitPct: number;
  limitKr?: number;
  reason: 'threshold' | 'salary-line' | 'missing-post';
  mainLine?: string;
  explained: boolean;
  /** For a missing post: where the approved budget has it (`Budget!A12`). */
  approvedAt?: string;
};

export default accountsRule<Args>()({
  id: 'accounts/deviation-needs-approval',
  severity: 'error',
  check: ({ accounts, approved, pool, workbook }, finding) => {
    const out: ReturnType<typeof finding>[] = [];
    const index = approved ? approvedIndex(approved, accounts, pool) : undefined;
    // the last row the accounts read on each sheet: notes stand below it
    const lastRow = new Map<string, number>();
    for (const x of [...accounts.posts, ...accounts.totals, ...accounts.income]) lastRow.set(x.sheet, Math.max(lastRow.get(x.sheet) ?? 0, x.row));
    for (const p of accounts.posts) {
      const d = significantDeviation(p, pool, accounts, index); // the pool's rule: per post or main line, salary lines
      if (!d || isUnbudgeted(p, index) || saysApproved(d.explanation?.text)) continue; // none at all: both findings
      const below = { sheet: p.sheet, row: lastRow.get(p.sheet) ?? p.row };
      if (saysApproved(referredText(workbook, d.explanation?.text, p.post, below))) continue; // "Se arket Noter", "se note 2": approved there
      out.push(
        finding({
          sheet: p.sheet,
          row: p.row,
          cell: p.actual!.cell,
          post: p.post,
          expected: d.budget,
          actual: d.actual,
          args: {
            pct: Number.isFinite(d.pct) ? Math.round(d.pct * 10) / 10 : 'inf',
            limitPct: pool.thresholds.deviationPercent,
            limitKr: pool.thresholds.deviationAmount === null ? undefined : pool.thresholds.deviationAmount * 100,
            reason: d.reason,
            mainLine: d.mainLine,
            explained: explains(d.explanation?.text),
          },
        }),
      );
    }
    if (!approved || !index) return out;
    const col = parseA1(accounts.posts[0]?.postCell ?? '')?.col;
    for (const l of missingApprovedLines(approved, accounts, pool, index)) {
      const at = l.rows[0];
      out.push(
        finding({
          sheet: accounts.sheet,
          row: accounts.headerRow,
          cell: col === undefined ? undefined : a1(accounts.headerRow, col),
          post: l.post,
          expected: l.total,
          actual: 0,
          args: {
            pct: 100,
            limitPct: pool.thresholds.deviationPercent,
            limitKr: pool.thresholds.deviationAmount === null ? undefined : pool.thresholds.deviationAmount * 100,
            reason: 'missing-post',
            explained: false,
            approvedAt: at ? `${at.sheet}!${at.postCell}` : undefined,
          },
        }),
      );
    }
    return out;
  },
});
