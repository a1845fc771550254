// The tokenizer's steps (xml.ts) over a part's UTF-8 bytes instead of its decoded text, so a worksheet is scanned
// where it lies in the inflated buffer and only the text that is kept (values, formulas, inline strings, odd
// attributes) is ever decoded. Every byte XML gives a meaning (<, >, quotes, =, /, !, ?, :, whitespace) is ASCII and no
// byte of a multi-byte UTF-8 character is, so tags, attributes and text fall where they fall in the decoded text, and
// each decoded piece is cut at an ASCII byte: the same tokens, values, refusals and limits as the text tokenizer.
import { InputRefusal } from './limits.js';
import { decodeEntities, ONE_CHAR } from './xml.js';

// the decoder the zip guard decodes whole parts with: a BOM is kept, a bad sequence becomes U+FFFD, as there
const utf8 = new TextDecoder('utf-8', { ignoreBOM: true });

const GT = 62;
const DQ = 34;
const SQ = 39;
const COLON = 58;
const EQ = 61;

/** The text of bytes start..end (entities not decoded). */
export function textAt(b: Uint8Array, start: number, end: number): string {
  if (end - start === 1 && b[start] < 128) return ONE_CHAR[b[start]];
  return utf8.decode(b.subarray(start, end));
}

/** Whether the bytes at i are the ASCII text s. */
export function bytesAre(b: Uint8Array, i: number, s: string): boolean {
  if (i < 0 || i + s.length > b.length) return false;
  for (let k = 0; k < s.length; k++) if (b[i + k] !== s.charCodeAt(k)) return false;
  return true;
}

/** Index of the ASCII text s in b at or after from, or -1. */
export function indexOfText(b: Uint8Array, s: string, from: number): number {
  const first = s.charCodeAt(0);
  for (let i = b.indexOf(first, from); i >= 0; i = b.indexOf(first, i + 1)) if (bytesAre(b, i, s)) return i;
  return -1;
}

/** A markup declaration at i (after "<!") that names `word` in any case, as declares() in xml.ts: the characters
 * after "<!" upper-cased (a character like "ı" upper-cases to ASCII), so a window of them is decoded (at most 4 bytes
 * a character: word.length of them are inside). Only met at "<!" that opens neither a comment nor CDATA. */
function declares(b: Uint8Array, i: number, word: string): boolean {
  const text = utf8.decode(b.subarray(i + 2, Math.min(b.length, i + 2 + 4 * word.length)));
  return text.slice(0, word.length).toUpperCase() === word;
}

/** bangEnd of xml.ts over bytes: the '>' that ends the `<!…>` at i, or -1; refuses DOCTYPE and ENTITY. */
export function bangEndBytes(b: Uint8Array, i: number, capture: { text(s: string): void } | undefined): number {
  if (bytesAre(b, i, '<![CDATA[')) {
    const close = indexOfText(b, ']]>', i + 9);
    if (close < 0) return -1;
    capture?.text(textAt(b, i + 9, close));
    return close + 2;
  }
  if (bytesAre(b, i, '<!--')) {
    const close = indexOfText(b, '-->', i + 4);
    return close < 0 ? -1 : close + 2;
  }
  if (declares(b, i, 'DOCTYPE') || declares(b, i, 'ENTITY')) throw new InputRefusal('input/unreadable', 'xml-doctype');
  return b.indexOf(GT, i);
}

/** Positions of one attribute: [name start, local name start, name end, value start, value end]. */
type AttrPos = [number, number, number, number, number];
const scratch: AttrPos = [0, 0, 0, 0, 0];

/** nextAttr of xml.ts over bytes. */
function nextAttr(b: Uint8Array, i: number, end: number, p: AttrPos): number {
  let eq = i;
  while (eq < end && b[eq] !== EQ) eq++;
  if (eq >= end) return -1;
  let ns = i;
  while (ns < eq && b[ns] <= 32) ns++;
  let ne = eq;
  while (ne > ns && b[ne - 1] <= 32) ne--;
  let q = eq + 1;
  while (q < end && b[q] <= 32) q++;
  const quote = b[q];
  if (quote !== DQ && quote !== SQ) return -1;
  const close = b.indexOf(quote, q + 1);
  if (close < 0 || close > end) return -1;
  let local = ns;
  for (let k = ne - 1; k >= ns; k--) {
    if (b[k] === COLON) {
      local = k + 1;
      break;
    }
  }
  p[0] = ns;
  p[1] = local;
  p[2] = ne;
  p[3] = q + 1;
  p[4] = close;
  return close + 1;
}

function isXmlns(b: Uint8Array, p: AttrPos): boolean {
  return bytesAre(b, p[0], 'xmlns') && (p[2] - p[0] === 5 || b[p[0] + 5] === COLON);
}

/** attrs of xml.ts over bytes: attributes by local name, values with entities decoded. */
export function attrsBytes(b: Uint8Array, start: number, end: number): Record<string, string> {
  const out: Record<string, string> = Object.create(null);
  const p = scratch;
  for (let i = start; i < end && (i = nextAttr(b, i, end, p)) >= 0;) {
    if (isXmlns(b, p)) continue;
    const name = textAt(b, p[1], p[2]);
    if (!(name in out)) out[name] = decodeEntities(textAt(b, p[3], p[4]));
  }
  return out;
}

/** pickAttrs of xml.ts over bytes: up to three raw attribute values by local name, no object built. */
export function pickAttrsBytes(b: Uint8Array, start: number, end: number, names: readonly string[], out: Array<string | undefined>): void {
  out[0] = out[1] = out[2] = undefined;
  const p = scratch;
  for (let i = start; i < end && (i = nextAttr(b, i, end, p)) >= 0;) {
    const len = p[2] - p[1];
    for (let k = 0; k < names.length; k++) {
      if (len === names[k].length && bytesAre(b, p[1], names[k]) && !isXmlns(b, p)) {
        if (out[k] === undefined) out[k] = textAt(b, p[3], p[4]);
        break;
      }
    }
  }
}
