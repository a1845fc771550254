// Writes a budget workbook made for a pool: Stamdata, budget sheet(s) with the period's months, SUM formulas, financing, instructions.
import ExcelJS from 'exceljs';
import { categoryLabel } from '../itemise/index.js';
import { monthRange } from '../model/months.js';
import { UsageError } from '../errors.js';
import { labelsFor } from '../i18n/languages.js';
import { auditAbove } from '../pools/index.js';
import type { PoolProfile } from '../pools/schema.js';
import { colLetters } from '../read/address.js';
import type { Lang } from '../types.js';
import { eligibleLabels } from './categories.js';

const INPUT_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFF8D6' } };
const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDCE6F1' } };
const MONEY = '#,##0';

function ddmmyyyy(m: string, end: boolean): string {
  const [y, mo] = m.split('-').map(Number);
  const day = end ? new Date(Date.UTC(y, mo, 0)).getUTCDate() : 1;
  return `${String(day).padStart(2, '0')}.${String(mo).padStart(2, '0')}.${y}`;
}

const kroner = (n: number) => n.toLocaleString('da-DK');

/** A form needs the months to lay out: a pool whose sources give no period cannot have one. */
function poolPeriod(pool: PoolProfile): { start: string; end: string } {
  if (!pool.period)
    throw new UsageError(
      `pool ${pool.id} has no known project period, so no form can be laid out for it; give a profile file with a period (see \`budgettjek pools init\`)`,
    );
  return pool.period;
}

/** The pool's rules in plain words, each with its source. */
export function instructions(pool: PoolProfile, lang: Lang): string[][] {
  const period = poolPeriod(pool);
  const registered = auditAbove(pool, 'registered-auditor');
  const performance = auditAbove(pool, 'performance-audit');
  // The seed pools cite BEK 614 and the handbook as S1–S11, today's pools the handbook's pages (H1–H13).
  const src = (...ids: string[]) => ids.map((id) => pool.sources.find((s) => s.id === id)?.title).find(Boolean) ?? ids[0];
  const rates = pool.mileageRates.map((r) => `${r.from.slice(0, 10)}: ${String(r.rate).replace('.', ',')} kr./km`).join('; ');
  const ineligible = pool.ineligibleCategories.map((id) => categoryLabel(id, lang).toLowerCase()).join(', ');
  const t = pool.thresholds;
  return labelsFor(lang).template.instructions({
    id: pool.id,
    name: pool.name,
    nameEn: pool.nameEn,
    funds: pool.funds === undefined ? undefined : kroner(pool.funds),
    start: period.start,
    end: period.end,
    firstDay: ddmmyyyy(period.start, false),
    lastDay: ddmmyyyy(period.end, true),
    quarterly: pool.granularity === 'quarter',
    lumpSumTerms: pool.lumpSumTerms.join(', '),
    ineligible,
    equipmentPerYear: kroner(t.equipmentPerYear),
    mileageRates: rates,
    vatEligible: !!pool.vatEligible,
    noteAbove: kroner(t.noteAbove),
    registeredAuditorAbove: kroner(registered ?? 0),
    performanceAuditAbove: performance === undefined ? undefined : kroner(performance),
    firstSource: pool.sources[0]?.title ?? '',
    src,
  });
}

export interface TemplateOptions {
  lang: Lang;
  perYear: boolean;
  /** Input rows under each section (default 8, 12, 5: room to add lines without inserting rows). */
  rows?: number[];
}

/** The quarters a period touches, as YYYY-Qn. */
export function quarterRange(start: string, end: string): string[] {
  return [...new Set(monthRange(start, end).map((m) => `${m.slice(0, 4)}-Q${Math.ceil(Number(m.slice(5, 7)) / 3)}`))];
}

/** A quarter column's header in the form the pools' own quarterly forms use (SPEC §3): "1. kvt. 2025". */
export function quarterHeader(q: string): string {
  return `${q.slice(6)}. kvt. ${q.slice(0, 4)}`;
}

/** Where things are in a written template, for filling it in (tests) and for the accounts template. */
export interface TemplateLayout {
  /** months: the period columns, YYYY-MM (or YYYY-Qn in a quarterly form). */
  sheets: Array<{ name: string; months: string[]; firstMonthCol: number; totalCol: number; headerRow: number; inputRows: number[]; totalRow: number }>;
  granularity: 'month' | 'quarter';
  financingSheet: string;
  requestedCell: string;
}

export async function writeBudgetTemplate(pool: PoolProfile, options: TemplateOptions): Promise<{ workbook: ExcelJS.Workbook; layout: TemplateLayout }> {
  const t = labelsFor(options.lang).template;
  const wb = new ExcelJS.Workbook();
  wb.creator = 'budgettjek';
  wb.created = new Date(Date.UTC(2020, 0, 1));
  wb.modified = wb.created;
  const period = poolPeriod(pool);
  const quarterly = pool.granularity === 'quarter';
  // a quarterly pool's form has one column per quarter (a monthly budget would satisfy it too, but is more work)
  const months = quarterly ? quarterRange(period.start, period.end) : monthRange(period.start, period.end);
  const groups = options.perYear
    ? [...new Set(months.map((m) => m.slice(0, 4)))].map((y) => ({ name: y, months: months.filter((m) => m.startsWith(y)) }))
    : [{ name: t.budget, months }];

  const stam = wb.addWorksheet(t.stamdata);
  const budgets = groups.map((g) => ({ ...g, ws: wb.addWorksheet(g.name) }));
  const help = wb.addWorksheet(t.instructionsSheet);
  const lists = wb.addWorksheet(t.lists, { state: 'hidden' });
  const labels = eligibleLabels(pool, options.lang);
  labels.forEach((l, i) => (lists.getCell(i + 1, 1).value = l));

  const layout: TemplateLayout = {
    sheets: [],
    granularity: quarterly ? 'quarter' : 'month',
    financingSheet: budgets[budgets.length - 1].name,
    requestedCell: '',
  };
  const sizes = options.rows ?? [8, 12, 5];
  for (const [gi, g] of budgets.entries()) {
    const ws = g.ws;
    ws.getCell('A1').value = t.title(pool.name, pool.nameEn);
    ws.getCell('A1').font = { bold: true, size: 14 };
    ws.getCell('A2').value = t.typeHere;
    ws.getCell('A2').font = { italic: true, color: { argb: 'FF555555' } };
    const headerRow = 4;
    const firstMonthCol = 5;
    const totalCol = firstMonthCol + g.months.length;
    const head = [t.header.post, t.header.spec, t.header.category, t.header.note];
    head.forEach((h, i) => (ws.getCell(headerRow, i + 1).value = h));
    g.months.forEach((m, i) => {
      const c = ws.getCell(headerRow, firstMonthCol + i);
      if (quarterly) c.value = quarterHeader(m);
      else {
        c.value = new Date(Date.UTC(Number(m.slice(0, 4)), Number(m.slice(5, 7)) - 1, 1));
        c.numFmt = 'mmm yyyy';
      }
    });
    ws.getCell(headerRow, totalCol).value = t.header.total;
    ws.getRow(headerRow).font = { bold: true };
    for (let c = 1; c <= totalCol; c++) ws.getCell(headerRow, c).fill = HEADER_FILL;
    ws.views = [{ state: 'frozen', xSplit: 1, ySplit: headerRow }];
    ws.getColumn(1).width = 34;
    ws.getColumn(2).width = 36;
    ws.getColumn(3).width = 24;
    ws.getColumn(4).width = 30;
    for (let c = firstMonthCol; c <= totalCol; c++) ws.getColumn(c).width = quarterly ? 13 : 11;
    // on paper: landscape, one page wide, the header row on every page
    ws.pageSetup = { orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: `${headerRow}:${headerRow}`, paperSize: 9 };
    const L = (c: number) => colLetters(c);
    let r = headerRow + 1;
    const inputRows: number[] = [];
    t.sections.forEach((section, si) => {
      ws.getCell(r, 1).value = section;
      ws.getCell(r, 1).font = { bold: true };
      r++;
      for (let k = 0; k < (sizes[si] ?? 2); k++, r++) {
        inputRows.push(r);
        for (let c = 1; c < totalCol; c++) {
          const cell = ws.getCell(r, c);
          cell.fill = INPUT_FILL;
          if (c >= firstMonthCol) cell.numFmt = MONEY;
        }
        ws.getCell(r, 3).dataValidation = { type: 'list', allowBlank: true, formulae: [`${t.lists}!$A$1:$A$${labels.length}`] };
        ws.getCell(r, totalCol).value = { formula: `SUM(${L(firstMonthCol)}${r}:${L(totalCol - 1)}${r})` } as ExcelJS.CellFormulaValue;
        ws.getCell(r, totalCol).numFmt = MONEY;
      }
    });
    const totalRow = r;
    ws.getCell(totalRow, 1).value = t.totalRow;
    ws.getRow(totalRow).font = { bold: true };
    // one range over every section (section rows hold no amounts): a row inserted between two lines is counted,
    // as a spreadsheet extends a range around an inserted row (a list of cells would leave it out)
    for (let c = firstMonthCol; c <= totalCol; c++) {
      ws.getCell(totalRow, c).value = { formula: `SUM(${L(c)}${headerRow + 1}:${L(c)}${totalRow - 1})` } as ExcelJS.CellFormulaValue;
      ws.getCell(totalRow, c).numFmt = MONEY;
    }
    layout.sheets.push({ name: g.name, months: g.months, firstMonthCol, totalCol, headerRow, inputRows, totalRow });
    if (gi === budgets.length - 1) {
      // Financing below the last budget table; Ansøgt tilskud balances the expenses of every year sheet.
      const expenses = layout.sheets.map((s) => `'${s.name}'!${L(s.totalCol)}${s.totalRow}`).join('+');
      let fr = totalRow + 2;
      ws.getCell(fr, 1).value = t.financing;
      ws.getCell(fr, 1).font = { bold: true };
      fr++;
      const first = fr;
      t.financingRows.forEach((label, i) => {
        ws.getCell(fr, 1).value = label;
        const c = ws.getCell(fr, totalCol);
        if (i === 0)
          c.value = { formula: `${expenses}-SUM(${L(totalCol)}${fr + 1}:${L(totalCol)}${fr + t.financingRows.length - 1})` } as ExcelJS.CellFormulaValue;
        else {
          c.value = 0;
          c.fill = INPUT_FILL;
        }
        c.numFmt = MONEY;
        fr++;
      });
      ws.getCell(fr, 1).value = t.financingTotal;
      ws.getCell(fr, 1).font = { bold: true };
      ws.getCell(fr, totalCol).value = { formula: `SUM(${L(totalCol)}${first}:${L(totalCol)}${fr - 1})` } as ExcelJS.CellFormulaValue;
      ws.getCell(fr, totalCol).numFmt = MONEY;
      layout.requestedCell = `'${g.name}'!${L(totalCol)}${first}`;
    }
  }

  const f = t.fields;
  const rows: Array<[string, ExcelJS.CellValue, boolean]> = [
    [f.applicant, null, true],
    [f.cvr, null, true],
    [f.title, null, true],
    [f.pool, pool.id, false],
    [f.requested, { formula: layout.requestedCell } as ExcelJS.CellFormulaValue, false],
    [f.period, `${ddmmyyyy(period.start, false)} – ${ddmmyyyy(period.end, true)}`, false],
    [f.vat, pool.vatEligible ? null : t.vatExcl, pool.vatEligible],
  ];
  stam.getColumn(1).width = 22;
  stam.getColumn(2).width = 48;
  stam.getColumn(3).width = 60;
  rows.forEach(([label, value, input], i) => {
    stam.getCell(i + 1, 1).value = label;
    stam.getCell(i + 1, 1).font = { bold: true };
    const c = stam.getCell(i + 1, 2);
    c.value = value;
    if (input) c.fill = INPUT_FILL;
  });
  stam.getCell(4, 3).value = pool.name;
  stam.getCell(5, 2).numFmt = MONEY;
  // CVR: eight digits (10000000–99999999), written without thousands separators
  stam.getCell(2, 2).numFmt = '0';
  stam.getCell(2, 2).dataValidation = {
    type: 'whole',
    operator: 'between',
    allowBlank: true,
    formulae: [10000000, 99999999],
    showErrorMessage: true,
    showInputMessage: true,
    errorTitle: 'CVR-nr.',
    error: t.cvrError,
    promptTitle: 'CVR-nr.',
    prompt: t.cvrPrompt,
  };
  stam.pageSetup = { orientation: 'portrait', fitToPage: true, fitToWidth: 1, fitToHeight: 0, paperSize: 9 };
  if (pool.vatEligible) stam.getCell(7, 2).dataValidation = { type: 'list', allowBlank: true, formulae: ['"ekskl. moms,inkl. moms"'] };

  help.pageSetup = { orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, paperSize: 9 };
  help.getColumn(1).width = 110;
  help.getColumn(2).width = 60;
  for (const [i, [rule, source]] of instructions(pool, options.lang).entries()) {
    help.getCell(i + 1, 1).value = rule;
    help.getCell(i + 1, 2).value = source;
    help.getCell(i + 1, 1).alignment = { wrapText: true, vertical: 'top' };
    if (i === 0) help.getRow(1).font = { bold: true };
  }
  return { workbook: wb, layout };
}
