// arithmetic/total-mismatch: a total row or subtotal column differs from the sum it stands for, recomputed from the lines.
import type { AmountCell, BudgetRow, BudgetTable } from '../../model/types.js';
import type { FindingBody } from '../../finding-shape.js';
import { budgetRule } from '../types.js';
import { knownNumber, M_ERROR, M_TEXT, M_UNKNOWN, tableCensus, tolerance } from '../util.js';
import { conditionalSum, matchesCriterion, parseCriterion, type Criterion } from '../../model/formula.js';
import { checkSummary } from './summary.js';
import { textUnderSum } from './text-in-sum.js';
import { dependsOn, findingCell, foundCells } from '../precedents.js';
import type { RawWorkbook } from '../../read/types.js';

/**
 * A table's amount columns by index: the month columns, the per-year totals, the total column (PrefixSums's order).
 * An index and the two counts rather than a closure per column and table (with the candidate sums as variables
 * below: checkTotalRows allocated 16,7 → 5,2 MB on the 600-file pile, --jobs 1).
 */
class Columns {
  readonly months: number;
  readonly years: number;
  readonly length: number;

  constructor(t: BudgetTable) {
    this.months = t.monthCols.length;
    this.years = t.yearTotalCols.length;
    this.length = this.months + this.years + (t.totalCol ? 1 : 0);
  }

  /** The row's cell in column `ci`. */
  pick(r: BudgetRow, ci: number): AmountCell | undefined {
    return ci < this.months ? r.months[ci] : ci < this.months + this.years ? r.yearTotals[ci - this.months] : r.total;
  }
}

/** Sum of column `ci` over rows, or undefined when a value is not known. */
function sumOf(rows: BudgetRow[], cols: Columns, ci: number): number | undefined {
  let s = 0;
  for (const r of rows) {
    const a = cols.pick(r, ci);
    if (!a || a.status === 'blank') continue;
    if (!knownNumber(a)) return undefined;
    s += a.ore;
  }
  return s;
}

/**
 * Sums of each column over a table's rows of one kind, as prefix sums: the sum over rows [a, b) is sum(b) − sum(a),
 * unknown where a non-blank cell in that range is not a known number (sumOf's answer, without copying and summing the
 * rows above each total again: total-mismatch 105 → ~40 ms on the 600-file pile). Amounts are whole øre, so the
 * differences are exact.
 */
/** A cell into its prefix at `at`: a known number to the sum, any other non-blank cell to the unknown count. */
function addCell(sums: Float64Array, unknown: Int32Array, at: number, a: AmountCell | undefined): void {
  if (!a || a.status === 'blank') return;
  if (knownNumber(a)) sums[at] += a.ore;
  else unknown[at]++;
}

class PrefixSums {
  private readonly sums: Float64Array;
  private readonly unknown: Int32Array;
  private readonly count: Int32Array;
  /** Columns per row: the month columns, the per-year totals, the total column (Columns's order). */
  private readonly width: number;

  constructor(t: BudgetTable, kind: BudgetRow['kind']) {
    const rows = t.rows;
    const n = rows.length;
    const months = t.monthCols.length;
    const years = t.yearTotalCols.length;
    const w = (this.width = months + years + (t.totalCol ? 1 : 0));
    const sums = (this.sums = new Float64Array((n + 1) * w));
    const unknown = (this.unknown = new Int32Array((n + 1) * w));
    const count = (this.count = new Int32Array(n + 1));
    // row by row, each prefix starting as the one before it (the cells in the order the rows hold them); the arrays in
    // locals and addCell a module function, not a closure over `this` called per cell
    for (let i = 0; i < n; i++) {
      const r = rows[i];
      const from = i * w;
      const at = from + w;
      sums.copyWithin(at, from, at);
      unknown.copyWithin(at, from, at);
      if (r.kind !== kind) {
        count[i + 1] = count[i];
        continue;
      }
      count[i + 1] = count[i] + 1;
      for (let j = 0; j < months; j++) addCell(sums, unknown, at + j, r.months[j]);
      for (let j = 0; j < years; j++) addCell(sums, unknown, at + months + j, r.yearTotals[j]);
      if (t.totalCol) addCell(sums, unknown, at + months + years, r.total);
    }
  }

  /** How many rows of the kind lie in [a, b). */
  rows(a: number, b: number): number {
    return this.count[b] - this.count[a];
  }

  /** The column's sum over the rows of the kind in [a, b), or undefined when a value is not known. */
  sum(ci: number, a: number, b: number): number | undefined {
    const w = this.width;
    return this.unknown[b * w + ci] - this.unknown[a * w + ci] > 0 ? undefined : this.sums[b * w + ci] - this.sums[a * w + ci];
  }
}

/** The sum of the month columns over the rows [a, b) of the kind, or undefined when a value is not known. */
function monthsOf(p: PrefixSums, cols: Columns, a: number, b: number): number | undefined {
  let s = 0;
  for (let ci = 0; ci < cols.months; ci++) {
    const x = p.sum(ci, a, b);
    if (x === undefined) return undefined;
    s += x;
  }
  return s;
}

/** Whether a candidate sum is known and within the tolerance of the amount. */
const near = (x: number | undefined, ore: number, tol: number) => x !== undefined && Math.abs(x - ore) <= tol;

/** The finding of a total row whose cell `a` is not the `expected` sum of the lines it stands for. */
function rowMismatch(row: BudgetRow, a: AmountCell & { ore: number }, expected: number): FindingBody<Args> {
  return {
    sheet: row.sheet,
    row: row.row,
    cell: a.cell,
    post: row.post || undefined,
    expected,
    actual: a.ore,
    args: { what: 'row', count: 1, formula: a.formula },
  };
}

function checkTotalRows(t: BudgetTable, tol: number, out: FindingBody<Args>[]): void {
  const cols = new Columns(t);
  const rows = t.rows;
  const prefix = new Map<BudgetRow['kind'], PrefixSums>();
  const sumsOf = (kind: BudgetRow['kind']) => {
    let p = prefix.get(kind);
    if (!p) prefix.set(kind, (p = new PrefixSums(t, kind)));
    return p;
  };
  let segmentStart = 0;
  let sectionStart = 0;
  const priorTotals: BudgetRow[] = [];
  const priorFinTotals: BudgetRow[] = [];
  for (let idx = 0; idx < rows.length; idx++) {
    const row = rows[idx];
    if (row.kind === 'section') sectionStart = idx + 1;
    if (row.headingTotal) {
      // a heading's subtotal stands for the lines below it, up to the next heading or total
      sectionStart = idx + 1;
      let end = idx + 1;
      while (end < rows.length && rows[end].kind !== 'section' && rows[end].kind !== 'total' && rows[end].kind !== 'financing-total') end++;
      const items = sumsOf('item');
      let bad: { a: AmountCell & { ore: number }; s: number } | undefined;
      for (let ci = 0; ci < cols.length && !bad; ci++) {
        const a = cols.pick(row, ci);
        if (!knownNumber(a)) continue;
        const s = items.sum(ci, idx + 1, end);
        if (s !== undefined && Math.abs(s - a.ore) > tol) bad = { a, s };
      }
      if (bad) out.push(rowMismatch(row, bad.a, bad.s));
      priorTotals.push(row);
      continue;
    }
    if (row.kind !== 'total' && row.kind !== 'financing-total') continue;
    // a total by SUMIF/SUMIFS ("Løn i alt" of the lines whose Kategori is Løn) stands for the lines its criteria pick,
    // not for the lines above it: checked against those, and no segment's end
    if (conditionalRow(t, row, cols, tol, out)) continue;
    const lines = sumsOf(row.kind === 'total' ? 'item' : 'financing');
    // the segment: the lines since the last total; a subtotal ("Løn i alt") stands for its section's lines, even when
    // an earlier section had no subtotal; all: every line above
    const sectionFrom = Math.max(sectionStart, segmentStart);
    const segmentRows = lines.rows(segmentStart, idx);
    const sectionRows = lines.rows(sectionFrom, idx);
    const prior = row.kind === 'total' ? priorTotals : priorFinTotals;
    const bad: Array<{ a: AmountCell & { ore: number }; expected: number }> = [];
    for (let ci = 0; ci < cols.length; ci++) {
      const a = cols.pick(row, ci);
      if (!knownNumber(a)) continue;
      // the candidate sums, those that are known: the segment's lines; the section's, only where the segment's are
      // known (text among them could be anything); every line above; the earlier totals (four variables, not an array
      // per cell)
      const seg = lines.sum(ci, segmentStart, idx);
      // a total over lines one of which is not a number ("ca. 45.000", reported at its cell) cannot be checked in that
      // column: the sums of other rows it is measured against would only repeat that cause with a wrong figure
      if (seg === undefined && segmentRows) continue;
      const sec = sectionRows && seg !== undefined ? lines.sum(ci, sectionFrom, idx) : undefined;
      const all = lines.sum(ci, 0, idx);
      const pri = prior.length ? sumOf(prior, cols, ci) : undefined;
      const first = seg ?? sec ?? all ?? pri;
      if (first === undefined) continue;
      if (near(seg, a.ore, tol) || near(sec, a.ore, tol) || near(all, a.ore, tol) || near(pri, a.ore, tol)) continue;
      // the total column equal to the lines' months where a line's typed total differs from its months: that line's
      // error (distribution/sum-mismatch), which this total would only repeat
      if (
        ci === cols.length - 1 &&
        t.totalCol &&
        cols.months &&
        (near(monthsOf(lines, cols, segmentStart, idx), a.ore, tol) || near(monthsOf(lines, cols, 0, idx), a.ore, tol))
      )
        continue;
      const expected = (segmentRows ? seg : prior.length ? pri : all) ?? first;
      bad.push({ a, expected });
    }
    if (bad.length) {
      out.push({
        sheet: row.sheet,
        row: row.row,
        cell: bad[0].a.cell,
        post: row.post || undefined,
        expected: bad[0].expected,
        actual: bad[0].a.ore,
        args: { what: 'row', count: bad.length, formula: bad[0].a.formula },
      });
    }
    prior.push(row);
    segmentStart = idx + 1;
  }
}

/** A row's text in a column a criterion tests (the post, specification or Kategori column), undefined for another. */
function criterionText(t: BudgetTable, r: BudgetRow, col: number): string | undefined {
  if (col === t.postCol) return r.post;
  if (col === t.categoryCol) return r.category?.text ?? '';
  if (col === t.specCol) return r.spec?.text ?? '';
  return undefined;
}

/**
 * Whether a total row holds conditional sums (SUMIF, SUMIFS over the table's own columns); if so, each such cell is
 * checked against the lines of the table that its criteria pick (a criterion in the row's own post cell is the post),
 * and true is returned. A criterion over a column the table does not read, or one in another cell, is not checked.
 */
function conditionalRow(t: BudgetTable, row: BudgetRow, cols: Columns, tol: number, out: FindingBody<Args>[]): boolean {
  let conditional = false;
  let bad: { a: AmountCell & { ore: number }; expected: number } | undefined;
  const own = (x: { sheet?: string }) => x.sheet === undefined || x.sheet.toLowerCase() === t.sheet.toLowerCase();
  for (let ci = 0; ci < cols.length; ci++) {
    const a = cols.pick(row, ci);
    const f = a?.formula;
    if (!f || !/SUMIF/i.test(f)) continue;
    const c = conditionalSum(f);
    if (!c) continue;
    conditional = true;
    if (bad || !knownNumber(a) || !own(c.sum) || c.sum.col !== a.col) continue;
    const criteria: Array<{ col: number; criterion: Criterion }> = [];
    for (const cond of c.conditions) {
      if (!own(cond) || criterionText(t, row, cond.col) === undefined) break;
      const k = cond.criterion;
      if (typeof k === 'object' && !(own(k) && k.row === row.row && k.col === t.postCol)) break;
      try {
        criteria.push({ col: cond.col, criterion: parseCriterion(typeof k === 'object' ? row.post : k) });
      } catch {
        break;
      }
    }
    if (criteria.length !== c.conditions.length) continue;
    let expected = 0;
    let known = true;
    for (const r of t.rows) {
      if (r.kind !== 'item' || !criteria.every((k) => matchesCriterion(k.criterion, criterionText(t, r, k.col)!))) continue;
      const v = cols.pick(r, ci);
      if (!v || v.status === 'blank') continue;
      if (!knownNumber(v)) known = false;
      else expected += v.ore;
    }
    if (known && Math.abs(expected - a.ore) > tol) bad = { a, expected };
  }
  if (bad) out.push(rowMismatch(row, bad.a, bad.expected));
  return conditional;
}

function checkYearTotals(t: BudgetTable, tol: number, out: FindingBody<Args>[]): void {
  t.yearTotalCols.forEach((y, i) => {
    const idx = t.monthCols.map((m, j) => (m.month.startsWith(`${y.year}-`) ? j : -1)).filter((j) => j >= 0);
    if (!idx.length) return;
    // Lines first: when a line's year total is wrong, the total rows below repeat its difference, so they are skipped.
    const ordered = [
      ...t.rows.filter((r) => r.kind === 'item' || r.kind === 'financing'),
      ...t.rows.filter((r) => r.kind === 'total' || r.kind === 'financing-total'),
    ];
    let lineWrong = false;
    for (const row of ordered) {
      if ((row.kind === 'total' || row.kind === 'financing-total') && lineWrong) break;
      const a = row.yearTotals[i];
      if (!knownNumber(a)) continue;
      let s = 0;
      let known = true;
      for (const j of idx) {
        const m = row.months[j];
        if (m.status === 'blank') continue;
        if (!knownNumber(m)) known = false;
        else s += m.ore;
      }
      if (!known || Math.abs(s - a.ore) <= tol) continue;
      if (row.kind === 'item' || row.kind === 'financing') lineWrong = true;
      out.push({
        sheet: row.sheet,
        row: row.row,
        cell: a.cell,
        post: row.post || undefined,
        expected: s,
        actual: a.ore,
        args: { what: 'year', year: y.year!, formula: a.formula },
      });
    }
  });
}

/** Every month cell of a row whose total is a known number is blank or a known number: no text, error or unknown
 * formula among its months and total (the row's census bits). */
const monthsKnownBeside = (flags: number) => !(flags & (M_TEXT | M_ERROR | M_UNKNOWN));

/** The args of an arithmetic/total-mismatch finding. */
type Args = {
  what: 'row' | 'column' | 'year' | 'summary' | 'text';
  count?: number;
  year?: number;
  formula?: string;
  /** An accounts' summary: the year sheets it sums. */
  sheets?: string[];
};

export default budgetRule<Args>()({
  id: 'arithmetic/total-mismatch',
  severity: 'error',
  check: ({ budget, pool, workbook }, finding) => {
    const out: FindingBody<Args>[] = [];
    const tol = tolerance(pool);
    // A summary sheet's own totals against its lines, then its lines against the year sheets they sum.
    for (const s of budget.summaries) {
      checkTotalRows(s, tol, out);
      checkYearTotals(s, tol, out);
      for (const f of checkSummary(budget, s, tol, out)) out.push(f);
    }
    for (const t of budget.tables) {
      // Text amounts under a SUM first: Excel shows less than the lines hold, and the other checks read the text as the
      // amounts it says.
      for (const f of textUnderSum(t)) out.push(f);
      checkTotalRows(t, tol, out);
      checkYearTotals(t, tol, out);
      // A total row's own total column against its months; skipped when a line's total already differs from its
      // months (distribution/sum-mismatch reports that cause, and the difference would only repeat here).
      // (A line with a total and blank months counts too: distribution/not-distributed reports it.)
      const { flags, monthsSum } = tableCensus(t);
      // (so is a line whose total cell is text or an error, "se bilag": reported at its cell, and the total row's SUM,
      // which skips it, would only repeat it)
      const lineMismatch = t.rows.some(
        (r, i) =>
          r.kind === 'item' &&
          (knownNumber(r.total)
            ? monthsKnownBeside(flags[i]) && Math.abs(monthsSum[i] - r.total.ore) > tol
            : r.total?.status === 'text' || r.total?.status === 'error'),
      );
      if (t.totalCol && t.monthCols.length && !lineMismatch) {
        for (let i = 0; i < t.rows.length; i++) {
          const row = t.rows[i];
          if (row.kind !== 'total' && row.kind !== 'financing-total') continue;
          if (!knownNumber(row.total) || !monthsKnownBeside(flags[i])) continue;
          const s = monthsSum[i];
          if (s === 0 || Math.abs(s - row.total.ore) <= tol) continue;
          if (out.some((f) => f.sheet === row.sheet && f.row === row.row)) continue;
          // months that draw on a total found wrong above (I16 = I7+I12+I15 over a wrong subtotal I12) disagree with a
          // right total only by that total's error
          if (monthsDrawOnFound(workbook, row, out)) continue;
          out.push({
            sheet: row.sheet,
            row: row.row,
            cell: row.total.cell,
            post: row.post || undefined,
            expected: s,
            actual: row.total.ore,
            args: { what: 'column', formula: row.total.formula },
          });
        }
      }
    }
    return rootCauses(out, workbook, tol).map((f) => finding(f));
  },
});

/** Whether a month cell of the row refers (through its formula, directly or not) to a cell found wrong already. */
function monthsDrawOnFound(workbook: RawWorkbook, row: BudgetRow, out: FindingBody<Args>[]): boolean {
  const found = foundCells(out);
  return row.months.some((m) => m.formula !== undefined && dependsOn(workbook, m.sheet, m.row, m.formula, found));
}

/**
 * The findings without those that only repeat another's cause, one finding per cause: a total whose formula draws on a
 * total found wrong by the same difference (a grand total over a wrong subtotal, the summary's ='Budget 2021'!J8 of
 * it, through other formulas too), and a summary's total that is wrong only by the opposite of a line above it in its
 * column found wrong against the year sheets (the summary's Løn i alt, equal to the year sheet's, over a line that
 * refers to the wrong row).
 */
function rootCauses(out: FindingBody<Args>[], workbook: RawWorkbook, tol: number): FindingBody<Args>[] {
  if (out.length < 2) return out;
  const at = out.map((f) => {
    const c = findingCell(f);
    const diff = typeof f.actual === 'number' && typeof f.expected === 'number' ? f.actual - f.expected : undefined;
    return { f, col: c?.col, key: c?.key, diff };
  });
  return at
    .filter((x) => {
      if (x.diff === undefined || x.key === undefined || !x.f.sheet) return true;
      const same = new Set<string>();
      for (const y of at) {
        if (y === x || y.diff === undefined || y.key === undefined) continue;
        if (Math.abs(y.diff - x.diff) <= tol) same.add(y.key);
        if (
          x.f.args.what === 'row' &&
          y.f.args.what === 'summary' &&
          y.f.sheet === x.f.sheet &&
          y.col === x.col &&
          y.f.row! < x.f.row! &&
          y.diff !== 0 &&
          Math.abs(y.diff + x.diff) <= tol
        )
          return false;
      }
      return !(x.f.args.formula && dependsOn(workbook, x.f.sheet, x.f.row!, x.f.args.formula, same));
    })
    .map((x) => x.f);
}
