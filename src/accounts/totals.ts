// The accounts' own total rows (I alt, I alt løn, Udgifter i alt) against the posts they stand for: a total typed wrong,
// or a SUM that misses a post, is arithmetic/total-mismatch at its cell, as in a budget. Only totals whose every
// reading fails are reported: the sum of all posts above, of its main line (section), or of the posts since the total
// before it.
import { findingOf } from '../finding.js';
import { postKey, type Accounts, type AccountsPost } from '../model/accounts.js';
import type { AmountCell } from '../model/types.js';
import { isTextAmount as typedAsText, ownSheetRanges } from '../rules/util.js';
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
  const textCells = new Set<AmountCell>();
  for (const f of textUnderSums(accounts, rows)) {
    out.push(f.finding);
    textCells.add(f.cell);
  }
  for (const f of summaryFindings(accounts, tol)) out.push(f);
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
      if (cell?.status !== 'number' || textCells.has(cell)) continue; // a SUM that skips text: said once, of the text
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

/**
 * A summary beside year sheets that does not agree with them (the year sheets were read, SPEC §3: its totals must agree
 * with the sheets it sums): arithmetic/total-mismatch (what 'summary', as for a budget's summary) at each of its posts
 * whose spending (else budget) differs from the post's on the year sheets, or, where no post differs (the sheets hold
 * other posts), once at its expense total. One cause, one finding: its total is not reported beside a post.
 */
function summaryFindings(accounts: Accounts, tol: number): RawFinding<'arithmetic/total-mismatch'>[] {
  const s = accounts.summary;
  if (!s || !accounts.yearSheets) return [];
  const out: RawFinding<'arithmetic/total-mismatch'>[] = [];
  const sheets = accounts.yearSheets.sheets;
  const byKey = new Map(accounts.posts.map((p) => [postKey(p.post), p]));
  const value = (c: AmountCell | undefined) => (c?.status === 'number' ? c.ore! : c?.status === 'blank' || !c ? 0 : undefined);
  const report = (at: AccountsPost, cell: AmountCell, expected: number) =>
    out.push(
      findingOf(
        'arithmetic/total-mismatch',
        { what: 'summary', sheets, ...(cell.formula ? { formula: cell.formula } : {}) },
        { sheet: s.sheet, row: at.row, cell: cell.cell, post: at.post, expected, actual: cell.ore },
      ),
    );
  for (const p of s.posts) {
    const y = byKey.get(postKey(p.post));
    if (!y) continue;
    for (const pick of [(x: AccountsPost) => x.actual, (x: AccountsPost) => x.budget]) {
      const mine = pick(p);
      const theirs = value(pick(y));
      if (mine?.status !== 'number' || theirs === undefined || Math.abs(mine.ore! - theirs) <= tol) continue;
      report(p, mine, theirs);
      break;
    }
  }
  if (out.length) return out;
  const firstIncome = s.income[0]?.row ?? Infinity;
  const total = s.totals.filter((t) => t.actual?.status === 'number' && t.row < firstIncome).pop();
  if (total && Math.abs(total.actual!.ore! - accounts.actualTotal) > tol) report(total, total.actual!, accounts.actualTotal);
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

const KEY = 65536;
const isTextAmount = (a: AmountCell | undefined): boolean => !!a && typedAsText(a);

/**
 * The accounts' total cells (budget or spending column) whose SUM covers amounts typed as text, directly or through the
 * SUMs of other totals: Excel shows less than the posts hold. arithmetic/total-mismatch (what 'text') at the first total
 * that skips them, as in a budget; a later total whose skipped text is all in rows already reported is the same cause.
 */
function textUnderSums(accounts: Accounts, rows: AccountsPost[]): Array<{ cell: AmountCell; finding: RawFinding<'arithmetic/total-mismatch'> }> {
  const out: Array<{ cell: AmountCell; finding: RawFinding<'arithmetic/total-mismatch'> }> = [];
  for (const pick of [(p: AccountsPost) => p.budget, (p: AccountsPost) => p.actual]) {
    if (!rows.some((p) => isTextAmount(pick(p)))) continue;
    const cells = new Map<string, AmountCell>();
    for (const p of [...rows, ...accounts.totals]) {
      const c = pick(p);
      if (c) cells.set(`${c.sheet}\u0000${c.row * KEY + c.col}`, c);
    }
    const under = (a: AmountCell, seen: Set<AmountCell>, found: Map<AmountCell, number>) => {
      if (seen.has(a)) return;
      seen.add(a);
      for (const r of ownSheetRanges(a.formula, a.sheet)) {
        for (let row = r.r1; row <= r.r2; row++)
          for (let col = r.c1; col <= r.c2; col++) {
            const c = cells.get(`${a.sheet}\u0000${row * KEY + col}`);
            if (!c || c === a) continue;
            if (isTextAmount(c)) found.set(c, c.ore!);
            else if (c.formula) under(c, seen, found);
          }
      }
    };
    const reported = new Set<string>();
    for (const t of accounts.totals) {
      const cell = pick(t);
      if (cell?.status !== 'number' || !cell.formula) continue;
      const found = new Map<AmountCell, number>();
      under(cell, new Set(), found);
      if (!found.size) continue;
      const keys = [...found.keys()].map((c) => `${c.sheet}\u0000${c.row}`);
      if (keys.every((k) => reported.has(k))) continue;
      for (const k of keys) reported.add(k);
      const skipped = [...found.values()].reduce((s, v) => s + v, 0);
      out.push({
        cell,
        finding: findingOf(
          'arithmetic/total-mismatch',
          { what: 'text', count: found.size, formula: cell.formula },
          { sheet: t.sheet, row: t.row, cell: cell.cell, post: t.post, expected: cell.ore, actual: cell.ore! - skipped },
        ),
      });
    }
  }
  return out;
}
