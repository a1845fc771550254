// Reads .csv as Danish Excel writes it: ';' separated, ',' decimals, UTF-8 (with or without BOM) or Windows-1252.
import { fileStem } from './file-name.js';
import { a1 } from './address.js';
import type { RawCell, RawSheet, RawWorkbook } from './types.js';

/** Decodes CSV bytes: BOM → UTF-8; valid UTF-8 → UTF-8; otherwise Windows-1252. */
export function decodeCsv(bytes: Uint8Array): string {
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return new TextDecoder('utf-8').decode(bytes.subarray(3));
  }
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('windows-1252').decode(bytes);
  }
}

/** Picks the separator from the first lines: ';' (Danish Excel) unless tabs or commas clearly dominate. */
export function detectSeparator(text: string): string {
  const head = text.split(/\r?\n/).slice(0, 30).join('\n').replace(/"[^"]*"/g, '');
  const count = (ch: string) => head.split(ch).length - 1;
  const semi = count(';');
  const tab = count('\t');
  const comma = count(',');
  if (semi >= tab && semi > 0 && semi * 2 >= comma) return ';';
  if (tab > semi && tab >= comma) return '\t';
  if (comma > 0 && semi === 0) return ',';
  return ';';
}

/** Splits CSV text into rows of fields, honouring quotes ("" escapes, newlines inside quotes). */
export function parseCsv(text: string, sep: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  let i = 0;
  const n = text.length;
  while (i < n) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
        i++;
        continue;
      }
      field += ch;
      i++;
      continue;
    }
    if (ch === '"' && field.trim() === '') {
      quoted = true;
      field = '';
      i++;
      continue;
    }
    if (ch === sep) {
      row.push(field);
      field = '';
      i++;
      continue;
    }
    if (ch === '\r' || ch === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      if (ch === '\r' && text[i + 1] === '\n') i++;
      i++;
      continue;
    }
    field += ch;
    i++;
  }
  if (field !== '' || row.length) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

export function readCsv(path: string, bytes: Uint8Array, limits: { maxRows: number; maxCols: number; maxCells: number }): RawWorkbook {
  const text = decodeCsv(bytes);
  const sep = detectSeparator(text);
  const parsed = parseCsv(text, sep);
  const name = fileStem(path).slice(0, 31) || 'CSV';
  const rows = new Map<number, RawCell[]>();
  let maxRow = 0;
  let maxCol = 0;
  let cells = 0;
  if (parsed.length > limits.maxRows) throw Object.assign(new Error('rows'), { limit: limits.maxRows, found: parsed.length, what: 'rows' });
  parsed.forEach((fields, i) => {
    const r = i + 1;
    if (fields.length > limits.maxCols) throw Object.assign(new Error('columns'), { limit: limits.maxCols, found: fields.length, what: 'columns' });
    const out: RawCell[] = [];
    fields.forEach((f, j) => {
      const v = f.trim();
      if (v === '') return;
      if (++cells > limits.maxCells) throw Object.assign(new Error('cells'), { limit: limits.maxCells, found: cells, what: 'cells' });
      const c = j + 1;
      out.push({ row: r, col: c, address: a1(r, c), value: v, formula: undefined, noCachedResult: undefined, error: undefined, numFmt: undefined });
      if (c > maxCol) maxCol = c;
    });
    if (out.length) {
      rows.set(r, out);
      maxRow = r;
    }
  });
  const sheet: RawSheet = { name, state: 'visible', rows, maxRow, maxCol, hiddenRows: new Set(), hiddenCols: new Set(), merges: [] };
  return { path, format: 'csv', sheets: [sheet] };
}
