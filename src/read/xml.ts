// A small, fast XML tokenizer for the parts of an .xlsx: tags by local name (any namespace prefix), attributes,
// text with entities decoded. No DOCTYPE or entity definitions are ever honoured (the zip guard refuses them first).

export interface XmlHandler {
  /** A start tag (or an empty-element tag when selfClosing). Attributes are read with attrs(xml, start, end). */
  open(name: string, xml: string, attrStart: number, attrEnd: number, selfClosing: boolean): void;
  close(name: string): void;
  /** Text between tags, entities decoded; called only while capturing() is true. */
  text(value: string): void;
  capturing(): boolean;
}

const LT = 60; // <
const GT = 62; // >
const SLASH = 47;
const BANG = 33;
const QMARK = 63;
const DQ = 34;
const SQ = 39;
const COLON = 58;

const names = new Map<string, string>();

/** Local name of a tag (the part after any prefix), interned so the same names are the same strings. */
const ONE_CHAR = Array.from({ length: 128 }, (_, i) => String.fromCharCode(i));

function localName(xml: string, start: number, end: number): string {
  if (end - start === 1) {
    const c = xml.charCodeAt(start);
    if (c < 128) return ONE_CHAR[c]; // c, v, f, t: most tags of a worksheet
  }
  let s = start;
  for (let i = start; i < end; i++) if (xml.charCodeAt(i) === COLON) s = i + 1;
  const raw = xml.slice(s, end);
  let n = names.get(raw);
  if (n === undefined) {
    n = raw;
    if (names.size < 10_000) names.set(raw, n);
  }
  return n;
}

function isNameEnd(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13 || c === GT || c === SLASH;
}

/** Index of the '>' that ends a tag starting at i, skipping quoted attribute values; -1 if none. */
function tagEnd(xml: string, i: number): number {
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

export function walk(xml: string, h: XmlHandler): void {
  const n = xml.length;
  let i = xml.indexOf('<');
  if (i < 0) return;
  while (i >= 0 && i < n) {
    const next = xml.charCodeAt(i + 1);
    let end: number;
    if (next === BANG) {
      if (xml.startsWith('<![CDATA[', i)) {
        const close = xml.indexOf(']]>', i + 9);
        if (close < 0) return;
        if (h.capturing()) h.text(xml.slice(i + 9, close));
        end = close + 2;
      } else if (xml.startsWith('<!--', i)) {
        const close = xml.indexOf('-->', i + 4);
        if (close < 0) return;
        end = close + 2;
      } else {
        end = xml.indexOf('>', i);
        if (end < 0) return;
      }
    } else if (next === QMARK) {
      end = xml.indexOf('?>', i + 2);
      if (end < 0) return;
      end += 1;
    } else if (next === SLASH) {
      end = xml.indexOf('>', i + 2);
      if (end < 0) return;
      let ne = end;
      while (ne > i + 2 && isNameEnd(xml.charCodeAt(ne - 1))) ne--;
      h.close(localName(xml, i + 2, ne));
    } else {
      end = tagEnd(xml, i + 1);
      if (end < 0) return;
      let ne = i + 1;
      while (ne < end && !isNameEnd(xml.charCodeAt(ne))) ne++;
      const selfClosing = xml.charCodeAt(end - 1) === SLASH;
      const name = localName(xml, i + 1, ne);
      h.open(name, xml, ne, selfClosing ? end - 1 : end, selfClosing);
      if (selfClosing) h.close(name);
    }
    const lt = xml.indexOf('<', end + 1);
    if (lt < 0) return;
    if (lt > end + 1 && h.capturing()) h.text(decodeEntities(xml.slice(end + 1, lt)));
    i = lt;
  }
}

/** Attributes of a tag by local name (a prefix such as r: in r:id is dropped; the first of two equal names wins). */
export function attrs(xml: string, start: number, end: number): Record<string, string> {
  const out: Record<string, string> = Object.create(null); // attribute names never reach a prototype
  let i = start;
  while (i < end) {
    const eq = xml.indexOf('=', i);
    if (eq < 0 || eq >= end) break;
    let ns = i;
    while (ns < eq && xml.charCodeAt(ns) <= 32) ns++;
    let ne = eq;
    while (ne > ns && xml.charCodeAt(ne - 1) <= 32) ne--;
    let q = eq + 1;
    while (q < end && xml.charCodeAt(q) <= 32) q++;
    const quote = xml.charCodeAt(q);
    if (quote !== DQ && quote !== SQ) break;
    const close = xml.indexOf(quote === DQ ? '"' : "'", q + 1);
    if (close < 0 || close > end) break;
    let name = xml.slice(ns, ne);
    const colon = name.lastIndexOf(':');
    if (colon >= 0 && !name.startsWith('xmlns')) name = name.slice(colon + 1);
    if (!(name in out)) out[name] = decodeEntities(xml.slice(q + 1, close));
    i = close + 1;
  }
  return out;
}

/**
 * The values of up to three attributes by local name, without building an object: for the tags met millions of
 * times (a worksheet's cells). Values are raw (no entities): meant for references, ids and type codes.
 */
export function pickAttrs(xml: string, start: number, end: number, names: readonly string[], out: Array<string | undefined>): void {
  out[0] = out[1] = out[2] = undefined;
  let i = start;
  while (i < end) {
    const eq = xml.indexOf('=', i);
    if (eq < 0 || eq >= end) return;
    let ns = i;
    while (ns < eq && xml.charCodeAt(ns) <= 32) ns++;
    let ne = eq;
    while (ne > ns && xml.charCodeAt(ne - 1) <= 32) ne--;
    let q = eq + 1;
    while (q < end && xml.charCodeAt(q) <= 32) q++;
    const quote = xml.charCodeAt(q);
    if (quote !== DQ && quote !== SQ) return;
    const close = xml.indexOf(quote === DQ ? '"' : "'", q + 1);
    if (close < 0 || close > end) return;
    for (let k = 0; k < names.length; k++) {
      const name = names[k];
      const len = name.length;
      // the local name: "t" matches t= and x:t=, not st=
      if (ne - ns >= len && xml.startsWith(name, ne - len) && (ne - len === ns || xml.charCodeAt(ne - len - 1) === COLON)) {
        if (out[k] === undefined) out[k] = xml.slice(q + 1, close);
        break;
      }
    }
    i = close + 1;
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
