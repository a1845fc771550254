// The unit a budget sheet states its amounts in: kroner, or thousands of kroner ("Budget (1.000 kr.)", "I alt, t.kr.",
// "Alle beløb i 1.000 kr."), as municipalities' budgets often are. Only the title rows and the header say so: a
// specification's "à 1.000 kr." is a price, not the sheet's unit.
import type { RawSheet } from '../read/types.js';
import { metaField } from './labels.js';
import { referencedSheets } from './refs.js';

/** Thousands of kroner, as a title or a column header states them (lower-cased text). */
const THOUSANDS: readonly RegExp[] = [
  // "(1.000 kr.)", "(i 1.000 kr.)", "(tusinde kroner)", "[1000 DKK]"
  /[([]\s*(?:i\s+|in\s+)?(?:1\.000|1000|1 000|tusind|tusinde)\s*(?:kr\.?|kroner|dkk)\s*[)\]]/u,
  // "i 1.000 kr.", "Alle beløb i 1.000", "beløb i tusinde kroner": "i" before the unit, which ends the text or a clause
  /(?:^|[^\p{L}])i\s+(?:hele\s+)?(?:1\.000|1000|1 000|tusind|tusinde)(?:\s*(?:kr\.?|kroner|dkk))?\s*(?:$|[).,;:\]])/u,
  // "t.kr.", "t. kr.", "tkr.", "tkr" (not after a number: "Ansøgt: 127,6 t.kr." is an amount, not the sheet's unit)
  /(?<!\p{L})(?<!\d\s*)t\.?\s?kr(?:\.|$|[^\p{L}])/u,
  // "'000 kr.", "DKK '000", "kr. (000)", "Kr. (1000)", "(kr. 1.000)"
  /['’]000\s*(?:kr|dkk)|(?:kr\.?|dkk)\s*['’(]000|(?:kr\.?|dkk)\s*\(\s*(?:1\.000|1000)\s*\)|[([]\s*(?:kr\.?|dkk)\s*(?:1\.000|1000)\s*[)\]]/u,
  // "Budget, tusinde kr." (not after a number: "5 tusind kr." is an amount)
  /(?<!\p{L})(?<!\d\s*)tusinde?\s+(?:kr\.?|kroner|dkk)(?!\p{L})/u,
  // (not "1.000 kr." alone: above a header that is as likely a value, "Deltagerbetaling | 1.000 kr.")
];

/** Whether a title or header text states thousands of kroner. */
export function statesThousands(text: string): boolean {
  const t = text.toLowerCase();
  // every form names 1000, tusind or t.kr./tkr.: most texts have none of these
  if (!t.includes('000') && !t.includes('tusind') && !t.includes('kr')) return false;
  return THOUSANDS.some((re) => re.test(t));
}

/**
 * The kroner one unit of the sheet's amounts stands for: 1000 when a text cell in rows `firstRow` to `lastRow` (the
 * title rows and a header row) states thousands of kroner, else 1.
 */
export function amountScale(sheet: RawSheet, firstRow: number, lastRow: number): number {
  for (let r = firstRow; r <= lastRow; r++) {
    const cells = sheet.rows.get(r);
    if (!cells) continue;
    // (a metadata label above the table, "Ansøgt beløb (1.000 kr.)", speaks of its own value only)
    for (let i = 0; i < cells.length; i++) {
      const v = cells[i].value;
      if (typeof v === 'string' && statesThousands(v) && !metaField(v.split(':')[0])) return 1000;
    }
  }
  return 1;
}

/**
 * The scale of every sheet of `sheets` (those with a budget header, with the row of their header): the scale its own
 * title rows and header state, or, where they state none, the scale of a sheet it takes plain references from or that
 * takes plain references from it (a 'Samlet budget (1.000 kr.)' of ='Budget 2025'!F9 says the year sheets are in
 * thousands too; a formula that divides or multiplies by 1000 converts, so it carries nothing over).
 */
export function sheetScales(sheets: ReadonlyArray<{ sheet: RawSheet; headerRow: number }>): Map<string, number> {
  const scales = new Map(sheets.map(({ sheet, headerRow }) => [sheet.name, amountScale(sheet, 1, headerRow)]));
  if (![...scales.values()].some((s) => s !== 1)) return scales;
  const byName = new Map(sheets.map(({ sheet }) => [sheet.name.toLowerCase(), sheet.name]));
  const stated = new Set([...scales].filter(([, s]) => s !== 1).map(([n]) => n));
  // plain references between budget sheets, either way
  const linked = new Map<string, Set<string>>();
  const link = (a: string, b: string) => {
    if (a === b) return;
    if (!linked.has(a)) linked.set(a, new Set());
    linked.get(a)!.add(b);
  };
  for (const { sheet, headerRow } of sheets) {
    for (const [r, cells] of sheet.rows) {
      if (r <= headerRow) continue;
      for (const c of cells) {
        const f = c.formula;
        if (!f || !f.includes('!') || /\b1\s?000\b/.test(f)) continue;
        for (const ref of referencedSheets(f)) {
          const other = byName.get(ref.toLowerCase());
          if (other) {
            link(sheet.name, other);
            link(other, sheet.name);
          }
        }
      }
    }
  }
  const queue = [...stated];
  while (queue.length) {
    const from = queue.shift()!;
    for (const to of linked.get(from) ?? []) {
      if (scales.get(to) !== 1 || stated.has(to)) continue;
      scales.set(to, scales.get(from)!);
      stated.add(to);
      queue.push(to);
    }
  }
  return scales;
}
