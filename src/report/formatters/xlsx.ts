// The caseworker's workbook (--format xlsx -o oversigt.xlsx): sheet Oversigt, one row per file with the pool's figures
// below, and sheet Fund, every finding. Written with exceljs; every text from a workbook is a plain string value
// (never a formula, never a hyperlink) with the characters XML forbids removed.
import { createRequire } from 'node:module';
import type ExcelJS from 'exceljs';
import { toKroner } from '../../money.js';
import { askedFor } from '../../model/requested.js';
import type { Finding, Lang } from '../../types.js';
import { verdict } from '../batch-summary.js';
import { xmlSafe } from '../escape.js';
import { labelsFor } from '../../i18n/languages.js';
import { poolFigures } from '../pool-figures.js';
import type { FileReport, Report } from '../types.js';
import { deflateStoredZip } from './deflate-zip.js';
import type { FormatOptions } from './types.js';

const require = createRequire(import.meta.url);

/** exceljs's workbook with its xlsx writer alone, without the package's CSV and streaming parts: about half the start-up
 * of the whole package, which a batch report pays once (npm run bench). The whole package if its layout ever changes. */
function loadWorkbookClass(): typeof ExcelJS.Workbook {
  try {
    return require('exceljs/lib/doc/workbook.js') as typeof ExcelJS.Workbook;
  } catch {
    return (require('exceljs') as typeof ExcelJS).Workbook;
  }
}
const Workbook = loadWorkbookClass();

/** Kroner with two decimals, grouped; Excel and LibreOffice show it with the reader's separators (1.234,50 kr. in Danish). */
export const KR_FORMAT = '#,##0.00 "kr."';

/** Plain cell text: XML-safe and within Excel's 32 767 characters. Assigned as a string, it is never a formula. */
function text(s: string | undefined): string {
  const t = xmlSafe(s ?? '');
  return t.length > 32767 ? t.slice(0, 32766) + '…' : t;
}

/** Sets a cell to plain text (left empty for no text). */
function setText(cell: ExcelJS.Cell, s: string | undefined): void {
  const t = text(s);
  if (t) cell.value = t;
}

function topRules(findings: Finding[]): string {
  const n = new Map<string, number>();
  for (const f of findings) n.set(f.rule, (n.get(f.rule) ?? 0) + 1);
  return [...n]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, 3)
    .map(([r, c]) => (c > 1 ? `${r} ×${c}` : r))
    .join(', ');
}

/** What a file spent or plans to spend: a budget's expenses, an accounts file's actual spending. */
export function spentOf(f: FileReport): number | undefined {
  return f.kind === 'accounts' ? f.totals.actual : f.totals.expenses;
}

const bold = { bold: true } as const;
const HEAD_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8E8E8' } };

function header(ws: ExcelJS.Worksheet, names: string[], widths: number[]): void {
  ws.columns = names.map((_, i) => ({ width: widths[i] }));
  const row = ws.getRow(1);
  names.forEach((h, i) => {
    const c = row.getCell(i + 1);
    c.value = h;
    c.font = bold;
    c.fill = HEAD_FILL;
  });
  ws.views = [{ state: 'frozen', ySplit: 1 }];
}

function colName(n: number): string {
  let s = '';
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
}

function overview(wb: ExcelJS.Workbook, report: Report, lang: Lang): void {
  const L = labelsFor(lang).report;
  const t = labelsFor(lang).xlsx;
  const ws = wb.addWorksheet(t.overview);
  const names = [L.file, L.applicant, t.cvr, L.requested, t.expenses, L.errors, L.warnings, t.topRules, L.verdict];
  header(ws, names, [40, 30, 11, 16, 16, 8, 10, 50, 12]);
  report.files.forEach((f, i) => {
    const row = ws.getRow(i + 2);
    const asked = askedFor(f);
    const spent = spentOf(f);
    setText(row.getCell(1), f.path);
    setText(row.getCell(2), f.applicant);
    setText(row.getCell(3), f.cvr);
    if (asked !== undefined) row.getCell(4).value = toKroner(asked);
    if (spent !== undefined) row.getCell(5).value = toKroner(spent);
    row.getCell(4).numFmt = KR_FORMAT;
    row.getCell(5).numFmt = KR_FORMAT;
    row.getCell(6).value = f.findings.filter((x) => x.severity === 'error').length;
    row.getCell(7).value = f.findings.filter((x) => x.severity === 'warning').length;
    setText(row.getCell(8), topRules(f.findings));
    row.getCell(9).value = L[verdict(f)];
  });
  const last = report.files.length + 1;
  ws.autoFilter = { from: 'A1', to: `${colName(names.length)}${last}` };
  // The pool block, under the files (outside the filter's range).
  const fig = poolFigures(report);
  let r = last + 2;
  ws.getCell(r, 1).value = t.pool + (report.pool ? ` (${text(report.pool.id)})` : '');
  ws.getCell(r, 1).font = bold;
  const put = (label: string, value: number | undefined, fmt?: string) => {
    r++;
    ws.getCell(r, 1).value = label;
    if (value === undefined) return;
    ws.getCell(r, 4).value = value;
    if (fmt) ws.getCell(r, 4).numFmt = fmt;
  };
  put(t.funds, fig.funds === undefined ? undefined : toKroner(fig.funds), KR_FORMAT);
  put(t.requestedAll, toKroner(fig.requested), KR_FORMAT);
  put(t.requestedClean, toKroner(fig.requestedClean), KR_FORMAT);
  put(t.ratio, fig.ratio, '0.00');
}

function findingsSheet(wb: ExcelJS.Workbook, report: Report, lang: Lang): void {
  const { report: L, severity } = labelsFor(lang);
  const t = labelsFor(lang).xlsx;
  const ws = wb.addWorksheet(t.findings);
  const names = [L.file, L.sheet, L.cell, L.rule, L.severity, L.post, L.message, L.expected, t.found];
  header(ws, names, [40, 14, 9, 34, 10, 30, 80, 16, 16]);
  let r = 1;
  const add = (path: string, f: Finding) => {
    const row = ws.getRow(++r);
    const money = f.unit === undefined || f.unit === 'ore';
    setText(row.getCell(1), path);
    setText(row.getCell(2), f.sheet);
    setText(row.getCell(3), f.cell ?? (f.row ? `${f.row}:${f.row}` : ''));
    row.getCell(4).value = f.rule;
    row.getCell(5).value = severity[f.severity];
    setText(row.getCell(6), f.post);
    setText(row.getCell(7), f.message);
    for (const [col, v] of [
      [8, f.expected],
      [9, f.actual],
    ] as const) {
      if (v === undefined) continue;
      const c = row.getCell(col);
      c.value = money ? toKroner(v) : v;
      if (money) c.numFmt = KR_FORMAT;
    }
  };
  for (const file of report.files) for (const f of file.findings) add(file.path, f);
  for (const f of report.findings) add(t.poolRow, f);
  ws.autoFilter = { from: 'A1', to: `${colName(names.length)}${Math.max(r, 1)}` };
}

/** The workbook as bytes (the caller writes it, atomically, to the -o file). */
export async function xlsx(report: Report, options: FormatOptions): Promise<Uint8Array> {
  const wb = new Workbook();
  wb.creator = 'budgettjek';
  // Fixed dates: the same report gives the same workbook contents.
  wb.created = new Date(Date.UTC(2000, 0, 1));
  wb.modified = wb.created;
  overview(wb, report, options.lang);
  findingsSheet(wb, report, options.lang);
  // Stored by exceljs, compressed by Node's zlib (see deflate-zip.ts).
  return deflateStoredZip(new Uint8Array(await wb.xlsx.writeBuffer({ zip: { compression: 'STORE' } } as ExcelJS.XlsxWriteOptions)));
}
