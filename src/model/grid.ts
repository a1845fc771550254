// Fast cell lookup over a raw workbook, and the memo that evaluates its formulas in dependency order (the formula
// grammar itself is in formula.ts), so totals are recomputed, never trusted.
import { a1, colNumber } from '../read/address.js';
import type { RawCell, RawSheet, RawWorkbook } from '../read/types.js';
import { rewrite3d, rewriteStructured, tableIndex, type TableIndex } from './structured.js';
import {
  cellAt,
  evaluateFormula,
  evaluatePlan,
  formulaPlan,
  lowerBound,
  rangeKey,
  type DependencyRef,
  type EvalSheet,
  type Evaluated,
  type FormulaHost,
  type FormulaPlan,
  type RangeSum,
  type RowList,
} from './formula.js';

export type { Evaluated };
export { cellAt, ERROR_VALUE, sumRanges } from './formula.js';

/** A sheet's rows for lookup: the sheet's own row arrays (sorted by column, one cell per column), by row number. */
type RowIndex = Map<number, RawCell[]>;

/** The rows of a sheet as the index reads them: each sorted by column with one cell per column (the last of two in a
 * column wins). The reader's rows are so already and are used as they are; only a row built otherwise is copied. */
function rowIndex(sheet: RawSheet): RowIndex {
  // the check reads each cell's column once, over the rows' values (no [row, cells] entry per row): it visits every
  // cell of the workbook, 2 % of the model's time on the 600-file pile before
  let ordered = true;
  for (const cells of sheet.rows.values()) {
    if (!inColumnOrder(cells)) {
      ordered = false;
      break;
    }
  }
  if (ordered) return sheet.rows;
  const out: RowIndex = new Map(sheet.rows);
  for (const [r, cells] of sheet.rows) {
    if (inColumnOrder(cells)) continue;
    const byCol = new Map<number, RawCell>();
    for (const c of cells) byCol.set(c.col, c);
    if (byCol.size)
      out.set(
        r,
        [...byCol.values()].sort((a, b) => a.col - b.col),
      );
    else out.delete(r);
  }
  return out;
}

/** The row is not empty and its columns strictly ascend. */
function inColumnOrder(cells: readonly RawCell[]): boolean {
  const n = cells.length;
  if (n === 0) return false;
  let prev = cells[0].col;
  for (let k = 1; k < n; k++) {
    const col = cells[k].col;
    if (!(prev < col)) return false;
    prev = col;
  }
  return true;
}

/**
 * What the grid keeps of one sheet, in one record found once by the sheet's name: its rows, its evaluated formula
 * cells, range totals and what the primer has walked. Each was a Map of its own keyed by the sheet's name before, and
 * the primer looked up two of them per formula cell, a range sum four per SUM.
 */
class SheetState implements EvalSheet {
  /** Evaluated formula cells, keyed by the cell itself. */
  readonly memo = new Map<RawCell, Evaluated>();
  readonly rangeTotals = new Map<number, RangeSum>();
  /** Ranges whose formula cells the primer has already put in order, by rangeKey(r1, c1, c2) → the last row done. */
  readonly primed = new Map<number, number>();
  /** The rows in ascending order (built when a range is first summed or walked here). */
  list: RowList | undefined = undefined;
  /** The rows holding formula cells and those cells (built when the primer first walks a range here). */
  formulas: FormulaRows | undefined = undefined;
  constructor(
    readonly sheet: RawSheet,
    readonly rows: RowIndex,
  ) {}
}

/**
 * How deep the evaluator may recurse from one formula into another. Formulas are evaluated in dependency order
 * first (an explicit stack, see Grid.prime), so a chain of any length (a running balance over 10.000 rows) is
 * evaluated one level at a time; only a cycle of more than this many formulas could reach it. The same limit holds
 * in every thread, so --jobs never changes a result, and a formula given up on is an error of its cell, never 0.
 */
export const MAX_FORMULA_DEPTH = 64;

export class Grid implements FormulaHost {
  /** Each sheet's record by its exact name, and by its name in lower case (the last sheet of a name wins in both). */
  private readonly states = new Map<string, SheetState>();
  private readonly statesByLowerName = new Map<string, SheetState>();
  /** The last sheet looked up and its rows: lookups come in runs on one sheet. */
  private lastSheet: string | undefined;
  private lastRows: RowIndex | undefined;
  /** The formula cells being evaluated, outermost first (at most MAX_FORMULA_DEPTH): a cycle is a cell found here.
   * An array, not a Set: a Set shrinks its table, a new allocation, when a delete leaves it nearly empty, which every
   * evaluation's delete did (a fifth of the Set and Map garbage of a warm check). */
  private readonly visiting: RawCell[] = [];
  private readonly tables: TableIndex | undefined;
  private depth = 0;

  constructor(readonly workbook: RawWorkbook) {
    this.tables = tableIndex(workbook.sheets);
    for (const sheet of workbook.sheets) {
      const st = new SheetState(sheet, rowIndex(sheet));
      this.states.set(sheet.name, st);
      this.statesByLowerName.set(sheet.name.toLowerCase(), st);
    }
  }

  /** The sheets of the Excel tables a formula's structured references name ("SUM(Budget2025[I alt])"). */
  tableSheets(formula: string): string[] {
    if (!this.tables || !formula.includes('[')) return [];
    const out: string[] = [];
    for (const m of formula.matchAll(/([A-Za-z_\\][\w.æøåÆØÅ]*)\[/g)) {
      const t = this.tables.byName.get(m[1].toLowerCase());
      if (!t) continue;
      for (const [sheet, ts] of this.tables.bySheet) if (ts.includes(t) && !out.includes(sheet)) out.push(sheet);
    }
    return out;
  }

  /** The sheet of that name (exactly, else ignoring case) and what the grid keeps of it. */
  evalSheet(name: string): SheetState | undefined {
    return this.states.get(name) ?? this.statesByLowerName.get(name.toLowerCase());
  }

  /** Every range total, keyed by "sheet|c1|c2|r1" (what a test reads of the memo). */
  get rangeSums(): Map<string, RangeSum> {
    const out = new Map<string, RangeSum>();
    for (const [sheet, st] of this.states)
      for (const [key, sum] of st.rangeTotals) {
        const c1 = key % 18279;
        const c2 = ((key - c1) / 18279) % 18279;
        const r1 = (key - c1 - c2 * 18279) / 18279 / 18279;
        out.set(`${sheet}|${c1}|${c2}|${r1}`, sum);
      }
    return out;
  }

  sheet(name: string): RawSheet | undefined {
    return this.evalSheet(name)?.sheet;
  }

  /** The rows of a sheet in ascending order (whole numbers only, as a loop over row numbers visits), with each row's
   * cells as the sheet holds them and as the index does, by position. */
  rowList(st: SheetState): RowList {
    if (st.list) return st.list;
    const nums: number[] = [];
    let sorted = true;
    for (const r of st.rows.keys()) {
      if (!Number.isInteger(r)) continue;
      if (nums.length && nums[nums.length - 1] >= r) sorted = false;
      nums.push(r);
    }
    if (!sorted) nums.sort((a, b) => a - b);
    const raw: RawCell[][] = [];
    const indexed: RawCell[][] = [];
    for (const r of nums) {
      // (a row of the index is one of the sheet's rows, or a row the sheet has out of order: both are there)
      raw.push(st.sheet.rows.get(r)!);
      indexed.push(st.rows.get(r)!);
    }
    return (st.list = { nums, raw, indexed });
  }

  private formulas(st: SheetState): FormulaRows {
    let f = st.formulas;
    if (f) return f;
    f = { rows: [], cells: [] };
    const { nums, indexed } = this.rowList(st);
    for (let i = 0; i < nums.length; i++) {
      let row: RawCell[] | undefined;
      const cells = indexed[i];
      for (let j = 0; j < cells.length; j++) if (cells[j].formula) (row ??= []).push(cells[j]);
      if (row) {
        f.rows.push(nums[i]);
        f.cells.push(row);
      }
    }
    return (st.formulas = f);
  }

  /** A row's cells as the index holds them (sorted by column, one per column; cellAt finds one), or undefined. */
  row(sheet: string, row: number): readonly RawCell[] | undefined {
    return this.states.get(sheet)?.rows.get(row);
  }

  cell(sheet: string, row: number, col: number): RawCell | undefined {
    let rows = this.lastRows;
    if (sheet !== this.lastSheet) {
      rows = this.states.get(sheet)?.rows;
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
    const st = this.evalSheet(sheet);
    if (st === undefined) return { ok: false, reason: 'unsupported' };
    return this.valueIn(st, c);
  }

  /** value() of a cell of the sheet whose record st is. */
  valueIn(st: SheetState, c: RawCell): Evaluated {
    if (!c.formula) return cachedValue(c);
    const done = st.memo.get(c);
    if (done) return done;
    if (this.depth === 0) {
      this.prime(st, c);
      const primed = st.memo.get(c);
      if (primed) return primed;
    }
    return this.evaluate(st, c);
  }

  private evaluate(st: SheetState, c: RawCell, plan?: FormulaPlan): Evaluated {
    if (this.visiting.includes(c)) return { ok: false, reason: 'cycle' };
    let res: Evaluated;
    if (this.depth >= MAX_FORMULA_DEPTH) res = { ok: false, reason: 'too-deep' };
    else {
      this.visiting.push(c);
      this.depth++;
      try {
        const sheet = st.sheet.name;
        // Excel tables' structured references and SUBTOTAL(9|109, …) as the A1 ranges and SUMs they stand for
        const raw = c.formula!;
        let f: string | undefined =
          raw.includes('[') || raw.includes('SUBTOTAL') ? rewriteStructured(withoutNestedSubtotals(raw, st, c), sheet, c.row, this.tables) : raw;
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
              ? evaluatePlan(this, sheet, st, f, plan ?? formulaPlan(f))
              : evaluateFormula(this, sheet, f);
        if (res.ok) res = { ok: true, value: res.value, recomputed: true };
      } catch {
        res = { ok: false, reason: 'unsupported' };
      } finally {
        this.depth--;
        this.visiting.pop();
      }
      if (!res.ok && res.reason === 'unsupported') res = cachedValue(c);
    }
    st.memo.set(c, res);
    return res;
  }

  /**
   * Evaluates the formulas c depends on before c, deepest first, with an explicit stack instead of recursion, so
   * that evaluating c itself recurses one level only. Dependencies are every reference in the formula text (a
   * superset of what the evaluator reads: an extra cell evaluated early costs nothing); a reference back to a cell
   * on the stack is a cycle, left for the evaluator to find and report.
   */
  private prime(st: SheetState, c: RawCell): void {
    // one stack for every call (prime never runs inside itself: evaluate reads other cells at depth > 0), as parallel
    // arrays, and one callback: priming each of a workbook's formulas allocates nothing of its own
    // (a cell's plan is looked up when it is expanded and kept on the stack for its evaluation: one lookup per cell)
    const { primeSheets: sheets, primeCells: cells, primePlans: plans, onStack } = this;
    // (a Map's clear makes a new table even when it is empty: only a prime that left a cell marked needs one)
    if (this.onStackCount) {
      onStack.clear();
      this.onStackCount = 0;
    }
    sheets.push(st);
    cells.push(c);
    plans.push(undefined);
    while (cells.length) {
      const top = cells.length - 1;
      const topSheet = sheets[top];
      const cell = cells[top];
      if (topSheet.memo.has(cell)) {
        sheets.pop();
        cells.pop();
        plans.pop();
        continue;
      }
      let plan = plans[top];
      if (plan === undefined) {
        plans[top] = plan = formulaPlan(cell.formula!);
        onStack.set(cell, true);
        this.onStackCount++;
        this.dependencies(topSheet, plan.refs, this.pushDependency);
        continue;
      }
      sheets.pop();
      cells.pop();
      plans.pop();
      onStack.set(cell, false);
      this.onStackCount--;
      this.evaluate(topSheet, cell, plan);
    }
  }

  private readonly primeSheets: SheetState[] = [];
  private readonly primeCells: RawCell[] = [];
  /** Each stacked cell's formula plan, once it is expanded (undefined before). */
  private readonly primePlans: Array<FormulaPlan | undefined> = [];
  /** The cells on the primer's stack (true), and those that were (false): entries are set false instead of deleted,
   * as a delete that leaves the table nearly empty allocates a smaller one; a Grid is one workbook's, so the map holds
   * at most its formula cells. onStackCount is how many are true (0 after every prime that finished). */
  private readonly onStack = new Map<RawCell, boolean>();
  private onStackCount = 0;
  private readonly pushDependency = (s: SheetState, d: RawCell): void => {
    if (this.onStack.get(d) !== true && !s.memo.has(d)) {
      this.primeSheets.push(s);
      this.primeCells.push(d);
      this.primePlans.push(undefined);
    }
  };

  /** Calls add for every formula cell a formula's references name (ranges included, each range once). */
  private dependencies(st: SheetState, refs: readonly DependencyRef[], add: (sheet: SheetState, cell: RawCell) => void): void {
    for (let k = 0; k < refs.length; k++) {
      const ref = refs[k];
      const target = ref.sheet === undefined ? st : this.evalSheet(ref.sheet);
      if (!target) continue;
      if (!ref.range) {
        const cells = target.rows.get(ref.r1);
        const d = cells === undefined ? undefined : cellAt(cells, ref.c1);
        if (d?.formula) add(target, d);
        continue;
      }
      const lo = ref.r1;
      const hi = Math.min(ref.r2, target.sheet.maxRow);
      const cl = ref.c1;
      const ch = ref.c2;
      const primed = target.primed;
      const key = rangeKey(lo, cl, ch);
      const doneTo = primed.get(key) ?? lo - 1;
      if (doneTo >= hi) continue;
      primed.set(key, hi);
      // only the rows that hold formulas, and only their formula cells (row by row, left to right, as before): a range
      // down to a far row walks the rows present, not every row number up to it
      const f = this.formulas(target);
      for (let i = lowerBound(f.rows, doneTo + 1); i < f.rows.length && f.rows[i] <= hi; i++) {
        const cells = f.cells[i];
        for (let j = 0; j < cells.length; j++) {
          const d = cells[j];
          if (d.col >= cl && d.col <= ch) add(target, d);
        }
      }
    }
  }
}

/** A sheet's rows with formula cells, ascending, and each one's formula cells, left to right. */
interface FormulaRows {
  rows: number[];
  cells: RawCell[][];
}

/**
 * A cell's stored value: a plain cell's own, or the result cached with a formula the evaluator cannot recompute. A
 * cached 0 of such a formula is no result: XlsxWriter stores 0 for every formula it writes (and exceljs reads a 0 as
 * none), so =IF(SUM(F4:M4)=0,"",SUM(F4:M4)) cached as 0 is unknown, not a total of 0 kr.
 */
function cachedValue(c: RawCell): Evaluated {
  if (c.error) return { ok: false, reason: 'error', error: c.error };
  if (c.value === null) return c.formula ? { ok: false, reason: 'unsupported' } : { ok: true, value: 0 };
  if (typeof c.value === 'number') return c.formula && c.value === 0 ? { ok: false, reason: 'unsupported' } : { ok: true, value: c.value };
  if (typeof c.value === 'boolean') return { ok: true, value: c.value ? 1 : 0 };
  return { ok: false, reason: 'text' };
}

/** SUBTOTAL(9|109, …) over ranges of the own sheet, each range's cells and its end (A1, no sheet prefix). */
const SUBTOTAL_CALL = /SUBTOTAL\(\s*(?:9|109)\s*[,;]([^()]*)\)/gi;
const A1_RANGE = /^\s*\$?([A-Za-z]{1,3})\$?(\d+)(?::\$?([A-Za-z]{1,3})\$?(\d+))?\s*$/;

/**
 * Excel's SUBTOTAL leaves out the cells of its ranges that are SUBTOTALs themselves (a section's "Løn i alt" inside
 * I alt's =SUBTOTAL(9,F3:F12)): the formula with those cells taken off again, so that the SUM it is read as counts
 * each line once. Ranges on the own sheet as A1 references; anything else is left as written.
 */
function withoutNestedSubtotals(formula: string, st: SheetState, self: RawCell): string {
  if (!/SUBTOTAL/i.test(formula)) return formula;
  return formula.replace(SUBTOTAL_CALL, (call: string, args: string) => {
    const nested: string[] = [];
    for (const arg of args.split(/[,;]/)) {
      const m = A1_RANGE.exec(arg);
      if (!m) continue;
      const c1 = colNumber(m[1].toUpperCase());
      const c2 = m[3] ? colNumber(m[3].toUpperCase()) : c1;
      const r1 = Number(m[2]);
      const r2 = m[4] ? Number(m[4]) : r1;
      for (const [r, cells] of st.rows) {
        if (r < Math.min(r1, r2) || r > Math.max(r1, r2)) continue;
        for (const x of cells)
          if (x !== self && x.col >= Math.min(c1, c2) && x.col <= Math.max(c1, c2) && x.formula && /SUBTOTAL\s*\(/i.test(x.formula))
            nested.push(a1(x.row, x.col));
      }
    }
    return nested.length ? `(${call}-${nested.join('-')})` : call;
  });
}
