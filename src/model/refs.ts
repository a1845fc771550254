// The sheets a formula refers to ('Løn 2021'!D5, Satser!B2): summary sheets, helper sheets and hidden sources.
import { memoise } from '../memo.js';

const SHEET_REF = /(?:'((?:[^']|'')+)'|([A-Za-z0-9_æøåÆØÅ.:]+))!\$?[A-Za-z]{1,3}\$?\d/g;

/** Sheet names a formula names (as written; compare case-insensitively); a 3D reference ('År 1:År 3'!F5) as "År 1:År 3". */
export const referencedSheets = memoise((formula: string): string[] => {
  if (!formula.includes('!')) return [];
  const out = new Set<string>();
  for (const m of formula.matchAll(SHEET_REF)) out.add(m[1] ? m[1].replace(/''/g, "'") : m[2]);
  return [...out];
});
