// A1 addresses: column letters <-> numbers.

export function colLetters(col: number): string {
  let s = '';
  let n = col;
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

export function colNumber(letters: string): number {
  let n = 0;
  // ASCII letters (every address) read in place: no upper-cased copy, no string iterator
  for (let i = 0; i < letters.length; i++) {
    const c = letters.charCodeAt(i);
    if (c >= 65 && c <= 90) n = n * 26 + (c - 64);
    else if (c >= 97 && c <= 122) n = n * 26 + (c - 96);
    else return otherColNumber(letters);
  }
  return n;
}

function otherColNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

export function a1(row: number, col: number): string {
  return `${colLetters(col)}${row}`;
}

/**
 * Parses "AK14" (any case, $ anchors allowed) into out's row/col; false when it is no reference: 1–3 letters, then
 * 1–7 digits. A loop over the characters, no regex and no object: the reader parses every cell's reference with it.
 */
export function parseA1Into(ref: string, out: { row: number; col: number }): boolean {
  return parseA1At(ref, 0, ref.length, out);
}

/** parseA1Into of the text from start to end of s, read where it stands: the reader's cell references, no string. */
export function parseA1At(s: string, start: number, end: number, out: { row: number; col: number }): boolean {
  let col = 0;
  let letters = 0;
  let i = start;
  const n = end;
  if (i < n && s.charCodeAt(i) === 36) i++;
  for (; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c >= 65 && c <= 90) col = col * 26 + c - 64;
    else if (c >= 97 && c <= 122) col = col * 26 + c - 96;
    else break;
    letters++;
  }
  if (letters < 1 || letters > 3) return false;
  if (i < n && s.charCodeAt(i) === 36) i++;
  const digitsFrom = i;
  let row = 0;
  for (; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) return false;
    row = row * 10 + c - 48;
  }
  const digits = n - digitsFrom;
  if (digits < 1 || digits > 7 || row <= 0) return false;
  out.row = row;
  out.col = col;
  return true;
}

/** Parses "AK14" (any case, $ anchors allowed) into row/col, or undefined (see parseA1Into). */
export function parseA1(ref: string): { row: number; col: number } | undefined {
  const out = { row: 0, col: 0 };
  return parseA1Into(ref, out) ? out : undefined;
}

/** parseA1At over the bytes of a part (ASCII letters and digits; any other byte makes it no reference). */
export function parseA1AtBytes(b: Uint8Array, start: number, end: number, out: { row: number; col: number }): boolean {
  let col = 0;
  let letters = 0;
  let i = start;
  const n = end;
  if (i < n && b[i] === 36) i++;
  for (; i < n; i++) {
    const c = b[i];
    if (c >= 65 && c <= 90) col = col * 26 + c - 64;
    else if (c >= 97 && c <= 122) col = col * 26 + c - 96;
    else break;
    letters++;
  }
  if (letters < 1 || letters > 3) return false;
  if (i < n && b[i] === 36) i++;
  const digitsFrom = i;
  let row = 0;
  for (; i < n; i++) {
    const c = b[i];
    if (c < 48 || c > 57) return false;
    row = row * 10 + c - 48;
  }
  const digits = n - digitsFrom;
  if (digits < 1 || digits > 7 || row <= 0) return false;
  out.row = row;
  out.col = col;
  return true;
}
