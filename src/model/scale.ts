// The unit a budget sheet states its amounts in: kroner, or thousands of kroner ("Budget (1.000 kr.)", "I alt, t.kr.",
// "Alle beløb i 1.000 kr."), as municipalities' budgets often are. Only the title rows and the header say so: a
// specification's "à 1.000 kr." is a price, not the sheet's unit.
import type { RawSheet } from '../read/types.js';

/** Thousands of kroner, as a title or a column header states them (lower-cased text). */
const THOUSANDS: readonly RegExp[] = [
  // "(1.000 kr.)", "(i 1.000 kr.)", "(tusinde kroner)", "[1000 DKK]"
  /[([]\s*(?:i\s+|in\s+)?(?:1\.000|1000|1 000|tusind|tusinde)\s*(?:kr\.?|kroner|dkk)\s*[)\]]/u,
  // "i 1.000 kr.", "Alle beløb i 1.000", "beløb i tusinde kroner": "i" before the unit, which ends the text or a clause
  /(?:^|[^\p{L}])i\s+(?:hele\s+)?(?:1\.000|1000|1 000|tusind|tusinde)(?:\s*(?:kr\.?|kroner|dkk))?\s*(?:$|[).,;:\]])/u,
  // "t.kr.", "t. kr.", "tkr.", "tkr"
  /(?:^|[^\p{L}])t\.?\s?kr(?:\.|$|[^\p{L}])/u,
  // "'000 kr.", "DKK '000", "kr. (000)"
  /['’]000\s*(?:kr|dkk)|(?:kr\.?|dkk)\s*['’(]000/u,
  // a cell that is the unit alone: "1.000 kr.", "Tusinde kroner"
  /^\s*(?:1\.000|1000|tusind|tusinde)\s*(?:kr\.?|kroner|dkk)\s*$/u,
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
    for (const c of cells) if (typeof c.value === 'string' && statesThousands(c.value)) return 1000;
  }
  return 1;
}
