// Builds raw workbooks directly from arrays (no exceljs), for precise model and rule tests.
import { assembleSheet } from '../../fixtures/lib/raw.js';
import type { CellValue, RawCell, RawSheet, RawWorkbook } from '../../src/read/types.js';

export type CellSpec = CellValue | undefined | { f: string; v?: CellValue; err?: string };

export interface SheetSpec {
  name: string;
  rows: CellSpec[][];
  /** First spreadsheet row of rows[0] (default 1). */
  startRow?: number;
  hidden?: boolean;
  hiddenRows?: number[];
  hiddenCols?: number[];
  merges?: string[];
}

export function rawSheet(spec: SheetSpec): RawSheet {
  const rows = spec.rows.map((cells, i): [number, RawCell[]] => {
    const r = (spec.startRow ?? 1) + i;
    const out: RawCell[] = [];
    cells.forEach((v, j) => {
      if (v === undefined || v === null || v === '') return;
      const cell: RawCell = { row: r, col: j + 1, value: null };
      if (typeof v === 'object' && !(v instanceof Date)) {
        cell.formula = v.f;
        if (v.err) cell.error = v.err;
        else if (v.v === undefined) cell.noCachedResult = true;
        else cell.value = v.v;
      } else cell.value = v as CellValue;
      out.push(cell);
    });
    return [r, out];
  });
  return assembleSheet({ ...spec, rows });
}

export function rawWorkbook(...sheets: SheetSpec[]): RawWorkbook {
  return { path: 'test.xlsx', format: 'xlsx', sheets: sheets.map(rawSheet) };
}

/** Month header texts "jan 2020" … for a range. */
export function monthTexts(start: string, end: string): string[] {
  const names = ['jan', 'feb', 'mar', 'apr', 'maj', 'jun', 'jul', 'aug', 'sep', 'okt', 'nov', 'dec'];
  const out: string[] = [];
  let [y, m] = start.split('-').map(Number);
  const [ey, em] = end.split('-').map(Number);
  while (y < ey || (y === ey && m <= em)) {
    out.push(`${names[m - 1]} ${y}`);
    m++;
    if (m > 12) {
      m = 1;
      y++;
    }
  }
  return out;
}
