// The date a month header's formula computes, for files whose writer left no result: openpyxl drops every cached
// result when it saves a workbook (a form made in Excel and filled in by a script), XlsxWriter caches 0. Templates head
// their months by formulas: the first a date or =DATE(2024,10,1), each next =EDATE(C1,1), =C1+31,
// =DATE(YEAR(C1),MONTH(C1)+1,1) or =EOMONTH(C1,0)+1. Only these forms, over cells of the same sheet.
import type { Grid } from './grid.js';
import type { RawCell, RawSheet } from '../read/types.js';

const REF = String.raw`\$?([A-Z]{1,3})\$?(\d+)`;
const DATE_FN = /^DATE\((\d{4}),(\d{1,2}),(\d{1,2})\)$/;
const EDATE = new RegExp(String.raw`^EDATE\(${REF},(-?\d{1,3})\)$`);
const PLUS_DAYS = new RegExp(String.raw`^${REF}\+(\d{1,3})$`);
const NEXT_MONTH = new RegExp(String.raw`^DATE\(YEAR\(${REF}\),MONTH\(${REF}\)\+(\d{1,2}),(\d{1,2})\)$`);
const EOMONTH_PLUS_1 = new RegExp(String.raw`^EOMONTH\(${REF},(-?\d{1,2})\)\+1$`);

/** References followed at most (a header of ten years of months, one formula referring to the one before). */
const MAX_DEPTH = 130;

function colNumber(letters: string): number {
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/** A formula cell whose file holds no result: none at all, or XlsxWriter's cached 0 (with a date format: 1899-12-30). */
export function noResult(c: RawCell): boolean {
  return c.formula !== undefined && (c.value === null || c.value === 0 || (c.value instanceof Date && c.value.getUTCFullYear() < 1901));
}

/** A cell's date: a date value, a date serial shown with a date format, or (no result in the file) its formula's. */
function dateOf(grid: Grid, sheet: RawSheet, c: RawCell | undefined, depth: number): Date | undefined {
  if (!c) return undefined;
  if (noResult(c)) return formulaDate(grid, sheet, c, depth + 1);
  if (c.value instanceof Date) return c.value;
  if (typeof c.value === 'number' && c.value > 30000 && c.value < 80000 && c.numFmt && /[ymd]/i.test(c.numFmt))
    return new Date(Math.round((c.value - 25569) * 86_400_000));
  return undefined;
}

const utc = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d));

/** The date the cell's formula computes, when it is one of the header forms above and its references are dates. */
export function formulaDate(grid: Grid, sheet: RawSheet, c: RawCell, depth = 0): Date | undefined {
  if (c.formula === undefined || depth > MAX_DEPTH || c.formula.length > 80) return undefined;
  const f = c.formula.replace(/\s+/g, '').toUpperCase();
  // a date at midnight Danish time is stored as 23:00 the day before (UTC): its calendar day is 12 hours on
  const at = (col: string, row: string) => {
    const d = dateOf(grid, sheet, grid.cell(sheet.name, Number(row), colNumber(col)), depth);
    return d && new Date(d.getTime() + 12 * 3_600_000);
  };
  let m: RegExpExecArray | null;
  if ((m = DATE_FN.exec(f))) return utc(Number(m[1]), Number(m[2]), Number(m[3]));
  if ((m = EDATE.exec(f))) {
    const d = at(m[1], m[2]);
    return d && utc(d.getUTCFullYear(), d.getUTCMonth() + 1 + Number(m[3]), Math.min(d.getUTCDate(), 28));
  }
  if ((m = PLUS_DAYS.exec(f))) {
    const d = at(m[1], m[2]);
    return d && new Date(d.getTime() + Number(m[3]) * 86_400_000);
  }
  if ((m = NEXT_MONTH.exec(f)) && m[1] === m[3] && m[2] === m[4]) {
    const d = at(m[1], m[2]);
    return d && utc(d.getUTCFullYear(), d.getUTCMonth() + 1 + Number(m[5]), Number(m[6]));
  }
  if ((m = EOMONTH_PLUS_1.exec(f))) {
    const d = at(m[1], m[2]);
    return d && utc(d.getUTCFullYear(), d.getUTCMonth() + 2 + Number(m[3]), 1);
  }
  return undefined;
}
