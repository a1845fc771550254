// Text normalisation for matching Danish expense texts: NFC, lower case, folded spacing and punctuation.

import { memoise } from '../memo.js';

/** NFC, lower case, whitespace (incl. no-break spaces) folded, surrounding punctuation removed (memoised). */
export const normaliseText = memoise(normaliseUncached);

function normaliseUncached(s: string): string {
  return s
    .normalize('NFC')
    .toLowerCase()
    .replace(/[\u00a0\u202f\u2007\s]+/g, ' ')
    .replace(/[‐‑‒–—]/g, '-')
    .replace(/^[\s.,:;!?*()\-"'«»“”]+|[\s.,:;!?*()\-"'«»“”]+$/g, '')
    .trim();
}

/** Leading numbering of a post ("1.", "1.2", "2)", "Post 3:", "a)") or a note's label ("Note 3:") removed. */
export function stripNumbering(s: string): string {
  // "1." "1.2" "2)" "a)" "Post 3:" "Note 3:" — but not a quantity such as "2 konferencer".
  return s.replace(/^\s*(?:(?:post|note)\s+\d+[.):]?|\d+(?:\.\d{1,2})+\.?|\d+[.):]|[a-z][.)])\s+/i, '').trim();
}

/** Words of a normalised text (letters, digits, æøå; hyphenated words kept whole). */
export function tokens(s: string): string[] {
  return normaliseText(s).match(/[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)*/gu) ?? [];
}
