// Shared formulas: Excel stores a filled-down formula once (the master) and the other cells as "same, shifted".
// translateFormula moves the master's relative references by the cell's offset; $-anchored parts stay.
import { colLetters, colNumber } from './address.js';

const MAX_COL = 16_384;
const MAX_ROW = 1_048_576;

// One pass over the formula text outside strings, quoted sheet names and [structured references]. Each match is a
// boundary (anything that cannot continue a name) followed by one of:
//   a 3-D sheet range "Ark1:Ark3" before its "!" — kept as it is (sheet names are not references);
//   a whole-column range "A:C" / a whole-row range "2:5";
//   a cell reference "B12" — not part of a longer name, not a function ("LOG10("), not a sheet name ("Ark1!").
const NAME = String.raw`[\p{L}_][\p{L}\p{N}_.]*`;
const END = String.raw`(?![\p{L}\p{N}_.(![])`;
const TOKEN = new RegExp(
  String.raw`(^|[^\p{L}\p{N}_.$])(?:(${NAME}:${NAME})(?=!)|(\$?)([A-Za-z]{1,3}):(\$?)([A-Za-z]{1,3})${END}|(\$?)(\d{1,7}):(\$?)(\d{1,7})(?![\p{L}\p{N}_.(!:[])|(\$?)([A-Za-z]{1,3})(\$?)(\d{1,7})${END})`,
  'gu',
);

function shiftCol(letters: string, abs: string, dc: number): string | undefined {
  let col = colNumber(letters);
  if (!abs) col += dc;
  return col >= 1 && col <= MAX_COL ? `${abs}${colLetters(col)}` : undefined;
}

function shiftRow(digits: string, abs: string, dr: number): string | undefined {
  let row = Number(digits);
  if (!abs) row += dr;
  return row >= 1 && row <= MAX_ROW ? `${abs}${row}` : undefined;
}

function shiftSegment(s: string, dr: number, dc: number): string {
  return s.replace(
    TOKEN,
    (
      m,
      pre: string,
      sheets?: string,
      ca1?: string,
      c1?: string,
      ca2?: string,
      c2?: string,
      ra1?: string,
      r1?: string,
      ra2?: string,
      r2?: string,
      cAbs?: string,
      letters?: string,
      rAbs?: string,
      digits?: string,
    ) => {
      if (sheets) return m;
      if (c1 !== undefined && c2 !== undefined) {
        if (colNumber(c1) > MAX_COL || colNumber(c2) > MAX_COL) return m;
        const a = shiftCol(c1, ca1 ?? '', dc);
        const b = shiftCol(c2, ca2 ?? '', dc);
        return a && b ? `${pre}${a}:${b}` : `${pre}#REF!`;
      }
      if (r1 !== undefined && r2 !== undefined) {
        const a = shiftRow(r1, ra1 ?? '', dr);
        const b = shiftRow(r2, ra2 ?? '', dr);
        return a && b ? `${pre}${a}:${b}` : `${pre}#REF!`;
      }
      if (letters === undefined || digits === undefined) return m;
      if (colNumber(letters) > MAX_COL || Number(digits) < 1 || Number(digits) > MAX_ROW) return m;
      const col = shiftCol(letters, cAbs ?? '', dc);
      const row = shiftRow(digits, rAbs ?? '', dr);
      return col && row ? `${pre}${col}${row}` : `${pre}#REF!`;
    },
  );
}

/** Shifts formula[start, i) seeing the delimiter at i (so "T1" before "[Q1]" is known to be a table, not a cell). */
function shiftBefore(formula: string, start: number, i: number, dr: number, dc: number): string {
  return shiftSegment(formula.slice(start, i + 1), dr, dc).slice(0, -1);
}

/** The master formula as it reads in a cell dr rows below and dc columns right of the master. */
export function translateFormula(formula: string, dr: number, dc: number): string {
  if (dr === 0 && dc === 0) return formula;
  // Split off string literals ("…", "" inside), quoted sheet names ('…', '' inside) and structured references
  // ([…], nested): they are never shifted.
  let out = '';
  let i = 0;
  let start = 0;
  const n = formula.length;
  while (i < n) {
    const ch = formula[i];
    if (ch === '"' || ch === "'") {
      out += shiftBefore(formula, start, i, dr, dc);
      let j = i + 1;
      while (j < n) {
        if (formula[j] === ch) {
          if (formula[j + 1] === ch) j += 2;
          else break;
        } else j++;
      }
      out += formula.slice(i, j + 1);
      i = start = j + 1;
    } else if (ch === '[') {
      out += shiftBefore(formula, start, i, dr, dc);
      let depth = 0;
      let j = i;
      for (; j < n; j++) {
        if (formula[j] === '[') depth++;
        else if (formula[j] === ']' && --depth === 0) break;
      }
      out += formula.slice(i, j + 1);
      i = start = j + 1;
    } else i++;
  }
  return out + shiftSegment(formula.slice(start), dr, dc);
}
