// Writes the accounts form (regnskab) from an approved budget: its posts and budget column filled in.
import ExcelJS from 'exceljs';
import type { Budget } from '../model/types.js';
import type { PoolProfile } from '../pools/schema.js';

const INPUT_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFF8D6' } };
const MONEY = '#,##0';

export function writeAccountsTemplate(budget: Budget, pool: PoolProfile): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'budgettjek';
  wb.created = new Date(Date.UTC(2020, 0, 1));
  wb.modified = wb.created;
  const stam = wb.addWorksheet('Stamdata');
  const m = budget.metadata;
  // A pool without a known period: the approved budget's own months say it.
  const spent = budget.lines.flatMap((l) => [...l.months.keys()]).sort();
  const period = budget.period ?? pool.period ?? { start: spent[0] ?? '', end: spent.at(-1) ?? '' };
  const rows: Array<[string, ExcelJS.CellValue, boolean]> = [
    ['Tilskudsmodtager', m.applicant?.value ?? null, !m.applicant],
    ['CVR-nr.', m.cvr?.value ?? null, !m.cvr],
    ['Projekttitel', m.title?.value ?? null, !m.title],
    ['Pulje', pool.id, false],
    ['Bevilget beløb', null, true],
    ['Projektperiode', `${period.start} – ${period.end}`, false],
  ];
  stam.getColumn(1).width = 22;
  stam.getColumn(2).width = 48;
  rows.forEach(([label, value, input], i) => {
    stam.getCell(i + 1, 1).value = label;
    stam.getCell(i + 1, 1).font = { bold: true };
    stam.getCell(i + 1, 2).value = value;
    if (input) stam.getCell(i + 1, 2).fill = INPUT_FILL;
  });
  stam.getCell(5, 2).numFmt = MONEY;

  const ws = wb.addWorksheet('Regnskab');
  ws.getCell('A1').value = `Regnskab – ${pool.name}`;
  ws.getCell('A1').font = { bold: true, size: 14 };
  ws.getCell('A2').value = 'Udfyld Regnskab (gul) og forklar afvigelser over 10 % eller 100.000 kr., med dato for Socialstyrelsens godkendelse.';
  const header = ['Budgetpost', 'Budget', 'Regnskab', 'Afvigelse', 'Afvigelse %', 'Forklaring'];
  header.forEach((h, i) => (ws.getCell(4, i + 1).value = h));
  ws.getRow(4).font = { bold: true };
  ws.views = [{ state: 'frozen', ySplit: 4 }];
  [40, 14, 14, 14, 12, 60].forEach((w, i) => (ws.getColumn(i + 1).width = w));
  let r = 5;
  for (const line of budget.lines) {
    ws.getCell(r, 1).value = line.post;
    ws.getCell(r, 2).value = line.total / 100;
    ws.getCell(r, 3).fill = INPUT_FILL;
    ws.getCell(r, 6).fill = INPUT_FILL;
    ws.getCell(r, 4).value = { formula: `IF(C${r}="","",C${r}-B${r})` } as ExcelJS.CellFormulaValue;
    ws.getCell(r, 5).value = { formula: `IF(OR(C${r}="",B${r}=0),"",(C${r}-B${r})/B${r})` } as ExcelJS.CellFormulaValue;
    ws.getCell(r, 5).numFmt = '0.0%';
    for (const c of [2, 3, 4]) ws.getCell(r, c).numFmt = MONEY;
    r++;
  }
  ws.getCell(r, 1).value = 'I alt';
  ws.getRow(r).font = { bold: true };
  for (const c of ['B', 'C']) ws.getCell(`${c}${r}`).value = { formula: `SUM(${c}5:${c}${r - 1})` } as ExcelJS.CellFormulaValue;
  ws.getCell(`D${r}`).value = { formula: `C${r}-B${r}` } as ExcelJS.CellFormulaValue;
  for (const c of [2, 3, 4]) ws.getCell(r, c).numFmt = MONEY;
  return wb;
}
