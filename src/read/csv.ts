// Reads .csv as Danish Excel writes it: ';' separated, ',' decimals, UTF-8 (with or without BOM) or Windows-1252.
import { fileStem } from './file-name.js';
import { utf16WithoutBom } from './sniff.js';
import type { RawCell, RawSheet, RawWorkbook } from './types.js';

/** Decodes CSV bytes: a BOM says UTF-8 or UTF-16; UTF-16 without one is told by its zero bytes; valid UTF-8 → UTF-8;
 * otherwise Windows-1252. */
export function decodeCsv(bytes: Uint8Array): string {
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return new TextDecoder('utf-8').decode(bytes.subarray(3));
  }
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  const utf16 = utf16WithoutBom(bytes);
  if (utf16) return new TextDecoder(utf16).decode(bytes);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return windows1252(bytes);
  }
}

/** Windows-1252's characters at 0x80–0x9F (€, ‚, „, …, ‘, ’, “, ”, –, — …); 0 where it has none. */
const CP1252_HIGH = [
  0x20ac, 0, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017d, 0, 0, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022,
  0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0, 0x017e, 0x0178,
];

/** Windows-1252 text (a CSV saved by Danish Excel as "CSV (semikolonsepareret)"). Node's decoder of that name, without
 * full ICU, decodes it as Latin-1: 0x80–0x9F become control characters instead of €, – and the curly quotes. */
function windows1252(bytes: Uint8Array): string {
  const text = new TextDecoder('windows-1252').decode(bytes);
  return /[\u0080-\u009f]/.test(text)
    ? text.replace(/[\u0080-\u009f]/g, (c) => String.fromCharCode(CP1252_HIGH[c.charCodeAt(0) - 0x80] || c.charCodeAt(0)))
    : text;
}

/** The first lines of a text (at most 30 lines, 64 KB), without splitting the whole text. */
function head(text: string): string {
  let end = 0;
  for (let lines = 0; lines < 30 && end < text.length && end < 65_536; lines++) {
    const nl = text.indexOf('\n', end);
    if (nl < 0) return text.slice(0, 65_536);
    end = nl + 1;
  }
  return text.slice(0, Math.min(end, 65_536));
}

/** Picks the separator from the first lines: ';' (Danish Excel) unless tabs or commas clearly dominate. A comma export
 * (an English-locale program) quotes only fields with a comma, so a ';' in a title or a specification stays unquoted:
 * commas on more than twice as many lines as semicolons are the separator. */
export function detectSeparator(text: string): string {
  const first = head(text).replace(/"[^"]*"/g, '');
  const count = (ch: string) => first.split(ch).length - 1;
  const lines = (ch: string) => first.split('\n').filter((l) => l.includes(ch)).length;
  const semi = count(';');
  const tab = count('\t');
  const comma = count(',');
  if (semi >= tab && semi > 0 && semi * 2 >= comma) return ';';
  if (tab > semi && tab >= comma) return '\t';
  if (comma > 0 && (semi === 0 || lines(',') > 2 * lines(';'))) return ',';
  return ';';
}

/** Excel's grid: rows and columns of a sheet. */
const EXCEL_ROWS = 1_048_576;
const EXCEL_COLS = 16_384;

/** Past a row, column or cell limit: becomes input/too-large. */
function tooLarge(what: 'rows' | 'columns' | 'cells', limit: number, found: number): Error {
  return Object.assign(new Error(what), { limit, found, what });
}

/**
 * Splits CSV text into fields, honouring quotes ("" escapes, newlines inside quotes), and hands each field that
 * holds something to onCell as it goes: nothing is held per blank line or empty field, a field is one slice of
 * the text (never built a character at a time), and the caller's limits stop the parse at the first cell past them.
 */
export function eachCsvField(
  text: string,
  sep: string,
  onCell: (row: number, col: number, value: string) => void,
  onRowEnd?: (row: number, fields: number) => void,
): void {
  const n = text.length;
  let row = 1;
  let col = 1;
  let i = 0;
  while (i < n) {
    // one field, from i
    let value: string;
    let j = i;
    while (j < n && (text[j] === ' ' || text[j] === '\t') && text[j] !== sep) j++;
    if (j < n && text[j] === '"') {
      // quoted: up to the closing quote ("" is a quote), then whatever follows up to the separator or line end
      let k = j + 1;
      let parts: string[] | undefined;
      let from = k;
      for (;;) {
        const q = text.indexOf('"', k);
        if (q < 0) {
          k = n;
          break;
        }
        if (text[q + 1] === '"') {
          (parts ??= []).push(text.slice(from, q + 1));
          k = q + 2;
          from = k;
          continue;
        }
        k = q;
        break;
      }
      const body = text.slice(from, k);
      value = parts ? parts.join('') + body : body;
      i = Math.min(n, k + 1);
      // text after the closing quote belongs to the field, as Excel reads it
      let e = i;
      while (e < n && text[e] !== sep && text[e] !== '\n' && text[e] !== '\r') e++;
      if (e > i) value += text.slice(i, e);
      i = e;
    } else {
      let e = i;
      while (e < n && text[e] !== sep && text[e] !== '\n' && text[e] !== '\r') e++;
      value = text.slice(i, e);
      i = e;
    }
    const v = value.trim();
    if (v !== '') onCell(row, col, v);
    if (i >= n) {
      onRowEnd?.(row, col);
      break;
    }
    const ch = text[i];
    if (ch === sep) {
      col++;
      i++;
      if (i >= n) onRowEnd?.(row, col);
      continue;
    }
    // a line end
    onRowEnd?.(row, col);
    if (ch === '\r' && text[i + 1] === '\n') i++;
    i++;
    row++;
    col = 1;
  }
}

/** Splits CSV text into rows of fields (empty fields as ''); for small texts and tests. */
export function parseCsv(text: string, sep: string): string[][] {
  const rows: string[][] = [];
  eachCsvField(
    text,
    sep,
    (r, c, v) => {
      while (rows.length < r) rows.push([]);
      const row = rows[r - 1];
      while (row.length < c - 1) row.push('');
      row[c - 1] = v;
    },
    (r, fields) => {
      while (rows.length < r) rows.push([]);
      const row = rows[r - 1];
      while (row.length < fields) row.push('');
    },
  );
  return rows;
}

export function readCsv(path: string, bytes: Uint8Array, limits: { maxRows: number; maxCols: number; maxCells: number }): RawWorkbook {
  const text = decodeCsv(bytes);
  const sep = detectSeparator(text);
  const name = fileStem(path).slice(0, 31) || 'CSV';
  const rows = new Map<number, RawCell[]>();
  let maxRow = 0;
  let maxCol = 0;
  let cells = 0;
  let rowsHeld = 0;
  const colsHeld = new Set<number>();
  let current: RawCell[] | undefined;
  // The limits hold for what the sheet holds, counted as the text is parsed (as for .xlsx): rows and columns with a
  // cell that holds something. Blank lines (a stray mark far below the table, as LibreOffice saves it: a line of
  // separators for every row between) cost nothing, and past Excel's grid no spreadsheet program writes a cell.
  eachCsvField(text, sep, (r, c, v) => {
    if (r > EXCEL_ROWS) throw tooLarge('rows', EXCEL_ROWS, r);
    if (c > EXCEL_COLS) throw tooLarge('columns', EXCEL_COLS, c);
    if (!colsHeld.has(c) && colsHeld.add(c).size > limits.maxCols) throw tooLarge('columns', limits.maxCols, colsHeld.size);
    if (++cells > limits.maxCells) throw tooLarge('cells', limits.maxCells, cells);
    if (r !== maxRow) {
      if (++rowsHeld > limits.maxRows) throw tooLarge('rows', limits.maxRows, rowsHeld);
      current = [];
      rows.set(r, current);
      maxRow = r;
    }
    current!.push({ row: r, col: c, value: v, formula: undefined, noCachedResult: undefined, error: undefined, numFmt: undefined });
    if (c > maxCol) maxCol = c;
  });
  const sheet: RawSheet = { name, state: 'visible', rows, maxRow, maxCol, hiddenRows: new Set(), hiddenCols: new Set(), merges: [] };
  return { path, format: 'csv', sheets: [sheet] };
}
