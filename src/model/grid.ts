// Fast cell lookup over a raw workbook, and a small formula evaluator so totals are recomputed, never trusted.
import { parseAmountText } from '../money.js';
import { colNumber } from '../read/address.js';
import type { RawCell, RawSheet, RawWorkbook } from '../read/types.js';
import { rewrite3d, rewriteStructured, tableIndex, type TableIndex } from './structured.js';

const KEY = 65536;

export type Evaluated = { ok: true; value: number; recomputed?: boolean } | { ok: false; reason: 'unsupported' | 'error' | 'cycle' | 'text' };

export class Grid {
  private readonly index = new Map<string, Map<number, RawCell>>();
  private readonly sheetsByName = new Map<string, RawSheet>();
  private readonly sheetsByExactName = new Map<string, RawSheet>();
  private readonly memo = new Map<string, Evaluated>();
  private readonly visiting = new Set<string>();
  private readonly tables: TableIndex | undefined;

  constructor(readonly workbook: RawWorkbook) {
    this.tables = tableIndex(workbook.sheets);
    for (const sheet of workbook.sheets) {
      const m = new Map<number, RawCell>();
      for (const cells of sheet.rows.values()) for (const c of cells) m.set(c.row * KEY + c.col, c);
      this.index.set(sheet.name, m);
      this.sheetsByName.set(sheet.name.toLowerCase(), sheet);
      this.sheetsByExactName.set(sheet.name, sheet);
    }
  }

  sheet(name: string): RawSheet | undefined {
    return this.sheetsByExactName.get(name) ?? this.sheetsByName.get(name.toLowerCase());
  }

  cell(sheet: string, row: number, col: number): RawCell | undefined {
    return this.index.get(sheet)?.get(row * KEY + col);
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
   */
  value(sheet: string, c: RawCell): Evaluated {
    if (c.formula) {
      const key = `${sheet}!${c.address}`;
      const memo = this.memo.get(key);
      if (memo) return memo;
      if (this.visiting.has(key)) return { ok: false, reason: 'cycle' };
      this.visiting.add(key);
      let res: Evaluated;
      try {
        // Excel tables' structured references and SUBTOTAL(9|109, …) as the A1 ranges and SUMs they stand for
        let f: string | undefined = c.formula.includes('[') || c.formula.includes('SUBTOTAL') ? rewriteStructured(c.formula, sheet, c.row, this.tables) : c.formula;
        // 3D references ('År 1:År 3'!F5) as the list of sheets they span
        if (f && f.includes('!') && f.includes(':')) f = rewrite3d(f, this.workbook.sheets.map((x) => x.name));
        res = f === undefined ? { ok: false, reason: 'unsupported' } : new FormulaParser(this, sheet, f).parse();
        if (res.ok) res = { ...res, recomputed: true };
      } catch {
        res = { ok: false, reason: 'unsupported' };
      }
      this.visiting.delete(key);
      if (!res.ok && res.reason === 'unsupported') res = cachedValue(c);
      this.memo.set(key, res);
      return res;
    }
    return cachedValue(c);
  }
}

function cachedValue(c: RawCell): Evaluated {
  if (c.error) return { ok: false, reason: 'error' };
  if (c.value === null) return c.formula ? { ok: false, reason: 'unsupported' } : { ok: true, value: 0 };
  if (typeof c.value === 'number') return { ok: true, value: c.value };
  if (typeof c.value === 'boolean') return { ok: true, value: c.value ? 1 : 0 };
  return { ok: false, reason: 'text' };
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
  return f.split(/('(?:[^']|'')*')/).map((part, i) => (i % 2 ? part : part.replace(/\s+/g, ''))).join('');
}

/** Recursive-descent evaluator for the arithmetic people write in budgets. */
class FormulaParser {
  private pos = 0;
  private readonly s: string;

  constructor(
    private readonly grid: Grid,
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
      let t = 0;
      const sheet = this.grid.sheet(ref.sheet);
      if (!sheet) throw new Unsupported();
      if ((ref.r2 - ref.r1 + 1) * (ref.c2 - ref.c1 + 1) > 1_000_000) throw new Unsupported();
      const width = ref.c2 - ref.c1 + 1;
      for (let r = ref.r1; r <= Math.min(ref.r2, sheet.maxRow); r++) {
        const cells = sheet.rows.get(r);
        if (!cells) continue;
        if (width < cells.length) {
          // a narrow range (one column of a total row): look its cells up instead of scanning the row
          for (let col = ref.c1; col <= ref.c2; col++) {
            const c = this.grid.cell(sheet.name, r, col);
            if (c) t += this.valueOf(sheet, c, true);
          }
        } else for (const c of cells) if (c.col >= ref.c1 && c.col <= ref.c2) t += this.valueOf(sheet, c, true);
      }
      return t;
    }
    this.pos = save;
    return this.expr();
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
    if (!c.formula && !c.error && typeof c.value === 'number') return c.value; // the common case, without allocating
    const v = this.grid.value(sheet.name, c);
    if (v.ok) return v.value;
    if (v.reason === 'text') {
      // Danish text amounts ("1.234,50") count as the amounts they are; other text counts as 0 in SUM, as in Excel.
      const p = typeof c.value === 'string' ? parseAmountText(c.value) : undefined;
      if (p?.kind === 'number') return p.ore / 100;
      if (inSum || p?.kind === 'blank') return 0;
      throw new EvalFailure('error');
    }
    throw new EvalFailure(v.reason === 'cycle' ? 'cycle' : v.reason === 'error' ? 'error' : 'unsupported');
  }

  private reference():
    | { kind: 'cell'; sheet: string; row: number; col: number }
    | { kind: 'range'; sheet: string; r1: number; c1: number; r2: number; c2: number }
    | undefined {
    const m = this.sticky(REF);
    if (!m) return undefined;
    const sheet = m[1] ? m[1].replace(/''/g, "'") : m[2] ?? this.sheet;
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
  constructor(readonly reason: 'error' | 'cycle' | 'unsupported') {
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
