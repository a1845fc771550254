// Tells by content, not by extension, what a file is: a zip (xlsx, ods, numbers …), old Excel, an encrypted workbook, HTML, text.
import type { InputRuleId } from '../types.js';

export type ProblemWhat =
  | 'empty'
  | 'xls'
  | 'encrypted'
  | 'ods'
  | 'numbers'
  | 'xlsb'
  | 'html'
  | 'xml2003'
  | 'fods'
  | 'gnumeric'
  | 'xml'
  | 'pdf'
  | 'rtf'
  | 'binary'
  | 'zip-not-workbook'
  | 'corrupt-zip'
  | 'truncated'
  | 'zip-method'
  | 'xml-doctype'
  | 'corrupt-part'
  | 'missing-part'
  | 'past-grid'
  | 'link-loop'
  | 'not-a-file'
  | 'folder-named-as-file'
  | 'xml-too-deep'
  | 'not-found'
  | 'is-directory'
  | 'no-access'
  | 'io-error'
  | 'file-size'
  | 'entries'
  | 'inflated-size'
  | 'compression-ratio'
  | 'rows'
  | 'columns'
  | 'cells'
  | 'formulas'
  | 'not-a-spreadsheet'
  | 'crash'
  | 'memory';

export type Sniffed =
  { kind: 'zip' } | { kind: 'text' } | { kind: 'problem'; rule: Extract<InputRuleId, 'input/unreadable' | 'input/unsupported-format'>; what: ProblemWhat };

const OLE2 = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
/** A name as UTF-16LE bytes (ASCII names only). */
const utf16le = (s: string) => Uint8Array.from([...s].flatMap((c) => [c.charCodeAt(0), 0]));
const ENCRYPTED = [utf16le('EncryptedPackage'), utf16le('EncryptionInfo')];

/** An .xls saved with a password to open: its workbook stream's first BIFF8 record (BOF, workbook globals) is followed
 * by a FILEPASS record (0x002F), and everything after it is encrypted. */
const BIFF8_BOF = Uint8Array.from([0x09, 0x08, 0x10, 0x00, 0x00, 0x06, 0x05, 0x00]);
function xlsWithPassword(bytes: Uint8Array): boolean {
  const at = indexOf(bytes, BIFF8_BOF);
  return at >= 0 && bytes[at + 20] === 0x2f && bytes[at + 21] === 0x00;
}

/** Whether `needle` occurs in `hay` (Buffer.includes without Buffer). */
function contains(hay: Uint8Array, needle: Uint8Array): boolean {
  return indexOf(hay, needle) >= 0;
}

/** Where `needle` first occurs in `hay`, or -1. */
function indexOf(hay: Uint8Array, needle: Uint8Array): number {
  const first = needle[0];
  for (let i = hay.indexOf(first); i >= 0 && i + needle.length <= hay.length; i = hay.indexOf(first, i + 1)) {
    let j = 1;
    while (j < needle.length && hay[i + j] === needle[j]) j++;
    if (j === needle.length) return i;
  }
  return -1;
}

function latin1(b: Uint8Array): string {
  let s = '';
  for (let i = 0; i < b.length; i++) s += String.fromCharCode(b[i]);
  return s;
}

/** Text in UTF-16 without a byte order mark (a "Unicode text" export that lost it): in the first bytes, every second
 * byte is 0 and the others are not (Latin letters, æ, ø and å all have a zero high byte). */
export function utf16WithoutBom(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
  const n = Math.min(bytes.length, 1024) & ~1;
  if (n < 8) return undefined;
  let evenZero = 0;
  let oddZero = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenZero++;
    if (bytes[i + 1] === 0) oddZero++;
  }
  const pairs = n / 2;
  if (oddZero >= pairs * 0.9 && evenZero <= pairs * 0.1) return 'utf-16le';
  if (evenZero >= pairs * 0.9 && oddZero <= pairs * 0.1) return 'utf-16be';
  return undefined;
}

/** Whether the first bytes are binary rather than text: more than 1 in 20 is a control byte no text holds (tab, line
 * breaks, form feed and escape aside). A stray NUL in a CSV keeps it text; a picture, a program or a zeroed file is not. */
function looksBinary(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 8192);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const c = bytes[i];
    if (c < 32 && c !== 9 && c !== 10 && c !== 12 && c !== 13 && c !== 27) control++;
  }
  return control * 20 > n;
}

export function sniffBytes(bytes: Uint8Array): Sniffed {
  if (bytes.length === 0) return { kind: 'problem', rule: 'input/unreadable', what: 'empty' };
  if (bytes[0] === 0x50 && bytes[1] === 0x4b && (bytes[2] === 3 || bytes[2] === 5 || bytes[2] === 7)) return { kind: 'zip' };
  if (bytes.length >= 8 && OLE2.every((x, i) => bytes[i] === x)) {
    // An encrypted OOXML workbook is an OLE2 compound file holding an "EncryptedPackage" stream.
    if (ENCRYPTED.some((name) => contains(bytes, name)) || xlsWithPassword(bytes))
      return { kind: 'problem', rule: 'input/unsupported-format', what: 'encrypted' };
    return { kind: 'problem', rule: 'input/unsupported-format', what: 'xls' };
  }
  // gzip: how Gnumeric saves a workbook (.gnumeric), whatever the file is named
  if (bytes[0] === 0x1f && bytes[1] === 0x8b) return { kind: 'problem', rule: 'input/unsupported-format', what: 'gnumeric' };
  const bom16 = (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
  const utf16 = bom16 ? (bytes[0] === 0xff ? 'utf-16le' : 'utf-16be') : utf16WithoutBom(bytes);
  let head = utf16 ? new TextDecoder(utf16, { ignoreBOM: true }).decode(bytes.subarray(0, 4096)) : latin1(bytes.subarray(0, 4096));
  if (head.charCodeAt(0) === 0xfeff) head = head.slice(1);
  head = head.replace(/^\u00ef\u00bb\u00bf/, '');
  if (/^\s*$/.test(head) && bytes.length <= 4096) return { kind: 'problem', rule: 'input/unreadable', what: 'empty' };
  const start = head.trimStart().slice(0, 1024).toLowerCase();
  if (start.startsWith('%pdf')) return { kind: 'problem', rule: 'input/unreadable', what: 'pdf' };
  if (start.startsWith('{\\rtf')) return { kind: 'problem', rule: 'input/unreadable', what: 'rtf' };
  if (/^(<!doctype html|<html|<head|<meta|<table|<body|<style)/.test(start) || (/^<\?xml/.test(start) && /<html/.test(start))) {
    return { kind: 'problem', rule: 'input/unsupported-format', what: 'html' };
  }
  if (/^<\?xml/.test(start)) {
    const lower = head.toLowerCase();
    if (/urn:schemas-microsoft-com:office:spreadsheet|<workbook/.test(lower)) return { kind: 'problem', rule: 'input/unsupported-format', what: 'xml2003' };
    // LibreOffice's flat OpenDocument (.fods), Gnumeric's uncompressed XML, or any other XML: no CSV begins so
    if (/<office:document[\s>]|urn:oasis:names:tc:opendocument:xmlns:office/.test(lower))
      return { kind: 'problem', rule: 'input/unsupported-format', what: 'fods' };
    if (/<gnm:workbook[\s>]/.test(lower)) return { kind: 'problem', rule: 'input/unsupported-format', what: 'gnumeric' };
    return { kind: 'problem', rule: 'input/unsupported-format', what: 'xml' };
  }
  if (!utf16 && looksBinary(bytes)) return { kind: 'problem', rule: 'input/unreadable', what: 'binary' };
  return { kind: 'text' };
}
