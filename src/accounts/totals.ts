// The accounts' own total rows (I alt, I alt løn, Udgifter i alt) against the posts they stand for: a total typed wrong,
// or a SUM that misses a post, is arithmetic/total-mismatch at its cell, as in a budget. Only totals whose every
// reading fails are reported: the sum of all posts above, of its main line (section), or of the posts since the total
// before it.
import { findingOf } from '../finding.js';
import type { Accounts, AccountsPost } from '../model/accounts.js';
import { normLabel } from '../model/labels.js';
import { oreFromKroner } from '../money.js';
import type { PoolProfile } from '../pools/schema.js';
import type { RawFinding } from '../types.js';

/** Totals of expenses only: plain ("I alt", "Total", "Udgifter i alt") or of a main line ("I alt løn", "Løn i alt"). */
const EXPENSE_TOTAL = /^(i alt|total|totalt|sum|subtotal|udgifter i alt|i alt udgifter|samlede udgifter|i alt [\p{L} ]+|[\p{L} ]+ i alt)$/u;
const NOT_EXPENSES = /indtægt|finansiering|tilskud|income|moms|ekskl|inkl|heraf/;

export function accountsTotalFindings(accounts: Accounts, pool: PoolProfile): RawFinding<'arithmetic/total-mismatch'>[] {
  const tol = oreFromKroner(pool.thresholds.tolerance);
  const out: RawFinding<'arithmetic/total-mismatch'>[] = [];
  // the rows as read: of year sheets, each sheet's own (a post's figures are summed over the sheets in `posts`)
  const rows = accounts.yearSheets?.rows ?? accounts.posts;
  const previous = new Map<string, number>();
  for (const t of accounts.totals) {
    const label = normLabel(t.post).replace(/^[\d.]+\s*/, '');
    const since = previous.get(t.sheet) ?? 0;
    previous.set(t.sheet, t.row);
    const firstIncome = accounts.income.find((p) => p.sheet === t.sheet)?.row ?? Infinity;
    if (t.row > firstIncome || !EXPENSE_TOTAL.test(label) || NOT_EXPENSES.test(label)) continue;
    const above = rows.filter((p) => p.sheet === t.sheet && p.row < t.row);
    const scopes = [above, above.filter((p) => p.row > since), ...(t.section !== undefined ? [above.filter((p) => p.section === t.section)] : [])];
    for (const pick of [(p: AccountsPost) => p.budget, (p: AccountsPost) => p.actual]) {
      const cell = pick(t);
      if (cell?.status !== 'number') continue;
      const sums = scopes.map((posts) => sumOf(posts.map(pick)));
      if (sums.some((s) => s === undefined)) continue; // a text or error amount has a finding of its own
      if (sums.some((s) => Math.abs(s! - cell.ore!) <= tol)) continue;
      // the plain total stands for all posts above; a main line's for the posts since the total before it
      const expected = /^(i alt|total|totalt|sum|udgifter i alt|i alt udgifter|samlede udgifter)$/.test(label) ? sums[0]! : sums[1]!;
      out.push(
        findingOf('arithmetic/total-mismatch', { what: 'row' }, { sheet: t.sheet, row: t.row, cell: cell.cell, post: t.post, expected, actual: cell.ore }),
      );
    }
  }
  return out;
}

function sumOf(cells: Array<AccountsPost['budget']>): number | undefined {
  let s = 0;
  for (const c of cells) {
    if (!c || c.status === 'blank') continue;
    if (c.status !== 'number') return undefined;
    s += c.ore!;
  }
  return s;
}
