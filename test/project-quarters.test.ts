// Bare quarter headers (K1 … K4) on a project year's sheet: the project's quarters where the project starts in another
// month than a calendar quarter's first, calendar quarters otherwise.
import { describe, expect, it } from 'vitest';
import { Grid } from '../src/model/grid.js';
import { headerAt, resolveBareMonths } from '../src/model/header.js';
import type { RawCell, RawSheet } from '../src/read/types.js';

function months(sheetName: string, labels: string[], start: string | undefined, title?: string) {
  const header: RawCell[] = [
    { row: 2, col: 1, value: 'Post' },
    ...labels.map((v, i) => ({ row: 2, col: i + 2, value: v })),
    { row: 2, col: 6, value: 'I alt' },
  ];
  const line: RawCell[] = [
    { row: 3, col: 1, value: 'Husleje' },
    ...labels.map((_, i) => ({ row: 3, col: i + 2, value: 18_000 })),
    { row: 3, col: 6, value: 72_000 },
  ];
  const rows = new Map<number, RawCell[]>([
    [1, [{ row: 1, col: 1, value: title ?? 'Budget' }]],
    [2, header],
    [3, line],
  ]);
  const sheet: RawSheet = { name: sheetName, state: 'visible', rows, maxRow: 3, maxCol: 6, hiddenRows: new Set(), hiddenCols: new Set(), merges: [] };
  const grid = new Grid({ path: 'x', format: 'xlsx', sheets: [sheet] });
  const h = headerAt(grid, sheet, 2)!;
  return [...resolveBareMonths(grid, sheet, h, start as never).values()];
}

describe('bare quarters on a project year sheet', () => {
  it("are the project year's quarters in a project from August", () => {
    expect(months('År 1', ['K1', 'K2', 'K3', 'K4'], '2025-08')).toEqual(['2025-08', '2025-11', '2026-02', '2026-05']);
    expect(months('Projektår 2', ['Q1', 'Q2', 'Q3', 'Q4'], '2026-08')).toEqual(['2026-08', '2026-11', '2027-02', '2027-05']);
    expect(months('År 1', ['1. kvt.', '2. kvt.', '3. kvt.'], '2025-11')).toEqual(['2025-11', '2026-02', '2026-05']);
  });

  it('are calendar quarters where the project starts a calendar quarter, the header names months or the sheet a year', () => {
    expect(months('År 1', ['K1', 'K2', 'K3', 'K4'], '2025-07')).toEqual(['2026-01', '2026-04', '2026-07', '2026-10']);
    expect(months('År 1', ['jan-mar', 'apr-jun', 'jul-sep', 'okt-dec'], '2025-08')).toEqual(['2026-01', '2026-04', '2026-07', '2026-10']);
    expect(months('Budget 2026', ['K1', 'K2', 'K3', 'K4'], '2025-08')).toEqual(['2026-01', '2026-04', '2026-07', '2026-10']);
    expect(months('År 1', ['K1', 'K2', 'K3', 'K4'], '2025-08', 'Budget 2026')).toEqual(['2026-01', '2026-04', '2026-07', '2026-10']);
    expect(months('Budget', ['K1', 'K2', 'K3', 'K4'], '2025-08')).toEqual(['2026-01', '2026-04', '2026-07', '2026-10']);
    expect(months('År 1', ['K2', 'K3', 'K4'], '2025-08')).toEqual(['2026-04', '2026-07', '2026-10']);
  });
});
