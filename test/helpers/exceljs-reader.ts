// The reader budgettjek used before its own (src/read/ooxml.ts): exceljs into raw cells. Kept as the oracle the
// differential test compares the fast reader against, on every generated fixture.
import ExcelJS from 'exceljs';
import { SheetTooLargeError } from '../../src/read/limits.js';
import type { RawCell, RawSheet, RawWorkbook } from '../../src/read/types.js';

const MERGE_TYPE = 1; // ExcelJS.ValueType.Merge

type Limits = { maxRows: number; maxCols: number; maxCells: number };

function richText(v: { richText: Array<{ text?: string }> }): string {
  return v.richText.map((r) => r.text ?? '').join('');
}

/** Turns an exceljs cell value into our raw cell fields. */
function convert(value: unknown, cell: RawCell): void {
  if (value === null || value === undefined) {
    cell.value = null;
    return;
  }
  if (typeof value === 'number') {
    cell.value = Number.isFinite(value) ? value : null;
    if (!Number.isFinite(value)) cell.error = '#NUM!';
    return;
  }
  if (typeof value === 'string' || typeof value === 'boolean') {
    cell.value = value;
    return;
  }
  if (value instanceof Date) {
    cell.value = Number.isNaN(value.getTime()) ? null : value;
    return;
  }
  if (typeof value === 'object') {
    const v = value as Record<string, unknown>;
    if ('formula' in v || 'sharedFormula' in v) {
      const result = v.result;
      if (result === undefined || result === null) {
        cell.value = null;
        cell.noCachedResult = true;
      } else if (typeof result === 'object' && result !== null && 'error' in (result as object)) {
        cell.value = null;
        cell.error = String((result as { error: unknown }).error);
      } else {
        convert(result, cell);
      }
      return;
    }
    if ('error' in v) {
      cell.value = null;
      cell.error = String(v.error);
      return;
    }
    if (Array.isArray(v.richText)) {
      cell.value = richText(v as { richText: Array<{ text?: string }> });
      return;
    }
    if ('text' in v) {
      const t = v.text;
      cell.value =
        typeof t === 'string' ? t : t && typeof t === 'object' && 'richText' in t ? richText(t as { richText: Array<{ text?: string }> }) : String(t ?? '');
      return;
    }
  }
  cell.value = String(value);
}

export async function readXlsx(path: string, bytes: Buffer, limits: Limits): Promise<RawWorkbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(
    bytes as unknown as ArrayBuffer,
    { ignoreNodes: ['dataValidations', 'conditionalFormatting', 'extLst', 'drawing', 'legacyDrawing', 'picture', 'tableParts'] } as never,
  );
  const sheets: RawSheet[] = [];
  for (const ws of wb.worksheets) {
    const rows = new Map<number, RawCell[]>();
    const hiddenRows = new Set<number>();
    const hiddenCols = new Set<number>();
    let maxRow = 0;
    let maxCol = 0;
    let cells = 0;
    // the rows and columns that hold a cell count, not the highest index (as src/read/ooxml.ts counts them)
    let rowsHeld = 0;
    const colsHeld = new Set<number>();
    ws.eachRow({ includeEmpty: false }, (row, r) => {
      if (++rowsHeld > limits.maxRows) throw new SheetTooLargeError(ws.name, 'rows', limits.maxRows, rowsHeld);
      if (row.hidden) hiddenRows.add(r);
      const out: RawCell[] = [];
      row.eachCell({ includeEmpty: false }, (c, col) => {
        if (c.type === MERGE_TYPE) return; // a merged-away cell repeats its master's value
        if (!colsHeld.has(col) && colsHeld.add(col).size > limits.maxCols) throw new SheetTooLargeError(ws.name, 'columns', limits.maxCols, colsHeld.size);
        if (++cells > limits.maxCells) throw new SheetTooLargeError(ws.name, 'cells', limits.maxCells, cells);
        const cell: RawCell = { row: r, col, value: null };
        const raw = c.value as unknown;
        if (raw && typeof raw === 'object' && ('formula' in (raw as object) || 'sharedFormula' in (raw as object))) {
          let f: string | undefined;
          try {
            f = c.formula;
          } catch {
            f = undefined;
          }
          if (f) cell.formula = f.replace(/^=/, '');
        }
        convert(raw, cell);
        const fmt = c.numFmt;
        if (fmt && fmt !== 'General') cell.numFmt = fmt;
        if (cell.value === null && !cell.formula && !cell.error) return;
        out.push(cell);
        if (col > maxCol) maxCol = col;
      });
      if (out.length) {
        rows.set(r, out);
        maxRow = r;
      }
    });
    const cols = ws.columns as Array<{ hidden?: boolean; number: number }> | null;
    if (cols) for (const col of cols) if (col?.hidden) hiddenCols.add(col.number);
    const merges: string[] = [];
    const mergeMap = (ws as unknown as { _merges: Record<string, { range: string }> })._merges ?? {};
    for (const key of Object.keys(mergeMap)) merges.push(mergeMap[key].range);
    merges.sort();
    const state = ws.state === 'hidden' || ws.state === 'veryHidden' ? ws.state : 'visible';
    sheets.push({ name: ws.name, state, rows, maxRow, maxCol, hiddenRows, hiddenCols, merges });
  }
  return { path, format: 'xlsx', sheets };
}
