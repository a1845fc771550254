// Writes a raw test workbook as a real .xlsx with exceljs (formulas without cached values, like scripts write them).
import ExcelJS from 'exceljs';
import type { RawWorkbook } from '../../src/read/types.js';

export async function writeXlsx(wb: RawWorkbook, path: string, opts: { fixedDate?: boolean } = {}): Promise<void> {
  const out = new ExcelJS.Workbook();
  if (opts.fixedDate) {
    // Deterministic bytes for committed fixtures.
    out.created = new Date(Date.UTC(2019, 8, 1));
    out.modified = new Date(Date.UTC(2019, 8, 1));
    out.creator = 'budgettjek fixtures';
  }
  for (const s of wb.sheets) {
    const ws = out.addWorksheet(s.name, { state: s.state === 'visible' ? 'visible' : 'hidden' });
    for (const [r, cells] of s.rows) {
      for (const c of cells) {
        const cell = ws.getCell(r, c.col);
        if (c.formula)
          cell.value = c.error
            ? ({ formula: c.formula, result: { error: c.error } } as never)
            : ({ formula: c.formula, ...(c.value !== null ? { result: c.value } : {}) } as never);
        else if (c.error) cell.value = { error: c.error } as never;
        else cell.value = c.value as never;
      }
      if (s.hiddenRows.has(r)) ws.getRow(r).hidden = true;
    }
    for (const c of s.hiddenCols) ws.getColumn(c).hidden = true;
    for (const m of s.merges) ws.mergeCells(m);
    // Readable in a spreadsheet program: wide post/specification columns, amounts with thousands separators.
    ws.getColumn(1).width = 40;
    ws.getColumn(2).width = 36;
    ws.eachRow((row) =>
      row.eachCell((cell) => {
        if (typeof cell.value === 'number' || (cell.value && typeof cell.value === 'object' && 'formula' in (cell.value as object))) cell.numFmt = '#,##0';
      }),
    );
  }
  await out.xlsx.writeFile(path);
}
