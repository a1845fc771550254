// Structured references of Excel tables ("Tabel1[I alt]", "[@Antal]", "Tabel1[[#This Row],[Pris]]"), SUBTOTAL(9|109, …)
// and 3D references ("SUM('År 1:År 3'!F5)") rewritten as the A1 ranges and SUMs the evaluator understands. Anything
// else is left as it is (then unsupported).
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

const REF_3D = /(?:'((?:[^']|'')+?):((?:[^']|'')+)'|([A-Za-z0-9_æøåÆØÅ.]+):([A-Za-z0-9_æøåÆØÅ.]+))!(\$?[A-Za-z]{1,3}\$?\d+(?::\$?[A-Za-z]{1,3}\$?\d+)?)/g;

/** The sheets from one to another in workbook order (a 3D reference's span), or undefined when either is unknown. */
export function sheetSpan(names: string[], from: string, to: string): string[] | undefined {
  const lower = names.map((n) => n.toLowerCase());
  const a = lower.indexOf(from.toLowerCase());
  const b = lower.indexOf(to.toLowerCase());
  if (a < 0 || b < 0) return undefined;
  return names.slice(Math.min(a, b), Math.max(a, b) + 1);
}

/** "SUM('Budget 2020:Budget 2022'!F5)" → "SUM('Budget 2020'!F5,'Budget 2021'!F5,'Budget 2022'!F5)"; undefined when a
 * sheet of the span is unknown. Only inside functions is a 3D reference valid, and there a list is the same. */
export function rewrite3d(formula: string, names: string[]): string | undefined {
  if (!formula.includes('!') || !formula.includes(':')) return formula;
  let failed = false;
  const out = formula.replace(REF_3D, (whole, qa: string | undefined, qb: string | undefined, a: string | undefined, b: string | undefined, ref: string) => {
    const span = sheetSpan(names, (qa ?? a)!.replace(/''/g, "'"), (qb ?? b)!.replace(/''/g, "'"));
    if (!span) {
      failed = true;
      return whole;
    }
    return span.map((n) => `${quoteSheet(n)}${ref}`).join(',');
  });
  return failed ? undefined : out;
}
