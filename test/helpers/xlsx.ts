// Writes a raw test workbook as a real .xlsx with exceljs (formulas without cached values, like scripts write them).
import ExcelJS from 'exceljs';
import type { RawWorkbook } from '../../src/read/types.js';

export async function writeXlsx(wb: RawWorkbook, path: string): Promise<void> {
  const out = new ExcelJS.Workbook();
  for (const s of wb.sheets) {
    const ws = out.addWorksheet(s.name, { state: s.state === 'visible' ? 'visible' : 'hidden' });
    for (const [r, cells] of s.rows) {
      for (const c of cells) {
        const cell = ws.getCell(r, c.col);
        if (c.formula) cell.value = c.error ? { formula: c.formula, result: { error: c.error } } as never : { formula: c.formula, ...(c.value !== null ? { result: c.value } : {}) } as never;
        else if (c.error) cell.value = { error: c.error } as never;
        else cell.value = c.value as never;
      }
      if (s.hiddenRows.has(r)) ws.getRow(r).hidden = true;
    }
    for (const c of s.hiddenCols) ws.getColumn(c).hidden = true;
    for (const m of s.merges) ws.mergeCells(m);
  }
  await out.xlsx.writeFile(path);
}
