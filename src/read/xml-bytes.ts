// The tokenizer's steps (xml.ts) over a part's UTF-8 bytes instead of its decoded text, so a worksheet is scanned
// where it lies in the inflated buffer and only the text that is kept (values, formulas, inline strings, odd
// attributes) is ever decoded. Every byte XML gives a meaning (<, >, quotes, =, /, !, ?, :, whitespace) is ASCII and no
// byte of a multi-byte UTF-8 character is, so tags, attributes and text fall where they fall in the decoded text, and
// each decoded piece is cut at an ASCII byte: the same tokens, values, refusals and limits as the text tokenizer.
import { InputRefusal } from './limits.js';
import { cutOff, decodeEntities, ONE_CHAR } from './xml.js';

// the decoder the zip guard decodes whole parts with: a BOM is kept, a bad sequence becomes U+FFFD, as there
const utf8 = new TextDecoder('utf-8', { ignoreBOM: true });

const GT = 62;
const DQ = 34;
const SQ = 39;
const COLON = 58;
const EQ = 61;

/** The text of bytes start..end (entities not decoded). */
export function textAt(b: Uint8Array, start: number, end: number): string {
  const len = end - start;
  if (len === 1 && b[start] < 128) return ONE_CHAR[b[start]];
  if (len <= 8) {
    // a short ASCII text ("rId3", "164", "str") made by hand: a call of TextDecoder costs ~300 ns whatever the length,
    // joining up to 8 characters ~20-120 ns (and a string this short is flat, not a rope)
    let s = '';
    for (let i = start; i < end; i++) {
      const c = b[i];
      if (c >= 128) return utf8.decode(b.subarray(start, end));
      s += ONE_CHAR[c];
    }
    return s;
  }
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

/** pickAttrs of xml.ts over bytes: raw attribute values by local name (out[k] for names[k]), no object built and no
 * attribute's name decoded. */
export function pickAttrsBytes(b: Uint8Array, start: number, end: number, names: readonly string[], out: Array<string | undefined>): void {
  for (let k = 0; k < names.length; k++) out[k] = undefined;
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

/** The same refusal as the text tokenizer's (xml.ts) for a part cut off. */
export { cutOff };

/** Whether the bytes are whitespace only (an empty part is no part). */
export function blank(b: Uint8Array): boolean {
  for (let i = 0; i < b.length; i++) if (b[i] > 32) return false;
  return true;
}

/** A handler of walkBytes: tags are told by their index in the names walked for (-1 for any other name). */
export interface ByteHandler {
  /** A start tag (or an empty-element tag when selfClosing); its attributes are b from attrStart to attrEnd. */
  open(name: number, b: Uint8Array, attrStart: number, attrEnd: number, selfClosing: boolean): void;
  close(name: number): void;
  /** Text between tags, entities decoded; called only while capturing() is true. */
  text(value: string): void;
  capturing(): boolean;
}

const LT = 60;
const SLASH = 47;
const BANG = 33;
const QMARK = 63;

function isNameEnd(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13 || c === GT || c === SLASH;
}

/** The index in names of the local name (after any prefix) from start to end, or -1. */
function nameIndex(b: Uint8Array, start: number, end: number, names: readonly string[]): number {
  let s = start;
  for (let i = start; i < end; i++) if (b[i] === COLON) s = i + 1;
  const len = end - s;
  for (let k = 0; k < names.length; k++) if (names[k].length === len && bytesAre(b, s, names[k])) return k;
  return -1;
}

/**
 * walk of xml.ts over a part's bytes, for the parts besides the worksheets (relationships, workbook, shared strings,
 * styles, tables): the same tokens, refusals (DOCTYPE, ENTITY, a part cut off) and nesting limit, with no decoded copy of the part
 * and no string per tag name: attributes are picked by name where they stand and only the values asked for are
 * decoded. For the pile's 540 workbooks: styles.xml 6.2 -> 3.5 ms, workbook.xml 2.6 -> 2.1 ms, relationships about
 * even. Not for shared strings (see readSharedStrings in ooxml.ts): a call of TextDecoder per string costs more there.
 */
export function walkBytes(b: Uint8Array, names: readonly string[], h: ByteHandler, maxDepth: number): void {
  const n = b.length;
  let depth = 0;
  let i = b.indexOf(LT);
  if (i < 0) {
    if (!blank(b)) throw cutOff();
    return;
  }
  while (i >= 0 && i < n) {
    const next = b[i + 1];
    let end: number;
    if (next === BANG) {
      end = bangEndBytes(b, i, h.capturing() ? h : undefined);
      if (end < 0) throw cutOff();
    } else if (next === QMARK) {
      end = indexOfText(b, '?>', i + 2);
      if (end < 0) throw cutOff();
      end += 1;
    } else if (next === SLASH) {
      end = b.indexOf(GT, i + 2);
      if (end < 0) throw cutOff();
      let ne = end;
      while (ne > i + 2 && isNameEnd(b[ne - 1])) ne--;
      depth--;
      h.close(nameIndex(b, i + 2, ne, names));
    } else {
      // the tag's end, past quoted attribute values (tagEnd of xml.ts)
      end = i + 1;
      for (; end < n; end++) {
        const c = b[end];
        if (c === GT) break;
        if (c === DQ || c === SQ) {
          end = b.indexOf(c, end + 1);
          if (end < 0) throw cutOff();
        }
      }
      if (end >= n) throw cutOff();
      let ne = i + 1;
      while (ne < end && !isNameEnd(b[ne])) ne++;
      const selfClosing = b[end - 1] === SLASH;
      if (!selfClosing && ++depth > maxDepth) throw new InputRefusal('input/too-large', 'xml-too-deep', { limit: maxDepth });
      const name = nameIndex(b, i + 1, ne, names);
      h.open(name, b, ne, selfClosing ? end - 1 : end, selfClosing);
      if (selfClosing) h.close(name);
    }
    const lt = b.indexOf(LT, end + 1);
    if (lt < 0) break;
    if (lt > end + 1 && h.capturing()) h.text(decodeEntities(textAt(b, end + 1, lt)));
    i = lt;
  }
  if (depth > 0) throw cutOff();
}
