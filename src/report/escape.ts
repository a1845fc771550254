// Escaping in one place: XML, HTML, and CSV cells safe from formula injection.

/** Characters XML 1.0 forbids (control characters, lone surrogates, U+FFFE/U+FFFF) removed. */
export function xmlSafe(s: string): string {
  return s.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '');
}

export function escapeXml(s: string): string {
  return xmlSafe(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}

export function escapeHtml(s: string): string {
  return xmlSafe(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
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

/** A number we write ourselves: never neutralised; decimal comma for Danish. */
export function csvNumber(n: number | undefined, lang: 'da' | 'en'): string {
  if (n === undefined || !Number.isFinite(n)) return '';
  const s = String(n);
  return lang === 'da' ? s.replace('.', ',') : s;
}
