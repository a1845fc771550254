// Builds the budget model: tables per sheet, rows classified (item/section/total/financing), lines combined over year sheets.
import type { RawSheet, RawWorkbook } from '../read/types.js';
import { amountCell, hasMoney, nonBlank } from './amount.js';
import { Grid } from './grid.js';
import { findHeaderRow, resolveBareMonths, type HeaderRow } from './header.js';
import { financingKind, isFinancingHeading, isTotalPost, normLabel } from './labels.js';
import { isMetadataSheet, readMetadata } from './metadata.js';
import type {
  AmountCell, Budget, BudgetLine, BudgetRow, BudgetTable, FinancingLine, Metadata, Month, MonthColumn, Period, TextCell, TotalColumn,
} from './types.js';
import { a1 } from '../read/address.js';
import { addMonth } from './months.js';

const ACCOUNTS_HEADER = /^(regnskab|forbrug|faktisk forbrug|faktiske udgifter|realiseret|actual|actual spending|afholdt)/;

/** A sheet is an accounts sheet when its header has Budget and Regnskab/Forbrug columns (an empty sheet merely named
 * "Regnskab" inside a budget workbook does not make the file accounts). */
export function isAccountsSheet(grid: Grid, sheet: RawSheet): boolean {
  for (let r = 1; r <= Math.min(30, sheet.maxRow); r++) {
    const labels = (sheet.rows.get(r) ?? []).filter((c) => typeof c.value === 'string').map((c) => normLabel(String(c.value)));
    if (labels.some((l) => /^budget(tal)?( \d{4})?$|^godkendt budget|^budget i alt/.test(l)) && labels.some((l) => ACCOUNTS_HEADER.test(l))) return true;
  }
  return false;
}

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
    const h = findHeaderRow(grid, s);
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

function buildTable(grid: Grid, sheet: RawSheet, header: HeaderRow, fallbackStart: Month | undefined, periodStart: Month | undefined): BudgetTable | undefined {
  const bare = resolveBareMonths(grid, sheet, header, fallbackStart);
  const monthCols: MonthColumn[] = [];
  const yearTotalCols: TotalColumn[] = [];
  let totalCol: TotalColumn | undefined;
  let postCol: number | undefined;
  let specCol: number | undefined;
  let categoryCol: number | undefined;
  let noteCol: number | undefined;
  for (const c of header.columns) {
    const hidden = sheet.hiddenCols.has(c.col);
    switch (c.role.role) {
      case 'month':
        monthCols.push({ col: c.col, month: c.role.month, cell: c.cell, hidden });
        break;
      case 'bare-month': {
        const m = bare.get(c.col);
        if (m) monthCols.push({ col: c.col, month: m, cell: c.cell, hidden });
        break;
      }
      case 'rel-month':
        // "Måned 1" is the first month of the project period.
        if (periodStart) monthCols.push({ col: c.col, month: addMonth(periodStart, c.role.n - 1), cell: c.cell, hidden });
        break;
      case 'total':
        if (c.role.year) yearTotalCols.push({ col: c.col, cell: c.cell, year: c.role.year, hidden });
        else if (!totalCol) totalCol = { col: c.col, cell: c.cell, hidden };
        else totalCol = { col: c.col, cell: c.cell, hidden }; // the last plain total column is the grand total
        break;
      case 'post':
        postCol ??= c.col;
        break;
      case 'spec':
        specCol ??= c.col;
        break;
      case 'category':
        categoryCol ??= c.col;
        break;
      case 'note':
        noteCol ??= c.col;
        break;
    }
  }
  if (!monthCols.length && !totalCol) return undefined;
  const amountCols = new Set([...monthCols.map((m) => m.col), ...(totalCol ? [totalCol.col] : []), ...yearTotalCols.map((y) => y.col)]);
  if (!postCol) {
    // No post label: take the leftmost column left of the amounts that holds text under the header.
    const firstAmount = Math.min(...amountCols);
    const counts = new Map<number, number>();
    for (let r = header.row + 1; r <= Math.min(sheet.maxRow, header.row + 80); r++) {
      for (const c of sheet.rows.get(r) ?? []) if (c.col < firstAmount && typeof c.value === 'string' && !/^\d/.test(c.value)) counts.set(c.col, (counts.get(c.col) ?? 0) + 1);
    }
    const best = [...counts].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0];
    if (!best) return undefined;
    postCol = best[0];
  }
  monthCols.sort((a, b) => a.col - b.col);
  const table: BudgetTable = {
    sheet: sheet.name,
    sheetHidden: sheet.state !== 'visible',
    headerRow: header.row,
    postCol,
    specCol,
    categoryCol,
    noteCol,
    monthCols,
    totalCol,
    yearTotalCols,
    rows: [],
  };
  let section: string | undefined;
  let financing = false;
  for (let r = header.row + 1; r <= sheet.maxRow; r++) {
    if (!sheet.rows.has(r)) continue;
    const hidden = sheet.hiddenRows.has(r) || table.sheetHidden;
    let post = grid.text(sheet.name, r, postCol);
    const spec = textCell(grid, sheet.name, r, specCol);
    const months = monthCols.map((m) => {
      return amountCell(grid, sheet.name, r, m.col, hidden || m.hidden, m.month) as AmountCell & { month: Month };
    });
    const total = totalCol ? amountCell(grid, sheet.name, r, totalCol.col, hidden || totalCol.hidden) : undefined;
    const yearTotals = yearTotalCols.map((y) => {
      return amountCell(grid, sheet.name, r, y.col, hidden || y.hidden, undefined, y.year!) as AmountCell & { year: number };
    });
    const anyAmount = months.some(nonBlank) || nonBlank(total) || yearTotals.some(nonBlank);
    // A row with no post and nothing but zeros (an empty input row of a form, its SUM giving 0) is no line.
    const meaningful = (a: AmountCell | undefined) => !!a && a.status !== 'blank' && !(a.status === 'number' && a.ore === 0);
    if (!post && !months.some(meaningful) && !meaningful(total) && !yearTotals.some(meaningful)) continue;
    if (!post && spec) post = spec.text;
    // A repeated header row (months again) is not a line.
    if (months.length > 1 && months.every((m) => m.status === 'text' || m.status === 'blank') && months.filter((m) => m.status === 'text').length >= 2) continue;
    let kind: BudgetRow['kind'];
    if (isFinancingHeading(post) && !months.some(hasMoney) && !hasMoney(total)) {
      financing = true;
      section = post;
      kind = 'section';
    } else if (!anyAmount) {
      kind = 'section';
      section = post;
    } else if (isTotalPost(post)) {
      kind = financing ? 'financing-total' : 'total';
      if (financing && /udgift|expense/i.test(post)) kind = 'total';
    } else if (financing || financingKind(post)) {
      if (!financing && financingKind(post) && table.rows.some((x) => x.kind === 'item')) financing = true;
      kind = financing ? 'financing' : 'item';
    } else {
      kind = 'item';
    }
    table.rows.push({
      sheet: sheet.name,
      row: r,
      kind,
      post,
      postCell: a1(r, postCol),
      spec,
      category: textCell(grid, sheet.name, r, categoryCol),
      note: textCell(grid, sheet.name, r, noteCol),
      section: kind === 'section' ? undefined : section,
      hidden,
      months,
      total,
      yearTotals,
    });
  }
  return table;
}

function rowTotal(row: BudgetRow): number | undefined {
  if (row.total && row.total.status === 'number') return row.total.ore;
  return undefined;
}

function monthsSum(row: BudgetRow): number {
  return row.months.reduce((s, m) => s + (m.status === 'number' ? m.ore! : 0), 0);
}

/** Combines item rows into lines: a post that recurs on several sheets is one line. */
export function combineLines(tables: BudgetTable[]): BudgetLine[] {
  const lines: BudgetLine[] = [];
  // A row joins the first line of its post that has no row of its sheet yet. Those that have one are always the
  // first n lines of the post (n = the rows of that post seen on that sheet), so the line is found by counting: linear.
  const byKey = new Map<string, { lines: BudgetLine[]; seen: Map<string, number> }>();
  for (const t of tables) {
    for (const row of t.rows) {
      if (row.kind !== 'item') continue;
      const key = normLabel(row.post);
      let post = byKey.get(key);
      if (!post) byKey.set(key, (post = { lines: [], seen: new Map() }));
      const n = post.seen.get(row.sheet) ?? 0;
      post.seen.set(row.sheet, n + 1);
      let line = tables.length > 1 ? post.lines[n] : undefined;
      if (!line) {
        line = { key, post: row.post, spec: row.spec?.text, category: row.category?.text, note: row.note?.text, section: row.section, rows: [], months: new Map(), monthsTotal: 0, total: 0 };
        lines.push(line);
        post.lines.push(line);
      }
      line.rows.push(row);
      line.spec ??= row.spec?.text;
      line.category ??= row.category?.text;
      line.note ??= row.note?.text;
      for (const m of row.months) {
        if (m.status !== 'number' || m.ore === 0) continue;
        line.months.set(m.month, (line.months.get(m.month) ?? 0) + m.ore!);
      }
      const ms = monthsSum(row);
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
      const ore = tot ?? monthsSum(row);
      const cell = row.total?.status === 'number' ? row.total : row.months.find((m) => m.status === 'number' && m.ore !== 0) ?? row.total ?? row.months[0];
      out.push({ sheet: row.sheet, row: row.row, col: cell?.col ?? t.postCol, cell: cell?.cell ?? row.postCell, post: row.post, kind: financingKind(row.post) ?? 'unknown', ore });
    }
  }
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
      out.push({ sheet: s.name, row: r, col: amount.col, cell: amount.address, post: String(label.value).trim(), kind, ore: a.ore! });
    }
  }
  return out;
}

export function buildBudget(path: string, prepared: PreparedWorkbook, poolPeriod?: Period): Budget {
  const { grid, headers, metadata } = prepared;
  let period: Budget['period'] = metadata.period ? { ...metadata.period.value, source: 'metadata' as const } : poolPeriod ? { ...poolPeriod, source: 'pool' as const } : undefined;
  // "Projektperiode: 2020-2022" names years, not months: within those years the pool's months are the precise ones.
  if (period?.source === 'metadata' && poolPeriod && /^\D*\d{4}\D+\d{4}\D*$/.test(metadata.period!.raw)) {
    const start = poolPeriod.start.slice(0, 4) === period.start.slice(0, 4) && poolPeriod.start > period.start ? poolPeriod.start : period.start;
    const end = poolPeriod.end.slice(0, 4) === period.end.slice(0, 4) && poolPeriod.end < period.end ? poolPeriod.end : period.end;
    period = { start, end, source: 'metadata' };
  }
  const tables: BudgetTable[] = [];
  let nextStart = period?.start;
  for (const s of grid.workbook.sheets) {
    const h = headers.get(s.name);
    if (!h || isAccountsSheet(grid, s)) continue;
    const t = buildTable(grid, s, h, nextStart, period?.start);
    if (!t || !t.rows.length) continue;
    tables.push(t);
    const last = t.monthCols[t.monthCols.length - 1];
    if (last) nextStart = addMonth(last.month, 1);
  }
  const lines = combineLines(tables);
  const expenses = lines.reduce((s, l) => s + l.total, 0);
  return { kind: 'budget', path, metadata, tables, lines, financing: financingLines(tables, grid), period, expenses };
}

export type { AmountCell };
