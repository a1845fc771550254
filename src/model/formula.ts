// The formula evaluator's grammar: SUM, + − × ÷, ROUND, IFERROR, IF of a comparison, SUMIF / SUMIFS, SUMPRODUCT of
// plain ranges, references across sheets, with SUM ranges added up once
// (through the host's range memo). The Grid (grid.ts) hosts it: cells, sheets and the memo of evaluated cells.
import { parseAmountText, saneAmount } from '../money.js';
import { colNumber } from '../read/address.js';
import type { RawCell, RawSheet } from '../read/types.js';
import { memoise } from '../memo.js';

/** reason 'blank': the formula's result is the empty text "" (=IF(SUM(F4:M4)=0,"",SUM(F4:M4)) of a line of zeros), which
 * SUM skips as it skips a blank cell. */
export type Evaluated =
  | { ok: true; value: number; recomputed?: boolean }
  | {
      ok: false;
      reason: 'unsupported' | 'error' | 'cycle' | 'text' | 'too-deep' | 'blank';
      /** The error value, where it is known: the one the file saved, or #DIV/0! for a division by zero computed here. */
      error?: string;
    };

/** A result that is no number (a division by zero: ±Infinity, or NaN of 0/0): the error Excel shows for it. */
const NOT_FINITE: Evaluated = { ok: false, reason: 'error', error: '#DIV/0!' };

export type Failure = 'error' | 'cycle' | 'unsupported' | 'too-deep';

/** A SUM range's total over rows r1..r2 (row by row, left to right), kept so that the same range, or a longer range
 * from the same first row (a running total), is added up once instead of once per formula that uses it. */
export interface RangeSum {
  r2: number;
  total: number;
  fail?: Failure;
}

/** A range's rows from r1 and columns c1..c2 as one number (columns up to ZZZ = 18278, rows up to 9.999.999: < 2^53). */
export const rangeKey = (r1: number, c1: number, c2: number) => (r1 * 18279 + c2) * 18279 + c1;

/** What the evaluator keeps of one sheet of the grid it evaluates in (the Grid's per-sheet record): the sheet, its rows
 * for lookup (sorted by column, one cell per column; cellAt finds one) and its range totals. */
export interface EvalSheet {
  readonly sheet: RawSheet;
  readonly rows: ReadonlyMap<number, readonly RawCell[]>;
  /** Range totals by rangeKey(r1, c1, c2). */
  readonly rangeTotals: Map<number, RangeSum>;
}

/** A sheet's rows in ascending order (whole row numbers only, as a loop over row numbers visits), each row's cells as
 * the sheet holds them and as the host's index holds them, by position: a range walks them without a lookup per row. */
export interface RowList {
  readonly nums: readonly number[];
  readonly raw: ReadonlyArray<readonly RawCell[]>;
  readonly indexed: ReadonlyArray<readonly RawCell[]>;
}

/** What the parser reads of the grid it evaluates in (the Grid implements it; the parser never imports the Grid). */
export interface FormulaHost {
  /** The sheet of that name (exactly, else ignoring case) and what the host keeps of it; undefined when none. */
  evalSheet(name: string): EvalSheet | undefined;
  /** The sheet's rows in ascending order (the rows a range can hold cells in). */
  rowList(sheet: EvalSheet): RowList;
  /** The value of a cell of the sheet. */
  valueIn(sheet: EvalSheet, c: RawCell): Evaluated;
}

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

/** The first index of a sorted list whose value is at least x. */
export function lowerBound(list: readonly number[], x: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid] < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The empty text "" as an IF's result. */
const BLANK_TEXT = Symbol('blank text');
/** A comparison operator at the start of a text (two-character ones first). */
const COMPARISON = /^(?:<>|<=|>=|=|<|>)/;
/** An IF condition that compares one reference with "" (F4="", ""<>F4 is not read). */
const IS_BLANK_TEST = /^[^=<>"]+(=|<>)""$/;

class Unsupported extends Error {}
/** Thrown where the grammar ends (only `instanceof` is read, so one instance without a fresh stack trace each time). */
const UNSUPPORTED = new Unsupported();

/** Excel's error values as they stand in formula text (=#REF!+H17 after a deleted cell). */
export const ERROR_VALUE = /#(?:REF!|DIV\/0!|VALUE!|NAME\?|N\/A|NUM!|NULL!)/;
const ERROR_LITERAL = new RegExp(ERROR_VALUE.source, 'y');
const NUM = /\d+(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const FN = /([A-Za-z][A-Za-z0-9.]*)\(/y;
const REF = /(?:(?:'((?:[^']|'')+)'|([A-Za-z0-9_æøåÆØÅ.]+))!)?\$?([A-Za-z]{1,3})\$?(\d{1,7})(?::\$?([A-Za-z]{1,3})\$?(\d{1,7}))?/y;

/** Whitespace removed outside quoted sheet names ('Budget 2020'!O2 keeps its space) and texts in quotes (a SUMIF's
 * "Løn og honorar"). */
function stripSpaces(f: string): string {
  if (!f.includes("'") && !f.includes('"')) return f.replace(/\s+/g, '');
  return f
    .split(/('(?:[^']|'')*'|"(?:[^"]|"")*")/)
    .map((part, i) => (i % 2 ? part : part.replace(/\s+/g, '')))
    .join('');
}

/** The position of the ',', ';' or ')' that ends the function argument starting at `from` (outside parentheses and
 * quoted sheet names), or -1 when there is none. */
function argEnd(s: string, from: number): number {
  let depth = 0;
  for (let i = from; i < s.length; i++) {
    const ch = s[i];
    if (ch === "'") {
      i = s.indexOf("'", i + 1);
      while (i >= 0 && s[i + 1] === "'") i = s.indexOf("'", i + 2);
      if (i < 0) return -1;
    } else if (ch === '"') {
      i = s.indexOf('"', i + 1);
      if (i < 0) return -1;
    } else if (ch === '(') depth++;
    else if (ch === ')') {
      if (!depth) return i;
      depth--;
    } else if ((ch === ',' || ch === ';') && !depth) return i;
  }
  return -1;
}

/** The position of the ')' that closes the function call whose arguments start at `from`, or -1. */
function callEnd(s: string, from: number): number {
  let i = argEnd(s, from);
  while (i >= 0 && s[i] !== ')') i = argEnd(s, i + 1);
  return i;
}

/** Recursive-descent evaluator for the arithmetic people write in budgets. */
export class FormulaParser {
  private pos = 0;
  private readonly s: string;

  constructor(
    private readonly grid: FormulaHost,
    private readonly sheet: string,
    formula: string,
  ) {
    this.s = stripSpaces(formula.replace(/^=/, ''));
  }

  parse(): Evaluated {
    try {
      // a formula that is one IF may have the empty text "" as its result (a hidden zero)
      if (/^IF\(/i.test(this.s) && callEnd(this.s, 3) === this.s.length - 1) {
        this.pos = 3;
        const v = this.ifCall(true);
        if (v === BLANK_TEXT) return { ok: false, reason: 'blank' };
        if (!Number.isFinite(v)) return NOT_FINITE;
        return { ok: true, value: v };
      }
      const v = this.expr();
      if (this.pos !== this.s.length) return { ok: false, reason: 'unsupported' };
      if (!Number.isFinite(v)) return NOT_FINITE;
      return { ok: true, value: v };
    } catch (e) {
      if (e instanceof EvalFailure) return failureOf(e);
      return { ok: false, reason: 'unsupported' };
    }
  }

  private expr(): number {
    let v = this.term();
    while (this.s[this.pos] === '+' || this.s[this.pos] === '-') {
      const op = this.s[this.pos++];
      const r = this.term();
      v = op === '+' ? v + r : v - r;
    }
    return v;
  }

  private term(): number {
    let v = this.factor();
    while (this.s[this.pos] === '*' || this.s[this.pos] === '/') {
      const op = this.s[this.pos++];
      const r = this.factor();
      if (op === '/' && r === 0) throw DIV_ZERO;
      v = op === '*' ? v * r : v / r;
    }
    return v;
  }

  /** A factor and any percent signs after it ("12%" is 0,12; "J10*12%" the salary's 12 %). */
  private factor(): number {
    let v = this.factorAt();
    while (this.s[this.pos] === '%') {
      this.pos++;
      v = v / 100;
    }
    return v;
  }

  private factorAt(): number {
    const ch = this.s[this.pos];
    if (ch === '-') {
      this.pos++;
      return -this.factor();
    }
    if (ch === '+') {
      this.pos++;
      return this.factor();
    }
    if (ch === '(') {
      this.pos++;
      const v = this.expr();
      this.expect(')');
      return v;
    }
    // an error literal (a reference Excel replaced by #REF! when its cell was deleted) makes the formula an error
    if (ch === '#' && this.sticky(ERROR_LITERAL)) throw FAIL.error;
    const num = this.sticky(NUM);
    if (num) {
      this.pos += num[0].length;
      return Number(num[0]);
    }
    const fn = this.sticky(FN);
    if (fn) {
      const name = fn[1].toUpperCase();
      this.pos += fn[0].length;
      if (name === 'SUM') {
        let total = 0;
        if (this.s[this.pos] !== ')') {
          total += this.sumArg();
          while (this.s[this.pos] === ',' || this.s[this.pos] === ';') {
            this.pos++;
            total += this.sumArg();
          }
        }
        this.expect(')');
        return total;
      }
      if (name === 'IFERROR') {
        // IFERROR(value, value_if_error): the second only where the first is an error value (a division by 0, #REF!)
        const comma = argEnd(this.s, this.pos);
        const close = comma < 0 || (this.s[comma] !== ',' && this.s[comma] !== ';') ? -1 : argEnd(this.s, comma + 1);
        if (close < 0 || this.s[close] !== ')') throw UNSUPPORTED;
        let v: number | undefined;
        try {
          v = this.expr();
          if (this.pos !== comma) throw UNSUPPORTED;
        } catch (e) {
          if (!isError(e)) throw e;
          v = undefined;
        }
        if (v === undefined || !Number.isFinite(v)) {
          this.pos = comma + 1;
          v = this.expr();
          if (this.pos !== close) throw UNSUPPORTED;
        }
        this.pos = close + 1;
        return v;
      }
      if (name === 'IF') {
        const v = this.ifCall(false);
        if (v === BLANK_TEXT) throw UNSUPPORTED;
        return v;
      }
      if (name === 'SUMIF' || name === 'SUMIFS') return this.sumIf(name === 'SUMIFS');
      if (name === 'SUMPRODUCT') return this.sumProduct();
      if (name === 'ROUND') {
        const x = this.expr();
        if (this.s[this.pos] !== ',' && this.s[this.pos] !== ';') throw UNSUPPORTED;
        this.pos++;
        const d = this.expr();
        this.expect(')');
        const f = 10 ** Math.trunc(d);
        return Math.round(x * f) / f;
      }
      if (name === 'ROUNDUP' || name === 'ROUNDDOWN') {
        const x = this.expr();
        if (this.s[this.pos] !== ',' && this.s[this.pos] !== ';') throw UNSUPPORTED;
        this.pos++;
        const d = this.expr();
        this.expect(')');
        return roundAway(x, Math.trunc(d), name === 'ROUNDUP');
      }
      if (name === 'ABS' || name === 'INT') {
        const x = this.expr();
        this.expect(')');
        return name === 'ABS' ? Math.abs(x) : Math.floor(x);
      }
      if (name === 'MIN' || name === 'MAX' || name === 'PRODUCT') return this.numbersCall(name);
      throw UNSUPPORTED;
    }
    const ref = this.reference();
    if (ref) {
      if (ref.kind === 'range') throw UNSUPPORTED;
      return this.cellValue(ref.sheet, ref.row, ref.col);
    }
    throw UNSUPPORTED;
  }

  /**
   * IF(condition, then, else) from just after "IF(": the branch the condition picks, evaluated (the other is not, as in
   * Excel). The condition is a comparison (=, <>, <, >, <=, >=) of two evaluated numbers, or one number (true unless
   * 0); a cell compared with "" is equal where it is blank or itself "". A branch is an expression, or (allowText: the
   * IF is the whole formula, or the whole branch of one) the empty text "" or another such IF. Anything else, a
   * condition on text, or two sides equal only to rounding, is unsupported: an IF is evaluated only where it is exact.
   */
  private ifCall(allowText: boolean): number | typeof BLANK_TEXT {
    const c1 = argEnd(this.s, this.pos);
    if (c1 < 0 || (this.s[c1] !== ',' && this.s[c1] !== ';')) throw UNSUPPORTED;
    const c2 = argEnd(this.s, c1 + 1);
    if (c2 < 0 || (this.s[c2] !== ',' && this.s[c2] !== ';')) throw UNSUPPORTED;
    const close = argEnd(this.s, c2 + 1);
    if (close < 0 || this.s[close] !== ')') throw UNSUPPORTED;
    const yes = this.condition(c1);
    const from = yes ? c1 + 1 : c2 + 1;
    const to = yes ? c2 : close;
    this.pos = from;
    const v = this.branch(to, allowText);
    this.pos = close + 1;
    return v;
  }

  /** The condition of an IF, ending at `end`. */
  private condition(end: number): boolean {
    const blankTest = IS_BLANK_TEST.exec(this.s.slice(this.pos, end));
    if (blankTest) {
      const ref = this.reference();
      if (!ref || ref.kind !== 'cell' || this.pos !== end - 2 - blankTest[1].length) throw UNSUPPORTED;
      const blank = this.isBlankText(ref.sheet, ref.row, ref.col);
      return blankTest[1] === '=' ? blank : !blank;
    }
    try {
      const a = this.expr();
      const op = COMPARISON.exec(this.s.slice(this.pos, this.pos + 2))?.[0];
      if (!op) {
        if (this.pos !== end) throw UNSUPPORTED;
        return a !== 0;
      }
      this.pos += op.length;
      const b = this.expr();
      if (this.pos !== end) throw UNSUPPORTED;
      // equal only to the rounding of binary fractions (0.1 + 0.2 against 0.3): Excel's own comparison decides, not ours
      if (a !== b && Math.abs(a - b) <= 1e-9 * Math.max(Math.abs(a), Math.abs(b))) throw UNSUPPORTED;
      switch (op) {
        case '=':
          return a === b;
        case '<>':
          return a !== b;
        case '<':
          return a < b;
        case '>':
          return a > b;
        case '<=':
          return a <= b;
        default:
          return a >= b;
      }
    } catch (e) {
      // text compared with a number is no error in Excel (text sorts after numbers): not read here
      if (isError(e)) throw UNSUPPORTED;
      throw e;
    }
  }

  /** A cell is "" where it is empty, or holds the empty text, or is a formula whose result is "". */
  private isBlankText(sheetName: string, row: number, col: number): boolean {
    const sheet = this.grid.evalSheet(sheetName);
    if (!sheet) throw UNSUPPORTED;
    const cells = sheet.rows.get(row);
    const c = cells === undefined ? undefined : cellAt(cells, col);
    if (!c || (!c.formula && !c.error && (c.value === null || c.value === ''))) return true;
    const v = this.grid.valueIn(sheet, c);
    if (v.ok) return false;
    if (v.reason === 'blank') return true;
    if (v.reason === 'text' && typeof c.value === 'string' && !c.formula) return false;
    throw v.reason === 'error' || v.reason === 'cycle' || v.reason === 'too-deep' ? FAIL[v.reason] : UNSUPPORTED;
  }

  /** A branch of an IF, ending at `end`. */
  private branch(end: number, allowText: boolean): number | typeof BLANK_TEXT {
    if (allowText && this.s[this.pos] === '"' && this.s[this.pos + 1] === '"' && this.pos + 2 === end) return BLANK_TEXT;
    if (allowText && /^IF\(/i.test(this.s.slice(this.pos, this.pos + 3)) && callEnd(this.s, this.pos + 3) === end - 1) {
      this.pos += 3;
      return this.ifCall(true);
    }
    try {
      const v = this.expr();
      if (this.pos !== end) throw UNSUPPORTED;
      return v;
    } catch (e) {
      // a branch that is text (=IF(A1>0,B1,0) of a text B1 is that text in Excel, not an error): not read here
      if (isError(e)) throw UNSUPPORTED;
      throw e;
    }
  }

  /**
   * SUMIF(range, criterion, [sum_range]) or SUMIFS(sum_range, range1, criterion1, …) from just after the "(": the cells
   * of the sum range (the criterion range's own where SUMIF has none) whose cells in every criterion range meet its
   * criterion, as Excel matches them (matchesCriterion). The ranges have one shape (a sum range of SUMIF is anchored
   * at its first cell, as in Excel); anything the evaluator cannot read exactly is unsupported.
   */
  private sumIf(multi: boolean): number {
    const ranges: RangeRef[] = [];
    const criteria: Criterion[] = [];
    let sum: RangeRef | undefined;
    if (multi) {
      sum = this.rangeArg();
      while (this.s[this.pos] === ',' || this.s[this.pos] === ';') {
        this.pos++;
        ranges.push(this.rangeArg());
        if (this.s[this.pos] !== ',' && this.s[this.pos] !== ';') throw UNSUPPORTED;
        this.pos++;
        criteria.push(this.criterionArg());
      }
      if (!ranges.length) throw UNSUPPORTED;
    } else {
      ranges.push(this.rangeArg());
      if (this.s[this.pos] !== ',' && this.s[this.pos] !== ';') throw UNSUPPORTED;
      this.pos++;
      criteria.push(this.criterionArg());
      if (this.s[this.pos] === ',' || this.s[this.pos] === ';') {
        this.pos++;
        const r = this.rangeArg();
        // SUMIF's sum range takes the criterion range's shape from its first cell
        sum = { ...r, r2: r.r1 + ranges[0].r2 - ranges[0].r1, c2: r.c1 + ranges[0].c2 - ranges[0].c1 };
      } else sum = ranges[0];
    }
    this.expect(')');
    const { width } = shapeOf([sum, ...ranges]);
    const sumSheet = this.grid.evalSheet(sum.sheet);
    const sheets = ranges.map((r) => this.grid.evalSheet(r.sheet));
    if (!sumSheet || sheets.some((x) => !x)) throw UNSUPPORTED;
    // the rows present in the first criterion range's sheet: a cell of a row not there is blank, which a criterion
    // that matches blanks would pick too (read only where every range is on one sheet, in the same rows)
    if (criteria.some((c) => matchesCriterion(c, '')) && ranges.some((r) => r.r1 !== sum.r1 || this.grid.evalSheet(r.sheet) !== sumSheet)) throw UNSUPPORTED;
    const first = sheets[0]!;
    const { nums } = this.grid.rowList(first);
    const end = Math.min(ranges[0].r2, first.sheet.maxRow);
    let total = 0;
    for (let i = lowerBound(nums, ranges[0].r1); i < nums.length && nums[i] <= end; i++) {
      const dr = nums[i] - ranges[0].r1;
      for (let dc = 0; dc < width; dc++) {
        let all = true;
        for (let k = 0; k < ranges.length && all; k++) {
          const r = ranges[k];
          all = matchesCriterion(criteria[k], criterionValue(this.grid, sheets[k]!, r.r1 + dr, r.c1 + dc));
        }
        if (all) total += cellValue(this.grid, sumSheet, sum.r1 + dr, sum.c1 + dc, true);
      }
    }
    return total;
  }

  /** SUMPRODUCT(range1, range2, …) of plain ranges of one shape, from just after the "(": the sum of the products of
   * their cells position by position (text and blanks 0, as SUM reads them); an array expression is unsupported. */
  private sumProduct(): number {
    const ranges = [this.rangeArg()];
    while (this.s[this.pos] === ',' || this.s[this.pos] === ';') {
      this.pos++;
      ranges.push(this.rangeArg());
    }
    this.expect(')');
    const { height, width } = shapeOf(ranges);
    const sheets = ranges.map((r) => this.grid.evalSheet(r.sheet));
    if (sheets.some((x) => !x)) throw UNSUPPORTED;
    let total = 0;
    for (let dr = 0; dr < Math.min(height, sheets[0]!.sheet.maxRow); dr++)
      for (let dc = 0; dc < width; dc++) {
        let p = 1;
        for (let k = 0; k < ranges.length && p !== 0; k++) p *= cellValue(this.grid, sheets[k]!, ranges[k].r1 + dr, ranges[k].c1 + dc, true);
        total += p;
      }
    return total;
  }

  /** A range (or one cell, or whole columns B:B) as a function's argument, ending at ',', ';' or ')'. */
  private rangeArg(): RangeRef {
    const ref = this.reference();
    let r: RangeRef | undefined;
    if (ref) r = ref.kind === 'cell' ? { sheet: ref.sheet, r1: ref.row, c1: ref.col, r2: ref.row, c2: ref.col } : ref;
    else {
      const m = this.sticky(COLUMNS);
      if (m) {
        this.pos += m[0].length;
        const sheet = m[1] ? m[1].replace(/''/g, "'") : (m[2] ?? this.sheet);
        const [a, b] = [colNumber(m[3]), colNumber(m[4])];
        const st = this.grid.evalSheet(sheet);
        if (!st) throw UNSUPPORTED;
        r = { sheet, r1: 1, c1: Math.min(a, b), r2: Math.max(1, st.sheet.maxRow), c2: Math.max(a, b) };
      }
    }
    if (!r || (this.s[this.pos] !== ',' && this.s[this.pos] !== ';' && this.s[this.pos] !== ')')) throw UNSUPPORTED;
    return r;
  }

  /** A criterion of SUMIF: a text in quotes ("Løn", ">0", "<>"), a number, or a cell holding either. */
  private criterionArg(): Criterion {
    let v: string | number;
    if (this.s[this.pos] === '"') {
      const m = STRING.exec(this.s.slice(this.pos));
      if (!m) throw UNSUPPORTED;
      this.pos += m[0].length;
      v = m[1].replace(/""/g, '"');
    } else {
      const save = this.pos;
      const ref = this.reference();
      if (ref?.kind === 'cell' && (this.s[this.pos] === ',' || this.s[this.pos] === ';' || this.s[this.pos] === ')')) {
        const st = this.grid.evalSheet(ref.sheet);
        if (!st) throw UNSUPPORTED;
        v = criterionValue(this.grid, st, ref.row, ref.col);
      } else {
        this.pos = save;
        v = this.expr();
      }
    }
    if (this.s[this.pos] !== ',' && this.s[this.pos] !== ';' && this.s[this.pos] !== ')') throw UNSUPPORTED;
    return parseCriterion(v);
  }

  /**
   * MIN, MAX or PRODUCT from just after its "(": of numbers, expressions and single cells, as Excel reads them — a cell
   * that is blank or holds text is left out (MIN(B5;3) of a blank B5 is 3, not 0), and no argument at all, or no number
   * among them, is 0. A range argument is not read here (unsupported: the cached value stands).
   */
  private numbersCall(name: 'MIN' | 'MAX' | 'PRODUCT'): number {
    const xs: number[] = [];
    if (this.s[this.pos] !== ')') {
      for (;;) {
        const save = this.pos;
        const ref = this.reference();
        if (ref && (this.s[this.pos] === ',' || this.s[this.pos] === ';' || this.s[this.pos] === ')')) {
          if (ref.kind === 'range') throw UNSUPPORTED;
          const x = this.referencedNumber(ref.sheet, ref.row, ref.col);
          if (x !== undefined) xs.push(x);
        } else {
          this.pos = save;
          xs.push(this.expr());
        }
        if (this.s[this.pos] !== ',' && this.s[this.pos] !== ';') break;
        this.pos++;
      }
    }
    this.expect(')');
    if (!xs.length) return 0;
    if (name === 'PRODUCT') return xs.reduce((a, b) => a * b, 1);
    return name === 'MIN' ? Math.min(...xs) : Math.max(...xs);
  }

  /** The number a single cell given to MIN, MAX or PRODUCT holds, or undefined where it is blank or text (left out). */
  private referencedNumber(sheetName: string, row: number, col: number): number | undefined {
    const st = this.grid.evalSheet(sheetName);
    if (!st) throw UNSUPPORTED;
    const cells = st.rows.get(row);
    const c = cells === undefined ? undefined : cellAt(cells, col);
    if (!c) return undefined;
    const v = this.grid.valueIn(st, c);
    if (!v.ok && (v.reason === 'blank' || v.reason === 'text')) return undefined;
    return valueOf(this.grid, st, c, false); // a number, or the failure valueOf gives any other cell
  }

  private sumArg(): number {
    const save = this.pos;
    const ref = this.reference();
    if (ref && (this.s[this.pos] === ',' || this.s[this.pos] === ';' || this.s[this.pos] === ')')) {
      if (ref.kind === 'cell') return this.cellValue(ref.sheet, ref.row, ref.col, true);
      const sheet = this.grid.evalSheet(ref.sheet);
      if (!sheet) throw UNSUPPORTED;
      if ((ref.r2 - ref.r1 + 1) * (ref.c2 - ref.c1 + 1) > 1_000_000) throw UNSUPPORTED;
      return rangeSum(this.grid, sheet, ref.r1, ref.c1, ref.r2, ref.c2);
    }
    this.pos = save;
    return this.expr();
  }

  private cellValue(sheetName: string, row: number, col: number, inSum = false): number {
    const sheet = this.grid.evalSheet(sheetName);
    if (!sheet) throw UNSUPPORTED;
    return cellValue(this.grid, sheet, row, col, inSum);
  }

  private reference():
    { kind: 'cell'; sheet: string; row: number; col: number } | { kind: 'range'; sheet: string; r1: number; c1: number; r2: number; c2: number } | undefined {
    const m = this.sticky(REF);
    if (!m) return undefined;
    const sheet = m[1] ? m[1].replace(/''/g, "'") : (m[2] ?? this.sheet);
    this.pos += m[0].length;
    const c1 = colNumber(m[3]);
    const r1 = Number(m[4]);
    if (m[5]) {
      const c2 = colNumber(m[5]);
      const r2 = Number(m[6]);
      return { kind: 'range', sheet, r1: Math.min(r1, r2), c1: Math.min(c1, c2), r2: Math.max(r1, r2), c2: Math.max(c1, c2) };
    }
    return { kind: 'cell', sheet, row: r1, col: c1 };
  }

  /** A match of a sticky regex right at the current position (no copy of the rest of the formula). */
  private sticky(re: RegExp): RegExpExecArray | null {
    re.lastIndex = this.pos;
    return re.exec(this.s);
  }

  private expect(ch: string): void {
    if (this.s[this.pos] !== ch) throw UNSUPPORTED;
    this.pos++;
  }
}

/** The total of a range, row by row and left to right; a range added up before (or a shorter one from the same
 * first row) is not added up again, and the order of the additions is the same either way. */
function rangeSum(grid: FormulaHost, st: EvalSheet, r1: number, c1: number, r2: number, c2: number): number {
  // by number, in the sheet's own record: no key string built and hashed per SUM (one per formula cell of a budget)
  const sums = st.rangeTotals;
  const key = rangeKey(r1, c1, c2);
  const prev = sums.get(key);
  if (prev && prev.r2 <= r2) {
    if (prev.fail) throw FAIL[prev.fail]; // a failure in the shorter range is a failure of this one
    if (prev.r2 === r2) return prev.total;
  }
  let t = 0;
  let from = r1;
  if (prev && prev.r2 < r2) {
    t = prev.total;
    from = prev.r2 + 1;
  }
  const width = c2 - c1 + 1;
  try {
    // the rows present only: a range down to a far row does not visit every row number up to it; each row's cells by
    // position in the sheet's row list, not by two Map lookups of its number (a third of this loop's time before)
    const { nums, raw, indexed } = grid.rowList(st);
    const end = Math.min(r2, st.sheet.maxRow);
    for (let i = lowerBound(nums, from); i < nums.length && nums[i] <= end; i++) {
      const cells = raw[i];
      if (width < cells.length) {
        // a narrow range (one column of a total row): its cells in the index's row (sorted by column, one per column:
        // the cells a lookup per column finds, in the same order), from the first at c1 or right of it
        const row = indexed[i];
        for (let k = firstAtOrRight(row, c1); k < row.length && row[k].col <= c2; k++) t += valueOf(grid, st, row[k], true);
      } else for (const c of cells) if (c.col >= c1 && c.col <= c2) t += valueOf(grid, st, c, true);
    }
  } catch (e) {
    if (e instanceof EvalFailure && (!prev || prev.r2 < r2)) sums.set(key, { r2, total: 0, fail: e.reason });
    throw e;
  }
  if (!prev || prev.r2 < r2) sums.set(key, { r2, total: t });
  return t;
}

/** The first index of a row's cells (sorted by column, one per column, never empty) whose column is at least col:
 * directly when the row's columns up to col are contiguous (most rows of a budget), else by binary search. The
 * search was a fifth of the range sums' time on the 600-file pile (SUM(F5:F20) searches each of its rows). */
function firstAtOrRight(cells: readonly RawCell[], col: number): number {
  const guess = col - cells[0].col;
  if (guess <= 0) return 0;
  if (guess < cells.length && cells[guess].col === col) return guess;
  let lo = 0;
  let hi = cells.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (cells[mid].col < col) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** ROUNDUP (away from zero) or ROUNDDOWN (toward zero) of x to d digits; a product within float noise of a whole
 * number (2,1 × 100 = 210,00000000000003) is that number, as Excel rounds it. */
export function roundAway(x: number, d: number, up: boolean): number {
  const f = 10 ** d;
  const y = Math.abs(x * f);
  const near = Math.round(y);
  const whole = Math.abs(y - near) <= 1e-9 * Math.max(1, y) ? near : up ? Math.ceil(y) : Math.floor(y);
  return (Math.sign(x) * whole) / f;
}

/** A referenced cell's value; inside SUM text and blanks count as 0, as in Excel. */
function cellValue(grid: FormulaHost, st: EvalSheet, row: number, col: number, inSum: boolean): number {
  const cells = st.rows.get(row);
  const c = cells === undefined ? undefined : cellAt(cells, col);
  if (!c) return 0;
  return valueOf(grid, st, c, inSum);
}

/** A range a function reads: rows r1..r2 and columns c1..c2 of the sheet of that name. */
interface RangeRef {
  sheet: string;
  r1: number;
  c1: number;
  r2: number;
  c2: number;
}

/** The rows and columns of ranges that all have one shape of at most a million cells (SUMIF's, SUMPRODUCT's);
 * unsupported otherwise. */
function shapeOf(ranges: readonly RangeRef[]): { height: number; width: number } {
  const height = ranges[0].r2 - ranges[0].r1 + 1;
  const width = ranges[0].c2 - ranges[0].c1 + 1;
  if (height * width > 1_000_000) throw UNSUPPORTED;
  if (ranges.some((r) => r.r2 - r.r1 + 1 !== height || r.c2 - r.c1 + 1 !== width)) throw UNSUPPORTED;
  return { height, width };
}

/** Whole columns (B:B, Budget!B:C). */
const COLUMNS = /(?:(?:'((?:[^']|'')+)'|([A-Za-z0-9_æøåÆØÅ.]+))!)?\$?([A-Za-z]{1,3}):\$?([A-Za-z]{1,3})(?![A-Za-z0-9(])/y;
/** A text in quotes, "" inside for one quote. */
const STRING = /^"((?:[^"]|"")*)"/;

/** A SUMIF criterion: a comparison with a number, or (= and <> only) with a text, which may hold the wildcards * and ?. */
export type Criterion = { op: '=' | '<>' | '<' | '>' | '<=' | '>='; num: number } | { op: '=' | '<>'; text: string };

/** A criterion as SUMIF reads its argument: a number is equality; a text may start with a comparison ("<>Løn", ">0"). */
export function parseCriterion(v: string | number): Criterion {
  if (typeof v === 'number') return { op: '=', num: v };
  const m = /^(<>|<=|>=|=|<|>)?([\s\S]*)$/.exec(v)!;
  const op = (m[1] ?? '=') as Criterion['op'];
  const operand = m[2];
  if (/^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/.test(operand.trim())) return { op, num: Number(operand) };
  // a text compared by order (">b") is not read
  if (op !== '=' && op !== '<>') throw UNSUPPORTED;
  return { op, text: operand };
}

/** Whether a cell's value ('' for a blank cell) meets a criterion, as Excel's SUMIF decides: texts ignoring case, with
 * * and ? as wildcards (~ escaping them); "=" or "" matches blanks only, "<>" anything but blanks; a number matches
 * numbers only. */
export function matchesCriterion(c: Criterion, v: string | number): boolean {
  if ('num' in c) {
    const hit =
      typeof v === 'number' &&
      (c.op === '='
        ? v === c.num
        : c.op === '<>'
          ? v !== c.num
          : c.op === '<'
            ? v < c.num
            : c.op === '>'
              ? v > c.num
              : c.op === '<='
                ? v <= c.num
                : v >= c.num);
    return c.op === '<>' ? v === '' || typeof v === 'string' || hit : hit;
  }
  const eq = c.text === '' ? v === '' : typeof v === 'string' && v !== '' && wildcard(c.text).test(v);
  return c.op === '=' ? eq : !eq;
}

const wildcard = memoise(
  (pattern: string) =>
    new RegExp(
      `^${pattern
        .split(/(~[*?~]|[*?])/)
        .map((p) => (p === '*' ? '[\\s\\S]*' : p === '?' ? '[\\s\\S]' : (/^~[*?~]$/.test(p) ? p[1] : p).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
        .join('')}$`,
      'iu',
    ),
);

/** The value a criterion is matched against: a number, a text, or '' for a blank cell (a formula's result, its
 * cached text where it gives one). A date, a truth value or an error is not read. */
function criterionValue(grid: FormulaHost, st: EvalSheet, row: number, col: number): string | number {
  const cells = st.rows.get(row);
  const c = cells === undefined || !cells.length ? undefined : cellAt(cells, col);
  if (!c) return '';
  if (!c.formula) {
    if (c.error) throw FAIL.error;
    if (c.value === null) return '';
    if (typeof c.value === 'string' || typeof c.value === 'number') return c.value;
    throw UNSUPPORTED;
  }
  const v = grid.valueIn(st, c);
  if (v.ok) return v.value;
  if (v.reason === 'blank') return '';
  // a formula whose result is a text (=B2 of a category) is not computed here: its cached text, where there is one;
  // with none, not read (its 'error' may be only the text the evaluator does not compute), unless an error is cached
  if (c.error) throw FAIL.error;
  if (typeof c.value === 'string' && (v.reason === 'text' || v.reason === 'error')) return c.value;
  throw v.reason === 'cycle' || v.reason === 'too-deep' ? FAIL[v.reason] : UNSUPPORTED;
}

function valueOf(grid: FormulaHost, st: EvalSheet, c: RawCell, inSum: boolean): number {
  if (!c.formula && !c.error && typeof c.value === 'number' && saneAmount(c.value)) return c.value; // the common case, without allocating
  const v = grid.valueIn(st, c);
  if (v.ok && saneAmount(v.value)) return v.value;
  // an absurd amount (1e308) is reported at its own cell; a SUM over it counts it as text, as 0
  if (v.ok) {
    if (inSum) return 0;
    throw FAIL.error;
  }
  // the empty text "" of a formula: SUM skips it; anything else is not read here (Excel's ""+1 is #VALUE!)
  if (v.reason === 'blank') {
    if (inSum) return 0;
    throw UNSUPPORTED;
  }
  if (v.reason === 'text') {
    // Danish text amounts ("1.234,50") count as the amounts they are; other text counts as 0 in SUM, as in Excel.
    const p = typeof c.value === 'string' ? parseAmountText(c.value) : undefined;
    if (p?.kind === 'number') return p.ore / 100;
    if (inSum || p?.kind === 'blank') return 0;
    throw FAIL.error;
  }
  throw FAIL[v.reason === 'cycle' || v.reason === 'error' || v.reason === 'too-deep' ? v.reason : 'unsupported'];
}

// The same grammar compiled: each distinct formula text is parsed once (memoised across the cells and files of a run:
// the 600-file pile has 36.816 formulas in 3.428 texts) into a tree, which is then evaluated per cell without reading
// the text again. The tree does what the parser above does, in the same order: where the parser stops (a syntax it
// does not know, an error literal, a range outside SUM) the tree holds a node that stops there, so what is evaluated
// before it, and which failure comes first, is the same. Text nested too deep to compile is left to the parser.

const NUMBER = 0;
const NEG = 1;
/** a ± b ± …, added up left to right in a loop as the parser does (no recursion per operand): args and ops. */
const SUMS = 2;
/** a × b ÷ …, left to right; a division by 0 is an error. */
const PRODUCTS = 3;
const TIMES = 4;
const BY = 5;
const PLUS = 0;
const MINUS = 1;
/** A cell's value (inSum: inside SUM, as SUM's own argument: text and blanks count as 0). */
const CELL = 6;
const CELL_IN_SUM = 7;
const RANGE = 8;
const SUM = 9;
const ROUND = 10;
/** An error literal (#REF!): the formula is an error. */
const ERROR = 11;
/** Where the grammar ends: unsupported. */
const STOP = 12;
/** Evaluates a, then stops (text the parser would not read after a: a missing ")", trailing text). */
const THEN_STOP = 13;

/** One node of a compiled formula; every node has the same fields (one hidden class). */
class Node {
  constructor(
    readonly op: number,
    readonly a: Node | undefined,
    readonly b: Node | undefined,
    readonly num: number,
    /** The referenced sheet as written; undefined for the formula's own sheet. */
    readonly sheet: string | undefined,
    readonly r1: number,
    readonly c1: number,
    readonly r2: number,
    readonly c2: number,
    readonly args: Node[] | undefined,
    /** The operators between args of SUMS (PLUS, MINUS) and PRODUCTS (TIMES, BY). */
    readonly ops: number[] | undefined = undefined,
  ) {}
}

const node = (op: number, a?: Node, b?: Node) => new Node(op, a, b, 0, undefined, 0, 0, 0, 0, undefined);
const STOP_NODE = node(STOP);
/** Functions the compiled tree leaves to the parser: IFERROR and IF (below), the conditional sums, and the rarer
 * MIN, MAX, PRODUCT, ROUNDUP, ROUNDDOWN, ABS and INT. */
const PARSER_ONLY = new Set(['IFERROR', 'IF', 'SUMIF', 'SUMIFS', 'SUMPRODUCT', 'MIN', 'MAX', 'PRODUCT', 'ROUNDUP', 'ROUNDDOWN', 'ABS', 'INT']);
const HUNDRED = new Node(NUMBER, undefined, undefined, 100, undefined, 0, 0, 0, 0, undefined);
const ERROR_NODE = node(ERROR);

/** Nesting deeper than this is left to the parser (whose own recursion then decides, as before). */
const MAX_COMPILE_NESTING = 200;

/** Thrown to leave a formula to the parser: nested too deep to compile, or a function only the parser knows. */
class TooNested extends Error {}

class Compiler {
  private pos = 0;
  /** The tree ends here: nothing after the node that stopped is read. */
  private stopped = false;
  private nesting = 0;
  constructor(private readonly s: string) {}

  program(): Node {
    const v = this.expr();
    if (!this.stopped && this.pos !== this.s.length) return node(THEN_STOP, v);
    return v;
  }

  private stop(n: Node): Node {
    this.stopped = true;
    return n;
  }

  private expr(): Node {
    const v = this.term();
    if (this.stopped || (this.s[this.pos] !== '+' && this.s[this.pos] !== '-')) return v;
    const args = [v];
    const ops: number[] = [];
    while (!this.stopped && (this.s[this.pos] === '+' || this.s[this.pos] === '-')) {
      ops.push(this.s[this.pos++] === '+' ? PLUS : MINUS);
      args.push(this.term());
    }
    return new Node(SUMS, undefined, undefined, 0, undefined, 0, 0, 0, 0, args, ops);
  }

  private term(): Node {
    const v = this.factor();
    if (this.stopped || (this.s[this.pos] !== '*' && this.s[this.pos] !== '/')) return v;
    const args = [v];
    const ops: number[] = [];
    while (!this.stopped && (this.s[this.pos] === '*' || this.s[this.pos] === '/')) {
      ops.push(this.s[this.pos++] === '*' ? TIMES : BY);
      args.push(this.factor());
    }
    return new Node(PRODUCTS, undefined, undefined, 0, undefined, 0, 0, 0, 0, args, ops);
  }

  private factor(): Node {
    if (++this.nesting > MAX_COMPILE_NESTING) throw new TooNested();
    try {
      let v = this.factorAt();
      // a percent sign after the factor divides it by 100, as the parser does
      while (!this.stopped && this.s[this.pos] === '%') {
        this.pos++;
        v = new Node(PRODUCTS, undefined, undefined, 0, undefined, 0, 0, 0, 0, [v, HUNDRED], [BY]);
      }
      return v;
    } finally {
      this.nesting--;
    }
  }

  private factorAt(): Node {
    const ch = this.s[this.pos];
    if (ch === '-') {
      this.pos++;
      return node(NEG, this.factor());
    }
    if (ch === '+') {
      this.pos++;
      return this.factor();
    }
    if (ch === '(') {
      this.pos++;
      const v = this.expr();
      if (this.stopped) return v;
      if (this.s[this.pos] !== ')') return this.stop(node(THEN_STOP, v));
      this.pos++;
      return v;
    }
    if (ch === '#' && this.sticky(ERROR_LITERAL)) return this.stop(ERROR_NODE);
    const num = this.sticky(NUM);
    if (num) {
      this.pos += num[0].length;
      return new Node(NUMBER, undefined, undefined, Number(num[0]), undefined, 0, 0, 0, 0, undefined);
    }
    const fn = this.sticky(FN);
    if (fn) {
      const name = fn[1].toUpperCase();
      this.pos += fn[0].length;
      if (name === 'SUM') {
        const args: Node[] = [];
        const sum = new Node(SUM, undefined, undefined, 0, undefined, 0, 0, 0, 0, args);
        if (this.s[this.pos] !== ')') {
          args.push(this.sumArg());
          while (!this.stopped && (this.s[this.pos] === ',' || this.s[this.pos] === ';')) {
            this.pos++;
            args.push(this.sumArg());
          }
        }
        if (this.stopped) return sum;
        if (this.s[this.pos] !== ')') return this.stop(node(THEN_STOP, sum));
        this.pos++;
        return sum;
      }
      // IFERROR and IF are left to the parser (the tree stops at an error literal, which IFERROR catches; IF reads
      // only the branch its condition picks)
      // (and the rarer functions of PARSER_ONLY)
      if (PARSER_ONLY.has(name)) throw new TooNested();
      if (name === 'ROUND') {
        const x = this.expr();
        if (this.stopped) return x;
        if (this.s[this.pos] !== ',' && this.s[this.pos] !== ';') return this.stop(node(THEN_STOP, x));
        this.pos++;
        const round = node(ROUND, x, this.expr());
        if (this.stopped) return round;
        if (this.s[this.pos] !== ')') return this.stop(node(THEN_STOP, round));
        this.pos++;
        return round;
      }
      return this.stop(STOP_NODE);
    }
    const ref = this.reference(false);
    if (ref) return ref.op === RANGE ? this.stop(STOP_NODE) : ref;
    return this.stop(STOP_NODE);
  }

  private sumArg(): Node {
    const save = this.pos;
    const ref = this.reference(true);
    if (ref && (this.s[this.pos] === ',' || this.s[this.pos] === ';' || this.s[this.pos] === ')')) return ref;
    this.pos = save;
    return this.expr();
  }

  /** A reference at the current position: a cell (CELL, or CELL_IN_SUM as SUM's argument) or a range. */
  private reference(inSum: boolean): Node | undefined {
    const m = this.sticky(REF);
    if (!m) return undefined;
    const sheet = m[1] ? m[1].replace(/''/g, "'") : m[2];
    this.pos += m[0].length;
    const c1 = colNumber(m[3]);
    const r1 = Number(m[4]);
    if (m[5]) {
      const c2 = colNumber(m[5]);
      const r2 = Number(m[6]);
      return new Node(RANGE, undefined, undefined, 0, sheet, Math.min(r1, r2), Math.min(c1, c2), Math.max(r1, r2), Math.max(c1, c2), undefined);
    }
    return new Node(inSum ? CELL_IN_SUM : CELL, undefined, undefined, 0, sheet, r1, c1, r1, c1, undefined);
  }

  private sticky(re: RegExp): RegExpExecArray | null {
    re.lastIndex = this.pos;
    return re.exec(this.s);
  }
}

/** References in formula text, found anywhere (for ordering the evaluation; the evaluator parses them itself). */
const DEP_REF = /(?:(?:'((?:[^']|'')+)'|([A-Za-z0-9_æøåÆØÅ.]+))!)?\$?([A-Za-z]{1,3})\$?(\d{1,7})(?::\$?([A-Za-z]{1,3})\$?(\d{1,7}))?/g;

/** A reference DEP_REF found: a cell (r1, c1) or a range (rows r1..r2, columns c1..c2); sheet undefined for the
 * formula's own sheet. */
export interface DependencyRef {
  sheet: string | undefined;
  range: boolean;
  r1: number;
  c1: number;
  r2: number;
  c2: number;
}

/** Every reference in a formula text (a superset of what the evaluator reads). */
function dependencyRefs(formula: string): DependencyRef[] {
  const out: DependencyRef[] = [];
  // spaces out, but not inside a quoted sheet name ('Budget 2021'!J8)
  const text = formula.replace(/('(?:[^']|'')*')|\s+/g, (_m, quoted: string | undefined) => quoted ?? '');
  DEP_REF.lastIndex = 0;
  for (let m = DEP_REF.exec(text); m; m = DEP_REF.exec(text)) {
    const sheet = m[1] ? m[1].replace(/''/g, "'") : m[2];
    const c1 = colNumber(m[3]);
    const r1 = Number(m[4]);
    if (!m[5]) {
      out.push({ sheet, range: false, r1, c1, r2: r1, c2: c1 });
      continue;
    }
    const c2 = colNumber(m[5]);
    const r2 = Number(m[6]);
    out.push({ sheet, range: true, r1: Math.min(r1, r2), c1: Math.min(c1, c2), r2: Math.max(r1, r2), c2: Math.max(c1, c2) });
  }
  return out;
}

/** What is read of a formula text once: its references (for ordering the evaluation) and its compiled tree
 * (undefined when it is left to the parser: nested too deep to compile). Never mutated. */
export interface FormulaPlan {
  readonly refs: readonly DependencyRef[];
  readonly tree: Node | undefined;
}

/** The plan of each distinct formula text, memoised across the cells and files of a run: one lookup per formula cell
 * serves both the primer's ordering and the evaluation (two lookups before: 36.816 fewer on the 600-file pile). */
export const formulaPlan = memoise((formula: string): FormulaPlan => {
  let tree: Node | undefined;
  try {
    tree = new Compiler(stripSpaces(formula.replace(/^=/, ''))).program();
  } catch {
    tree = undefined;
  }
  return { refs: dependencyRefs(formula), tree };
});

/** The sheet a reference names (undefined: the formula's own, st, which is undefined when the formula was evaluated in a
 * sheet the workbook has not). */
function refSheet(host: FormulaHost, name: string | undefined, st: EvalSheet | undefined): EvalSheet {
  const s = name === undefined ? st : host.evalSheet(name);
  if (!s) throw UNSUPPORTED;
  return s;
}

function run(n: Node, host: FormulaHost, sheet: EvalSheet | undefined): number {
  switch (n.op) {
    case NUMBER:
      return n.num;
    case NEG:
      return -run(n.a!, host, sheet);
    case SUMS: {
      const args = n.args!;
      const ops = n.ops!;
      let v = run(args[0], host, sheet);
      for (let i = 1; i < args.length; i++) {
        const r = run(args[i], host, sheet);
        v = ops[i - 1] === PLUS ? v + r : v - r;
      }
      return v;
    }
    case PRODUCTS: {
      const args = n.args!;
      const ops = n.ops!;
      let v = run(args[0], host, sheet);
      for (let i = 1; i < args.length; i++) {
        const r = run(args[i], host, sheet);
        if (ops[i - 1] === BY && r === 0) throw DIV_ZERO;
        v = ops[i - 1] === TIMES ? v * r : v / r;
      }
      return v;
    }
    case CELL:
      return cellValue(host, refSheet(host, n.sheet, sheet), n.r1, n.c1, false);
    case CELL_IN_SUM:
      return cellValue(host, refSheet(host, n.sheet, sheet), n.r1, n.c1, true);
    case SUM: {
      let total = 0;
      const args = n.args!;
      for (let i = 0; i < args.length; i++) {
        const a = args[i];
        total += a.op === RANGE ? runRange(a, host, sheet) : run(a, host, sheet);
      }
      return total;
    }
    case ROUND: {
      const x = run(n.a!, host, sheet);
      const d = run(n.b!, host, sheet);
      const f = 10 ** Math.trunc(d);
      return Math.round(x * f) / f;
    }
    case ERROR:
      throw FAIL.error;
    case THEN_STOP:
      run(n.a!, host, sheet);
      throw UNSUPPORTED;
    default:
      // STOP, and a range outside SUM (never compiled so)
      throw UNSUPPORTED;
  }
}

function runRange(n: Node, host: FormulaHost, sheet: EvalSheet | undefined): number {
  const s = refSheet(host, n.sheet, sheet);
  if ((n.r2 - n.r1 + 1) * (n.c2 - n.c1 + 1) > 1_000_000) throw UNSUPPORTED;
  return rangeSum(host, s, n.r1, n.c1, n.r2, n.c2);
}

/** Evaluates formula text in a sheet of the host: what `new FormulaParser(host, sheet, formula).parse()` gives, from
 * the formula's compiled tree. */
export function evaluateFormula(host: FormulaHost, sheet: string, formula: string): Evaluated {
  return evaluatePlan(host, sheet, host.evalSheet(sheet), formula, formulaPlan(formula));
}

/** evaluateFormula of a formula whose plan the caller has looked up, in the sheet of that name whose record st is
 * (the host's evalSheet(sheet), found once by the caller). */
export function evaluatePlan(host: FormulaHost, sheet: string, st: EvalSheet | undefined, formula: string, plan: FormulaPlan): Evaluated {
  const tree = plan.tree;
  if (tree === undefined) return new FormulaParser(host, sheet, formula).parse();
  try {
    const v = run(tree, host, st);
    if (!Number.isFinite(v)) return NOT_FINITE;
    return { ok: true, value: v };
  } catch (e) {
    if (e instanceof EvalFailure) return failureOf(e);
    return { ok: false, reason: 'unsupported' };
  }
}

class EvalFailure extends Error {
  constructor(
    readonly reason: Failure,
    /** The error value Excel shows for it, where it is known (#DIV/0!). */
    readonly error?: string,
  ) {
    super(reason);
  }
}

/** One failure of each kind, thrown as they are (only the reason is read): no stack trace captured per failure. */
const FAIL: Record<Failure, EvalFailure> = {
  error: new EvalFailure('error'),
  cycle: new EvalFailure('cycle'),
  unsupported: new EvalFailure('unsupported'),
  'too-deep': new EvalFailure('too-deep'),
};
/** What a failure thrown evaluating a formula makes its result (with the error value, where the failure knows it). */
const failureOf = (e: EvalFailure): Evaluated => (e.error ? { ok: false, reason: e.reason, error: e.error } : { ok: false, reason: e.reason });
/** A division by zero: an error like FAIL.error, the one Excel shows as #DIV/0!. */
const DIV_ZERO = new EvalFailure('error', '#DIV/0!');
const isError = (e: unknown) => e === FAIL.error || e === DIV_ZERO;

/** One column a conditional sum reads (sheet undefined: the formula's own). */
export interface ColumnRef {
  sheet?: string;
  col: number;
}

/** A formula that is one SUMIF or SUMIFS over single columns: the column it adds up and, for each criterion, the
 * column it tests and the criterion (a text or number, or the cell that holds it). */
export interface ConditionalSum {
  sum: ColumnRef;
  conditions: Array<ColumnRef & { criterion: string | number | (ColumnRef & { row: number }) }>;
}

const ARG_COLUMN = /^(?:(?:'((?:[^']|'')+)'|([A-Za-z0-9_æøåÆØÅ.]+))!)?\$?([A-Za-z]{1,3})(?:\$?\d{1,7})?:\$?([A-Za-z]{1,3})(?:\$?\d{1,7})?$/;
const ARG_CELL = /^(?:(?:'((?:[^']|'')+)'|([A-Za-z0-9_æøåÆØÅ.]+))!)?\$?([A-Za-z]{1,3})\$?(\d{1,7})$/;

/** The columns and criteria of a formula that is one SUMIF or SUMIFS over single columns (=SUMIF($B$5:$B$20,"Løn",
 * O$5:O$20), =SUMIFS(O:O,B:B,A12)); undefined for any other formula. */
export function conditionalSum(formula: string): ConditionalSum | undefined {
  const s = stripSpaces(formula.replace(/^=/, ''));
  const m = /^(SUMIFS?)\(/i.exec(s);
  if (!m || callEnd(s, m[0].length) !== s.length - 1) return undefined;
  const args: string[] = [];
  for (let from = m[0].length; from < s.length;) {
    const end = argEnd(s, from);
    if (end < 0) return undefined;
    args.push(s.slice(from, end));
    from = end + 1;
  }
  const column = (a: string): ColumnRef | undefined => {
    const r = ARG_COLUMN.exec(a);
    if (!r || colNumber(r[3]) !== colNumber(r[4])) return undefined;
    const sheet = r[1] ? r[1].replace(/''/g, "'") : r[2];
    return { sheet, col: colNumber(r[3]) };
  };
  const criterion = (a: string): ConditionalSum['conditions'][number]['criterion'] | undefined => {
    const q = /^"((?:[^"]|"")*)"$/.exec(a);
    if (q) return q[1].replace(/""/g, '"');
    if (/^[+-]?\d+(?:\.\d+)?$/.test(a)) return Number(a);
    const c = ARG_CELL.exec(a);
    if (!c) return undefined;
    return { sheet: c[1] ? c[1].replace(/''/g, "'") : c[2], col: colNumber(c[3]), row: Number(c[4]) };
  };
  const pairs: string[] = m[1].toUpperCase() === 'SUMIFS' ? args.slice(1) : args.slice(0, 2);
  const sumArg = m[1].toUpperCase() === 'SUMIFS' ? args[0] : (args[2] ?? args[0]);
  if (m[1].toUpperCase() === 'SUMIF' ? args.length < 2 || args.length > 3 : args.length < 3 || args.length % 2 === 0) return undefined;
  const sum = column(sumArg);
  if (!sum) return undefined;
  const conditions: ConditionalSum['conditions'] = [];
  for (let i = 0; i < pairs.length; i += 2) {
    const col = column(pairs[i]);
    const crit = criterion(pairs[i + 1]);
    if (!col || crit === undefined) return undefined;
    conditions.push({ ...col, criterion: crit });
  }
  return { sum, conditions };
}

/** Parses a SUM formula into the rectangle(s) it adds up, for comparing formula patterns. */
export function sumRanges(formula: string): Array<{ sheet?: string; r1: number; c1: number; r2: number; c2: number }> | undefined {
  const s = formula.replace(/^=/, '').replace(/\s+/g, '');
  const m = /^SUM\((.*)\)$/i.exec(s);
  if (!m) return undefined;
  const out: Array<{ sheet?: string; r1: number; c1: number; r2: number; c2: number }> = [];
  for (const part of m[1].split(/[,;]/)) {
    const r = /^(?:([^!]+)!)?\$?([A-Za-z]{1,3})\$?(\d+)(?::\$?([A-Za-z]{1,3})\$?(\d+))?$/.exec(part);
    if (!r) return undefined;
    const c1 = colNumber(r[2]);
    const r1 = Number(r[3]);
    const c2 = r[4] ? colNumber(r[4]) : c1;
    const r2 = r[5] ? Number(r[5]) : r1;
    out.push({ sheet: r[1], r1: Math.min(r1, r2), c1: Math.min(c1, c2), r2: Math.max(r1, r2), c2: Math.max(c1, c2) });
  }
  return out;
}
