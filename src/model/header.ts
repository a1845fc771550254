// Finds the header row of a table (anywhere in the first 30 rows) and what each of its columns holds.
import type { Grid } from './grid.js';
import { a1 } from '../read/address.js';
import {
  financingColumn,
  isCategoryHeader,
  isNoteHeader,
  isPostHeader,
  isSpecHeader,
  normLabel,
  quantityHeader,
  totalHeader,
  type QuantityKind,
} from './labels.js';
import { formulaDate, noResult } from './date-formula.js';
import { memoise } from '../memo.js';
import { addMonth, monthKey, parseMonthHeader, yearIn, type MonthHeader } from './months.js';
import type { FinancingKind, Month } from './types.js';
import type { RawCell, RawSheet } from '../read/types.js';

export const HEADER_SCAN_ROWS = 30;

export type ColumnRole =
  | { role: 'post' }
  | { role: 'spec' }
  | { role: 'category' }
  | { role: 'note' }
  | { role: 'total'; year?: number }
  | { role: 'month'; month: Month; span?: 3 }
  | { role: 'bare-month'; month: number; span?: 3 }
  | { role: 'qty'; qty: QuantityKind }
  | { role: 'rel-month'; n: number }
  | { role: 'financing'; kind: FinancingKind }
  | { role: 'other' };

export interface HeaderColumn {
  col: number;
  cell: string;
  label: string;
  role: ColumnRole;
}

export interface HeaderRow {
  row: number;
  columns: HeaderColumn[];
  score: number;
}

const OTHER: ColumnRole = { role: 'other' };

function monthRole(mh: MonthHeader | undefined): ColumnRole | undefined {
  if (!mh) return undefined;
  if (mh.kind === 'month') return mh.span ? { role: 'month', month: mh.month, span: mh.span } : { role: 'month', month: mh.month };
  if (mh.kind === 'bare') return mh.span ? { role: 'bare-month', month: mh.month, span: mh.span } : { role: 'bare-month', month: mh.month };
  return { role: 'rel-month', n: mh.n };
}

/** What a header text names (never mutated). */
function textRoleOf(text: string): ColumnRole {
  const month = monthRole(parseMonthHeader(text));
  if (month) return month;
  const t = totalHeader(text);
  if (t) return { role: 'total', year: t.year };
  if (isPostHeader(text)) return { role: 'post' };
  if (isSpecHeader(text)) return { role: 'spec' };
  if (isCategoryHeader(text)) return { role: 'category' };
  if (isNoteHeader(text)) return { role: 'note' };
  const q = quantityHeader(text);
  if (q) return { role: 'qty', qty: q };
  const f = financingColumn(text);
  if (f) return { role: 'financing', kind: f };
  return OTHER;
}

/** What a text in a table's first rows says: its column role, and whether it heads a budget column or an accounts
 * (spending) column. */
export interface HeaderText {
  role: ColumnRole;
  budget: boolean;
  accounts: boolean;
}

// a unit may qualify it: "Budget (kr.)", "Budget, t.kr.", "Budget (1.000 kr.)"; a budget revised since the approval
// ("Revideret budget") heads the accounts' budget column where the approved one is not beside it
const BUDGET_HEADER =
  /^budget(tal)?( \d{4})?(?:,? ?\(?(?:i )?(?:kr|dkk|t\. ?kr|tkr|1\.000 kr|1000 kr)\.?\)?)?$|^godkendt budget|^budget i alt|^bevilling$|^bevilget$|^(revideret|korrigeret|justeret|ændret) budget|^budget,? revideret|^revised budget|^oprindeligt budget|^bevilget budget|^senest?e? godkendte budget|^tilsagn$|^bevilget beløb$|^bevillingsbeløb$|^budget,? \(?godkendt\)?$|^budget (?:jf\.?|iflg\.?|ifølge) /;
const ACCOUNTS_HEADER =
  /^(regnskab|endeligt regnskab|slutregnskab|samlet forbrug|forbrugt?|faktisk forbrug|faktiske udgifter|realiseret|actual|actual spending|afholdt)/;

/** headerText of a text, memoised: the same labels recur on every sheet and in every file (one lookup serves the
 * header scan and the accounts test, which read the same cells); never mutated. */
export const headerText = memoise((text: string): HeaderText => {
  const l = normLabel(text);
  return { role: textRoleOf(text), budget: BUDGET_HEADER.test(l), accounts: ACCOUNTS_HEADER.test(l) };
});

/** A header cell as it reads: a month formula whose writer left no result (openpyxl keeps none, XlsxWriter caches 0)
 * is the date it computes. */
function asRead(grid: Grid, sheet: RawSheet, c: RawCell): RawCell {
  if (!noResult(c)) return c;
  const d = formulaDate(grid, sheet, c);
  return d ? { ...c, value: d } : c;
}

const textRole = (text: string): ColumnRole => headerText(text).role;

/** What a cell of a header row names. */
function cellRole(c: RawCell): ColumnRole {
  const v = c.value;
  if (typeof v === 'string') return textRole(v);
  // a number without a date format is no month (parseMonthHeader says so too): only a year can it be
  if (typeof v === 'number' && !c.numFmt) return yearRole(v) ?? OTHER;
  return monthRole(parseMonthHeader(v, c.numFmt)) ?? yearRole(v) ?? OTHER;
}

/** Classifies every non-empty cell of one row as a header column. */
export function classifyRow(grid: Grid, sheet: RawSheet, row: number): HeaderColumn[] {
  const cells = sheet.rows.get(row) ?? [];
  const out: HeaderColumn[] = [];
  for (const raw of cells) {
    const c = asRead(grid, sheet, raw);
    const label = c.value instanceof Date ? c.value.toISOString() : c.value === null ? '' : String(c.value);
    out.push({ col: c.col, cell: a1(c.row, c.col), label, role: cellRole(c) });
  }
  return out;
}

/** scoreRow of the row's classified columns, from the cells' roles alone: no column records built for the rows
 * findHeaderRow only scores (nearly every cell of a small budget lies in its first 30 rows). Sets rowHeadsAccounts:
 * whether the row has both a budget and an accounts column header (what isAccountsSheet asks of the same rows). */
function scoreCells(grid: Grid, sheet: RawSheet, cells: readonly RawCell[]): number {
  let months = 0;
  let post = false;
  let total = false;
  let others = 0;
  let budget = false;
  let accounts = false;
  for (let i = 0; i < cells.length; i++) {
    const c = cells[i];
    let role: ColumnRole['role'];
    if (typeof c.value === 'string') {
      const h = headerText(c.value);
      role = h.role.role;
      budget ||= h.budget;
      accounts ||= h.accounts;
    } else role = cellRole(asRead(grid, sheet, c)).role;
    if (role === 'month' || role === 'bare-month' || role === 'rel-month') months++;
    else if (role === 'post') post = true;
    else if (role === 'total') total = true;
    else if (role === 'spec' || role === 'note' || role === 'category' || role === 'qty') others++;
  }
  rowHeadsAccounts = budget && accounts;
  if (months === 0 && !(post && total)) return 0;
  if (months > 0 && months < 2 && !post && !total) return 0;
  return months * 2 + (post ? 5 : 0) + (total ? 1 : 0) + others;
}

let rowHeadsAccounts = false;

/**
 * A text that may head a budget column: one whose normLabel BUDGET_HEADER matches holds "budget" (or "bevil") in ASCII letters of
 * either case (normalising and lower-casing make those letters of no other character). headsAccounts asks it first:
 * the sheets it reads are the metadata sheets prepare does not scan, whose values (names, titles, CVR) are new in each
 * file — each a miss of headerText's memo that computed every role of the text (14 ms of the 600-file pile).
 */
const mayHeadBudget = (c: RawCell) => typeof c.value === 'string' && /budget|bevil/i.test(c.value);

/** Whether one of the first 30 rows of a sheet has both a budget and an accounts column header ("Budget",
 * "Regnskab"): the sheet is an accounts sheet. */
export function headsAccounts(sheet: RawSheet): boolean {
  for (let r = 1; r <= Math.min(HEADER_SCAN_ROWS, sheet.maxRow); r++) {
    const cells = sheet.rows.get(r);
    if (!cells || !cells.some(mayHeadBudget)) continue;
    let budget = false;
    let accounts = false;
    for (const c of cells) {
      if (typeof c.value !== 'string') continue;
      const h = headerText(c.value);
      budget ||= h.budget;
      accounts ||= h.accounts;
    }
    if (budget && accounts) return true;
  }
  return false;
}

/** A year typed as a number in a header ("2021" over a year's amounts): a per-year total, not a distribution. */
function yearRole(v: unknown): ColumnRole | undefined {
  return typeof v === 'number' && Number.isInteger(v) && v >= 1990 && v <= 2100 ? { role: 'total', year: v } : undefined;
}

function scoreRow(cols: HeaderColumn[]): number {
  const months = cols.filter((c) => c.role.role === 'month' || c.role.role === 'bare-month' || c.role.role === 'rel-month').length;
  const post = cols.some((c) => c.role.role === 'post');
  const total = cols.some((c) => c.role.role === 'total');
  if (months === 0 && !(post && total)) return 0;
  if (months > 0 && months < 2 && !post && !total) return 0;
  return months * 2 + (post ? 5 : 0) + (total ? 1 : 0) + cols.filter((c) => ['spec', 'note', 'category', 'qty'].includes(c.role.role)).length;
}

/** The best header row in the first 30 rows of a sheet, or undefined when the sheet has no budget table. */
/** The header of a further block on a sheet (a table per year, one below the other): the row read as a header, when
 * it scores as one and names months. */
export function headerAt(grid: Grid, sheet: RawSheet, row: number): HeaderRow | undefined {
  const columns = classifyRow(grid, sheet, row);
  const score = scoreRow(columns);
  if (score <= 0 || !columns.some((c) => c.role.role === 'month' || c.role.role === 'bare-month')) return undefined;
  return { row, columns, score };
}

export function findHeaderRow(grid: Grid, sheet: RawSheet, maxScan = HEADER_SCAN_ROWS): HeaderRow | undefined {
  return scanHeader(grid, sheet, maxScan).header;
}

/** findHeaderRow of a sheet, and headsAccounts of it when maxScan is the 30 rows it reads (the same cells). */
export function scanHeader(grid: Grid, sheet: RawSheet, maxScan = HEADER_SCAN_ROWS): { header: HeaderRow | undefined; accounts: boolean | undefined } {
  let bestRow = 0;
  let bestScore = 0;
  let accounts = false;
  for (let r = 1; r <= Math.min(maxScan, sheet.maxRow); r++) {
    const cells = sheet.rows.get(r);
    if (!cells) continue;
    const score = scoreCells(grid, sheet, cells);
    accounts ||= rowHeadsAccounts;
    if (score > 0 && (!bestRow || score > bestScore)) {
      bestRow = r;
      bestScore = score;
    }
  }
  return { header: bestHeader(grid, sheet, bestRow, bestScore), accounts: maxScan === HEADER_SCAN_ROWS ? accounts : undefined };
}

function bestHeader(grid: Grid, sheet: RawSheet, bestRow: number, bestScore: number): HeaderRow | undefined {
  if (!bestRow) return undefined;
  const best: HeaderRow = { row: bestRow, columns: classifyRow(grid, sheet, bestRow), score: bestScore };
  // The post label may sit in the row above a row of month headers (a two-row header).
  if (!best.columns.some((c) => c.role.role === 'post') && best.row > 1) {
    const above = classifyRow(grid, sheet, best.row - 1);
    for (const c of above) {
      if (
        c.role.role === 'post' ||
        c.role.role === 'spec' ||
        c.role.role === 'note' ||
        c.role.role === 'category' ||
        c.role.role === 'qty' ||
        (c.role.role === 'total' && !c.role.year && !best.columns.some((b) => b.role.role === 'total'))
      ) {
        if (!best.columns.some((b) => b.col === c.col && b.role.role !== 'other')) {
          best.columns = best.columns
            .filter((b) => b.col !== c.col)
            .concat({ ...c, cell: c.cell })
            .sort((a, b) => a.col - b.col);
        }
      }
    }
  }
  return best;
}

/** A year written above a column (in a merged cell or a plain cell), within a few rows above the header. */
function yearAbove(grid: Grid, sheet: RawSheet, headerRow: number, col: number): number | undefined {
  for (let r = headerRow - 1; r >= Math.max(1, headerRow - 4); r--) {
    const direct = grid.cell(sheet.name, r, col);
    if (direct) {
      const y = yearIn(direct.value);
      if (y) return y;
    }
    for (const range of sheet.merges) {
      const m = /^([A-Z]+)(\d+):([A-Z]+)(\d+)$/.exec(range);
      if (!m) continue;
      const [r1, r2] = [Number(m[2]), Number(m[4])];
      if (r < r1 || r > r2) continue;
      const c1 = colNum(m[1]);
      const c2 = colNum(m[3]);
      if (col < c1 || col > c2) continue;
      const master = grid.cell(sheet.name, r1, c1);
      const y = master ? yearIn(master.value) : undefined;
      if (y) return y;
    }
  }
  return undefined;
}

function colNum(letters: string): number {
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/** A quarter header that is only its number ('K1', 'Q2', '3. kvt.', 'Kvartal 4'), not its months ('jan-mar'). */
const BARE_QUARTER = /^(?:(?:k|q|kv|kvt|kvartal|qtr|quarter)\.?\s*[1-4]|[1-4]\.?\s*(?:k|q|kv|kvt|kvartal)\.?)$/i;
/** A sheet of one project year: 'År 1', 'Projektår 2', '1. år', '2. projektår', 'Year 1' (not a calendar year). */
const PROJECT_YEAR_SHEET = /^\s*(?:(?:projekt\s*)?(?:år|aar|year)\s*[1-9]|[1-9]\.?\s*(?:projekt\s*)?(?:år|aar))\s*$/i;

/**
 * Bare quarters K1 … K4 (in that order) on a sheet of one project year ('År 1') that no year cell, sheet name or
 * title dates, in a project that starts in another month than a calendar quarter's first: the project year's quarters,
 * K1 from the month the year starts (`fallbackStart`: the project's start, or the month after the sheet before) — K1
 * of a project from August is August – October, not January – March. Undefined where any of that does not hold.
 */
function projectQuarters(
  grid: Grid,
  sheet: RawSheet,
  header: HeaderRow,
  bare: HeaderColumn[],
  fallbackStart: Month | undefined,
  statedYear: number | undefined,
): Map<number, Month> | undefined {
  if (!fallbackStart || statedYear !== undefined || (Number(fallbackStart.slice(5, 7)) - 1) % 3 === 0) return undefined;
  if (!PROJECT_YEAR_SHEET.test(sheet.name) || bare.length > 4) return undefined;
  const out = new Map<number, Month>();
  for (let i = 0; i < bare.length; i++) {
    const c = bare[i];
    const role = c.role as { month: number; span?: number };
    if (role.span !== 3 || role.month !== i * 3 + 1 || !BARE_QUARTER.test(c.label.trim())) return undefined;
    if (yearAbove(grid, sheet, header.row, c.col)) return undefined;
    out.set(c.col, addMonth(fallbackStart, i * 3));
  }
  return out;
}

/**
 * Gives bare month names their year: from a year cell above the column, else the sheet name, else a
 * title row above the header, else the continuing year from `fallbackStart`; a month lower than the one
 * before it starts the next year.
 */
export function resolveBareMonths(grid: Grid, sheet: RawSheet, header: HeaderRow, fallbackStart?: Month): Map<number, Month> {
  const out = new Map<number, Month>();
  const bare = header.columns.filter((c) => c.role.role === 'bare-month');
  if (!bare.length) return out;
  const sheetYear = yearIn(sheet.name);
  let titleYear: number | undefined;
  // the title rows are those above the header up to a table's row (two or more numbers): a second block of the sheet
  // (2026 below 2025) takes its year from its own title rows, not from the first block's
  let top = header.row - 1;
  while (top >= 1 && (sheet.rows.get(top) ?? []).filter((c) => typeof c.value === 'number' || c.formula).length < 2) top--;
  for (let r = top + 1; r < header.row && !titleYear; r++) {
    for (const c of sheet.rows.get(r) ?? []) {
      if (typeof c.value === 'string' || typeof c.value === 'number') {
        const y = yearIn(c.value);
        if (y) {
          titleYear = y;
          break;
        }
      }
    }
  }
  const project = projectQuarters(grid, sheet, header, bare, fallbackStart, sheetYear ?? titleYear);
  if (project) return project;
  let year: number | undefined;
  let prevMonth = 0;
  const fallbackYear = fallbackStart ? Number(fallbackStart.slice(0, 4)) : undefined;
  const fallbackMonth = fallbackStart ? Number(fallbackStart.slice(5, 7)) : 1;
  for (const c of bare) {
    const mo = (c.role as { month: number }).month;
    const above = yearAbove(grid, sheet, header.row, c.col);
    if (above) {
      year = above;
    } else if (year === undefined) {
      year = sheetYear ?? titleYear;
      if (year === undefined && fallbackYear !== undefined) year = mo < fallbackMonth ? fallbackYear + 1 : fallbackYear;
      if (year === undefined) break;
    } else if (mo <= prevMonth) {
      year++;
    }
    prevMonth = mo;
    out.set(c.col, monthKey(year, mo));
  }
  return out;
}
