// Which cells of a table are totals, for the formula-pattern rules: the total column(s) and the total rows.
import type { AmountCell, BudgetTable } from '../../model/types.js';

type TotalGroup = { kind: 'column' | 'row'; cells: AmountCell[] };

const groupsCache = new WeakMap<BudgetTable, TotalGroup[]>();

/** Groups of sibling total cells: each total column over the line rows, and each total row across its columns. Made
 * once per table for the two rules that read them (hardcoded-total, inconsistent-formula): shared, never change them. */
export function totalGroups(t: BudgetTable): TotalGroup[] {
  let hit = groupsCache.get(t);
  if (!hit) groupsCache.set(t, (hit = groupsOf(t)));
  return hit;
}

function groupsOf(t: BudgetTable): TotalGroup[] {
  const groups: TotalGroup[] = [];
  // Line totals are totals only where the line has months to add up; a financing amount is an input.
  const lineRows = t.rows.filter((r) => r.kind === 'item' && r.months.some((m) => m.status !== 'blank'));
  if (t.totalCol) groups.push({ kind: 'column', cells: lineRows.map((r) => r.total!).filter(Boolean) });
  t.yearTotalCols.forEach((_, i) => groups.push({ kind: 'column', cells: lineRows.map((r) => r.yearTotals[i]).filter(Boolean) }));
  for (const r of t.rows) {
    if (r.kind !== 'total' && r.kind !== 'financing-total') continue;
    groups.push({ kind: 'row', cells: [...r.months, ...r.yearTotals, ...(r.total ? [r.total] : [])] });
  }
  return groups;
}
