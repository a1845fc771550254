// Month headers in every form SPEC §3 names: date cells, "januar 2020", "jan-20", "2020-01", "1/2020", bare names.
import { parse as parseDate } from 'date-fns/parse';
import type { CellValue } from '../read/types.js';
import { memoise } from '../memo.js';
import type { Month } from './types.js';

const NAMES: Record<string, number> = {
  januar: 1,
  january: 1,
  jan: 1,
  februar: 2,
  february: 2,
  feb: 2,
  febr: 2,
  marts: 3,
  march: 3,
  mar: 3,
  mrt: 3,
  mart: 3,
  april: 4,
  apr: 4,
  maj: 5,
  may: 5,
  juni: 6,
  june: 6,
  jun: 6,
  juli: 7,
  july: 7,
  jul: 7,
  august: 8,
  aug: 8,
  september: 9,
  sep: 9,
  sept: 9,
  oktober: 10,
  october: 10,
  okt: 10,
  oct: 10,
  november: 11,
  nov: 11,
  december: 12,
  dec: 12,
};

export function monthKey(year: number, month: number): Month {
  return `${year}-${String(month).padStart(2, '0')}`;
}

export function monthOf(key: Month): { year: number; month: number } {
  return { year: Number(key.slice(0, 4)), month: Number(key.slice(5, 7)) };
}

/** A date cell to its month; the day is rounded to the nearest whole day first, so a header written at
 * 2019-12-31T23:00Z (midnight 1 January in Danish time) counts as January 2020. */
export function monthOfDate(d: Date): Month {
  const t = new Date(d.getTime() + 12 * 3600 * 1000);
  return monthKey(t.getUTCFullYear(), t.getUTCMonth() + 1);
}

export function monthName(name: string): number | undefined {
  const n = name.toLowerCase().replace(/\.$/, '');
  return NAMES[n];
}

function plausibleYear(y: number): boolean {
  return y >= 1990 && y <= 2100;
}

/** A valid date (of the month it rounds to) in a plausible year. */
function plausibleDate(d: Date): boolean {
  const t = d.getTime() + 12 * 3600 * 1000;
  return Number.isFinite(t) && plausibleYear(new Date(t).getUTCFullYear());
}

function expandYear(y: string): number {
  return y.length === 2 ? 2000 + Number(y) : Number(y);
}

/**
 * A month header: a calendar month, a bare month name (year from context), or a project month ("Måned 3"). A quarter
 * ("1. kvt. 2022", "Q1 2022", "jan-mar 2022") is its first month with span 3.
 */
export type MonthHeader = { kind: 'month'; month: Month; span?: 3 } | { kind: 'bare'; month: number; span?: 3 } | { kind: 'relative'; n: number };

/** The quarter a month falls in, as its first month ("2022-04" for May 2022). */
export function quarterOf(key: Month): Month {
  const { year, month } = monthOf(key);
  return monthKey(year, month - ((month - 1) % 3));
}

/** "1. kvt.", "1. kvartal", "k1", "q1", "kvt. 1", "1q", "jan-mar", "januar-marts", "jan.–mar.": the quarter's number. */
function quarterNumber(s: string): number | undefined {
  let m: RegExpMatchArray | null;
  if ((m = s.match(/^([1-4])\.?\s*(?:kvt|kvartal|kv|qtr|quarter|q)\.?$/))) return Number(m[1]);
  if ((m = s.match(/^(?:kvt|kvartal|kv|k|q|qtr|quarter)\.?\s*([1-4])$/))) return Number(m[1]);
  if ((m = s.match(/^([a-zæøå]+)\.?\s*[-–—/]\s*([a-zæøå]+)\.?$/))) {
    const a = monthName(m[1]);
    const b = monthName(m[2]);
    if (a && b && b === a + 2 && (a - 1) % 3 === 0) return (a + 2) / 3;
  }
  return undefined;
}

/** A quarter header with or without its year: "1. kvt. 2022", "K1 2022", "Q1-2022", "2022 Q1", "jan-mar 2022", "Q1/22",
 * "1.kvt.2022" (no space). */
function parseQuarter(s: string): MonthHeader | undefined {
  let m: RegExpMatchArray | null;
  let q = quarterNumber(s);
  if (q) return { kind: 'bare', month: q * 3 - 2, span: 3 };
  if ((m = s.match(/^(.+?)\s*[-/ ,'.]\s*'?(\d{4}|\d{2})$/)) && (q = quarterNumber(m[1].trim()))) {
    const y = expandYear(m[2]);
    return plausibleYear(y) ? { kind: 'month', month: monthKey(y, q * 3 - 2), span: 3 } : undefined;
  }
  if ((m = s.match(/^(\d{4})\s*[-/ ]\s*(.+)$/)) && (q = quarterNumber(m[2].trim()))) {
    const y = Number(m[1]);
    return plausibleYear(y) ? { kind: 'month', month: monthKey(y, q * 3 - 2), span: 3 } : undefined;
  }
  return undefined;
}

/** Parses a header cell as a month (or a bare month name whose year comes from context). */
export function parseMonthHeader(value: CellValue, numFmt?: string): MonthHeader | undefined {
  // a date outside the years a budget can have (year 275.000, an invalid date) is not a month header
  if (value instanceof Date) return plausibleDate(value) ? { kind: 'month', month: monthOfDate(value) } : undefined;
  if (typeof value === 'number') {
    // An Excel date serial shown with a date format but not typed as a date by the reader.
    // (the range first: every amount of a header scan's rows asks, and few are in it; the format's test cost a
    // regex run and some 50 bytes of garbage for each — 440.000 of them on the 600-file pile)
    if (value > 30000 && value < 80000 && numFmt && /[ymd]/i.test(numFmt)) {
      const d = new Date(Math.round((value - 25569) * 86400 * 1000));
      return plausibleDate(d) ? { kind: 'month', month: monthOfDate(d) } : undefined;
    }
    return undefined;
  }
  return typeof value === 'string' ? parseMonthText(value) : undefined;
}

const parseMonthText = memoise((value: string): MonthHeader | undefined => {
  const s = value
    .normalize('NFC')
    .toLowerCase()
    .replace(/[\u00a0\s]+/g, ' ')
    .trim()
    .replace(/[:.]$/, '');
  if (s.length > 24) return undefined;
  let m: RegExpMatchArray | null;
  // a range of two dates, day first: one month ("01.01.2025-31.01.2025") or three from a month's first day
  // ("01.01.2025-31.03.2025", a quarter)
  if ((m = s.match(/^(\d{1,2})[./-](\d{1,2})[./-](\d{4})\s*[-–—]\s*(\d{1,2})[./-](\d{1,2})[./-](\d{4})$/))) {
    const [a, b] = [Number(m[3]) * 12 + Number(m[2]) - 1, Number(m[6]) * 12 + Number(m[5]) - 1];
    if (Number(m[2]) < 1 || Number(m[2]) > 12 || Number(m[5]) < 1 || Number(m[5]) > 12 || !plausibleYear(Number(m[3]))) return undefined;
    const first = monthKey(Number(m[3]), Number(m[2]));
    if (b === a) return { kind: 'month', month: first };
    return b === a + 2 && Number(m[1]) === 1 ? { kind: 'month', month: first, span: 3 } : undefined;
  }
  if (/kv|q|k\d|[a-zæøå]\.?\s*[-–—/]\s*[a-zæøå]/.test(s)) {
    const q = parseQuarter(s);
    if (q) return q;
  }
  // 2020-01, 2020/01, 2020.01
  if ((m = s.match(/^(\d{4})\s?[-/.]\s?(\d{1,2})$/))) return ym(+m[1], +m[2]);
  // 01-2020, 01.2020, 1/2020, 01/20 is too ambiguous only with 2-digit years of 13+
  if ((m = s.match(/^(\d{1,2})\s?[-/.]\s?(\d{4})$/))) return ym(+m[2], +m[1]);
  // 01.01.2020, 1/1/2020, 01-01-2020 (day first), 2020-01-01
  if ((m = s.match(/^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/))) return ym(+m[3], +m[2]);
  if ((m = s.match(/^(\d{4})-(\d{1,2})-(\d{1,2})(?:[t ].*)?$/))) return ym(+m[1], +m[2]);
  // project month: "måned 1", "md. 12", "projektmåned 33", "month 3", "m1"
  if ((m = s.match(/^(?:projekt)?(?:måned|md|mdr|month|m)\.?\s*(\d{1,3})$/))) {
    const n = Number(m[1]);
    return n >= 1 && n <= 240 ? { kind: 'relative', n } : undefined;
  }
  // januar 2020, jan 2020, jan. 2020, jan-20, jan-2020, jan '20, januar, 2020
  if ((m = s.match(/^([a-zæøå]+)\.?\s*[-/' ,]?\s*'?(\d{2}|\d{4})$/))) {
    const mo = monthName(m[1]);
    if (mo) return ym(expandYear(m[2]), mo);
    return undefined;
  }
  // 2020 januar, 2020-jan
  if ((m = s.match(/^(\d{4})\s*[-/ ]\s*([a-zæøå]+)\.?$/))) {
    const mo = monthName(m[2]);
    if (mo) return ym(+m[1], mo);
    return undefined;
  }
  // bare month name
  if ((m = s.match(/^([a-zæøå]+)\.?$/))) {
    const mo = monthName(m[1]);
    if (mo) return { kind: 'bare', month: mo };
  }
  return undefined;
});

function ym(year: number, month: number): MonthHeader | undefined {
  if (!plausibleYear(year) || month < 1 || month > 12) return undefined;
  return { kind: 'month', month: monthKey(year, month) };
}

/** Finds a year in a text: "2020", "År 2020", "Projektår 1 (2021)", or a year number. */
export function yearIn(value: CellValue): number | undefined {
  if (typeof value === 'number') return Number.isInteger(value) && plausibleYear(value) ? value : undefined;
  if (value instanceof Date) return plausibleDate(value) ? value.getUTCFullYear() : undefined;
  if (typeof value !== 'string') return undefined;
  const years = [...value.matchAll(/(?<!\d)((?:19|20)\d{2})(?!\d)/g)].map((m) => Number(m[1]));
  const unique = [...new Set(years)];
  return unique.length === 1 && plausibleYear(unique[0]) ? unique[0] : undefined;
}

/** All months from start to end inclusive. */
export function monthRange(start: Month, end: Month): Month[] {
  const out: Month[] = [];
  const { year: y0, month: m0 } = monthOf(start);
  const { year: y1, month: m1 } = monthOf(end);
  let y = y0;
  let m = m0;
  let guard = 0;
  while ((y < y1 || (y === y1 && m <= m1)) && guard++ < 2400) {
    out.push(monthKey(y, m));
    m++;
    if (m > 12) {
      m = 1;
      y++;
    }
  }
  return out;
}

/** The month n months after key (before it for a negative n). Month arithmetic on the year and month numbers, not
 * date-fns addMonths + format through a Date (what it replaced: the same keys, 1,000,000 calls 1.9 s → 0.1 s of CPU,
 * and date-fns's format and its formatters leave the bundle); date-fns stays for parsing dates written in text. */
export function addMonth(key: Month, n: number): Month {
  const t = Number(key.slice(0, 4)) * 12 + Number(key.slice(5, 7)) - 1 + n;
  if (!Number.isFinite(t)) throw new RangeError('Invalid time value'); // as format threw on an invalid date
  return monthAt(t);
}

/** The key of month number t (year × 12 + month − 1). */
export function monthAt(t: number): Month {
  const y = Math.floor(t / 12);
  const m = t - y * 12 + 1;
  return `${y >= 1000 ? y : String(y).padStart(4, '0')}-${m < 10 ? '0' : ''}${m}`;
}

/** Parses a date written in text: 01.01.2020, 1/1 2020, 1-1-2020, 2020-01-01, januar 2020, jan 2020, 1.1.20. */
export const parseDateText = memoise(parseDateTextUncached);

function parseDateTextUncached(s: string): Month | undefined {
  const t = s.trim();
  // a two-digit year ('1.10.24') only with dots, as Danes shorten a date: 20yy
  if (/^\d{1,2}\.\d{1,2}\.\d{2}$/.test(t)) {
    const [d, m, y] = t.split('.').map(Number);
    return d >= 1 && d <= 31 && m >= 1 && m <= 12 ? monthKey(2000 + y, m) : undefined;
  }
  for (const f of ['dd.MM.yyyy', 'd.M.yyyy', 'd/M yyyy', 'd/M-yyyy', 'd/M/yyyy', 'd-M-yyyy', 'yyyy-MM-dd']) {
    const d = parseDate(t, f, new Date(2000, 0, 1));
    if (!Number.isNaN(d.getTime()) && plausibleYear(d.getFullYear())) return monthKey(d.getFullYear(), d.getMonth() + 1);
  }
  // a day before the month's name: "1. oktober 2024", "30 september 2025"
  const day = /^(\d{1,2})\.?\s+(\p{L}.*)$/u.exec(t);
  const h = day && Number(day[1]) >= 1 && Number(day[1]) <= 31 ? parseMonthHeader(day[2]) : parseMonthHeader(t);
  return h?.kind === 'month' ? h.month : undefined;
}

/** Splits a period text ("01.01.2020 – 30.09.2022", "januar 2020 - september 2022") into start and end months. */
export const parsePeriodText = memoise(parsePeriodTextUncached);

function parsePeriodTextUncached(s: string): { start: Month; end: Month } | undefined {
  const text = s.normalize('NFC').replace(/\s+/g, ' ').trim();
  const years = /^(\d{4})\s*(?:[-–—]|til|to)\s*(\d{4})$/.exec(text);
  if (years) {
    const [a, b] = [Number(years[1]), Number(years[2])];
    return plausibleYear(a) && plausibleYear(b) && b >= a ? { start: monthKey(a, 1), end: monthKey(b, 12) } : undefined;
  }
  const tokenRe =
    /(\d{4}-\d{1,2}-\d{1,2}|\d{1,2}[./-]\d{1,2}[./-]\d{4}|(?<![\d.])\d{1,2}\.\d{1,2}\.\d{2}(?![\d.])|\d{1,2}\/\d{1,2}[ -]\d{4}|[A-Za-zæøåÆØÅ]+\.? \d{4}|\d{4}-\d{1,2}|\d{1,2}[./-]\d{4}|(?<![\d.])\d{4}(?![\d.-]))/g;
  const found: Month[] = [];
  for (const m of text.matchAll(tokenRe)) {
    const tok = m[1];
    if (/^\d{4}$/.test(tok)) {
      const y = Number(tok);
      if (!plausibleYear(y)) continue;
      found.push(found.length === 0 ? monthKey(y, 1) : monthKey(y, 12));
      continue;
    }
    const mo = parseDateText(tok);
    if (mo) found.push(mo);
  }
  if (found.length < 2) return undefined;
  const start = found[0];
  const end = found[found.length - 1];
  if (end < start) return undefined;
  return { start, end };
}
