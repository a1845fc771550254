// Reads one cell as an amount: typed numbers, recomputed formulas, Danish text ("1.234,50 kr."), blanks and errors.
import { kr, parseAmountText } from '../money.js';
import type { Grid } from './grid.js';
import type { AmountCell } from './types.js';
import { a1 } from '../read/address.js';

export function amountCell(grid: Grid, sheet: string, row: number, col: number, hidden: boolean): AmountCell {
  // Hot path (every amount cell of every table): plain object literals, no spreads.
  const cell = a1(row, col);
  const c = grid.cell(sheet, row, col);
  if (!c) return { sheet, row, col, cell, hidden, status: 'blank', ore: 0 };
  if (c.formula) {
    const v = grid.value(sheet, c);
    if (v.ok) return { sheet, row, col, cell, hidden, status: 'number', ore: kr(v.value), formula: c.formula, recomputed: !!v.recomputed };
    if (v.reason === 'error') return { sheet, row, col, cell, hidden, status: 'error', raw: c.error ?? '#VALUE!', formula: c.formula };
    if (v.reason === 'text' && typeof c.value === 'string') {
      const p = parseAmountText(c.value);
      if (p.kind === 'number') return { sheet, row, col, cell, hidden, status: 'number', ore: p.ore, formula: c.formula };
      if (p.kind === 'blank') return { sheet, row, col, cell, hidden, status: 'blank', ore: 0, formula: c.formula };
      return { sheet, row, col, cell, hidden, status: 'text', raw: c.value, formula: c.formula };
    }
    return { sheet, row, col, cell, hidden, status: 'unknown', formula: c.formula };
  }
  if (c.error) return { sheet, row, col, cell, hidden, status: 'error', raw: c.error };
  if (typeof c.value === 'number') return { sheet, row, col, cell, hidden, status: 'number', ore: kr(c.value), typed: true };
  if (typeof c.value === 'string') {
    const p = parseAmountText(c.value);
    if (p.kind === 'number') return { sheet, row, col, cell, hidden, status: 'number', ore: p.ore, typed: true };
    if (p.kind === 'blank') return { sheet, row, col, cell, hidden, status: 'blank', ore: 0 };
    return { sheet, row, col, cell, hidden, status: 'text', raw: c.value };
  }
  if (c.value === null) return { sheet, row, col, cell, hidden, status: 'blank', ore: 0 };
  return { sheet, row, col, cell, hidden, status: 'text', raw: c.value instanceof Date ? c.value.toISOString().slice(0, 10) : String(c.value) };
}

/** A known, non-zero amount. */
export function hasMoney(a: AmountCell | undefined): boolean {
  return !!a && a.status === 'number' && a.ore !== 0;
}

/** Anything but blank (numbers incl. 0 typed, text, errors, unknown formulas). */
export function nonBlank(a: AmountCell | undefined): boolean {
  return !!a && a.status !== 'blank';
}
