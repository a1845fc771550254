// Small helpers shared by rules: locations, tolerances, row selections.
import type { AmountCell, Budget, BudgetLine, BudgetRow, BudgetTable, Month } from '../model/types.js';
import { addMonth, monthRange } from '../model/months.js';
import { monthsSum } from '../model/budget.js';
import { sumRanges } from '../model/grid.js';
import { memoise } from '../memo.js';
import { metaField } from '../model/labels.js';
import { isMetadataSheet } from '../model/metadata.js';
import { a1 } from '../read/address.js';
import type { RawWorkbook } from '../read/types.js';
import type { PoolProfile } from '../pools/schema.js';
import { oreFromKroner } from '../money.js';

/** The tolerance for arithmetic comparisons, in øre (1 kr. by default). */
export function tolerance(pool: PoolProfile): number {
  return oreFromKroner(pool.thresholds.tolerance);
}

export function allRows(budget: Budget): BudgetRow[] {
  return budget.tables.flatMap((t) => t.rows);
}

export function itemRows(budget: Budget): BudgetRow[] {
  return allRows(budget).filter((r) => r.kind === 'item');
}

export { monthsSum };

/** What a row's amount cells hold, as bits (amountFlags): text, an error value, a formula not recomputed, a negative
 * number, a non-zero number, among its months and total cell (M_*) and among its per-year totals (Y_*). */
export const M_TEXT = 1;
export const M_ERROR = 2;
export const M_UNKNOWN = 4;
export const M_NEGATIVE = 8;
export const M_MONEY = 16;
export const Y_TEXT = 32;
export const Y_ERROR = 64;
export const Y_UNKNOWN = 128;
export const Y_MONEY = 256;
/** An amount typed as text ("12.500 kr."): a number read from text, no formula, not 0 (arithmetic/text-in-sum), anywhere. */
export const TEXT_AMOUNT = 512;

const flagsCache = new WeakMap<BudgetRow, number>();

function cellFlags(a: AmountCell, text: number, error: number, unknown: number, money: number, negative: number): number {
  const st = a.status;
  if (st === 'number') return a.ore !== 0 ? money | (a.ore! < 0 ? negative : 0) | (!a.formula && a.raw !== undefined ? TEXT_AMOUNT : 0) : 0;
  return st === 'text' ? text : st === 'error' ? error : st === 'unknown' ? unknown : 0;
}

/** The row's amount census (M_* and Y_* bits), computed once per row: the rules that look for a rare kind of cell (text,
 * an error, a negative amount) skip the rows that have none instead of each copying every row's cells into a new array
 * and scanning it (rules 980 → ~900 ms CPU on the 600-file pile, with less garbage). */
export function amountFlags(row: BudgetRow): number {
  let f = flagsCache.get(row);
  if (f === undefined) {
    f = 0;
    for (const a of row.months) f |= cellFlags(a, M_TEXT, M_ERROR, M_UNKNOWN, M_MONEY, M_NEGATIVE);
    if (row.total) f |= cellFlags(row.total, M_TEXT, M_ERROR, M_UNKNOWN, M_MONEY, M_NEGATIVE);
    for (const a of row.yearTotals) f |= cellFlags(a, Y_TEXT, Y_ERROR, Y_UNKNOWN, Y_MONEY, 0);
    flagsCache.set(row, f);
  }
  return f;
}

/** The census of a table's rows, by row index: each row's amountFlags bits and its months' sum (monthsSum). */
export interface TableCensus {
  readonly flags: Int32Array;
  readonly monthsSum: Float64Array;
}

const censusCache = new WeakMap<BudgetTable, TableCensus>();

/** The census of every row of the table in one pass, kept per table: the rules walking a table's rows read a row's
 * bits and months' sum by its index, instead of a WeakMap entry made and looked up per row (whose inserts were most
 * of the census's cost in a profile of the 600-file pile; no gain beyond the noise in whole runs). */
export function tableCensus(t: BudgetTable): TableCensus {
  let c = censusCache.get(t);
  if (!c) {
    const n = t.rows.length;
    const flags = new Int32Array(n);
    const sums = new Float64Array(n);
    // indexed loops, not for…of: code V8 has not optimised allocates an iterator object per cell (tableCensus 6,4 → 0,5 MB
    // allocated on the 600-file pile, --jobs 1)
    for (let i = 0; i < n; i++) {
      const row = t.rows[i];
      let f = 0;
      let s = 0;
      const months = row.months;
      for (let j = 0; j < months.length; j++) {
        const a = months[j];
        f |= cellFlags(a, M_TEXT, M_ERROR, M_UNKNOWN, M_MONEY, M_NEGATIVE);
        if (a.status === 'number') s += a.ore!;
      }
      if (row.total) f |= cellFlags(row.total, M_TEXT, M_ERROR, M_UNKNOWN, M_MONEY, M_NEGATIVE);
      const years = row.yearTotals;
      for (let j = 0; j < years.length; j++) f |= cellFlags(years[j], Y_TEXT, Y_ERROR, Y_UNKNOWN, Y_MONEY, 0);
      flags[i] = f;
      sums[i] = s;
    }
    censusCache.set(t, (c = { flags, monthsSum: sums }));
  }
  return c;
}

/** A formula's SUM ranges (model/formula's sumRanges), parsed once per formula text: three rules ask for the same cells'
 * ranges, and the same formulas recur across a batch's files. The answers are shared: never change them. */
export const formulaRanges = memoise(sumRanges);

/** One SUM range of a formula on its own sheet, as sumRanges gives it (r1 ≤ r2, c1 ≤ c2). */
export interface SimpleRange {
  r1: number;
  c1: number;
  r2: number;
  c2: number;
}

/** A cell reference at `i` of `f` ("B5", "$B$5": 1–3 capital letters, at most 9 digits), into `at`; the index after it,
 * or -1 where there is none. */
function refAt(f: string, i: number, at: { col: number; row: number }): number {
  if (f.charCodeAt(i) === 36) i++; // $
  let col = 0;
  let letters = 0;
  for (let c = f.charCodeAt(i); c >= 65 && c <= 90 && letters < 4; c = f.charCodeAt(++i), letters++) col = col * 26 + (c - 64);
  if (letters === 0 || letters > 3) return -1;
  if (f.charCodeAt(i) === 36) i++;
  let row = 0;
  let digits = 0;
  for (let c = f.charCodeAt(i); c >= 48 && c <= 57 && digits < 10; c = f.charCodeAt(++i), digits++) row = row * 10 + (c - 48);
  if (digits === 0 || digits > 9) return -1;
  at.col = col;
  at.row = row;
  return i;
}

const REF_A = { col: 0, row: 0 };
const REF_B = { col: 0, row: 0 };

/**
 * The one range of a formula of the usual form "SUM(B5:M5)" (or "=SUM($B$5:$M$5)", "SUM(B5)"), into `out`, read off
 * its characters: exactly what sumRanges gives for it (one range, no sheet); false for any other formula, which
 * formulaRanges then parses. A rule comparing many formulas' ranges asks this first: looking a formula up in
 * formulaRanges's memo hashes and compares each cell's own formula string (inconsistent-formula's lookups were ~110
 * of its ~120 ms in a loaded profile of the 600-file pile).
 */
export function simpleSumRange(f: string, out: SimpleRange): boolean {
  let i = f.charCodeAt(0) === 61 ? 1 : 0; // =
  // "SUM("
  if (f.charCodeAt(i) !== 83 || f.charCodeAt(i + 1) !== 85 || f.charCodeAt(i + 2) !== 77 || f.charCodeAt(i + 3) !== 40) return false;
  i = refAt(f, i + 4, REF_A);
  if (i < 0) return false;
  let b = REF_A;
  if (f.charCodeAt(i) === 58) {
    // :
    i = refAt(f, i + 1, REF_B);
    if (i < 0) return false;
    b = REF_B;
  }
  if (f.charCodeAt(i) !== 41 || i + 1 !== f.length) return false; // ")" and nothing after it
  out.r1 = Math.min(REF_A.row, b.row);
  out.c1 = Math.min(REF_A.col, b.col);
  out.r2 = Math.max(REF_A.row, b.row);
  out.c2 = Math.max(REF_A.col, b.col);
  return true;
}

/** A formula's SUM ranges over its own sheet `sheet` (no sheet named, or that one), each of at most 4.000.000 cells:
 * where a SUM that skips text is looked for (budget tables and accounts alike). */
export function ownSheetRanges(formula: string | undefined, sheet: string): NonNullable<ReturnType<typeof sumRanges>> {
  const ranges = formula ? formulaRanges(formula) : undefined;
  if (!ranges) return [];
  return ranges.filter((r) => (!r.sheet || r.sheet.replace(/^'|'$/g, '').replace(/''/g, "'") === sheet) && (r.r2 - r.r1 + 1) * (r.c2 - r.c1 + 1) <= 4_000_000);
}

/** An amount typed as text ("12.500 kr.", "−892" with a Unicode minus): read as the number it says, but Excel's SUM
 * skips it. */
export const isTextAmount = (a: AmountCell): boolean => a.status === 'number' && !a.formula && a.raw !== undefined && a.ore !== 0;

/** The row's amount cells in the rules' usual order: months, the total, the per-year totals. */
export function* amountCells(row: BudgetRow, yearTotals = true): Generator<AmountCell> {
  yield* row.months;
  if (row.total) yield row.total;
  if (yearTotals) yield* row.yearTotals;
}

/** Whether every month cell of the row is known (no text, error or unknown formula). */
export function monthsKnown(row: BudgetRow): boolean {
  return row.months.every((m) => m.status === 'number' || m.status === 'blank');
}

export function knownNumber(a: AmountCell | undefined): a is AmountCell & { ore: number } {
  return !!a && a.status === 'number' && a.ore !== undefined;
}

/** Compresses a sorted list of months into runs: "2022-07–2022-09". */
export function monthRuns(months: readonly string[]): string[] {
  const sorted = [...months].sort();
  const runs: string[] = [];
  let start = sorted[0];
  let prev = sorted[0];
  const next = (m: string) => {
    const y = Number(m.slice(0, 4));
    const mo = Number(m.slice(5, 7));
    return mo === 12 ? `${y + 1}-01` : `${y}-${String(mo + 1).padStart(2, '0')}`;
  };
  for (let i = 1; i <= sorted.length; i++) {
    const m = sorted[i];
    if (m !== undefined && m === next(prev)) {
      prev = m;
      continue;
    }
    if (start !== undefined) runs.push(start === prev ? start : `${start}–${prev}`);
    start = m;
    prev = m;
  }
  return runs;
}

/** The last period periodMonths listed, with its months. */
let lastPeriod: { start: Month; end: Month; months: readonly Month[] } | undefined;

/** The months from start to end (model/months' monthRange), kept for the last period asked: four rules list the same
 * budget's period months, and a batch's budgets mostly share a period (a list of strings per rule and file before).
 * Shared: never change it. */
export function periodMonths(start: Month, end: Month): readonly Month[] {
  if (!lastPeriod || lastPeriod.start !== start || lastPeriod.end !== end) lastPeriod = { start, end, months: monthRange(start, end) };
  return lastPeriod.months;
}

const missingCache = new WeakMap<Budget, Map<string, Month[]>>();

/** Months of the project period that no budget table has a column for (structure/missing-months). Months of a stated
 * period that lie outside the pool's period are distribution/outside-period's (at the stated period), not missing. */
export function monthsMissing(budget: Budget, pool: PoolProfile): Month[] {
  let byPool = missingCache.get(budget);
  if (!byPool) missingCache.set(budget, (byPool = new Map()));
  let hit = byPool.get(pool.id);
  if (hit) return hit;
  const p = budget.period;
  const withMonths = budget.tables.filter((t) => t.monthCols.length);
  hit = [];
  if (p && withMonths.length) {
    const have = new Set<Month>();
    for (const t of withMonths) for (const m of t.monthCols) for (let i = 0; i < (m.span ?? 1); i++) have.add(i ? addMonth(m.month, i) : m.month); // a quarter covers its three months
    const pp = pool.period; // unknown for some pools: then the stated period bounds the checks
    const inPool = (m: Month) => p.source !== 'metadata' || !pp || (m >= pp.start && m <= pp.end);
    hit = periodMonths(p.start, p.end).filter((m) => !have.has(m) && inPool(m));
  }
  byPool.set(pool.id, hit);
  return hit;
}

/**
 * Whether a shortfall of the month columns (a line's months or total below what its specification, typed total,
 * financing or requested amount says) may be the missing month columns' doing: then structure/missing-months is the
 * one finding of that root cause, and rules comparing amounts do not report the shortfall again.
 */
export function shortfallExplained(budget: Budget, pool: PoolProfile, columns: number, stated: number): boolean {
  return columns < stated && monthsMissing(budget, pool).length > 0;
}

/** Budget-wide figures short of a stated one because some amount cells hold an error value, a formula that cannot
 * be recomputed (structure/formula-error reports them) or text that is no amount ("ca. 15.000": non-numeric-amount):
 * the budget's sum is not known, so a stated requested amount or financing above the known sum is that cell's finding,
 * not a second root cause. */
export function unknownAmountsExplain(budget: Budget, known: number, stated: number): boolean {
  return known < stated && budget.lines.some((l) => l.rows.some((r) => (amountFlags(r) & (M_ERROR | M_UNKNOWN | M_TEXT)) !== 0));
}

/** A line whose own amounts carry a finding that explains any disagreement with its specification: text, an error
 * value or an unknown formula in an amount cell (non-numeric-amount, formula-error), or a negative month. */
export function amountsUnreliable(line: BudgetLine): boolean {
  // the census's bits M_TEXT | M_ERROR | M_UNKNOWN | M_NEGATIVE, read off the cells up to the first that has one: the
  // rows' census is kept by table (tableCensus), and a WeakMap entry made per row here cost more than the scan
  // (indexed loops and a module-level test, not two closures per line nor for…of, whose iterator objects code that V8
  // has not optimised allocates per cell: 3,2 MB → none allocated on the 600-file pile, --jobs 1)
  const rows = line.rows;
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i];
    const months = r.months;
    for (let j = 0; j < months.length; j++) if (unreliable(months[j])) return true;
    if (r.total && unreliable(r.total)) return true;
  }
  return false;
}

/** A cell with a finding of its own: text, an error value, an unknown formula, a negative amount (amountsUnreliable). */
function unreliable(a: AmountCell): boolean {
  const st = a.status;
  return st === 'number' ? a.ore! < 0 : st === 'text' || st === 'error' || st === 'unknown';
}

/** A line row whose known total disagrees with its known months (distribution/sum-mismatch reports it): the one
 * finding for that total cell, however it came about (typed, or a formula that skips a month). */
export function totalDisagrees(row: BudgetRow, pool: PoolProfile): boolean {
  if (!knownNumber(row.total) || !monthsKnown(row)) return false;
  const sum = monthsSum(row);
  return sum !== 0 && Math.abs(sum - row.total.ore) > tolerance(pool);
}

/** The budget's expenses as its month cells say (a line without months counts its total): where a line's total
 * disagrees with its months, a stated figure that agrees with either reading is that line's sum-mismatch, not a second
 * root cause. */
export function agreesWithEitherReading(budget: Budget, pool: PoolProfile, stated: number): boolean {
  const tol = tolerance(pool);
  if (Math.abs(stated - budget.expenses) <= tol) return true;
  const byMonths = budget.lines.reduce((s, l) => s + (l.months.size ? l.monthsTotal : l.total), 0);
  return byMonths !== budget.expenses && Math.abs(stated - byMonths) <= tol;
}

/** The input cell beside a metadata field's label (the first label of that field, metadata sheets first). */
export function fieldCell(workbook: RawWorkbook, field: string): { sheet: string; row: number; cell: string } | undefined {
  const sheets = [...workbook.sheets.filter(isMetadataSheet), ...workbook.sheets.filter((s) => !isMetadataSheet(s))];
  for (const s of sheets) {
    for (let r = 1; r <= Math.min(s.maxRow, 200); r++) {
      const label = (s.rows.get(r) ?? []).find((c) => typeof c.value === 'string' && metaField(c.value) === field);
      if (label) return { sheet: s.name, row: r, cell: a1(r, label.col + 1) };
    }
  }
  return undefined;
}

/** A finding's args of a quarter column: span 3 where the column spans a quarter (its message names the quarter, not
 * its first month), nothing otherwise. */
export const quarterArg = (span: number | undefined): { span?: 3 } => (span === 3 ? { span: 3 } : {});
