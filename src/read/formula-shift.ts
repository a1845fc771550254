// Shared formulas: Excel stores a filled-down formula once (the master) and the other cells as "same, shifted".
// translateFormula moves the master's relative references by the cell's offset; $-anchored parts stay.
import { colLetters, colNumber } from './address.js';

const MAX_COL = 16_384;
const MAX_ROW = 1_048_576;

// A cell reference not part of a longer name, not a function name (followed by "("), not a sheet name (followed by "!").
const REF = /(^|[^A-Za-z0-9_.$])(\$?)([A-Za-z]{1,3})(\$?)([0-9]{1,7})(?![A-Za-z0-9_.(!])/g;

function shiftSegment(s: string, dr: number, dc: number): string {
  return s.replace(REF, (m, pre: string, cAbs: string, letters: string, rAbs: string, digits: string) => {
    let col = colNumber(letters);
    let row = Number(digits);
    if (col > MAX_COL || row < 1 || row > MAX_ROW) return m;
    if (!cAbs) col += dc;
    if (!rAbs) row += dr;
    if (col < 1 || row < 1 || col > MAX_COL || row > MAX_ROW) return `${pre}#REF!`;
    return `${pre}${cAbs}${colLetters(col)}${rAbs}${row}`;
  });
}

/** The master formula as it reads in a cell dr rows below and dc columns right of the master. */
export function translateFormula(formula: string, dr: number, dc: number): string {
  if (dr === 0 && dc === 0) return formula;
  // Split off string literals ("…", "" inside) and quoted sheet names ('…', '' inside): they are never shifted.
  let out = '';
  let i = 0;
  let start = 0;
  const n = formula.length;
  while (i < n) {
    const ch = formula[i];
    if (ch === '"' || ch === "'") {
      out += shiftSegment(formula.slice(start, i), dr, dc);
      let j = i + 1;
      while (j < n) {
        if (formula[j] === ch) {
          if (formula[j + 1] === ch) j += 2;
          else break;
        } else j++;
      }
      out += formula.slice(i, j + 1);
      i = start = j + 1;
    } else i++;
  }
  return out + shiftSegment(formula.slice(start), dr, dc);
}
