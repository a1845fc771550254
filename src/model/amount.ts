// Reads one cell as an amount: typed numbers, recomputed formulas, Danish text ("1.234,50 kr."), blanks and errors.
import { oreFromKroner, parseAmountText, saneAmount } from '../money.js';
import { ERROR_VALUE, type Grid } from './grid.js';
import type { AmountCell, AmountStatus, Month } from './types.js';
import { a1 } from '../read/address.js';

/** Every amount cell has the same fields in the same order (one hidden class: the rules that read millions of them
 * stay monomorphic); month and year are set for month and per-year total columns. */
export type PlacedAmount = AmountCell & { month?: Month; year?: number };

function mk(
  sheet: string,
  row: number,
  col: number,
  cell: string,
  hidden: boolean,
  status: AmountStatus,
  ore: number | undefined,
  raw: string | undefined,
  formula: string | undefined,
  recomputed: boolean | undefined,
  typed: boolean | undefined,
  month: Month | undefined,
  year: number | undefined,
): PlacedAmount {
  return { sheet, row, col, cell, hidden, status, ore, raw, formula, recomputed, typed, month, year };
}

/** The error text of a cell whose formula refers to itself (directly or through other cells). */
export const CIRCULAR = 'circular';
/** The error text of a formula the evaluator gave up on (a chain deeper than MAX_FORMULA_DEPTH). */
export const TOO_DEEP = 'too-deep';

/** A number that is not an amount (1e308, Infinity), as text for the finding. */
const numberText = (n: number) => (Number.isFinite(n) ? n.toExponential(3) : String(n));

export function amountCell(grid: Grid, sheet: string, row: number, col: number, hidden: boolean, month?: Month, year?: number): PlacedAmount {
  const c = grid.cell(sheet, row, col);
  if (!c) return mk(sheet, row, col, a1(row, col), hidden, 'blank', 0, undefined, undefined, undefined, undefined, month, year);
  const cell = c.address;
  const f = c.formula;
  if (f) {
    const v = grid.value(sheet, c);
    if (v.ok && !saneAmount(v.value)) return mk(sheet, row, col, cell, hidden, 'text', undefined, numberText(v.value), f, undefined, undefined, month, year);
    if (v.ok) return mk(sheet, row, col, cell, hidden, 'number', oreFromKroner(v.value), undefined, f, !!v.recomputed, undefined, month, year);
    // a circular reference, or a formula the evaluator gave up on: an error of this cell, never a silent 0
    if (v.reason === 'cycle') return mk(sheet, row, col, cell, hidden, 'error', undefined, CIRCULAR, f, undefined, undefined, month, year);
    if (v.reason === 'too-deep') return mk(sheet, row, col, cell, hidden, 'error', undefined, TOO_DEEP, f, undefined, undefined, month, year);
    if (v.reason === 'error')
      return mk(
        sheet,
        row,
        col,
        cell,
        hidden,
        'error',
        undefined,
        c.error ?? ERROR_VALUE.exec(f)?.[0] ?? '#VALUE!' /* the error a formula holds when no result is cached */,
        f,
        undefined,
        undefined,
        month,
        year,
      );
    if (v.reason === 'text' && typeof c.value === 'string') {
      const p = parseAmountText(c.value);
      if (p.kind === 'number') return mk(sheet, row, col, cell, hidden, 'number', p.ore, undefined, f, undefined, undefined, month, year);
      if (p.kind === 'blank') return mk(sheet, row, col, cell, hidden, 'blank', 0, undefined, f, undefined, undefined, month, year);
      return mk(sheet, row, col, cell, hidden, 'text', undefined, c.value, f, undefined, undefined, month, year);
    }
    return mk(sheet, row, col, cell, hidden, 'unknown', undefined, undefined, f, undefined, undefined, month, year);
  }
  if (c.error) return mk(sheet, row, col, cell, hidden, 'error', undefined, c.error, undefined, undefined, undefined, month, year);
  const v = c.value;
  if (typeof v === 'number' && !saneAmount(v))
    return mk(sheet, row, col, cell, hidden, 'text', undefined, numberText(v), undefined, undefined, undefined, month, year);
  if (typeof v === 'number') return mk(sheet, row, col, cell, hidden, 'number', oreFromKroner(v), undefined, undefined, undefined, true, month, year);
  if (typeof v === 'string') {
    const p = parseAmountText(v);
    // an amount typed as text keeps its text in raw: Excel's SUM skips it (arithmetic/total-mismatch says so)
    if (p.kind === 'number') return mk(sheet, row, col, cell, hidden, 'number', p.ore, v, undefined, undefined, true, month, year);
    if (p.kind === 'blank') return mk(sheet, row, col, cell, hidden, 'blank', 0, undefined, undefined, undefined, undefined, month, year);
    return mk(sheet, row, col, cell, hidden, 'text', undefined, v, undefined, undefined, undefined, month, year);
  }
  if (v === null) return mk(sheet, row, col, cell, hidden, 'blank', 0, undefined, undefined, undefined, undefined, month, year);
  return mk(
    sheet,
    row,
    col,
    cell,
    hidden,
    'text',
    undefined,
    v instanceof Date ? v.toISOString().slice(0, 10) : String(v),
    undefined,
    undefined,
    undefined,
    month,
    year,
  );
}

/** A known, non-zero amount. */
export function hasMoney(a: AmountCell | undefined): boolean {
  return !!a && a.status === 'number' && a.ore !== 0;
}

/** Anything but blank (numbers incl. 0 typed, text, errors, unknown formulas). */
export function nonBlank(a: AmountCell | undefined): boolean {
  return !!a && a.status !== 'blank';
}
