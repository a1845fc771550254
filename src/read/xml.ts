// A small, fast XML tokenizer for the parts of an .xlsx: tags by local name (any namespace prefix), attributes,
// text with entities decoded. In the same single pass it refuses a DOCTYPE or entity declaration (never honoured)
// and nesting deeper than the limit, so no part is scanned twice.
import { InputRefusal } from './limits.js';

export interface XmlHandler {
  /** A start tag (or an empty-element tag when selfClosing), told by the index of its local name in the names walked
   * for (-1 for any other). Attributes are read with attrs(xml, start, end). */
  open(name: number, xml: string, attrStart: number, attrEnd: number, selfClosing: boolean): void;
  close(name: number): void;
  /** Text between tags, entities decoded; called only while capturing() is true. */
  text(value: string): void;
  /** When set, text between tags is handed over as its place in xml instead (entities not decoded; CDATA sections
   * still come through text): a handler that only parses a number need not make a string of it. */
  rawText?(xml: string, start: number, end: number): void;
  capturing(): boolean;
}

const GT = 62; // >
const SLASH = 47;
const BANG = 33;
const QMARK = 63;
const DQ = 34;
const SQ = 39;
const COLON = 58;
const EQ = 61;

/** The one-character strings of ASCII, made once: a value such as t="s" is one of them, not a new string per cell. */
export const ONE_CHAR = Array.from({ length: 128 }, (_, i) => String.fromCharCode(i));

/** The index in names of a tag's local name (the part after any prefix) from start to end, or -1: compared where it
 * stands, no string made per tag (slicing each name and interning it through a Map cost a third of walking the
 * pile's shared strings). */
function nameIndex(xml: string, start: number, end: number, names: readonly string[]): number {
  let s = start;
  for (let i = start; i < end; i++) if (xml.charCodeAt(i) === COLON) s = i + 1;
  const len = end - s;
  for (let k = 0; k < names.length; k++) if (names[k].length === len && xml.startsWith(names[k], s)) return k;
  return -1;
}

export function isNameEnd(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13 || c === GT || c === SLASH;
}

/** Index of the '>' that ends a tag starting at i, skipping quoted attribute values; -1 if none. */
export function tagEnd(xml: string, i: number): number {
  const n = xml.length;
  for (let j = i; j < n; j++) {
    const c = xml.charCodeAt(j);
    if (c === GT) return j;
    if (c === DQ || c === SQ) {
      const q = xml.indexOf(c === DQ ? '"' : "'", j + 1);
      if (q < 0) return -1;
      j = q;
    }
  }
  return -1;
}

/** A markup declaration at i (after "<!") that names `word`, in any case. */
function declares(xml: string, i: number, word: string): boolean {
  return xml.slice(i + 2, i + 2 + word.length).toUpperCase() === word;
}

/**
 * The index of the '>' that ends the `<!…>` at i — a CDATA section (its text given to `capture`), a comment, or a
 * declaration — or -1 when the part ends before it. A DOCTYPE or ENTITY declaration is refused (InputRefusal,
 * input/unreadable, xml-doctype). Shared by walk and the worksheet's own tokenizer (ooxml.ts), so both refuse alike.
 */
export function bangEnd(xml: string, i: number, capture: { text(s: string): void } | undefined): number {
  if (xml.startsWith('<![CDATA[', i)) {
    const close = xml.indexOf(']]>', i + 9);
    if (close < 0) return -1;
    capture?.text(xml.slice(i + 9, close));
    return close + 2;
  }
  if (xml.startsWith('<!--', i)) {
    const close = xml.indexOf('-->', i + 4);
    return close < 0 ? -1 : close + 2;
  }
  if (declares(xml, i, 'DOCTYPE') || declares(xml, i, 'ENTITY')) throw new InputRefusal('input/unreadable', 'xml-doctype');
  return xml.indexOf('>', i);
}

/** A part that ends inside a tag, or before the elements it opened are closed, or holds no element at all: cut off
 * (a half-written or damaged file), never read as far as it goes. */
export function cutOff(): InputRefusal {
  return new InputRefusal('input/unreadable', 'corrupt-part');
}

/**
 * Calls the handler for each tag (by the index of its local name in names) and captured text of xml. Throws
 * InputRefusal for a DOCTYPE or ENTITY declaration (input/unreadable, xml-doctype), for elements nested deeper than
 * maxDepth (input/too-large, xml-too-deep) and for a part cut off (input/unreadable, corrupt-part: cutOff).
 */
export function walk(xml: string, names: readonly string[], h: XmlHandler, maxDepth = Infinity): void {
  const n = xml.length;
  let depth = 0;
  let i = xml.indexOf('<');
  if (i < 0) {
    if (xml.trim() !== '') throw cutOff();
    return;
  }
  while (i >= 0 && i < n) {
    const next = xml.charCodeAt(i + 1);
    let end: number;
    if (next === BANG) {
      end = bangEnd(xml, i, h.capturing() ? h : undefined);
      if (end < 0) throw cutOff();
    } else if (next === QMARK) {
      end = xml.indexOf('?>', i + 2);
      if (end < 0) throw cutOff();
      end += 1;
    } else if (next === SLASH) {
      end = xml.indexOf('>', i + 2);
      if (end < 0) throw cutOff();
      let ne = end;
      while (ne > i + 2 && isNameEnd(xml.charCodeAt(ne - 1))) ne--;
      depth--;
      h.close(nameIndex(xml, i + 2, ne, names));
    } else {
      end = tagEnd(xml, i + 1);
      if (end < 0) throw cutOff();
      let ne = i + 1;
      while (ne < end && !isNameEnd(xml.charCodeAt(ne))) ne++;
      const selfClosing = xml.charCodeAt(end - 1) === SLASH;
      if (!selfClosing && ++depth > maxDepth) throw new InputRefusal('input/too-large', 'xml-too-deep', { limit: maxDepth });
      const name = nameIndex(xml, i + 1, ne, names);
      h.open(name, xml, ne, selfClosing ? end - 1 : end, selfClosing);
      if (selfClosing) h.close(name);
    }
    const lt = xml.indexOf('<', end + 1);
    if (lt < 0) break;
    if (lt > end + 1 && h.capturing()) {
      if (h.rawText) h.rawText(xml, end + 1, lt);
      else h.text(decodeEntities(xml.slice(end + 1, lt)));
    }
    i = lt;
  }
  if (depth > 0) throw cutOff();
}

/** Positions of one attribute: [name start, local name start, name end, value start, value end]. */
type AttrPos = [number, number, number, number, number];

/**
 * Finds the attribute at or after i within a tag's attribute text (up to end) and fills p with its positions;
 * returns the index just after it, or -1 when there is none (or the rest is malformed).
 */
function nextAttr(xml: string, i: number, end: number, p: AttrPos): number {
  let eq = i; // never searched past the tag: '<c >' must not scan the rest of the document
  while (eq < end && xml.charCodeAt(eq) !== EQ) eq++;
  if (eq >= end) return -1;
  let ns = i;
  while (ns < eq && xml.charCodeAt(ns) <= 32) ns++;
  let ne = eq;
  while (ne > ns && xml.charCodeAt(ne - 1) <= 32) ne--;
  let q = eq + 1;
  while (q < end && xml.charCodeAt(q) <= 32) q++;
  const quote = xml.charCodeAt(q);
  if (quote !== DQ && quote !== SQ) return -1;
  const close = xml.indexOf(quote === DQ ? '"' : "'", q + 1);
  if (close < 0 || close > end) return -1;
  let local = ns;
  for (let k = ne - 1; k >= ns; k--) {
    if (xml.charCodeAt(k) === COLON) {
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

/** A namespace declaration (xmlns, xmlns:x): never an attribute of the data. */
function isXmlns(xml: string, p: AttrPos): boolean {
  return xml.startsWith('xmlns', p[0]) && (p[2] - p[0] === 5 || xml.charCodeAt(p[0] + 5) === COLON);
}

const scratch: AttrPos = [0, 0, 0, 0, 0];

/** Attributes of a tag by local name (a prefix such as r: in r:id is dropped; the first of two equal names wins). */
export function attrs(xml: string, start: number, end: number): Record<string, string> {
  const out: Record<string, string> = Object.create(null); // attribute names never reach a prototype
  const p = scratch;
  for (let i = start; i < end && (i = nextAttr(xml, i, end, p)) >= 0;) {
    if (isXmlns(xml, p)) continue;
    const name = xml.slice(p[1], p[2]);
    if (!(name in out)) out[name] = decodeEntities(xml.slice(p[3], p[4]));
  }
  return out;
}

/**
 * The values of up to three attributes by local name, without building an object: for the tags met millions of
 * times (a worksheet's cells). Values are raw (no entities): meant for references, ids and type codes.
 */
export function pickAttrs(xml: string, start: number, end: number, names: readonly string[], out: Array<string | undefined>): void {
  out[0] = out[1] = out[2] = undefined;
  const p = scratch;
  for (let i = start; i < end && (i = nextAttr(xml, i, end, p)) >= 0;) {
    const len = p[2] - p[1];
    for (let k = 0; k < names.length; k++) {
      if (len === names[k].length && xml.startsWith(names[k], p[1]) && !isXmlns(xml, p)) {
        if (out[k] === undefined) {
          // one-character values (t="s", s="3") are the interned one-character strings, not a new string per cell
          const c = p[4] - p[3] === 1 ? xml.charCodeAt(p[3]) : 128;
          out[k] = c < 128 ? ONE_CHAR[c] : xml.slice(p[3], p[4]);
        }
        break;
      }
    }
  }
}

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

export function decodeEntities(s: string): string {
  if (s.indexOf('&') < 0) return s;
  return s.replace(/&(#x[0-9a-fA-F]{1,6}|#[0-9]{1,7}|amp|lt|gt|quot|apos);/g, (m, e: string) => {
    if (e[0] !== '#') return NAMED[e];
    const code = e[1] === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
    return code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff) ? String.fromCodePoint(code) : '\uFFFD';
  });
}

/** OOXML's escapes for characters XML cannot hold (_x000D_ for a carriage return); _x005F_ escapes an underscore. */
export function decodeOoxmlEscapes(s: string): string {
  if (s.indexOf('_x') < 0) return s;
  return s.replace(/_x([0-9A-Fa-f]{4})_/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}
