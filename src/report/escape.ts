// Escaping in one place: XML, HTML, and CSV cells safe from formula injection.
import { labelsFor } from '../i18n/languages.js';
import type { Lang } from '../types.js';

/** Characters XML 1.0 forbids (control characters, lone surrogates, U+FFFE/U+FFFF) removed. */
export function xmlSafe(s: string): string {
  return s.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '');
}

/**
 * Text from a workbook made safe for a terminal: control characters (ESC sequences, bell, backspace, carriage
 * return …), C1 controls, bidirectional overrides (which can make a line read otherwise than it is) and the BOM become
 * U+FFFD; tabs and line breaks (also U+2028/U+2029) become spaces.
 */
export function terminalSafe(s: string): string {
  return s.replace(/[\t\n\r\u2028\u2029]/g, ' ').replace(/[\u0000-\u001F\u007F-\u009F\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069\uFEFF]/g, '\uFFFD');
}

/** A copy of a value with every string made terminal-safe (for the text format, before colour is added). */
export function deepTerminalSafe<T>(v: T): T {
  if (typeof v === 'string') return terminalSafe(v) as T;
  if (Array.isArray(v)) return v.map(deepTerminalSafe) as T;
  if (v && typeof v === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) out[k] = deepTerminalSafe(x);
    return out as T;
  }
  return v;
}

export function escapeXml(s: string): string {
  return xmlSafe(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}

export function escapeHtml(s: string): string {
  // bidi overrides and isolates would let a text run backwards on the page: shown as U+FFFD instead
  return xmlSafe(s)
    .replace(/[\u202A-\u202E\u2066-\u2069]/g, '\uFFFD')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/**
 * A CSV text cell: a value that starts with =, +, -, @, tab or carriage return (after any spaces) gets a leading
 * apostrophe so a spreadsheet never runs it as a formula; quoted when it holds the separator, quotes or line breaks.
 */
export function csvCell(s: string, sep: string): string {
  let v = s;
  if (/^[\s]*[=+\-@\t\r]/.test(v)) v = `'${v}`;
  if (v.includes(sep) || /["\r\n]/.test(v)) v = `"${v.replace(/"/g, '""')}"`;
  return v;
}

/** A number we write ourselves: never neutralised; in the language's decimal separator (a comma for Danish). */
export function csvNumber(n: number | undefined, lang: Lang): string {
  if (n === undefined || !Number.isFinite(n)) return '';
  return String(n).replace('.', labelsFor(lang).decimal);
}
