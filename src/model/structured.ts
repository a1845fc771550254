// Structured references of Excel tables ("Tabel1[I alt]", "[@Antal]", "Tabel1[[#This Row],[Pris]]") and SUBTOTAL(9|109,
// …) rewritten as the A1 ranges and SUMs the evaluator understands. Anything else is left as it is (then unsupported).
import { a1 } from '../read/address.js';
import type { RawSheet, RawTable } from '../read/types.js';

export interface TableIndex {
  byName: Map<string, RawTable>;
  /** The tables of each sheet, for "[@Antal]" without a table name. */
  bySheet: Map<string, RawTable[]>;
}

export function tableIndex(sheets: RawSheet[]): TableIndex | undefined {
  const byName = new Map<string, RawTable>();
  const bySheet = new Map<string, RawTable[]>();
  for (const s of sheets) {
    if (!s.tables?.length) continue;
    bySheet.set(s.name, s.tables);
    for (const t of s.tables) byName.set(t.name.toLowerCase(), t);
  }
  return byName.size ? { byName, bySheet } : undefined;
}

const unescape = (s: string) => s.replace(/'([[\]#'@])/g, '$1').trim();

/** One structured reference's rows and columns, or undefined when it names what we cannot place. */
function place(t: RawTable, spec: string, row: number, sheetPrefix: string): string | undefined {
  const first = t.r1 + t.headerRows;
  const last = t.r2 - t.totalsRows;
  let rows: [number, number] = [first, last];
  let cols: [number, number] = [t.c1, t.c2];
  const col = (name: string) => {
    const i = t.columns.findIndex((c) => c.toLowerCase() === unescape(name).toLowerCase());
    return i < 0 ? undefined : t.c1 + i;
  };
  // the parts: "[#This Row],[Antal]" · "@Antal" · "@[Pris pr. enhed]" · "Antal" · "[Jan]:[Dec]" · "#Totals],[I alt"
  let body = spec.trim();
  if (body.startsWith('@')) {
    rows = [row, row];
    body = body.slice(1);
    if (!body) return undefined;
  }
  const parts = body.startsWith('[') ? [...body.matchAll(/\[((?:[^\]']|'.)*)\]/g)].map((m) => m[1]) : [body];
  const colParts: string[] = [];
  for (const p of parts) {
    const k = p.toLowerCase();
    if (k === '#this row') rows = [row, row];
    else if (k === '#totals') rows = [t.r2, t.r2];
    else if (k === '#headers') rows = [t.r1, t.r1];
    else if (k === '#data') rows = [first, last];
    else if (k === '#all') rows = [t.r1, t.r2];
    else colParts.push(p);
  }
  const range = body.includes(']:[') && colParts.length === 2;
  if (colParts.length === 1 || range) {
    const a = col(colParts[0]);
    const b = range ? col(colParts[1]) : a;
    if (a === undefined || b === undefined) return undefined;
    cols = [Math.min(a, b), Math.max(a, b)];
  } else if (colParts.length > 1) return undefined;
  if (rows[0] > rows[1]) return undefined;
  const from = a1(rows[0], cols[0]);
  const to = a1(rows[1], cols[1]);
  return sheetPrefix + (from === to ? from : `${from}:${to}`);
}

const quoteSheet = (name: string) => `'${name.replace(/'/g, "''")}'!`;

/** The formula with its structured references as A1 ranges; undefined when one cannot be placed. */
export function rewriteStructured(formula: string, sheet: string, row: number, index: TableIndex | undefined): string | undefined {
  let f = formula.replace(/SUBTOTAL\(\s*(?:9|109)\s*[,;]/gi, 'SUM(');
  if (!f.includes('[')) return f;
  if (!index) return undefined;
  let failed = false;
  // Name[...] with nested brackets one level deep, or [@...] / [[#This Row],...] inside the own table
  f = f.replace(/([A-Za-z_\\][\w.æøåÆØÅ]*)?\[((?:[^[\]]|\[(?:[^\]']|'.)*\])*)\]/g, (whole, name: string | undefined, spec: string) => {
    let t: RawTable | undefined;
    let owner = sheet;
    if (name) {
      t = index.byName.get(name.toLowerCase());
      if (t) for (const [s, ts] of index.bySheet) if (ts.includes(t)) owner = s;
    } else t = index.bySheet.get(sheet)?.find((x) => row >= x.r1 && row <= x.r2 && x.c1 >= 1);
    const placed = t ? place(t, spec, row, owner === sheet ? '' : quoteSheet(owner)) : undefined;
    if (!placed) failed = true;
    return placed ?? whole;
  });
  return failed ? undefined : f;
}
