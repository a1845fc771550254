// Builds the budget model: tables per sheet, rows classified (item/section/total/financing), lines combined over year sheets.
import type { CellValue, RawSheet, RawWorkbook } from '../read/types.js';
import { amountCell, amountOf } from './amount.js';
import { mapColumns } from './columns.js';
import { cellAt, Grid } from './grid.js';
import { headerAt, headsAccounts, resolveBareMonths, scanHeader, type HeaderRow } from './header.js';
import { financingKind, normLabel } from './labels.js';
import { isMetadataSheet, readMetadata } from './metadata.js';
import type { AmountCell, Budget, BudgetLine, BudgetRow, BudgetTable, FinancingLine, Metadata, Month, Period, QuantityCell, TextCell } from './types.js';
import { a1 } from '../read/address.js';
import { addMonth, quarterOf, yearIn } from './months.js';
import { classifyBudgetRow, FIRST_ROW, type RowCells } from './row-kind.js';
import { referencedSheets } from './refs.js';
import { MonthSums } from './month-sums.js';
import { sheetSpan } from './structured.js';
import { memoise } from '../memo.js';
import { conditionalSum } from './formula.js';
import { parallelTables } from './parallel.js';
import { amountScale, sheetScales } from './scale.js';
import { unitPriceFromColumns } from '../itemise/columns.js';

/** A sheet is an accounts sheet when its header has Budget and Regnskab/Forbrug columns (an empty sheet merely named
 * "Regnskab" inside a budget workbook does not make the file accounts). */
export function isAccountsSheet(grid: Grid, sheet: RawSheet): boolean {
  // asked of every sheet by the engine and again by buildBudget (and the accounts pairing): read once per grid (and
  // for the sheets prepare scans for a header, in that scan)
  const known = knownAccounts(grid);
  let is = known.get(sheet);
  if (is === undefined) known.set(sheet, (is = headsAccounts(sheet)));
  return is;
}

function knownAccounts(grid: Grid): Map<RawSheet, boolean> {
  let known = accountsSheets.get(grid);
  if (!known) accountsSheets.set(grid, (known = new Map()));
  return known;
}

const accountsSheets = new WeakMap<Grid, Map<RawSheet, boolean>>();

export interface PreparedWorkbook {
  grid: Grid;
  headers: Map<string, HeaderRow>;
  metadata: Metadata;
}

/** Finds the header of every sheet and reads the metadata (used before the pool is known). */
export function prepare(workbook: RawWorkbook): PreparedWorkbook {
  const grid = new Grid(workbook);
  const headers = new Map<string, HeaderRow>();
  for (const s of workbook.sheets) {
    if (isMetadataSheet(s)) continue;
    const { header: h, accounts } = scanHeader(grid, s);
    if (accounts !== undefined) knownAccounts(grid).set(s, accounts);
    if (h) headers.set(s.name, h);
  }
  const headerRows = new Map([...headers].map(([k, v]) => [k, v.row]));
  return { grid, headers, metadata: readMetadata(grid, headerRows) };
}

function textCell(grid: Grid, sheet: string, row: number, col: number | undefined): TextCell | undefined {
  if (!col) return undefined;
  const text = grid.text(sheet, row, col);
  return text ? { sheet, row, col, cell: a1(row, col), text } : undefined;
}

function buildTable(
  grid: Grid,
  sheet: RawSheet,
  header: HeaderRow,
  fallbackStart: Month | undefined,
  periodStart: Month | undefined,
  block?: { next?: HeaderRow },
  sheetScale = 1,
): BudgetTable | undefined {
  const columns = mapColumns(grid, sheet, header, fallbackStart, periodStart);
  if (!columns) return undefined;
  const { postCol, specCol, categoryCol, noteCol, monthCols, totalCol, yearTotalCols, quantityCols } = columns;
  // amounts in thousands of kroner, as the sheet's title rows or this table's header say (quantities stay as typed)
  const scale = sheetScale !== 1 ? sheetScale : amountScale(sheet, header.row, header.row);
  const table: BudgetTable = { sheet: sheet.name, sheetHidden: sheet.state !== 'visible', headerRow: header.row, ...columns, rows: [] };
  if (scale !== 1) table.scale = scale;
  let state = FIRST_ROW;
  // one record of the row's cells for the classifier, and one array of the month cells' values, reused row after row
  // (the classifier keeps neither)
  const monthValues: CellValue[] = new Array<CellValue>(monthCols.length).fill(null);
  const rowCells: RowCells = { row: 0, post: '', spec: undefined, months: [], monthValues, total: undefined, yearTotals: NO_YEAR_TOTALS };
  for (let r = header.row + 1; r <= sheet.maxRow; r++) {
    // the row's cells looked up once (a row the index has not has no cells: it would be an empty row), each month
    // cell once for its amount and its value
    const cells = grid.row(sheet.name, r);
    if (!cells) continue;
    const hidden = sheet.hiddenRows.has(r) || table.sheetHidden;
    const spec = textCell(grid, sheet.name, r, specCol);
    const months: Array<AmountCell & { month: Month }> = [];
    for (let i = 0; i < monthCols.length; i++) {
      const m = monthCols[i];
      const c = cellAt(cells, m.col);
      months.push(amountOf(grid, sheet.name, r, m.col, c, hidden || m.hidden, m.month, undefined, scale) as AmountCell & { month: Month });
      monthValues[i] = c?.value ?? null;
    }
    const total = totalCol ? amountCell(grid, sheet.name, r, totalCol.col, hidden || totalCol.hidden, undefined, undefined, scale) : undefined;
    // a row of a table without per-year totals shares one empty list (never mutated)
    let yearTotals = NO_YEAR_TOTALS;
    if (yearTotalCols.length) {
      yearTotals = [];
      for (const y of yearTotalCols)
        yearTotals.push(amountCell(grid, sheet.name, r, y.col, hidden || y.hidden, undefined, y.year!, scale) as AmountCell & { year: number });
    }
    const post = grid.text(sheet.name, r, postCol);
    rowCells.row = r;
    rowCells.post = post;
    rowCells.spec = spec?.text;
    rowCells.months = months;
    rowCells.total = total;
    rowCells.yearTotals = yearTotals;
    const classified = classifyBudgetRow(rowCells, state);
    state = classified.state;
    const line = classified.row;
    if (line.kind === 'empty') continue;
    if (line.kind === 'month-header') {
      // The header of the next block on the sheet (the next year's months, one table below the other): this table ends.
      const next = block ? headerAt(grid, sheet, r) : undefined;
      const mine = new Set(monthCols.map((m) => m.month));
      // bare month names ("januar") are the next block's when its own title rows or the sheet name give them another
      // year ("2026" above them); with no year of their own they repeat this table's header
      const bare = next?.columns.some((c) => c.role.role === 'bare-month') ? [...resolveBareMonths(grid, sheet, next).values()] : [];
      if (
        next &&
        block &&
        next.columns.every((c) => c.role.role !== 'month' || !mine.has(c.role.month)) &&
        (!bare.length || bare.every((m) => !mine.has(m))) &&
        (bare.length || next.columns.some((c) => c.role.role === 'month'))
      ) {
        block.next = next;
        break;
      }
      continue;
    }
    const quantities = quantityCols.length ? readQuantities(grid, sheet.name, r, quantityCols) : undefined;
    const row: BudgetRow = {
      sheet: sheet.name,
      row: r,
      kind: line.kind === 'item' && recapsOwnLines(sheet.name, months, total, yearTotals) ? 'total' : line.kind,
      post: line.post,
      postCell: a1(r, postCol),
      spec,
      category: textCell(grid, sheet.name, r, categoryCol),
      note: textCell(grid, sheet.name, r, noteCol),
      section: line.section,
      hidden,
      months,
      total,
      yearTotals,
    };
    // (assigned, not spread in: the same fields in the same order, without a temporary object per row)
    if (quantities?.length) row.quantities = quantities;
    if (line.headingTotal) row.headingTotal = true;
    table.rows.push(row);
  }
  if (scale !== 1 && quantityCols.length) scalePrices(table, scale);
  return table;
}

/**
 * A row whose amounts are all conditional sums of the sheet's own cells (=SUMIF($B$5:$B$20,A25,O$5:O$20): a recap by
 * category below the lines, 'Løn' / 'Aktiviteter') adds up lines already counted: a total, not a line. A SUMIF over
 * another sheet (a helper sheet's salary table) is a line's own figure.
 */
function recapsOwnLines(sheet: string, months: readonly AmountCell[], total: AmountCell | undefined, yearTotals: readonly AmountCell[]): boolean {
  // most rows: a first amount that is no SUMIF ends it, with nothing allocated
  let any = false;
  const own = (x: string | undefined) => x === undefined || x.toLowerCase() === sheet.toLowerCase();
  /** 1: a conditional sum of the sheet's own cells; 0: blank; -1: anything else. */
  const recap = (a: AmountCell): number => {
    if (a.status === 'blank' && !a.formula) return 0;
    const f = a.formula;
    if (!f || !/SUMIF/i.test(f)) return -1;
    const c = conditionalSum(f);
    return c && own(c.sum.sheet) && c.conditions.every((k) => own(k.sheet)) ? 1 : -1;
  };
  if (total) {
    const v = recap(total);
    if (v < 0) return false;
    any = v > 0;
  }
  for (let i = 0; i < months.length; i++) {
    const v = recap(months[i]);
    if (v < 0) return false;
    any ||= v > 0;
  }
  for (let i = 0; i < yearTotals.length; i++) {
    const v = recap(yearTotals[i]);
    if (v < 0) return false;
    any ||= v > 0;
  }
  return any;
}

/**
 * In a table stated in thousands, its price columns (Enhedspris, Månedsløn) may be in kroner ("Antal 12, Enhedspris
 * 52.000" beside 624) or in thousands as well (52): they are read in thousands when more lines' units × price agree
 * with their totals so than as typed.
 */
function scalePrices(table: BudgetTable, scale: number): void {
  const close = (a: number, b: number) => Math.abs(a - b) <= Math.max(100, Math.abs(b) * 0.005);
  let asTyped = 0;
  let scaled = 0;
  for (const row of table.rows) {
    const u = row.kind === 'item' ? unitPriceFromColumns(row.quantities) : undefined;
    if (!u) continue;
    const total = rowTotal(row) ?? monthsSum(row);
    if (close(u.totalOre, total)) asTyped++;
    else if (close(u.totalOre * scale, total)) scaled++;
  }
  if (scaled <= asTyped) return;
  for (const row of table.rows)
    for (const q of row.quantities ?? [])
      if ((q.kind === 'price' || q.kind === 'monthlySalary' || q.kind === 'annualSalary') && q.value !== undefined) q.value *= scale;
}

/** The per-year totals of a row of a table that has no per-year total column: one shared empty list. */
const NO_YEAR_TOTALS = Object.freeze([]) as unknown as Array<AmountCell & { year: number }>;

/** The non-empty quantity cells of a row: numbers (typed, formulas, Danish text "1.980", "260 kr.") and their text. */
function readQuantities(grid: Grid, sheet: string, row: number, cols: BudgetTable['quantityCols']): QuantityCell[] {
  const out: QuantityCell[] = [];
  for (const q of cols) {
    const text = grid.text(sheet, row, q.col);
    const a = amountCell(grid, sheet, row, q.col, false);
    if (a.status === 'blank' && !text) continue;
    const value = a.status === 'number' ? a.ore! / 100 : undefined;
    out.push({ sheet, row, col: q.col, cell: a.cell, kind: q.kind, value, text: text || (value !== undefined ? String(value) : '') });
  }
  return out;
}

function rowTotal(row: BudgetRow): number | undefined {
  if (row.total && row.total.status === 'number') return row.total.ore;
  return undefined;
}

/** Sum of a row's known month amounts (øre): the one definition, which the rules use too. */
export function monthsSum(row: BudgetRow): number {
  return row.months.reduce((s, m) => s + (m.status === 'number' ? m.ore! : 0), 0);
}

/** The lines of one post while lines are combined: the count of its rows in the table being walked (table, n) and, made
 * only when the post recurs in another table, the counts in the tables walked before (seen); the cursor of each table
 * beside a parallel one. Two Maps per post before, made for every post. */
interface PostLines {
  lines: BudgetLine[];
  table: string | undefined;
  n: number;
  seen: Map<string, number> | undefined;
  cursor: Map<BudgetTable, number> | undefined;
}

/** Combines item rows into lines: a post that recurs on several sheets is one line. */
export function combineLines(tables: BudgetTable[]): BudgetLine[] {
  const lines: BudgetLine[] = [];
  // A row joins the first line of its post that has no row of its table yet. Those that have one are always the
  // first n lines of the post (n = the rows of that post seen in that table), so the line is found by counting: linear.
  const byKey = new Map<string, PostLines>();
  const tableOf = new Map<BudgetRow, BudgetTable>();
  const parallel = new Map<BudgetTable, Set<BudgetTable>>();
  for (const t of tables) {
    const with_ = tables.filter((u) => parallelTables(t, u));
    if (with_.length) parallel.set(t, new Set(with_));
  }
  if (parallel.size) for (const t of tables) for (const row of t.rows) tableOf.set(row, t);
  // (indexed loops over the rows and months: a for-of allocates an iterator result per element until the function is
  // optimised, which on a batch it is only late in each thread)
  for (let ti = 0; ti < tables.length; ti++) {
    const t = tables[ti];
    const table = `${t.sheet}\u0000${t.headerRow}`;
    const rows = t.rows;
    for (let ri = 0; ri < rows.length; ri++) {
      const row = rows[ri];
      if (row.kind !== 'item') continue;
      const key = normLabel(row.post);
      let post = byKey.get(key);
      if (!post) byKey.set(key, (post = { lines: [], table: undefined, n: 0, seen: undefined, cursor: undefined }));
      // counted per table: a sheet with a block per year holds several tables, each a year of the same lines
      if (post.table !== table) {
        if (post.table !== undefined) (post.seen ??= new Map()).set(post.table, post.n);
        post.table = table;
        post.n = post.seen?.get(table) ?? 0;
      }
      const n = post.n++;
      let line = tables.length > 1 ? post.lines[n] : undefined;
      // a sheet per activity or partner over the same months keeps its posts: a line with a row of this sheet or of a
      // parallel one is not joined (those lines need not be the first n)
      const beside = parallel.get(t);
      if (beside) {
        // a line unfit for this table stays so (lines only gain rows): a cursor per table skips them once, linear
        const unfit = (l: BudgetLine) => l.rows.some((r) => tableOf.get(r) === t || beside.has(tableOf.get(r)!));
        const cursor = (post.cursor ??= new Map());
        let i = cursor.get(t) ?? 0;
        while (i < post.lines.length && unfit(post.lines[i])) i++;
        cursor.set(t, i);
        line = post.lines[i];
      }
      if (!line) {
        line = {
          key,
          post: row.post,
          spec: row.spec?.text,
          category: row.category?.text,
          note: row.note?.text,
          section: row.section,
          rows: [],
          months: new MonthSums(),
          monthsTotal: 0,
          total: 0,
        };
        lines.push(line);
        post.lines.push(line);
      }
      const sums = line.months as MonthSums;
      line.rows.push(row);
      line.spec ??= row.spec?.text;
      line.category ??= row.category?.text;
      line.note ??= row.note?.text;
      // the month sums and monthsSum(row) in one pass over the months (the same additions in the same order). Read by
      // the amount alone: only a 'number' has one other than 0 (a blank's is 0, others have none), and adding 0 to the
      // sum changes nothing (it starts at +0, so never is -0); the status, a getter, was a tenth of this function's time
      let ms = 0;
      const months = row.months;
      for (let mi = 0; mi < months.length; mi++) {
        const m = months[mi];
        const ore = m.ore;
        if (ore === undefined || ore === 0) continue;
        ms += ore;
        sums.add(m.month, ore);
      }
      line.monthsTotal += ms;
      line.total += rowTotal(row) ?? ms;
    }
  }
  return lines;
}

function financingLines(tables: BudgetTable[], grid: Grid): FinancingLine[] {
  const out: FinancingLine[] = [];
  for (const t of tables) {
    for (const row of t.rows) {
      if (row.kind !== 'financing') continue;
      const tot = rowTotal(row);
      const kind = financingKind(row.post) ?? 'unknown';
      // income below the expenses written as a deduction ("Indtægter: deltagerbetaling -24.000" over "Ansøgt tilskud",
      // the net): a source of that size, as a financing section states it
      const signed = tot ?? monthsSum(row);
      const ore = signed < 0 && (kind === 'own' || kind === 'co' || kind === 'other') ? -signed : signed;
      const cell = row.total?.status === 'number' ? row.total : (row.months.find((m) => m.status === 'number' && m.ore !== 0) ?? row.total ?? row.months[0]);
      const unknown =
        row.total?.status !== 'number' &&
        [row.total, ...row.months].some((a) => a !== undefined && (a.status === 'error' || a.status === 'unknown' || a.status === 'text'));
      out.push({
        sheet: row.sheet,
        row: row.row,
        col: cell?.col ?? t.postCol,
        cell: cell?.cell ?? row.postCell,
        post: row.post,
        kind,
        ore,
        ...(unknown ? { unknown } : {}),
      });
    }
  }
  if (!out.length) out.push(...financingColumns(tables, grid));
  // A separate financing sheet of label/amount pairs.
  for (const s of grid.workbook.sheets) {
    if (!/finansiering|financing/i.test(s.name) || tables.some((t) => t.sheet === s.name)) continue;
    for (const [r, cells] of s.rows) {
      const label = cells.find((c) => typeof c.value === 'string');
      if (!label) continue;
      const kind = financingKind(String(label.value));
      if (!kind) continue;
      const amount = cells.find((c) => c.col > label.col && (typeof c.value === 'number' || c.formula || typeof c.value === 'string'));
      if (!amount) continue;
      const a = amountCell(grid, s.name, r, amount.col, false);
      if (a.status !== 'number') continue;
      out.push({ sheet: s.name, row: r, col: amount.col, cell: a1(amount.row, amount.col), post: String(label.value).trim(), kind, ore: a.ore! });
    }
  }
  if (!out.length) out.push(...financingBeside(tables, grid));
  return out;
}

/** Rows below a financing heading beside a table that its block may take. */
const BESIDE_ROWS = 20;

/**
 * A financing block beside a table: a 'Finansiering' heading right of the budget's columns over label/amount pairs
 * (Ansøgt tilskud, Egenfinansiering …), as forms put it next to the expenses. Read where nothing else states the
 * financing; one block per sheet.
 */
function financingBeside(tables: BudgetTable[], grid: Grid): FinancingLine[] {
  const out: FinancingLine[] = [];
  for (const sheetName of new Set(tables.map((t) => t.sheet))) {
    const sheet = grid.workbook.sheets.find((s) => s.name === sheetName);
    if (!sheet) continue;
    const own = tables.filter((t) => t.sheet === sheetName);
    const lastCol = Math.max(...own.flatMap((t) => [t.postCol, ...t.monthCols.map((c) => c.col), t.totalCol?.col ?? 0, ...t.yearTotalCols.map((c) => c.col)]));
    let head: { row: number; col: number } | undefined;
    for (const [r, cells] of sheet.rows) {
      const c = cells.find((x) => x.col > lastCol && typeof x.value === 'string' && /^\s*finansiering\s*:?\s*$/i.test(x.value));
      if (c) {
        head = { row: r, col: c.col };
        break;
      }
    }
    if (!head) continue;
    for (let r = head.row + 1; r <= Math.min(sheet.maxRow, head.row + BESIDE_ROWS); r++) {
      const label = grid.cell(sheetName, r, head.col);
      const kind = label && typeof label.value === 'string' ? financingKind(label.value) : undefined;
      if (!kind) continue;
      const amount = (sheet.rows.get(r) ?? []).find((c) => c.col > head.col && (typeof c.value === 'number' || c.formula || typeof c.value === 'string'));
      if (!amount) continue;
      const a = amountCell(grid, sheetName, r, amount.col, false, undefined, undefined, own[0].scale);
      if (a.status !== 'number') continue;
      out.push({ sheet: sheetName, row: r, col: amount.col, cell: a1(r, amount.col), post: String(label!.value).trim(), kind, ore: a.ore! });
    }
  }
  return out;
}

/**
 * The financing a table states in columns beside each line's total ("Ansøgt fra puljen", "Heraf egenfinansiering"),
 * where no financing section does: each column's line amounts summed. A table with an own-financing column but no
 * column of what is asked for asks for the rest: its lines' total less their own financing.
 */
function financingColumns(tables: BudgetTable[], grid: Grid): FinancingLine[] {
  const out: FinancingLine[] = [];
  for (const t of tables) {
    if (!t.financingCols) continue;
    const items = t.rows.filter((r) => r.kind === 'item');
    const sumOf = (col: number) =>
      items.reduce((s, r) => {
        const a = amountCell(grid, t.sheet, r.row, col, false, undefined, undefined, t.scale);
        return s + (a.status === 'number' ? a.ore! : 0);
      }, 0);
    for (const c of t.financingCols)
      out.push({ sheet: t.sheet, row: t.headerRow, col: c.col, cell: c.cell, post: grid.text(t.sheet, t.headerRow, c.col), kind: c.kind, ore: sumOf(c.col) });
    const own = t.financingCols.filter((c) => c.kind !== 'requested');
    if (own.length && own.length === t.financingCols.length) {
      const total = items.reduce((s, r) => s + (rowTotal(r) ?? monthsSum(r)), 0);
      const c = t.totalCol!;
      const owned = out.filter((f) => f.sheet === t.sheet && f.row === t.headerRow).reduce((s, f) => s + f.ore, 0);
      out.push({
        sheet: t.sheet,
        row: t.headerRow,
        col: c.col,
        cell: c.cell,
        post: grid.text(t.sheet, t.headerRow, c.col),
        kind: 'requested',
        ore: total - owned,
      });
    }
  }
  return out;
}

export function buildBudget(path: string, prepared: PreparedWorkbook, poolPeriod?: Period): Budget {
  const { grid, headers, metadata } = prepared;
  let period: Budget['period'] = metadata.period
    ? { ...metadata.period.value, source: 'metadata' as const }
    : poolPeriod
      ? { ...poolPeriod, source: 'pool' as const }
      : undefined;
  // "Projektperiode: 2020-2022" names years, not months: within those years the pool's months are the precise ones.
  if (period?.source === 'metadata' && poolPeriod && /^\D*\d{4}\D+\d{4}\D*$/.test(metadata.period!.raw)) {
    const start = poolPeriod.start.slice(0, 4) === period.start.slice(0, 4) && poolPeriod.start > period.start ? poolPeriod.start : period.start;
    const end = poolPeriod.end.slice(0, 4) === period.end.slice(0, 4) && poolPeriod.end < period.end ? poolPeriod.end : period.end;
    period = { start, end, source: 'metadata' };
  }
  const tables: BudgetTable[] = [];
  let nextStart = period?.start;
  const budgetSheets = grid.workbook.sheets.filter((s) => headers.has(s.name) && !isAccountsSheet(grid, s));
  // thousands of kroner stated in the title rows above a sheet's first table (or by a sheet it is linked to) hold for
  // every table of the sheet
  const scales = sheetScales(budgetSheets.map((s) => ({ sheet: s, headerRow: headers.get(s.name)!.row })));
  for (const s of budgetSheets) {
    const h = headers.get(s.name)!;
    // A sheet may hold one table per year, one below the other, each under its own header of months.
    let header: HeaderRow | undefined = h;
    const sheetScale = scales.get(s.name) ?? 1;
    for (let blocks = 0; header && blocks < 50; blocks++) {
      const block: { next?: HeaderRow } = {};
      const t = buildTable(grid, s, header, nextStart, period?.start, block, sheetScale);
      header = block.next;
      if (!t || !t.rows.length) continue;
      tables.push(t);
      const last = t.monthCols[t.monthCols.length - 1];
      // the month after the table's last column (after a quarter's three months)
      if (last) nextStart = addMonth(last.month, last.span ?? 1);
    }
  }
  quarterColumns(tables);
  const sorted = sortTables(grid, tables);
  const { summaries, helperSheets, hiddenSources } = sorted;
  // A hidden sheet whose months are all the visible sheets' months is an old copy of the budget ("Budget (gammel)"),
  // not more expenses: structure/hidden-content reports it once, and its lines are not merged into the budget's.
  const visibleMonths = new Set(sorted.budgetTables.filter((t) => !t.sheetHidden).flatMap((t) => t.monthCols.map((m) => m.month)));
  const hiddenCopies = sorted.budgetTables.filter((t) => t.sheetHidden && t.monthCols.length > 0 && t.monthCols.every((m) => visibleMonths.has(m.month)));
  const budgetTables = sorted.budgetTables.filter((t) => !hiddenCopies.includes(t));
  const lines = combineLines(budgetTables);
  const expenses = lines.reduce((s, l) => s + l.total, 0);
  // A summary's financing counts only when the year sheets state none (else it would be counted twice).
  let financing = financingLines(budgetTables, grid);
  if (!financing.length && summaries.length) financing = financingLines(summaries, grid).filter((f) => summaries.some((t) => t.sheet === f.sheet));
  return {
    kind: 'budget',
    path,
    metadata,
    tables: budgetTables,
    summaries,
    helperSheets,
    hiddenSources,
    ...(hiddenCopies.length ? { hiddenCopies } : {}),
    lines,
    financing,
    period,
    expenses,
  };
}

/**
 * Month columns three months apart, each a calendar quarter's first month (date cells 01.10.2024, 01.01.2025 …, or
 * "okt 2024", "jan 2025"), are the quarters they head: a budget by quarter labelled by each quarter's first day, read
 * as single months, put a project from November's first quarter before the project and had no column for November and
 * December. Taken over all the budget's tables (a year sheet may hold one quarter), at least three of them, each
 * month once in its table; anything else is left as months.
 */
function quarterColumns(tables: BudgetTable[]): void {
  const all = new Set<string>();
  for (const t of tables) {
    const own = new Set<string>();
    for (const c of t.monthCols) {
      if (c.span !== undefined || quarterOf(c.month) !== c.month || own.has(c.month)) return;
      own.add(c.month);
      all.add(c.month);
    }
  }
  if (all.size < 3) return;
  const months = [...all].sort();
  for (let i = 1; i < months.length; i++) if (addMonth(months[i - 1], 3) !== months[i]) return;
  for (const t of tables) t.monthCols = t.monthCols.map((c) => ({ col: c.col, month: c.month, span: 3 as const, cell: c.cell, hidden: c.hidden }));
}

/** Sheet names of summary sheets over year sheets (SPEC §3). */
const SUMMARY_SHEET =
  /(?<![\p{L}])(samlet|samlede|budgetoversigt|oversigt|total|totaler|totalbudget|i alt|sammendrag|sammenfatning|hovedbudget|summary|overview)(?![\p{L}])/iu;
/** Sheet names of helper sheets (a salary calculation, a rate table). */
const HELPER_SHEET = /(beregning|satser|takster|hjælp|grundlag|forudsætning|lønskema|calc|rates|lookup|opslag)/i;

/** A post without its numbering, normalised (memoised: one lookup per item row instead of a regex and a lookup). */
const postKey = memoise((post: string) => normLabel(post.replace(/^\s*\d+(?:\.\d+)*\.?\s+/, '')));

/** The sheets the formulas of a table's amount and quantity cells refer to, with the first cell for each. */
/** The workbook's sheets a formula refers to; a 3D reference ('År 1:År 3'!F5) names every sheet of its span. */
function sheetsNamed(grid: Grid, formula: string): string[] {
  // the sheets of the tables its structured references name ("=SUM(Budget2025[I alt])" takes from 'Budget 2025')
  const out: string[] = grid.tableSheets(formula);
  for (const ref of referencedSheets(formula)) {
    const direct = grid.sheet(ref);
    if (direct) out.push(direct.name);
    else if (ref.includes(':')) {
      const i = ref.indexOf(':');
      out.push(
        ...(sheetSpan(
          grid.workbook.sheets.map((x) => x.name),
          ref.slice(0, i),
          ref.slice(i + 1),
        ) ?? []),
      );
    }
  }
  return out;
}

function tableRefs(grid: Grid, t: BudgetTable): Map<string, { row: number; col: number; cell: string }> {
  const out = new Map<string, { row: number; col: number; cell: string }>();
  // `at` gives the cell's address, read only for a formula naming another sheet (built on demand for amount cells)
  const note = (row: number, col: number, at: { cell: string }, formula: string | undefined) => {
    // most formulas name no other sheet (nor another sheet's table): look for "!" or "[" before parsing
    if (!formula || (!formula.includes('!') && !formula.includes('['))) return;
    for (const name of sheetsNamed(grid, formula)) if (name !== t.sheet && !out.has(name)) out.set(name, { row, col, cell: at.cell });
  };
  // (the formula read first, and "!" looked for, before the cell's column is: tableRefs reads every amount cell of
  // the table, 2 % of the model's time on the 600-file pile when it read each one's column and called note for it)
  for (let ri = 0; ri < t.rows.length; ri++) {
    const row = t.rows[ri];
    if (row.kind !== 'item' && row.kind !== 'total') continue;
    const months = row.months;
    for (let i = 0; i < months.length; i++) {
      const a = months[i];
      const f = a.formula;
      if (f !== undefined && (f.includes('!') || f.includes('['))) note(row.row, a.col, a, f);
    }
    if (row.total) note(row.row, row.total.col, row.total, row.total.formula);
    const years = row.yearTotals;
    for (let i = 0; i < years.length; i++) {
      const a = years[i];
      const f = a.formula;
      if (f !== undefined && (f.includes('!') || f.includes('['))) note(row.row, a.col, a, f);
    }
    for (const q of row.quantities ?? []) note(row.row, q.col, q, grid.cell(t.sheet, q.row, q.col)?.formula);
  }
  return out;
}

/** The share of a table's non-blank line amounts that are formulas taking them from the given sheets. */
function crossShare(grid: Grid, t: BudgetTable, from: Set<string>): number {
  let all = 0;
  let cross = 0;
  for (const row of t.rows) {
    if (row.kind !== 'item') continue;
    // the period and year cells (the row's own I alt sums them on the sheet), else the total
    const parts = [...row.months, ...row.yearTotals].filter((a) => a.status !== 'blank');
    for (const a of parts.length ? parts : row.total ? [row.total] : []) {
      if (a.status === 'blank') continue;
      all++;
      if (a.formula && (a.formula.includes('!') || a.formula.includes('[')) && sheetsNamed(grid, a.formula).some((n) => from.has(n))) cross++;
    }
  }
  return all ? cross / all : 0;
}

/**
 * Sorts the tables: a summary sheet over the year sheets (by its name, or because its lines take their amounts from
 * the other tables' sheets) is a view, not more expenses; a table only other tables take amounts from, and whose
 * posts are not theirs, is a helper sheet (a salary calculation), not budget lines. Hidden sheets amounts come from
 * are recorded, for structure/hidden-content.
 */
function sortTables(grid: Grid, tables: BudgetTable[]) {
  const refs = new Map(tables.map((t) => [t.sheet, tableRefs(grid, t)]));
  const posts = new Map(tables.map((t) => [t.sheet, new Set(t.rows.filter((r) => r.kind === 'item').map((r) => postKey(r.post)))]));
  const shared = (a: string, b: string[]) => {
    const mine = [...posts.get(a)!];
    if (!mine.length) return 0;
    return mine.filter((p) => b.some((o) => posts.get(o)?.has(p))).length / mine.length;
  };
  // the categories (Kategori column) and sections ('1. Løn') each table's lines fall in, as post keys
  const categories = new Map(
    tables.map((t) => {
      const keys = new Set<string>();
      for (const r of t.rows) {
        if (r.kind !== 'item') continue;
        if (r.category?.text) keys.add(postKey(r.category.text));
        if (r.section) keys.add(postKey(r.section));
      }
      keys.delete('');
      return [t.sheet, keys];
    }),
  );
  const items = (t: BudgetTable) => t.rows.filter((r) => r.kind === 'item').length;
  /** An overview by category (Løn / Aktiviteter / Administration typed, whatever the sheet's name): two posts or more,
   * every one a category or section of the lines of one other sheet, which has more lines than it (the lines those
   * categories group), and no months of its own. */
  const byCategoriesOf = (t: BudgetTable) => {
    const mine = t.rows.filter((r) => r.kind === 'item').map((r) => postKey(r.post));
    if (mine.length < 2 || t.monthCols.length) return undefined;
    // (not a sheet of another year than the other's: 'Budget 2026' by section beside 'Budget 2025' is its own year)
    const year = yearIn(t.sheet);
    return tables.find(
      (o) =>
        o !== t &&
        items(o) > mine.length &&
        !(year !== undefined && yearIn(o.sheet) !== undefined && yearIn(o.sheet) !== year) &&
        mine.every((p) => categories.get(o.sheet)!.has(p)),
    )?.sheet;
  };
  const summaries: BudgetTable[] = [];
  if (tables.length >= 2) {
    for (const t of tables) {
      const others = tables.filter((o) => o !== t).map((o) => o.sheet);
      // (a sheet named as a calculation is what the budget takes figures from, not a year sheet it sums)
      const referenced = [...refs.get(t.sheet)!.keys()].filter((n) => others.includes(n) && !HELPER_SHEET.test(n));
      // by its name, when its posts are the other sheets' or its figures come from them (a summary by section), or when
      // it has no months of its own beside sheets that have them (an overview typed as values: one line per year sheet
      // or per section, in year columns or one I alt)
      const byName =
        SUMMARY_SHEET.test(t.sheet.trim()) &&
        (shared(t.sheet, others) >= 0.5 || referenced.length > 0 || (!t.monthCols.length && tables.some((o) => o !== t && o.monthCols.length > 0)));
      // by its formulas: its lines are the other sheets' posts, or nearly all its amounts are taken from those sheets
      const byRefs = referenced.length > 0 && (shared(t.sheet, referenced) >= 0.5 || crossShare(grid, t, new Set(referenced)) >= 0.8);
      const byCategories = byName || byRefs ? undefined : byCategoriesOf(t);
      if (byName || byRefs || byCategories) summaries.push({ ...t, summaryOf: referenced.length ? referenced : byCategories ? [byCategories] : others });
    }
    // Every table a summary at once means none is (two year sheets that refer to each other's figures).
    if (summaries.length === tables.length) summaries.length = 0;
  }
  const isSummary = (name: string) => summaries.some((s) => s.sheet === name);
  const helpers = new Set<string>();
  for (const t of tables) {
    if (isSummary(t.sheet)) continue;
    for (const name of refs.get(t.sheet)!.keys()) {
      const u = tables.find((x) => x.sheet === name);
      if (!u || isSummary(name) || helpers.has(name)) continue;
      // a sheet the budget takes figures from, whose posts are not the budget's: a calculation behind the lines
      if (HELPER_SHEET.test(name) || shared(name, [t.sheet]) < 0.5) helpers.add(name);
    }
  }
  // a table on a sheet named as a calculation ("Lønberegning", "Satser") beside the budget's own tables is one too
  const plain = tables.filter((t) => !isSummary(t.sheet) && !helpers.has(t.sheet));
  if (plain.some((t) => !HELPER_SHEET.test(t.sheet))) for (const t of plain) if (HELPER_SHEET.test(t.sheet)) helpers.add(t.sheet);
  const budgetTables = tables.filter((t) => !isSummary(t.sheet) && !helpers.has(t.sheet));
  const helperSheets = new Set<string>([...helpers].filter((n) => grid.sheet(n)?.state === 'visible'));
  const hiddenSources: Budget['hiddenSources'] = [];
  const reported = new Set<string>();
  for (const t of budgetTables) {
    for (const [name, at] of refs.get(t.sheet)!) {
      const sh = grid.sheet(name)!;
      if (sh.state === 'visible') {
        if (!tables.some((x) => x.sheet === name)) helperSheets.add(name);
        continue;
      }
      if (reported.has(name) || budgetTables.some((x) => x.sheet === name)) continue;
      reported.add(name);
      hiddenSources.push({ sheet: t.sheet, row: at.row, col: at.col, cell: at.cell, source: name });
    }
  }
  return { budgetTables, summaries, helperSheets: [...helperSheets], hiddenSources };
}

export type { AmountCell };
