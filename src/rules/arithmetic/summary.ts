// A summary sheet (Samlet budget, Budgetoversigt) over the year sheets: each of its lines against the line it sums,
// by total, year column and month, and its grand total against the budget's expenses.
import { normLabel } from '../../model/labels.js';
import { addMonth, yearIn } from '../../model/months.js';
import type { AmountCell, Budget, BudgetLine, BudgetTable } from '../../model/types.js';
import type { FindingBody, Location } from '../../finding-shape.js';
import { knownNumber } from '../util.js';

const postKey = (post: string) => normLabel(post.replace(/^\s*\d+(?:\.\d+)*\.?\s+/, ''));

/** A line's amount in one year: from the year sheet of that year when the sheets are named by year, else its months
 * (`months`: from its months alone, whatever the sheet's total says). */
function yearAmount(line: BudgetLine, year: number, byName: boolean, months = false): number {
  if (byName && !months) {
    return line.rows
      .filter((r) => yearIn(r.sheet) === year)
      .reduce((s, r) => s + (knownNumber(r.total) ? r.total.ore : r.months.reduce((x, m) => x + (m.ore ?? 0), 0)), 0);
  }
  let s = 0;
  for (const [m, v] of line.months) if (m.startsWith(`${year}-`)) s += v;
  return s;
}

/** One post on several parallel sheets (one per activity or partner), each its own line, that the summary's one row of
 * the post adds up: those lines as one; undefined when two of them share a sheet (two posts of one name on a sheet). */
function acrossSheets(lines: BudgetLine[]): BudgetLine | undefined {
  const sheets = lines.map((l) => new Set(l.rows.map((r) => r.sheet)));
  for (let i = 0; i < sheets.length; i++) for (let j = i + 1; j < sheets.length; j++) if ([...sheets[i]].some((x) => sheets[j].has(x))) return undefined;
  const months = new Map<string, number>();
  for (const l of lines) for (const [m, v] of l.months) months.set(m, (months.get(m) ?? 0) + v);
  return {
    ...lines[0],
    rows: lines.flatMap((l) => l.rows),
    months,
    monthsTotal: lines.reduce((x, l) => x + l.monthsTotal, 0),
    total: lines.reduce((x, l) => x + l.total, 0),
  };
}

/** The summary's findings (arithmetic/total-mismatch); `prior` are those its table has already (a grand total row
 * among them is not reported again). */
export function checkSummary(budget: Budget, s: BudgetTable, tol: number, prior: readonly Location[]): FindingBody<{ what: 'summary'; formula?: string }>[] {
  const out: ReturnType<typeof checkSummary> = [];
  const of = new Set(s.summaryOf ?? []);
  const lines = budget.lines.filter((l) => l.rows.some((r) => of.has(r.sheet)));
  const byKey = new Map<string, BudgetLine[]>();
  for (const l of lines) byKey.set(postKey(l.post), [...(byKey.get(postKey(l.post)) ?? []), l]);
  const sheetsByYear = [...of].every((name) => yearIn(name) !== undefined);
  // a row's amount: its total, else its months
  const rowAmount = (r: BudgetLine['rows'][number]) => (knownNumber(r.total) ? r.total.ore : r.months.reduce((y, m) => y + (m.ore ?? 0), 0));
  const amountKnown = (r: BudgetLine['rows'][number]) => knownNumber(r.total) || r.months.every((m) => m.status === 'blank' || knownNumber(m));
  const lineTotal = (l: BudgetLine) => l.rows.filter((r) => of.has(r.sheet)).reduce((x, r) => x + rowAmount(r), 0);
  // A summary that agrees with a line's months where the year sheet's typed total does not repeats that total's error
  // (distribution/sum-mismatch at the line): its months are a figure the summary may stand for too.
  const lineMonths = (l: BudgetLine) => l.rows.filter((r) => of.has(r.sheet)).reduce((x, r) => x + r.months.reduce((y, m) => y + (m.ore ?? 0), 0), 0);
  const flagged = new Set<number>();
  /** The summary's cell `a` of `row` says other than the `expected` it sums. */
  const differs = (row: BudgetTable['rows'][number], a: AmountCell & { ore: number }, expected: number) =>
    out.push({
      sheet: s.sheet,
      row: row.row,
      cell: a.cell,
      post: row.post || undefined,
      expected,
      actual: a.ore,
      args: { what: 'summary', formula: a.formula },
    });
  // the budget's sheets by name (a line typed over may refer to none of them, so not only those the summary refers to)
  const sheetByKey = new Map(budget.tables.map((t) => [postKey(t.sheet), t.sheet]));
  const summaryRows = new Map<string, number>();
  for (const row of s.rows) if (row.kind === 'item') summaryRows.set(postKey(row.post), (summaryRows.get(postKey(row.post)) ?? 0) + 1);
  for (const row of s.rows) {
    if (row.kind !== 'item') continue;
    const match = byKey.get(postKey(row.post));
    // a post the year sheets do not have (or have twice on one sheet): nothing to compare with, unless it names one of
    // the sheets ('Budget 2026' on a summary of one line per year sheet): that sheet's lines
    const line = match?.length === 1 ? match[0] : match && summaryRows.get(postKey(row.post)) === 1 ? acrossSheets(match) : undefined;
    const sheet = line ? undefined : sheetByKey.get(postKey(row.post));
    const rows = sheet ? budget.lines.flatMap((l) => l.rows.filter((r) => r.sheet === sheet)) : [];
    // only where every line of that sheet has a known amount: one not evaluated (a formula the evaluator cannot read,
    // with no result cached) is no 0 kr.
    if (sheet && knownNumber(row.total) && rows.every(amountKnown)) {
      const expected = rows.reduce((y, r) => y + rowAmount(r), 0);
      if (Math.abs(row.total.ore - expected) > tol) {
        flagged.add(row.row);
        differs(row, row.total, expected);
      }
    }
    // a category or section ('Løn' of the lines whose Kategori is Løn, or of the section '1. Løn'), when the row is
    // neither a post nor a sheet: the lines of that category, by year column and total
    if (!line && !sheet) {
      const k = postKey(row.post);
      const ofCategory = k
        ? lines.filter((l) => (l.category !== undefined && postKey(l.category) === k) || (l.section !== undefined && postKey(l.section) === k))
        : [];
      if (!ofCategory.length || !ofCategory.every((l) => l.rows.filter((r) => of.has(r.sheet)).every(amountKnown))) continue;
      const checks: Array<[AmountCell | undefined, number]> = s.yearTotalCols.map((y, i) => [
        row.yearTotals[i],
        ofCategory.reduce((x, l) => x + yearAmount(l, y.year!, sheetsByYear), 0),
      ]);
      checks.push([row.total, ofCategory.reduce((x, l) => x + lineTotal(l), 0)]);
      const bad = checks.find(([a, v]) => knownNumber(a) && Math.abs(a.ore - v) > tol);
      if (bad) {
        flagged.add(row.row);
        differs(row, bad[0] as AmountCell & { ore: number }, bad[1]);
      }
      continue;
    }
    if (!line) continue;
    // the cell that differs first: a month, else a year, else the total (a wrong year makes the total wrong too)
    const checks: Array<[AmountCell | undefined, number, number?]> = [];
    s.monthCols.forEach((m, i) => {
      let v = 0;
      for (let k = 0; k < (m.span ?? 1); k++) v += line.months.get(k ? addMonth(m.month, k) : m.month) ?? 0;
      checks.push([row.months[i], v]);
    });
    s.yearTotalCols.forEach((y, i) => checks.push([row.yearTotals[i], yearAmount(line, y.year!, sheetsByYear), yearAmount(line, y.year!, sheetsByYear, true)]));
    checks.push([row.total, lineTotal(line), lineMonths(line)]);
    const bad = checks.find(([a, v, alt]) => knownNumber(a) && Math.abs(a.ore - v) > tol && (alt === undefined || Math.abs(a.ore - alt) > tol));
    if (!bad) continue;
    const a = bad[0] as AmountCell & { ore: number };
    flagged.add(row.row);
    differs(row, a, bad[1]);
  }
  // The grand total (the last total row) against every line it stands for, when no line of it was wrong already.
  const grand = [...s.rows].reverse().find((r) => r.kind === 'total');
  // (as above, only where every line it stands for has a known amount)
  const allKnown = () => lines.every((l) => l.rows.filter((r) => of.has(r.sheet)).every(amountKnown));
  if (grand && !flagged.size && knownNumber(grand.total) && ![...prior, ...out].some((f) => f.sheet === s.sheet && f.row === grand.row) && allKnown()) {
    const expected = lines.reduce((x, l) => x + lineTotal(l), 0);
    const months = lines.reduce((x, l) => x + lineMonths(l), 0);
    if (Math.abs(grand.total.ore - expected) > tol && Math.abs(grand.total.ore - months) > tol) differs(grand, grand.total, expected);
  }
  return out;
}
