// Reads one cell as an amount: typed numbers, recomputed formulas, Danish text ("1.234,50 kr."), blanks and errors.
import { oreFromKroner, parseAmountText, saneAmount } from '../money.js';
import { ERROR_VALUE, type Grid } from './grid.js';
import type { AmountCell, AmountStatus, Month } from './types.js';
import type { RawCell } from '../read/types.js';
import { a1 } from '../read/address.js';

/** Every amount cell has the same fields in the same order (one hidden class: the rules that read millions of them
 * stay monomorphic); month and year are set for month and per-year total columns. */
export type PlacedAmount = AmountCell & { month?: Month; year?: number };

const STATUSES: readonly AmountStatus[] = ['blank', 'number', 'text', 'error', 'unknown'];
const STATUS_BITS = 7; // bits 0–2: the status's index in STATUSES
const HIDDEN = 8;
const RECOMPUTED_SET = 16; // recomputed is known (true or false)
const RECOMPUTED = 32;
const TYPED_SET = 64;
const TYPED = 128;

const statusBits = (s: AmountStatus) => (s === 'blank' ? 0 : s === 'number' ? 1 : s === 'text' ? 2 : s === 'error' ? 3 : 4);
const flag = (v: boolean | undefined, set: number, on: number) => (v === undefined ? 0 : v ? set | on : set);
const flagOf = (bits: number, set: number, on: number) => (bits & set ? (bits & on) !== 0 : undefined);

/** What the amount cells of one row share: its sheet and row number. */
class At {
  constructor(
    readonly sheet: string,
    readonly row: number,
  ) {}
}

/** What the amount cells of one column with the same status and flags share: the column, status and flags in one
 * small integer, and the month (a month column) or the year (a per-year total) — interned, see kindOf. */
class Kind {
  constructor(
    readonly col: number,
    readonly bits: number,
    readonly period: Month | number | undefined,
  ) {}
}

/** The raw text and formula of a cell that has a raw text (a text, an error, a number typed as text), with or without
 * a formula. A cell with a formula and no raw text (most formula cells: their value is a number) keeps the formula
 * string itself instead: no object for it (a tenth of buildTable's own time was making those). */
interface Texts {
  raw: string | undefined;
  formula: string | undefined;
}

/**
 * An amount cell as built: every one through this class, so all have one hidden class. Four fields, as a large
 * workbook has millions of amount cells (88 → 56 B each; 50.000 lines × 37: ~60 MB less): the row's sheet and number
 * in an At shared by the row's cells, column, status, flags and month or year in an interned Kind, the A1 address
 * derived when asked (a finding's cell), raw text and formula in an object only for the cells that have a raw text
 * (the formula alone as its string).
 */
class Amount {
  private readonly at: At;
  private readonly kind: Kind;
  readonly ore: number | undefined;
  private readonly texts: Texts | string | undefined;
  constructor(at: At, kind: Kind, ore: number | undefined, texts: Texts | string | undefined) {
    this.at = at;
    this.kind = kind;
    this.ore = ore;
    this.texts = texts;
  }
  get sheet(): string {
    return this.at.sheet;
  }
  get row(): number {
    return this.at.row;
  }
  get col(): number {
    return this.kind.col;
  }
  get raw(): string | undefined {
    const t = this.texts;
    return typeof t === 'object' ? t.raw : undefined;
  }
  get formula(): string | undefined {
    const t = this.texts;
    return typeof t === 'object' ? t.formula : t;
  }
  get cell(): string {
    return a1(this.at.row, this.kind.col);
  }
  get status(): AmountStatus {
    return STATUSES[this.kind.bits & STATUS_BITS];
  }
  get hidden(): boolean {
    return (this.kind.bits & HIDDEN) !== 0;
  }
  get recomputed(): boolean | undefined {
    return flagOf(this.kind.bits, RECOMPUTED_SET, RECOMPUTED);
  }
  get typed(): boolean | undefined {
    return flagOf(this.kind.bits, TYPED_SET, TYPED);
  }
  get month(): Month | undefined {
    const p = this.kind.period;
    return typeof p === 'string' ? p : undefined;
  }
  get year(): number | undefined {
    const p = this.kind.period;
    return typeof p === 'number' ? p : undefined;
  }
}

/** The At of the last row asked for: a table's cells are built row by row, so a row's cells share one. */
let lastAt = new At('', 0);
const atOf = (sheet: string, row: number) => (lastAt.row === row && lastAt.sheet === sheet ? lastAt : (lastAt = new At(sheet, row)));

/** The Kind last used in each column (the cells of a column mostly agree), then the last for each value of the bits
 * in that column (a column that mixes typed, blank and formula cells changes bits from row to row), then all Kinds by
 * their fields. Without the second, a Kind found by its key string was 5 % of the model's time on the 600-file pile:
 * the key built and hashed for each cell whose bits differed from the column's cell before. */
const BITS_SLOTS = 256; // bits < 256: status (3 bits) and five flags
const lastKind: Array<Kind | undefined> = [];
const lastKindByBits: Array<Array<Kind | undefined> | undefined> = [];
const kinds = new Map<string, Kind>();

function kindOf(col: number, bits: number, period: Month | number | undefined): Kind {
  const k = lastKind[col];
  if (k !== undefined && k.bits === bits && k.period === period) return k;
  return otherKind(col, bits, period);
}

function otherKind(col: number, bits: number, period: Month | number | undefined): Kind {
  const slots = col < 1 << 16 ? (lastKindByBits[col] ??= new Array<Kind | undefined>(BITS_SLOTS).fill(undefined)) : undefined;
  let kind = slots?.[bits];
  if (kind === undefined || kind.period !== period) {
    const key = `${col} ${bits} ${typeof period} ${period}`;
    kind = kinds.get(key);
    if (kind === undefined) {
      if (kinds.size >= 100_000) kinds.clear(); // Kinds are values: a cleared one is only made again
      kinds.set(key, (kind = new Kind(col, bits, period)));
    }
    if (slots) slots[bits] = kind;
  }
  if (col < 1 << 16) lastKind[col] = kind;
  return kind;
}

/** An amount cell from what its cell reads as. */
function placed(sheet: string, row: number, col: number, hidden: boolean, month: Month | undefined, year: number | undefined, v: Reading): Amount {
  const bits = statusBits(v.status) | (hidden ? HIDDEN : 0) | flag(v.recomputed, RECOMPUTED_SET, RECOMPUTED) | flag(v.typed, TYPED_SET, TYPED);
  const texts = v.raw !== undefined ? { raw: v.raw, formula: v.formula } : v.formula;
  return new Amount(atOf(sheet, row), kindOf(col, bits, month ?? year), v.ore, texts);
}

/** What a cell reads as, before it is placed (one reused scratch record: amountCell is called once per cell). */
interface Reading {
  status: AmountStatus;
  ore: number | undefined;
  raw: string | undefined;
  formula: string | undefined;
  recomputed: boolean | undefined;
  typed: boolean | undefined;
}

const scratch: Reading = { status: 'blank', ore: 0, raw: undefined, formula: undefined, recomputed: undefined, typed: undefined };

function reading(
  status: AmountStatus,
  ore: number | undefined,
  raw: string | undefined,
  formula: string | undefined,
  recomputed?: boolean,
  typed?: boolean,
): Reading {
  const r = scratch;
  r.status = status;
  r.ore = ore;
  r.raw = raw;
  r.formula = formula;
  r.recomputed = recomputed;
  r.typed = typed;
  return r;
}

/** The error text of a cell whose formula refers to itself (directly or through other cells). */
export const CIRCULAR = 'circular';
/** The error text of a formula the evaluator gave up on (a chain deeper than MAX_FORMULA_DEPTH). */
export const TOO_DEEP = 'too-deep';
/** The error text structure/formula-error gives a formula saved with no result that the evaluator cannot compute. */
export const NOT_COMPUTED = 'not-computed';

/** A number that is not an amount (1e308, Infinity), as text for the finding. */
const numberText = (n: number) => (Number.isFinite(n) ? n.toExponential(3) : String(n));

/** The amount cell at (row, col); `month` for a month column's cell or `year` for a per-year total's, never both.
 * `scale` is the kroner one unit of the sheet stands for: 1000 where it states its amounts in thousands. */
export function amountCell(grid: Grid, sheet: string, row: number, col: number, hidden: boolean, month?: Month, year?: number, scale = 1): PlacedAmount {
  return amountOf(grid, sheet, row, col, grid.cell(sheet, row, col), hidden, month, year, scale);
}

/** amountCell of the cell c found at (row, col) (undefined: no cell there), for a caller that has looked it up. */
export function amountOf(
  grid: Grid,
  sheet: string,
  row: number,
  col: number,
  c: RawCell | undefined,
  hidden: boolean,
  month?: Month,
  year?: number,
  scale = 1,
): PlacedAmount {
  return placed(sheet, row, col, hidden, month, year, c ? read(grid, sheet, c, scale) : reading('blank', 0, undefined, undefined));
}

function read(grid: Grid, sheet: string, c: RawCell, scale: number): Reading {
  const f = c.formula;
  if (f) {
    const v = grid.value(sheet, c);
    if (v.ok && !saneAmount(v.value * scale)) return reading('text', undefined, numberText(v.value), f);
    if (v.ok) return reading('number', oreFromKroner(v.value * scale), undefined, f, !!v.recomputed);
    // a circular reference, or a formula the evaluator gave up on: an error of this cell, never a silent 0
    if (v.reason === 'cycle') return reading('error', undefined, CIRCULAR, f);
    if (v.reason === 'too-deep') return reading('error', undefined, TOO_DEEP, f);
    if (v.reason === 'error')
      return reading(
        'error',
        undefined,
        c.error ?? v.error ?? ERROR_VALUE.exec(f)?.[0] ?? '#VALUE!' /* the error a formula holds when no result is cached */,
        f,
      );
    // the empty text "" a formula gives (=IF(SUM(F4:M4)=0,"",SUM(F4:M4)) of a line of zeros): a blank cell, as SUM reads it
    if (v.reason === 'blank') return reading('blank', 0, undefined, f);
    if (v.reason === 'text' && typeof c.value === 'string') {
      const p = parseAmountText(c.value);
      if (p.kind === 'number') return reading('number', p.ore * scale, undefined, f);
      if (p.kind === 'blank') return reading('blank', 0, undefined, f);
      return reading('text', undefined, c.value, f);
    }
    return reading('unknown', undefined, undefined, f);
  }
  if (c.error) return reading('error', undefined, c.error, undefined);
  const v = c.value;
  if (typeof v === 'number' && !saneAmount(v * scale)) return reading('text', undefined, numberText(v), undefined);
  if (typeof v === 'number') return reading('number', oreFromKroner(v * scale), undefined, undefined, undefined, true);
  if (typeof v === 'string') {
    const p = parseAmountText(v);
    // an amount typed as text keeps its text in raw: Excel's SUM skips it (arithmetic/total-mismatch says so)
    if (p.kind === 'number') return reading('number', p.ore * scale, v, undefined, undefined, true);
    if (p.kind === 'blank') return reading('blank', 0, undefined, undefined);
    return reading('text', undefined, v, undefined);
  }
  if (v === null) return reading('blank', 0, undefined, undefined);
  return reading('text', undefined, v instanceof Date ? v.toISOString().slice(0, 10) : String(v), undefined);
}

/** A known, non-zero amount. */
export function hasMoney(a: AmountCell | undefined): boolean {
  return !!a && a.status === 'number' && a.ore !== 0;
}

/** Anything but blank (numbers incl. 0 typed, text, errors, unknown formulas). */
export function nonBlank(a: AmountCell | undefined): boolean {
  return !!a && a.status !== 'blank';
}
