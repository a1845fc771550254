// Examines a zip before anything parses it: what it is, and whether it stays within the limits (entries, declared
// inflated sizes, compression ratio). Its XML parts are inflated only when the reader asks for them, never beyond the
// size they declare; the tokenizer refuses DOCTYPEs and deep nesting as it reads, the reader counts rows, columns and
// cells. Never trusts offsets or sizes.
import { inflateRaw } from './inflate.js';
import { InflatedTooLarge } from './inflate-cap.js';
import { InputRefusal, type Limits } from './limits.js';
import type { ProblemWhat } from './sniff.js';
import type { InputDetail } from '../rules/input/index.js';
import type { InputRuleId } from '../types.js';

/** The XML parts (.xml, .rels) of a zip, by entry name. */
export interface Parts {
  /** The part's inflated bytes (UTF-8, not decoded, not kept); undefined when there is no such part. Throws
   * InputRefusal when the entry cannot be inflated within its declared size. */
  bytes(name: string): Uint8Array | undefined;
  has(name: string): boolean;
  /** The first part (in archive order) whose name is `name` in another case, or undefined. */
  caseless(name: string): string | undefined;
}

export type GuardResult = { ok: true; entries: number; parts: Parts } | { ok: false; rule: InputRuleId; what: ProblemWhat; args: InputDetail };

interface Entry {
  name: string;
  method: number;
  compSize: number;
  size: number;
  localOffset: number;
  encrypted: boolean;
}

class Bad extends Error {
  constructor(readonly res: Exclude<GuardResult, { ok: true }>) {
    super(res.what);
  }
}

const unreadable = (what: ProblemWhat, args: InputDetail = {}) => new Bad({ ok: false, rule: 'input/unreadable', what, args });
const tooLarge = (what: ProblemWhat, args: InputDetail) => new Bad({ ok: false, rule: 'input/too-large', what, args });

// Little-endian reads that throw on a read past the end, as Buffer's do (the guard turns that into corrupt-zip).
function inRange(b: Uint8Array, i: number, n: number): void {
  if (!(i >= 0 && i + n <= b.length)) throw new RangeError(`offset ${i} out of range`);
}
function u16(b: Uint8Array, i: number): number {
  inRange(b, i, 2);
  return b[i] | (b[i + 1] << 8);
}
function u32(b: Uint8Array, i: number): number {
  inRange(b, i, 4);
  return (b[i] | (b[i + 1] << 8) | (b[i + 2] << 16)) + b[i + 3] * 0x1000000;
}
function u64(b: Uint8Array, i: number): number {
  return u32(b, i) + u32(b, i + 4) * 0x100000000;
}
const utf8 = new TextDecoder('utf-8', { ignoreBOM: true });
function latin1(b: Uint8Array): string {
  let s = '';
  for (let i = 0; i < b.length; i++) s += String.fromCharCode(b[i]);
  return s;
}

function readEntries(b: Uint8Array, limits: Limits): Entry[] {
  // End of central directory: 22 bytes, possibly followed by a comment of up to 65535 bytes.
  let eocd = -1;
  for (let i = b.length - 22; i >= Math.max(0, b.length - 22 - 65535); i--) {
    if (u32(b, i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw unreadable('truncated');
  let count = u16(b, eocd + 10);
  let cdSize = u32(b, eocd + 12);
  let cdOffset = u32(b, eocd + 16);
  if (count === 0xffff || cdOffset === 0xffffffff || cdSize === 0xffffffff) {
    // ZIP64 end of central directory locator sits right before the EOCD.
    const loc = eocd - 20;
    if (loc < 0 || u32(b, loc) !== 0x07064b50) throw unreadable('corrupt-zip');
    const z64 = u64(b, loc + 8);
    if (z64 < 0 || z64 + 56 > b.length || u32(b, z64) !== 0x06064b50) throw unreadable('corrupt-zip');
    count = u64(b, z64 + 32);
    cdSize = u64(b, z64 + 40);
    cdOffset = u64(b, z64 + 48);
  }
  if (count > limits.maxZipEntries) throw tooLarge('entries', { limit: limits.maxZipEntries, found: count });
  if (cdOffset + cdSize > b.length) throw unreadable('truncated');
  const entries: Entry[] = [];
  let p = cdOffset;
  for (let i = 0; i < count; i++) {
    if (p + 46 > b.length || u32(b, p) !== 0x02014b50) throw unreadable('corrupt-zip');
    const flags = u16(b, p + 8);
    const method = u16(b, p + 10);
    let compSize = u32(b, p + 20);
    let size = u32(b, p + 24);
    const nameLen = u16(b, p + 28);
    const extraLen = u16(b, p + 30);
    const commentLen = u16(b, p + 32);
    let localOffset = u32(b, p + 42);
    if (p + 46 + nameLen + extraLen + commentLen > b.length) throw unreadable('corrupt-zip');
    const name = utf8.decode(b.subarray(p + 46, p + 46 + nameLen));
    // ZIP64 extra field carries the real sizes when the 32-bit ones are saturated.
    let e = p + 46 + nameLen;
    const end = e + extraLen;
    while (e + 4 <= end) {
      const id = u16(b, e);
      const len = u16(b, e + 2);
      if (id === 0x0001) {
        let q = e + 4;
        if (size === 0xffffffff && q + 8 <= e + 4 + len) {
          size = u64(b, q);
          q += 8;
        }
        if (compSize === 0xffffffff && q + 8 <= e + 4 + len) {
          compSize = u64(b, q);
          q += 8;
        }
        if (localOffset === 0xffffffff && q + 8 <= e + 4 + len) localOffset = u64(b, q);
      }
      e += 4 + len;
    }
    entries.push({ name, method, compSize, size, localOffset, encrypted: (flags & 1) === 1 });
    p += 46 + nameLen + extraLen + commentLen;
  }
  return entries;
}

function entryData(b: Uint8Array, e: Entry): Uint8Array {
  const o = e.localOffset;
  if (o + 30 > b.length || u32(b, o) !== 0x04034b50) throw unreadable('corrupt-zip', { entry: e.name });
  const start = o + 30 + u16(b, o + 26) + u16(b, o + 28);
  if (start + e.compSize > b.length) throw unreadable('truncated', { entry: e.name });
  return b.subarray(start, start + e.compSize);
}

export function guardZip(bytes: Uint8Array, limits: Limits): GuardResult {
  try {
    const entries = readEntries(bytes, limits);
    const names = new Set(entries.map((e) => e.name));
    // xl/workbook.xml everywhere we know; the reader follows _rels/.rels to the workbook part wherever it is
    const isXlsx = names.has('[Content_Types].xml') && !names.has('xl/workbook.bin') && [...names].some((n) => /(^|\/)[^/]*workbook[^/]*\.xml$/i.test(n));
    if (!isXlsx) {
      if (names.has('xl/workbook.bin')) return { ok: false, rule: 'input/unsupported-format', what: 'xlsb', args: {} };
      const mimetype = entries.find((e) => e.name === 'mimetype');
      if (mimetype && mimetype.method === 0) {
        const t = latin1(entryData(bytes, mimetype));
        if (t.includes('opendocument.spreadsheet')) return { ok: false, rule: 'input/unsupported-format', what: 'ods', args: {} };
      }
      if (names.has('content.xml') && names.has('META-INF/manifest.xml')) return { ok: false, rule: 'input/unsupported-format', what: 'ods', args: {} };
      if ([...names].some((n) => n.startsWith('Index/') || n.endsWith('.iwa') || n === 'Index.zip'))
        return { ok: false, rule: 'input/unsupported-format', what: 'numbers', args: {} };
      return { ok: false, rule: 'input/unreadable', what: 'zip-not-workbook', args: {} };
    }
    let total = 0;
    for (const e of entries) {
      if (e.encrypted) return { ok: false, rule: 'input/unsupported-format', what: 'encrypted', args: { entry: e.name } };
      if (e.size > limits.maxEntryBytes) throw tooLarge('inflated-size', { limit: limits.maxEntryBytes, found: e.size, entry: e.name });
      total += e.size;
      if (total > limits.maxTotalInflatedBytes) throw tooLarge('inflated-size', { limit: limits.maxTotalInflatedBytes, found: total, entry: e.name });
      if (e.size > 10 * 1024 * 1024 && e.size / Math.max(1, e.compSize) > limits.maxCompressionRatio) {
        throw tooLarge('compression-ratio', { limit: limits.maxCompressionRatio, found: Math.round(e.size / Math.max(1, e.compSize)), entry: e.name });
      }
    }
    const xml = new Map<string, Entry>();
    for (const e of entries) if (/\.(xml|rels)$/i.test(e.name)) xml.set(e.name, e); // of two equal names the later one, as before
    return { ok: true, entries: entries.length, parts: lazyParts(bytes, xml) };
  } catch (err) {
    if (err instanceof Bad) return err.res;
    return { ok: false, rule: 'input/unreadable', what: 'corrupt-zip', args: { error: String((err as Error)?.message ?? err).slice(0, 200) } };
  }
}

/**
 * Every entry's inflated bytes, in archive order, for a zip guardZip has accepted (same limits): the annotated
 * copy rewrites the archive and carries over the parts it does not change (images, macros) byte for byte.
 */
export function inflateEntries(bytes: Uint8Array, limits: Limits): Array<{ name: string; data: Uint8Array }> {
  const out: Array<{ name: string; data: Uint8Array }> = [];
  let total = 0;
  for (const e of readEntries(bytes, limits)) {
    if (e.encrypted) throw new Error(`encrypted entry ${e.name}`);
    if (e.size > limits.maxEntryBytes || (total += e.size) > limits.maxTotalInflatedBytes) throw new Error(`entry ${e.name} too large`);
    const raw = entryData(bytes, e);
    const data = e.method === 0 ? raw.slice() : e.method === 8 ? inflateRaw(raw, e.size) : undefined;
    if (!data || data.length > e.size) throw new Error(`entry ${e.name} cannot be read`);
    out.push({ name: e.name, data });
  }
  return out;
}

/** Inflates one entry: never more than it declares, so a lying size cannot make us allocate more. */
function inflateEntry(bytes: Uint8Array, e: Entry): Uint8Array {
  const data = entryData(bytes, e);
  let xml: Uint8Array;
  if (e.method === 0) xml = data;
  else if (e.method === 8) {
    try {
      xml = inflateRaw(data, e.size);
    } catch (err) {
      if (err instanceof InflatedTooLarge) {
        throw tooLarge('inflated-size', { limit: e.size, found: e.size + 1, entry: e.name });
      }
      throw unreadable('corrupt-zip', { entry: e.name });
    }
  } else throw unreadable('zip-method', { entry: e.name, method: e.method });
  if (xml.length > e.size) throw tooLarge('inflated-size', { limit: e.size, found: xml.length, entry: e.name });
  return xml;
}

/**
 * The same bytes as a plain Uint8Array. Node hands the reader Buffers (the file read, zlib's output), and a Buffer's
 * subarray builds a Buffer through node's JavaScript (FastBuffer) and its indexOf goes through node's argument checks,
 * where a Uint8Array's are the engine's own: every piece of text the reader decodes is such a subarray.
 */
function plain(b: Uint8Array): Uint8Array {
  return b.constructor === Uint8Array ? b : new Uint8Array(b.buffer, b.byteOffset, b.byteLength);
}

function lazyParts(file: Uint8Array, entries: Map<string, Entry>): Parts {
  const bytes = plain(file);
  // names by lower case, made on the first look-up that needs it: the reader asks for parts that are absent in most
  // workbooks (each sheet's _rels), and lower-casing every name again on each of those cost 30 ms of the pile's
  // --jobs 1 profile
  let lower: Map<string, string> | undefined;
  const inflated = (name: string): Uint8Array | undefined => {
    const e = entries.get(name);
    if (!e) return undefined;
    try {
      return plain(inflateEntry(bytes, e));
    } catch (err) {
      if (err instanceof Bad) throw new InputRefusal(err.res.rule, err.res.what, err.res.args);
      throw new InputRefusal('input/unreadable', 'corrupt-zip', { error: String((err as Error)?.message ?? err).slice(0, 200) });
    }
  };
  return {
    bytes: inflated,
    has: (name) => entries.has(name),
    caseless(name) {
      if (!lower) {
        lower = new Map();
        for (const k of entries.keys()) {
          const l = k.toLowerCase();
          if (!lower.has(l)) lower.set(l, k);
        }
      }
      return lower.get(name.toLowerCase());
    },
  };
}
