// Fast cell lookup over a raw workbook, and the memo that evaluates its formulas in dependency order (the formula
// grammar itself is in formula.ts), so totals are recomputed, never trusted.
import type { RawCell, RawSheet, RawWorkbook } from '../read/types.js';
import { rewrite3d, rewriteStructured, tableIndex, type TableIndex } from './structured.js';
import {
  evaluateFormula,
  evaluatePlan,
  formulaPlan,
  lowerBound,
  rangeKey,
  type DependencyRef,
  type Evaluated,
  type FormulaPlan,
  type RangeSum,
} from './formula.js';

export type { Evaluated };
export { ERROR_VALUE, sumRanges } from './formula.js';

/** A sheet's rows for lookup: the sheet's own row arrays (sorted by column, one cell per column), by row number. */
type RowIndex = Map<number, RawCell[]>;

/** The cell of a row (cells sorted by column) in column col: directly when the row's columns are contiguous (most
 * rows of a budget), else by binary search. */
export function cellAt(cells: readonly RawCell[], col: number): RawCell | undefined {
  const guess = cells[col - cells[0].col];
  if (guess !== undefined && guess.col === col) return guess;
  let lo = 0;
  let hi = cells.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const c = cells[mid].col;
    if (c === col) return cells[mid];
    if (c < col) lo = mid + 1;
    else hi = mid - 1;
  }
  return undefined;
}

/** The rows of a sheet as the index reads them: each sorted by column with one cell per column (the last of two in a
 * column wins). The reader's rows are so already and are used as they are; only a row built otherwise is copied. */
function rowIndex(sheet: RawSheet): RowIndex {
  let out: RowIndex | undefined;
  for (const [r, cells] of sheet.rows) {
    let ok = cells.length > 0;
    for (let k = 1; k < cells.length && ok; k++) ok = cells[k - 1].col < cells[k].col;
    if (ok) continue;
    out ??= new Map(sheet.rows);
    const byCol = new Map<number, RawCell>();
    for (const c of cells) byCol.set(c.col, c);
    if (byCol.size)
      out.set(
        r,
        [...byCol.values()].sort((a, b) => a.col - b.col),
      );
    else out.delete(r);
  }
  return out ?? sheet.rows;
}

/**
 * How deep the evaluator may recurse from one formula into another. Formulas are evaluated in dependency order
 * first (an explicit stack, see Grid.prime), so a chain of any length (a running balance over 10.000 rows) is
 * evaluated one level at a time; only a cycle of more than this many formulas could reach it. The same limit holds
 * in every thread, so --jobs never changes a result, and a formula given up on is an error of its cell, never 0.
 */
export const MAX_FORMULA_DEPTH = 64;

export class Grid {
  private readonly index = new Map<string, RowIndex>();
  private readonly sheetsByName = new Map<string, RawSheet>();
  private readonly sheetsByExactName = new Map<string, RawSheet>();
  /** Evaluated formula cells, per sheet, keyed by the cell itself. */
  private readonly memo = new Map<string, Map<RawCell, Evaluated>>();
  /** The last sheet looked up and its rows: lookups come in runs on one sheet. */
  private lastSheet: string | undefined;
  private lastRows: RowIndex | undefined;
  private readonly visiting = new Set<RawCell>();
  private readonly tables: TableIndex | undefined;
  /** Range totals per sheet, by rangeKey(r1, c1, c2). */
  private readonly rangeTotalsBySheet = new Map<string, Map<number, RangeSum>>();
  /** Ranges whose formula cells the primer has already put in order, per sheet by rangeKey(r1, c1, c2) → the last row done. */
  private readonly primedRanges = new Map<string, Map<number, number>>();
  /** Per sheet, its index's row numbers in ascending order (built when a range is first summed there). */
  private readonly rowNumberLists = new Map<string, number[]>();
  /** Per sheet, the rows holding formula cells and those cells (built when the primer first walks a range there). */
  private readonly formulaIndex = new Map<string, FormulaRows>();
  private depth = 0;

  constructor(readonly workbook: RawWorkbook) {
    this.tables = tableIndex(workbook.sheets);
    for (const sheet of workbook.sheets) {
      this.index.set(sheet.name, rowIndex(sheet));
      this.memo.set(sheet.name, new Map());
      this.sheetsByName.set(sheet.name.toLowerCase(), sheet);
      this.sheetsByExactName.set(sheet.name, sheet);
    }
  }

  /** The range totals of a sheet (by its exact name), by rangeKey(r1, c1, c2). */
  rangeTotals(sheet: string): Map<number, RangeSum> {
    let sums = this.rangeTotalsBySheet.get(sheet);
    if (!sums) this.rangeTotalsBySheet.set(sheet, (sums = new Map()));
    return sums;
  }

  /** Every range total, keyed by "sheet|c1|c2|r1" (what a test reads of the memo). */
  get rangeSums(): Map<string, RangeSum> {
    const out = new Map<string, RangeSum>();
    for (const [sheet, sums] of this.rangeTotalsBySheet)
      for (const [key, sum] of sums) {
        const c1 = key % 18279;
        const c2 = ((key - c1) / 18279) % 18279;
        const r1 = (key - c1 - c2 * 18279) / 18279 / 18279;
        out.set(`${sheet}|${c1}|${c2}|${r1}`, sum);
      }
    return out;
  }

  sheet(name: string): RawSheet | undefined {
    return this.sheetsByExactName.get(name) ?? this.sheetsByName.get(name.toLowerCase());
  }

  /** The row numbers of a sheet's cells in ascending order (whole numbers only, as a loop over row numbers visits). */
  rowNumbers(sheet: string): readonly number[] {
    let out = this.rowNumberLists.get(sheet);
    if (out) return out;
    out = [];
    const rows = this.index.get(sheet);
    let sorted = true;
    if (rows)
      for (const r of rows.keys()) {
        if (!Number.isInteger(r)) continue;
        if (out.length && out[out.length - 1] >= r) sorted = false;
        out.push(r);
      }
    if (!sorted) out.sort((a, b) => a - b);
    this.rowNumberLists.set(sheet, out);
    return out;
  }

  private formulas(sheet: string): FormulaRows {
    let f = this.formulaIndex.get(sheet);
    if (f) return f;
    f = { rows: [], cells: [] };
    const index = this.index.get(sheet)!;
    for (const r of this.rowNumbers(sheet)) {
      let row: RawCell[] | undefined;
      for (const c of index.get(r)!) if (c.formula) (row ??= []).push(c);
      if (row) {
        f.rows.push(r);
        f.cells.push(row);
      }
    }
    this.formulaIndex.set(sheet, f);
    return f;
  }

  /** A row's cells as the index holds them (sorted by column, one per column; cellAt finds one), or undefined. */
  row(sheet: string, row: number): readonly RawCell[] | undefined {
    return this.index.get(sheet)?.get(row);
  }

  cell(sheet: string, row: number, col: number): RawCell | undefined {
    let rows = this.lastRows;
    if (sheet !== this.lastSheet) {
      rows = this.index.get(sheet);
      if (!rows) return undefined;
      this.lastSheet = sheet;
      this.lastRows = rows;
    }
    const cells = rows!.get(row);
    return cells === undefined ? undefined : cellAt(cells, col);
  }

  /** The text of a cell (numbers and dates as strings), trimmed; '' when empty. */
  text(sheet: string, row: number, col: number): string {
    const c = this.cell(sheet, row, col);
    if (!c || c.value === null) return '';
    if (c.value instanceof Date) return c.value.toISOString().slice(0, 10);
    return String(c.value).trim();
  }

  /**
   * The numeric value of a cell in kroner: a formula is recomputed when it is within the small grammar
   * we understand (numbers, references, ranges, + - * /, SUM, ROUND), otherwise its cached result is used.
   * A circular reference is { reason: 'cycle' }; a formula given up on is { reason: 'too-deep' }.
   */
  value(sheet: string, c: RawCell): Evaluated {
    if (!c.formula) return cachedValue(c);
    let memo = this.memo.get(sheet);
    if (!memo) {
      const exact = this.sheet(sheet)?.name;
      if (exact === undefined) return { ok: false, reason: 'unsupported' };
      sheet = exact;
      memo = this.memo.get(exact)!;
    }
    const done = memo.get(c);
    if (done) return done;
    if (this.depth === 0) {
      this.prime(sheet, c);
      const primed = memo.get(c);
      if (primed) return primed;
    }
    return this.evaluate(sheet, c, memo);
  }

  private evaluate(sheet: string, c: RawCell, memo: Map<RawCell, Evaluated>, plan?: FormulaPlan): Evaluated {
    if (this.visiting.has(c)) return { ok: false, reason: 'cycle' };
    let res: Evaluated;
    if (this.depth >= MAX_FORMULA_DEPTH) res = { ok: false, reason: 'too-deep' };
    else {
      this.visiting.add(c);
      this.depth++;
      try {
        // Excel tables' structured references and SUBTOTAL(9|109, …) as the A1 ranges and SUMs they stand for
        const raw = c.formula!;
        let f: string | undefined = raw.includes('[') || raw.includes('SUBTOTAL') ? rewriteStructured(raw, sheet, c.row, this.tables) : raw;
        // 3D references ('År 1:År 3'!F5) as the list of sheets they span
        if (f && f.includes('!') && f.includes(':'))
          f = rewrite3d(
            f,
            this.workbook.sheets.map((x) => x.name),
          );
        // the raw text's plan (the primer's, or looked up once here); rewritten text is planned on its own
        res =
          f === undefined
            ? { ok: false, reason: 'unsupported' }
            : f === raw
              ? evaluatePlan(this, sheet, f, plan ?? formulaPlan(f))
              : evaluateFormula(this, sheet, f);
        if (res.ok) res = { ok: true, value: res.value, recomputed: true };
      } catch {
        res = { ok: false, reason: 'unsupported' };
      } finally {
        this.depth--;
        this.visiting.delete(c);
      }
      if (!res.ok && res.reason === 'unsupported') res = cachedValue(c);
    }
    memo.set(c, res);
    return res;
  }

  /**
   * Evaluates the formulas c depends on before c, deepest first, with an explicit stack instead of recursion, so
   * that evaluating c itself recurses one level only. Dependencies are every reference in the formula text (a
   * superset of what the evaluator reads: an extra cell evaluated early costs nothing); a reference back to a cell
   * on the stack is a cycle, left for the evaluator to find and report.
   */
  private prime(sheet: string, c: RawCell): void {
    // one stack for every call (prime never runs inside itself: evaluate reads other cells at depth > 0), as parallel
    // arrays, and one callback: priming each of a workbook's formulas allocates nothing of its own
    // (a cell's plan is looked up when it is expanded and kept on the stack for its evaluation: one lookup per cell)
    const { primeSheets: sheets, primeCells: cells, primePlans: plans, onStack } = this;
    onStack.clear();
    sheets.push(sheet);
    cells.push(c);
    plans.push(undefined);
    while (cells.length) {
      const top = cells.length - 1;
      const topSheet = sheets[top];
      const cell = cells[top];
      const memo = this.memo.get(topSheet)!;
      if (memo.has(cell)) {
        sheets.pop();
        cells.pop();
        plans.pop();
        continue;
      }
      let plan = plans[top];
      if (plan === undefined) {
        plans[top] = plan = formulaPlan(cell.formula!);
        onStack.add(cell);
        this.dependencies(topSheet, plan.refs, this.pushDependency);
        continue;
      }
      sheets.pop();
      cells.pop();
      plans.pop();
      onStack.delete(cell);
      this.evaluate(topSheet, cell, memo, plan);
    }
  }

  private readonly primeSheets: string[] = [];
  private readonly primeCells: RawCell[] = [];
  /** Each stacked cell's formula plan, once it is expanded (undefined before). */
  private readonly primePlans: Array<FormulaPlan | undefined> = [];
  private readonly onStack = new Set<RawCell>();
  private readonly pushDependency = (s: string, d: RawCell): void => {
    if (!this.onStack.has(d) && !this.memo.get(s)!.has(d)) {
      this.primeSheets.push(s);
      this.primeCells.push(d);
      this.primePlans.push(undefined);
    }
  };

  /** Calls add for every formula cell a formula's references name (ranges included, each range once). */
  private dependencies(sheet: string, refs: readonly DependencyRef[], add: (sheet: string, cell: RawCell) => void): void {
    for (const ref of refs) {
      const target = this.sheet(ref.sheet ?? sheet);
      if (!target) continue;
      if (!ref.range) {
        const d = this.cell(target.name, ref.r1, ref.c1);
        if (d?.formula) add(target.name, d);
        continue;
      }
      const lo = ref.r1;
      const hi = Math.min(ref.r2, target.maxRow);
      const cl = ref.c1;
      const ch = ref.c2;
      let primed = this.primedRanges.get(target.name);
      if (!primed) this.primedRanges.set(target.name, (primed = new Map()));
      const key = rangeKey(lo, cl, ch);
      const doneTo = primed.get(key) ?? lo - 1;
      if (doneTo >= hi) continue;
      primed.set(key, hi);
      // only the rows that hold formulas, and only their formula cells (row by row, left to right, as before): a range
      // down to a far row walks the rows present, not every row number up to it
      const f = this.formulas(target.name);
      for (let i = lowerBound(f.rows, doneTo + 1); i < f.rows.length && f.rows[i] <= hi; i++)
        for (const d of f.cells[i]) if (d.col >= cl && d.col <= ch) add(target.name, d);
    }
  }
}

/** A sheet's rows with formula cells, ascending, and each one's formula cells, left to right. */
interface FormulaRows {
  rows: number[];
  cells: RawCell[][];
}

function cachedValue(c: RawCell): Evaluated {
  if (c.error) return { ok: false, reason: 'error' };
  if (c.value === null) return c.formula ? { ok: false, reason: 'unsupported' } : { ok: true, value: 0 };
  if (typeof c.value === 'number') return { ok: true, value: c.value };
  if (typeof c.value === 'boolean') return { ok: true, value: c.value ? 1 : 0 };
  return { ok: false, reason: 'text' };
}
