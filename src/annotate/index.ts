// Annotated copies: each finding as a cell note, the cell coloured by severity, and a findings sheet. Never touches the original.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import ExcelJS from 'exceljs';
import { toKroner } from '../money.js';
import { readWorkbook } from '../read/index.js';
import { LABELS } from '../report/labels.js';
import type { FileReport } from '../report/types.js';
import type { Finding, Lang, Severity } from '../types.js';

const FILL: Record<Severity, string> = { error: 'FFFFC7CE', warning: 'FFFFEB9C', info: 'FFDDEBF7' };
const RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** Text a spreadsheet would run as a formula if typed in, made inert with a leading apostrophe. */
function safe(s: string): string {
  return /^\s*[=+\-@]/.test(s) ? `'${s}` : s;
}

/** The copy's name in outDir: the input's base name, made unique by a short hash of its full path if taken. */
function outName(inputPath: string, outDir: string, used: Set<string>): string {
  const stem = basename(inputPath, extname(inputPath));
  let name = `${stem}.xlsx`;
  if (used.has(name) || existsSync(join(outDir, name))) name = `${stem}-${createHash('sha256').update(inputPath).digest('hex').slice(0, 8)}.xlsx`;
  used.add(name);
  return name;
}

async function loadCopy(inputPath: string, file: FileReport): Promise<ExcelJS.Workbook | undefined> {
  const wb = new ExcelJS.Workbook();
  if (/\.csv$/i.test(inputPath) || file.kind === 'unknown') {
    if (file.kind === 'unknown') return undefined;
    const read = await readWorkbook(inputPath);
    if (!read.ok) return undefined;
    for (const s of read.workbook.sheets) {
      const ws = wb.addWorksheet(s.name);
      for (const cells of s.rows.values()) for (const c of cells) ws.getCell(c.row, c.col).value = c.value as ExcelJS.CellValue;
    }
    return wb;
  }
  await wb.xlsx.load((await readFile(inputPath)) as unknown as ArrayBuffer);
  return wb;
}

export async function annotateWorkbook(inputPath: string, file: FileReport, outDir: string, lang: Lang, used = new Set<string>()): Promise<string | undefined> {
  const wb = await loadCopy(inputPath, file);
  if (!wb) return undefined;
  const byCell = new Map<string, Finding[]>();
  for (const f of file.findings) {
    if (!f.sheet || (!f.cell && !f.row)) continue;
    const cell = f.cell ?? `A${f.row}`;
    const key = `${f.sheet}\u0000${cell}`;
    byCell.set(key, [...(byCell.get(key) ?? []), f]);
  }
  for (const [key, findings] of byCell) {
    const [sheet, address] = key.split('\u0000');
    const ws = wb.getWorksheet(sheet);
    if (!ws) continue;
    const cell = ws.getCell(address);
    findings.sort((a, b) => RANK[a.severity] - RANK[b.severity]);
    const text = findings.map((f) => `${LABELS[lang].severityName[f.severity]} · ${f.rule}\n${f.message}${f.hint ? `\n${LABELS[lang].hint}: ${f.hint}` : ''}`).join('\n\n');
    cell.note = { texts: [{ text }], margins: { insetmode: 'auto' } } as unknown as ExcelJS.Comment;
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: FILL[findings[0].severity] } };
  }
  let name = 'budgettjek';
  for (let i = 2; wb.getWorksheet(name); i++) name = `budgettjek (${i})`;
  const ws = wb.addWorksheet(name);
  const L = LABELS[lang];
  ws.addRow([L.severity, L.rule, L.sheet, L.cell, L.post, L.message, L.hint, L.expected, L.actual]);
  ws.getRow(1).font = { bold: true };
  for (const f of file.findings) {
    const money = f.unit === undefined || f.unit === 'ore';
    const fig = (v: number | undefined) => (v === undefined ? null : money ? toKroner(v) : v);
    ws.addRow([L.severityName[f.severity], f.rule, safe(f.sheet ?? ''), f.cell ?? (f.row ? String(f.row) : ''), safe(f.post ?? ''), safe(f.message), safe(f.hint ?? ''), fig(f.expected), fig(f.actual)]);
  }
  ws.autoFilter = { from: 'A1', to: 'I1' };
  ws.views = [{ state: 'frozen', ySplit: 1 }];
  [10, 32, 14, 8, 30, 80, 60, 14, 14].forEach((w, i) => (ws.getColumn(i + 1).width = w));
  mkdirSync(outDir, { recursive: true });
  const out = join(outDir, outName(inputPath, outDir, used));
  await wb.xlsx.writeFile(out);
  return out;
}
