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

/**
 * An amount cell as built: every one through this class, so all have one hidden class. Few fields, as a large
 * workbook has millions of amount cells: the A1 address is derived from row and column when asked (a finding's cell),
 * status and the flags share one small integer, and month or year (never both) one field.
 */
class Amount {
  readonly sheet: string;
  readonly row: number;
  readonly col: number;
  readonly ore: number | undefined;
  readonly raw: string | undefined;
  readonly formula: string | undefined;
  private readonly bits: number;
  /** The month (a month column's cell) or the year (a per-year total's cell). */
  private readonly period: Month | number | undefined;
  constructor(sheet: string, row: number, col: number, hidden: boolean, month: Month | undefined, year: number | undefined, v: Reading) {
    this.sheet = sheet;
    this.row = row;
    this.col = col;
    this.ore = v.ore;
    this.raw = v.raw;
    this.formula = v.formula;
    this.bits = statusBits(v.status) | (hidden ? HIDDEN : 0) | flag(v.recomputed, RECOMPUTED_SET, RECOMPUTED) | flag(v.typed, TYPED_SET, TYPED);
    this.period = month ?? year;
  }
  get cell(): string {
    return a1(this.row, this.col);
  }
  get status(): AmountStatus {
    return STATUSES[this.bits & STATUS_BITS];
  }
  get hidden(): boolean {
    return (this.bits & HIDDEN) !== 0;
  }
  get recomputed(): boolean | undefined {
    return flagOf(this.bits, RECOMPUTED_SET, RECOMPUTED);
  }
  get typed(): boolean | undefined {
    return flagOf(this.bits, TYPED_SET, TYPED);
  }
  get month(): Month | undefined {
    return typeof this.period === 'string' ? this.period : undefined;
  }
  get year(): number | undefined {
    return typeof this.period === 'number' ? this.period : undefined;
  }
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

/** A number that is not an amount (1e308, Infinity), as text for the finding. */
const numberText = (n: number) => (Number.isFinite(n) ? n.toExponential(3) : String(n));

/** The amount cell at (row, col); `month` for a month column's cell or `year` for a per-year total's, never both. */
export function amountCell(grid: Grid, sheet: string, row: number, col: number, hidden: boolean, month?: Month, year?: number): PlacedAmount {
  return amountOf(grid, sheet, row, col, grid.cell(sheet, row, col), hidden, month, year);
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
): PlacedAmount {
  return new Amount(sheet, row, col, hidden, month, year, c ? read(grid, sheet, c) : reading('blank', 0, undefined, undefined));
}

function read(grid: Grid, sheet: string, c: RawCell): Reading {
  const f = c.formula;
  if (f) {
    const v = grid.value(sheet, c);
    if (v.ok && !saneAmount(v.value)) return reading('text', undefined, numberText(v.value), f);
    if (v.ok) return reading('number', oreFromKroner(v.value), undefined, f, !!v.recomputed);
    // a circular reference, or a formula the evaluator gave up on: an error of this cell, never a silent 0
    if (v.reason === 'cycle') return reading('error', undefined, CIRCULAR, f);
    if (v.reason === 'too-deep') return reading('error', undefined, TOO_DEEP, f);
    if (v.reason === 'error')
      return reading('error', undefined, c.error ?? ERROR_VALUE.exec(f)?.[0] ?? '#VALUE!' /* the error a formula holds when no result is cached */, f);
    if (v.reason === 'text' && typeof c.value === 'string') {
      const p = parseAmountText(c.value);
      if (p.kind === 'number') return reading('number', p.ore, undefined, f);
      if (p.kind === 'blank') return reading('blank', 0, undefined, f);
      return reading('text', undefined, c.value, f);
    }
    return reading('unknown', undefined, undefined, f);
  }
  if (c.error) return reading('error', undefined, c.error, undefined);
  const v = c.value;
  if (typeof v === 'number' && !saneAmount(v)) return reading('text', undefined, numberText(v), undefined);
  if (typeof v === 'number') return reading('number', oreFromKroner(v), undefined, undefined, undefined, true);
  if (typeof v === 'string') {
    const p = parseAmountText(v);
    // an amount typed as text keeps its text in raw: Excel's SUM skips it (arithmetic/total-mismatch says so)
    if (p.kind === 'number') return reading('number', p.ore, v, undefined, undefined, true);
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
