// Amount cells as built: the address, status, flags and month/year they derive from their few stored fields.
import { describe, expect, it } from 'vitest';
import { amountCell } from '../src/model/amount.js';
import { Grid } from '../src/model/grid.js';
import { rawWorkbook } from './helpers/raw.js';

const grid = new Grid(
  rawWorkbook({
    name: 'Budget',
    rows: [
      ['Løn', 1200, { f: 'B1*2' }, { f: 'FOOBAR(B1)', v: 1201 }, 'se note', '1.234,50 kr.', { f: '1/0', err: '#DIV/0!' }, undefined, { f: 'FOOBAR(B1)' }],
      [undefined, undefined, undefined, undefined, undefined, undefined, undefined, 5],
    ],
  }),
);

describe('amountCell', () => {
  it('derives the A1 address from row and column, also of a blank cell and past Z', () => {
    expect(amountCell(grid, 'Budget', 1, 2, false).cell).toBe('B1');
    expect(amountCell(grid, 'Budget', 2, 8, false).cell).toBe('H2');
    expect(amountCell(grid, 'Budget', 40, 28, false).cell).toBe('AB40');
    expect(amountCell(grid, 'Budget', 40, 28, false)).toMatchObject({ sheet: 'Budget', row: 40, col: 28, status: 'blank', ore: 0 });
  });

  it('keeps status and the typed, recomputed and hidden flags apart', () => {
    const typed = amountCell(grid, 'Budget', 1, 2, true);
    expect(typed).toMatchObject({ status: 'number', ore: 120_000, typed: true, hidden: true, formula: undefined, raw: undefined });
    expect(typed.recomputed).toBeUndefined();
    const recomputed = amountCell(grid, 'Budget', 1, 3, false);
    expect(recomputed).toMatchObject({ status: 'number', ore: 240_000, recomputed: true, hidden: false, formula: 'B1*2' });
    expect(recomputed.typed).toBeUndefined();
    // a function the evaluator does not know: the cached result, not recomputed
    const cached = amountCell(grid, 'Budget', 1, 4, false);
    expect(cached).toMatchObject({ status: 'number', ore: 120_100, recomputed: false, formula: 'FOOBAR(B1)' });
    expect(amountCell(grid, 'Budget', 1, 5, false)).toMatchObject({ status: 'text', raw: 'se note', ore: undefined });
    // an amount typed as text keeps its text
    expect(amountCell(grid, 'Budget', 1, 6, false)).toMatchObject({ status: 'number', ore: 123_450, raw: '1.234,50 kr.', typed: true });
    expect(amountCell(grid, 'Budget', 1, 7, false)).toMatchObject({ status: 'error', raw: '#DIV/0!', formula: '1/0' });
    expect(amountCell(grid, 'Budget', 1, 9, false)).toMatchObject({ status: 'unknown', formula: 'FOOBAR(B1)' });
    expect(amountCell(grid, 'Budget', 2, 1, false).status).toBe('blank');
  });

  it('carries a month or a year, and neither when given none', () => {
    const m = amountCell(grid, 'Budget', 1, 2, false, '2022-03');
    expect([m.month, m.year]).toEqual(['2022-03', undefined]);
    const y = amountCell(grid, 'Budget', 1, 2, false, undefined, 2022);
    expect([y.month, y.year]).toEqual([undefined, 2022]);
    const none = amountCell(grid, 'Budget', 1, 2, false);
    expect([none.month, none.year]).toEqual([undefined, undefined]);
  });
});
