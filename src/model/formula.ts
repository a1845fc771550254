// The formula evaluator's grammar: SUM, + − × ÷, ROUND, references across sheets, with SUM ranges added up once
// (through the host's range memo). The Grid (grid.ts) hosts it: cells, sheets and the memo of evaluated cells.
import { parseAmountText, saneAmount } from '../money.js';
import { colNumber } from '../read/address.js';
import type { RawCell, RawSheet } from '../read/types.js';

export type Evaluated = { ok: true; value: number; recomputed?: boolean } | { ok: false; reason: 'unsupported' | 'error' | 'cycle' | 'text' | 'too-deep' };

export type Failure = 'error' | 'cycle' | 'unsupported' | 'too-deep';

/** A SUM range's total over rows r1..r2 (row by row, left to right), kept so that the same range, or a longer range
 * from the same first row (a running total), is added up once instead of once per formula that uses it. */
export interface RangeSum {
  r2: number;
  total: number;
  fail?: Failure;
}

/** What the parser reads of the grid it evaluates in (the Grid implements it; the parser never imports the Grid). */
export interface FormulaHost {
  readonly rangeSums: Map<string, RangeSum>;
  sheet(name: string): RawSheet | undefined;
  cell(sheet: string, row: number, col: number): RawCell | undefined;
  value(sheet: string, c: RawCell): Evaluated;
}

class Unsupported extends Error {}

/** Excel's error values as they stand in formula text (=#REF!+H17 after a deleted cell). */
export const ERROR_VALUE = /#(?:REF!|DIV\/0!|VALUE!|NAME\?|N\/A|NUM!|NULL!)/;
const ERROR_LITERAL = new RegExp(ERROR_VALUE.source, 'y');
const NUM = /\d+(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const FN = /([A-Za-z][A-Za-z0-9.]*)\(/y;
const REF = /(?:(?:'((?:[^']|'')+)'|([A-Za-z0-9_æøåÆØÅ.]+))!)?\$?([A-Za-z]{1,3})\$?(\d{1,7})(?::\$?([A-Za-z]{1,3})\$?(\d{1,7}))?/y;

/** Whitespace removed outside quoted sheet names ('Budget 2020'!O2 keeps its space). */
function stripSpaces(f: string): string {
  if (!f.includes("'")) return f.replace(/\s+/g, '');
  return f
    .split(/('(?:[^']|'')*')/)
    .map((part, i) => (i % 2 ? part : part.replace(/\s+/g, '')))
    .join('');
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
      const v = this.expr();
      if (this.pos !== this.s.length) return { ok: false, reason: 'unsupported' };
      if (!Number.isFinite(v)) return { ok: false, reason: 'error' };
      return { ok: true, value: v };
    } catch (e) {
      if (e instanceof EvalFailure) return { ok: false, reason: e.reason };
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
      if (op === '/' && r === 0) throw new EvalFailure('error');
      v = op === '*' ? v * r : v / r;
    }
    return v;
  }

  private factor(): number {
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
    if (ch === '#' && this.sticky(ERROR_LITERAL)) throw new EvalFailure('error');
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
      if (name === 'ROUND') {
        const x = this.expr();
        if (this.s[this.pos] !== ',' && this.s[this.pos] !== ';') throw new Unsupported();
        this.pos++;
        const d = this.expr();
        this.expect(')');
        const f = 10 ** Math.trunc(d);
        return Math.round(x * f) / f;
      }
      throw new Unsupported();
    }
    const ref = this.reference();
    if (ref) {
      if (ref.kind === 'range') throw new Unsupported();
      return this.cellValue(ref.sheet, ref.row, ref.col);
    }
    throw new Unsupported();
  }

  private sumArg(): number {
    const save = this.pos;
    const ref = this.reference();
    if (ref && (this.s[this.pos] === ',' || this.s[this.pos] === ';' || this.s[this.pos] === ')')) {
      if (ref.kind === 'cell') return this.cellValue(ref.sheet, ref.row, ref.col, true);
      const sheet = this.grid.sheet(ref.sheet);
      if (!sheet) throw new Unsupported();
      if ((ref.r2 - ref.r1 + 1) * (ref.c2 - ref.c1 + 1) > 1_000_000) throw new Unsupported();
      return this.rangeSum(sheet, ref.r1, ref.c1, ref.r2, ref.c2);
    }
    this.pos = save;
    return this.expr();
  }

  /** The total of a range, row by row and left to right; a range added up before (or a shorter one from the same
   * first row) is not added up again, and the order of the additions is the same either way. */
  private rangeSum(sheet: RawSheet, r1: number, c1: number, r2: number, c2: number): number {
    const key = `${sheet.name}|${c1}|${c2}|${r1}`;
    const prev = this.grid.rangeSums.get(key);
    if (prev && prev.r2 <= r2) {
      if (prev.fail) throw new EvalFailure(prev.fail); // a failure in the shorter range is a failure of this one
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
      for (let r = from; r <= Math.min(r2, sheet.maxRow); r++) {
        const cells = sheet.rows.get(r);
        if (!cells) continue;
        if (width < cells.length) {
          // a narrow range (one column of a total row): look its cells up instead of scanning the row
          for (let col = c1; col <= c2; col++) {
            const c = this.grid.cell(sheet.name, r, col);
            if (c) t += this.valueOf(sheet, c, true);
          }
        } else for (const c of cells) if (c.col >= c1 && c.col <= c2) t += this.valueOf(sheet, c, true);
      }
    } catch (e) {
      if (e instanceof EvalFailure && (!prev || prev.r2 < r2)) this.grid.rangeSums.set(key, { r2, total: 0, fail: e.reason });
      throw e;
    }
    if (!prev || prev.r2 < r2) this.grid.rangeSums.set(key, { r2, total: t });
    return t;
  }

  /** A referenced cell's value; inside SUM text and blanks count as 0, as in Excel. */
  private cellValue(sheetName: string, row: number, col: number, inSum = false): number {
    const sheet = this.grid.sheet(sheetName);
    if (!sheet) throw new Unsupported();
    const c = this.grid.cell(sheet.name, row, col);
    if (!c) return 0;
    return this.valueOf(sheet, c, inSum);
  }

  private valueOf(sheet: RawSheet, c: RawCell, inSum: boolean): number {
    if (!c.formula && !c.error && typeof c.value === 'number' && saneAmount(c.value)) return c.value; // the common case, without allocating
    const v = this.grid.value(sheet.name, c);
    if (v.ok && saneAmount(v.value)) return v.value;
    // an absurd amount (1e308) is reported at its own cell; a SUM over it counts it as text, as 0
    if (v.ok) {
      if (inSum) return 0;
      throw new EvalFailure('error');
    }
    if (v.reason === 'text') {
      // Danish text amounts ("1.234,50") count as the amounts they are; other text counts as 0 in SUM, as in Excel.
      const p = typeof c.value === 'string' ? parseAmountText(c.value) : undefined;
      if (p?.kind === 'number') return p.ore / 100;
      if (inSum || p?.kind === 'blank') return 0;
      throw new EvalFailure('error');
    }
    throw new EvalFailure(v.reason === 'cycle' || v.reason === 'error' || v.reason === 'too-deep' ? v.reason : 'unsupported');
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
    if (this.s[this.pos] !== ch) throw new Unsupported();
    this.pos++;
  }
}

class EvalFailure extends Error {
  constructor(readonly reason: Failure) {
    super(reason);
  }
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
