// The benchmark's pile of budgets, generated from a seed: the same seed gives the same budgets (same cells), so
// scripts/same-report.ts can prove a change leaves the JSON report of the pile byte-identical.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { budgetWorkbook, type LineSpec } from '../test/helpers/budget.js';
import { rng } from '../test/helpers/mutate.js';
import { writeXlsx } from '../test/helpers/xlsx.js';

const POSTS = [
  'Løn projektleder',
  'Løn koordinator',
  'Løn socialrådgiver',
  'Ekstern konsulent',
  'Kørsel',
  'Forplejning',
  'Kursus i recovery',
  'Leje af lokaler',
  'Trykning af pjecer',
  'Evaluering',
  'Revision',
  'Supervision',
  'Konference',
  'Hjemmeside',
];

export function lines(r: () => number, n: number): LineSpec[] {
  return Array.from({ length: n }, (_, i) => {
    const each = 500 + Math.floor(r() * 40) * 500;
    return {
      post: `${POSTS[i % POSTS.length]} ${Math.floor(i / POSTS.length) + 1}`,
      spec: `33 mdr. à ${each.toLocaleString('da-DK')} kr.`,
      monthly: each,
      note: 'Se ansøgningen',
    };
  });
}

/** Writes `files` budgets (10–60 posts × 33 months; every tenth a Danish CSV) into dir/pile; returns the rng for more. */
export async function writePile(pile: string, files: number, seed: number): Promise<() => number> {
  mkdirSync(pile, { recursive: true });
  const r = rng(seed);
  for (let i = 0; i < files; i++) {
    const n = 10 + Math.floor(r() * 51);
    const spec = { lines: lines(r, n), titleRows: i % 3 === 0 ? 2 : 0, stamdata: { CVR: String(29000000 + i), Ansøger: `Kommune ${i}` } };
    const { wb } = budgetWorkbook(spec);
    if (i % 10 === 9) {
      // every tenth a Danish CSV of the budget sheet
      const sheet = wb.sheets.find((s) => s.name === 'Budget')!;
      const text = [...sheet.rows.values()]
        .map((cells) => cells.map((c) => (typeof c.value === 'number' ? String(c.value).replace('.', ',') : c.formula ? '' : String(c.value ?? ''))).join(';'))
        .join('\r\n');
      writeFileSync(join(pile, `budget-${i}.csv`), '\uFEFF' + text);
    } else await writeXlsx(wb, join(pile, `budget-${i}.xlsx`));
  }
  return r;
}

/**
 * A large budget (`n` lines × 36 months, 2020-01 … 2022-12) written by exceljs's streaming writer, so writing
 * 50.000 lines neither takes minutes nor gigabytes. Formulas without cached results, shared strings, as writeXlsx.
 */
export async function writeLargeBudget(path: string, n: number, r: () => number): Promise<void> {
  const { default: ExcelJS } = await import('exceljs');
  const { wb } = budgetWorkbook({ lines: lines(r, n), start: '2020-01', end: '2022-12', stamdata: { 'Ansøgt beløb': 0 } });
  const out = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useSharedStrings: true, useStyles: true });
  for (const s of wb.sheets) {
    const ws = out.addWorksheet(s.name);
    for (const [rowNo, cells] of s.rows) {
      const row = ws.getRow(rowNo);
      for (const c of cells) {
        const cell = row.getCell(c.col);
        if (c.formula) cell.value = { formula: c.formula, ...(c.value !== null ? { result: c.value } : {}) } as never;
        else cell.value = c.value as never;
      }
      row.commit();
    }
    ws.commit();
  }
  await out.commit();
}
