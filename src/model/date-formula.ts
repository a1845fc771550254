// The date a month header's formula computes, for files whose writer left no result: openpyxl drops every cached
// result when it saves a workbook (a form made in Excel and filled in by a script), XlsxWriter caches 0. Templates head
// their months by formulas: the first a date or =DATE(2024,10,1), each next =EDATE(C1,1), =C1+31,
// =DATE(YEAR(C1),MONTH(C1)+1,1) or =EOMONTH(C1,0)+1, also from another sheet ('Budget 2020'!N4). Only these forms.
import type { Grid } from './grid.js';
import type { RawCell, RawSheet } from '../read/types.js';

// a reference, on this sheet or another ('Budget 2020'!P4: a year sheet's first month follows the last sheet's)
const REF = String.raw`(?:(?:'((?:[^']|'')+)'|([\p{L}\d_.]+))!)?\$?([A-Z]{1,3})\$?(\d+)`;
const DATE_FN = /^DATE\((\d{4}),(\d{1,2}),(\d{1,2})\)$/iu;
const EDATE = new RegExp(String.raw`^EDATE\(${REF},(-?\d{1,3})\)$`, 'iu');
const PLUS_DAYS = new RegExp(String.raw`^${REF}\+(\d{1,3})$`, 'iu');
const NEXT_MONTH = new RegExp(String.raw`^DATE\(YEAR\(${REF}\),MONTH\(${REF}\)\+(\d{1,2}),(\d{1,2})\)$`, 'iu');
const EOMONTH_PLUS_1 = new RegExp(String.raw`^EOMONTH\(${REF},(-?\d{1,2})\)\+1$`, 'iu');
/** The groups one REF takes in a match. */
const REF_GROUPS = 4;

/** References followed at most (a header of ten years of months, one formula referring to the one before). */
const MAX_DEPTH = 130;

function colNumber(letters: string): number {
  let n = 0;
  for (let i = 0; i < letters.length; i++) n = n * 26 + (letters.charCodeAt(i) - 64);
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

/**
 * Whether a formula may be one of the forms above, from its first and last character (whitespace aside, as the forms
 * are matched): each ends with a digit (a reference + days, EOMONTH(…)+1) or with ")" after DATE or EDATE. The header
 * scan asks of every formula without a result in a sheet's first rows: with XlsxWriter's cached 0 that is every SUM
 * there, which the five patterns were tried on after the spaces were taken out.
 */
function mayBeDateForm(formula: string): boolean {
  const t = formula.trim();
  const last = t.charCodeAt(t.length - 1);
  if (last >= 48 && last <= 57) return true;
  const first = t.charCodeAt(0) | 0x20; // an ASCII letter in lower case
  return last === 41 && (first === 100 || first === 101); // ")" after d or e
}

/** The date the cell's formula computes, when it is one of the header forms above and its references are dates. */
export function formulaDate(grid: Grid, sheet: RawSheet, c: RawCell, depth = 0): Date | undefined {
  if (c.formula === undefined || depth > MAX_DEPTH || c.formula.length > 120 || !mayBeDateForm(c.formula)) return undefined;
  // spaces go, but not inside a quoted sheet name
  const f = c.formula.replace(/('(?:[^']|'')*')|\s+/g, (_m, quoted: string | undefined) => quoted ?? '');
  /** The date of the reference whose groups start at m[i], its calendar day (a date at midnight Danish time is
   * stored as 23:00 the day before, UTC: 12 hours on is the day). */
  const at = (m: RegExpExecArray, i: number) => {
    const name = m[i] !== undefined ? m[i].replace(/''/g, "'") : m[i + 1];
    const target = name !== undefined ? grid.sheet(name) : sheet;
    if (!target) return undefined;
    const d = dateOf(grid, target, grid.cell(target.name, Number(m[i + 3]), colNumber(m[i + 2].toUpperCase())), depth);
    return d && new Date(d.getTime() + 12 * 3_600_000);
  };
  const sameRef = (m: RegExpExecArray, i: number, j: number) => [0, 1, 2, 3].every((k) => (m[i + k] ?? '').toUpperCase() === (m[j + k] ?? '').toUpperCase());
  let m: RegExpExecArray | null;
  if ((m = DATE_FN.exec(f))) return utc(Number(m[1]), Number(m[2]), Number(m[3]));
  if ((m = EDATE.exec(f))) {
    const d = at(m, 1);
    return d && utc(d.getUTCFullYear(), d.getUTCMonth() + 1 + Number(m[1 + REF_GROUPS]), Math.min(d.getUTCDate(), 28));
  }
  if ((m = PLUS_DAYS.exec(f))) {
    const d = at(m, 1);
    return d && new Date(d.getTime() + Number(m[1 + REF_GROUPS]) * 86_400_000);
  }
  if ((m = NEXT_MONTH.exec(f)) && sameRef(m, 1, 1 + REF_GROUPS)) {
    const d = at(m, 1);
    return d && utc(d.getUTCFullYear(), d.getUTCMonth() + 1 + Number(m[1 + 2 * REF_GROUPS]), Number(m[2 + 2 * REF_GROUPS]));
  }
  if ((m = EOMONTH_PLUS_1.exec(f))) {
    const d = at(m, 1);
    return d && utc(d.getUTCFullYear(), d.getUTCMonth() + 2 + Number(m[1 + REF_GROUPS]), 1);
  }
  return undefined;
}
