// Writes an annotated copy by editing the workbook's own XML, never by loading it into a spreadsheet model: a
// finding cell gets a style of its own (a copy of its old one with a fill), a note, and a row on a findings sheet;
// every other cell, style and part stays byte for byte as it was. The work is linear in the file's parts, which
// the reader's limits already bound, so a merged range over a million rows costs nothing.
import { parseA1 } from '../read/address.js';
import { attrs } from '../read/xml.js';
import type { Severity } from '../types.js';

export interface Mark {
  sheet: string;
  /** A1 address. */
  address: string;
  severity: Severity;
  /** The note's text. */
  note: string;
}

/** One row of the findings sheet: text or numbers, and a cell to link to. */
export interface ListRow {
  cells: Array<string | number | null>;
  /** Column (0-based) holding the link, and its target. */
  link?: { col: number; sheet: string; address: string };
}

export interface Listing {
  name: string;
  header: string[];
  rows: ListRow[];
  widths: number[];
}

/** The copy cannot be made (a part it needs is missing or not as OOXML has it): the caller declines with a message. */
export class PatchError extends Error {}

const FILL_ARGB: Record<Severity, string> = { error: 'FFFFC7CE', warning: 'FFFFEB9C', info: 'FFDDEBF7' };
const NS_MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const NS_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const REL_COMMENTS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments';
const REL_VML = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/vmlDrawing';
const REL_SHEET = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet';
const REL_STYLES = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles';
const CT_COMMENTS = 'application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml';
const CT_VML = 'application/vnd.openxmlformats-officedocument.vmlDrawing';
const CT_SHEET = 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml';
const CT_STYLES = 'application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml';

// Everything XML 1.0 forbids: C0 controls but tab/LF/CR, lone surrogates, U+FFFE and U+FFFF.
const XML_FORBIDDEN = /[^\t\n\r\x20-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/** Text made fit for an XML document: characters XML 1.0 forbids are dropped. */
export function xmlText(s: string): string {
  return s.replace(XML_FORBIDDEN, '');
}

export function esc(s: string): string {
  return xmlText(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** The attributes of the start tag at i (local names, entities decoded). */
function tagAttrs(xml: string, i: number): { attrs: Record<string, string>; end: number; selfClosing: boolean } {
  const end = xml.indexOf('>', i);
  if (end < 0) throw new PatchError('unterminated tag');
  let name = i + 1;
  while (name < end && !/[\s/]/.test(xml[name])) name++; // attributes start after the element's name
  return { attrs: attrs(xml, name, xml[end - 1] === '/' ? end - 1 : end), end, selfClosing: xml[end - 1] === '/' };
}

/** Sets (or adds) attributes on the start tag `tag` (the whole `<x …>` or `<x …/>` text). */
function setAttrs(tag: string, values: Record<string, string>): string {
  let out = tag;
  for (const [name, value] of Object.entries(values)) {
    const re = new RegExp(`(\\s${name}\\s*=\\s*)("[^"]*"|'[^']*')`);
    if (re.test(out)) out = out.replace(re, `$1"${value}"`);
    else out = out.replace(/\s*(\/?)>$/, ` ${name}="${value}"$1>`);
  }
  return out;
}

/** A zip path resolved against the folder of the part that points to it. */
function resolveTarget(fromPart: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const parts = fromPart.split('/').slice(0, -1);
  for (const seg of target.split('/')) {
    if (seg === '..') parts.pop();
    else if (seg !== '.' && seg !== '') parts.push(seg);
  }
  return parts.join('/');
}

function relsPathOf(part: string): string {
  const i = part.lastIndexOf('/');
  return `${part.slice(0, i + 1)}_rels/${part.slice(i + 1)}.rels`;
}

interface Rel {
  id: string;
  type: string;
  target: string;
  external: boolean;
}

function readRels(xml: string | undefined): Rel[] {
  if (!xml) return [];
  const out: Rel[] = [];
  for (const m of xml.matchAll(/<(?:\w+:)?Relationship\b/g)) {
    const a = tagAttrs(xml, m.index).attrs;
    out.push({ id: a.Id ?? '', type: a.Type ?? '', target: a.Target ?? '', external: a.TargetMode === 'External' });
  }
  return out;
}

/** Adds relationships to a .rels part (creating it), returning the new ids. */
function addRels(xml: string | undefined, rels: Array<{ type: string; target: string }>): { xml: string; ids: string[] } {
  let doc =
    xml ??
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>`;
  doc = doc.replace(/<Relationships\b([^>]*)\/>/, '<Relationships$1></Relationships>');
  const taken = new Set(readRels(doc).map((r) => r.id));
  const ids: string[] = [];
  let n = 1;
  let add = '';
  for (const r of rels) {
    while (taken.has(`rIdBt${n}`)) n++;
    const id = `rIdBt${n}`;
    taken.add(id);
    ids.push(id);
    add += `<Relationship Id="${id}" Type="${r.type}" Target="${esc(r.target)}"/>`;
  }
  const close = doc.lastIndexOf('</');
  if (close < 0) throw new PatchError('relationships part without an end');
  return { xml: doc.slice(0, close) + add + doc.slice(close), ids };
}

function addContentType(ct: string, kind: 'Default' | 'Override', key: string, type: string): string {
  const attr = kind === 'Default' ? 'Extension' : 'PartName';
  if (new RegExp(`<${kind}\\b[^>]*\\b${attr}="${key.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}"`, 'i').test(ct)) return ct;
  const close = ct.lastIndexOf('</Types>');
  if (close < 0) throw new PatchError('[Content_Types].xml without an end');
  return `${ct.slice(0, close)}<${kind} ${attr}="${key}" ContentType="${type}"/>${ct.slice(close)}`;
}

/** The children of an element found by name: its span and the spans of its direct children named child. */
function findBlock(xml: string, name: string): { start: number; openEnd: number; close: number; end: number; selfClosing: boolean } | undefined {
  const m = new RegExp(`<${name}\\b`).exec(xml);
  if (!m) return undefined;
  const t = tagAttrs(xml, m.index);
  if (t.selfClosing) return { start: m.index, openEnd: t.end + 1, close: t.end + 1, end: t.end + 1, selfClosing: true };
  const close = xml.indexOf(`</${name}>`, t.end);
  if (close < 0) throw new PatchError(`<${name}> without an end`);
  return { start: m.index, openEnd: t.end + 1, close, end: close + name.length + 3, selfClosing: false };
}

/** Direct children `<name …/>` or `<name …>…</name>` of a block's content (children with the same name never nest). */
function children(content: string, name: string): string[] {
  const out: string[] = [];
  const re = new RegExp(`<${name}\\b`, 'g');
  for (let m = re.exec(content); m; m = re.exec(content)) {
    const t = tagAttrs(content, m.index);
    let end = t.end + 1;
    if (!t.selfClosing) {
      const close = content.indexOf(`</${name}>`, end);
      if (close < 0) throw new PatchError(`<${name}> without an end`);
      end = close + name.length + 3;
    }
    out.push(content.slice(m.index, end));
    re.lastIndex = end;
  }
  return out;
}

/** Replaces a counted list (<fills count="n">…) with its items plus more, returning the index of the first added. */
function appendToList(xml: string, list: string, item: string, added: string[], before: string[]): { xml: string; first: number } {
  const b = findBlock(xml, list);
  if (!b) {
    // Insert the list before the first element that must follow it.
    let at = -1;
    for (const name of before) {
      const m = new RegExp(`<${name}\\b`).exec(xml);
      if (m) {
        at = m.index;
        break;
      }
    }
    if (at < 0) at = xml.lastIndexOf('</styleSheet>');
    if (at < 0) throw new PatchError('styles without an end');
    return { xml: `${xml.slice(0, at)}<${list} count="${added.length}">${added.join('')}</${list}>${xml.slice(at)}`, first: 0 };
  }
  const content = b.selfClosing ? '' : xml.slice(b.openEnd, b.close);
  const n = children(content, item).length;
  const openTag = xml.slice(b.start, b.openEnd);
  const newOpen = setAttrs(b.selfClosing ? openTag.replace(/\s*\/>$/, '>') : openTag, { count: String(n + added.length) });
  return { xml: `${xml.slice(0, b.start)}${newOpen}${content}${added.join('')}</${list}>${xml.slice(b.end)}`, first: n };
}

export const MINIMAL_STYLES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="${NS_MAIN}"><fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>`;

/** The styles part with new cell formats: a copy of a cell's own format with a fill, and two for the findings sheet. */
class Styles {
  private xfs: string[];
  private added: string[] = [];
  private fillIds: Record<Severity, number>;
  private memo = new Map<string, number>();
  readonly bold: number;
  readonly link: number;
  private xml: string;

  constructor(xml: string) {
    // Fills 0 and 1 are reserved (none, gray125): pad a list shorter than that before adding ours.
    const fillsBlock = findBlock(xml, 'fills');
    const have = fillsBlock && !fillsBlock.selfClosing ? children(xml.slice(fillsBlock.openEnd, fillsBlock.close), 'fill').length : 0;
    const pad = ['<fill><patternFill patternType="none"/></fill>', '<fill><patternFill patternType="gray125"/></fill>'].slice(have);
    const sevs: Severity[] = ['error', 'warning', 'info'];
    const fills = sevs.map((s) => `<fill><patternFill patternType="solid"><fgColor rgb="${FILL_ARGB[s]}"/><bgColor indexed="64"/></patternFill></fill>`);
    let r = appendToList(xml, 'fills', 'fill', [...pad, ...fills], ['borders', 'cellStyleXfs', 'cellXfs']);
    this.fillIds = { error: r.first + pad.length, warning: r.first + pad.length + 1, info: r.first + pad.length + 2 };
    r = appendToList(
      r.xml,
      'fonts',
      'font',
      ['<font><b/><sz val="11"/></font>', '<font><u/><sz val="11"/><color rgb="FF0563C1"/></font>'],
      ['fills', 'borders', 'cellStyleXfs', 'cellXfs'],
    );
    const fontBold = r.first;
    this.xml = r.xml;
    const cx = findBlock(this.xml, 'cellXfs');
    this.xfs = cx && !cx.selfClosing ? children(this.xml.slice(cx.openEnd, cx.close), 'xf') : [];
    if (!this.xfs.length) throw new PatchError('styles without cell formats');
    this.bold = this.addXf(`<xf numFmtId="0" fontId="${fontBold}" fillId="0" borderId="0" xfId="0" applyFont="1"/>`);
    this.link = this.addXf(`<xf numFmtId="0" fontId="${fontBold + 1}" fillId="0" borderId="0" xfId="0" applyFont="1"/>`);
  }

  private addXf(xf: string): number {
    this.added.push(xf);
    return this.xfs.length + this.added.length - 1;
  }

  /** The format of a finding cell: its own format (index s) with the severity's fill, one per (format, severity). */
  filled(s: number, severity: Severity): number {
    const key = `${s}:${severity}`;
    const hit = this.memo.get(key);
    if (hit !== undefined) return hit;
    const base = this.xfs[s] ?? this.xfs[0];
    const open = base.match(/^<xf\b[^>]*?\/?>/)![0];
    const xf = base.replace(open, setAttrs(open, { fillId: String(this.fillIds[severity]), applyFill: '1' }));
    const id = this.addXf(xf);
    this.memo.set(key, id);
    return id;
  }

  toXml(): string {
    return appendToList(this.xml, 'cellXfs', 'xf', this.added, []).xml;
  }
}

function cellTag(address: string, s: number): string {
  return `<c r="${address}" s="${s}"/>`;
}

/** Gives the cells in `styles` (address → new style index) their style, adding empty cells (and rows) where the sheet has none. */
function styleCells(xml: string, want: Map<string, (s: number) => number>): string {
  const seen = new Set<string>();
  let out = xml.replace(/<c\b[^>]*?\/?>/g, (tag) => {
    const r = /\sr\s*=\s*"([^"]*)"/.exec(tag)?.[1];
    const f = r !== undefined ? want.get(r) : undefined;
    if (!f || r === undefined || seen.has(r)) return tag;
    seen.add(r);
    const s = Number(/\ss\s*=\s*"(\d+)"/.exec(tag)?.[1] ?? 0);
    return setAttrs(tag, { s: String(f(s)) });
  });
  for (const [address, f] of want) {
    if (seen.has(address)) continue;
    const pos = parseA1(address);
    if (!pos) continue;
    out = insertCell(out, pos.row, pos.col, cellTag(address, f(0)));
  }
  return out;
}

function insertCell(xml: string, row: number, col: number, cell: string): string {
  let sd = findBlock(xml, 'sheetData');
  if (!sd) throw new PatchError('worksheet without sheetData');
  if (sd.selfClosing) {
    xml = `${xml.slice(0, sd.start)}<sheetData></sheetData>${xml.slice(sd.end)}`;
    sd = findBlock(xml, 'sheetData')!;
  }
  const re = /<row\b/g;
  re.lastIndex = sd.openEnd;
  for (let m = re.exec(xml); m && m.index < sd.close; m = re.exec(xml)) {
    const t = tagAttrs(xml, m.index);
    const r = Number(t.attrs.r);
    if (!(r >= row)) continue;
    if (r > row) return `${xml.slice(0, m.index)}<row r="${row}">${cell}</row>${xml.slice(m.index)}`;
    // the row exists: put the cell in column order (and drop the row's spans, a hint the new cell may fall outside)
    const open = xml.slice(m.index, t.end + 1).replace(/\sspans\s*=\s*"[^"]*"/, '');
    xml = xml.slice(0, m.index) + open + xml.slice(t.end + 1);
    t.end = m.index + open.length - 1;
    if (t.selfClosing) return `${xml.slice(0, m.index)}${xml.slice(m.index, t.end - 1).replace(/\s*$/, '')}>${cell}</row>${xml.slice(t.end + 1)}`;
    const close = xml.indexOf('</row>', t.end);
    const cre = /<c\b/g;
    cre.lastIndex = t.end;
    for (let c = cre.exec(xml); c && c.index < close; c = cre.exec(xml)) {
      const at = tagAttrs(xml, c.index).attrs.r;
      const p = at ? parseA1(at) : undefined;
      if (p && p.col > col) return `${xml.slice(0, c.index)}${cell}${xml.slice(c.index)}`;
    }
    return `${xml.slice(0, close)}${cell}${xml.slice(close)}`;
  }
  return `${xml.slice(0, sd.close)}<row r="${row}">${cell}</row>${xml.slice(sd.close)}`;
}

// CT_Worksheet's child order: a new child goes before the first of these that follow it.
const AFTER_PAGE_SETUP = [
  'headerFooter',
  'rowBreaks',
  'colBreaks',
  'customProperties',
  'cellWatches',
  'ignoredErrors',
  'smartTags',
  'drawing',
  'legacyDrawing',
  'legacyDrawingHF',
  'picture',
  'oleObjects',
  'controls',
  'webPublishItems',
  'tableParts',
  'extLst',
];
const AFTER_LEGACY_DRAWING = ['legacyDrawingHF', 'picture', 'oleObjects', 'controls', 'webPublishItems', 'tableParts', 'extLst'];

function insertBefore(xml: string, names: string[], text: string): string {
  let at = -1;
  for (const name of names) {
    const m = new RegExp(`<${name}\\b`).exec(xml);
    if (m && (at < 0 || m.index < at)) at = m.index;
  }
  if (at < 0) at = xml.lastIndexOf('</worksheet>');
  if (at < 0) throw new PatchError('worksheet without an end');
  return xml.slice(0, at) + text + xml.slice(at);
}

/** Landscape, one page wide (as many pages down as it takes). */
function printSetup(xml: string): string {
  const root = /<worksheet\b[^>]*>/.exec(xml);
  if (!root) throw new PatchError('not a worksheet');
  const pr = findBlock(xml, 'sheetPr');
  if (!pr) xml = xml.slice(0, root.index + root[0].length) + '<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>' + xml.slice(root.index + root[0].length);
  else if (pr.selfClosing)
    xml = `${xml.slice(0, pr.start)}${xml.slice(pr.start, pr.end).replace(/\s*\/>$/, '>')}<pageSetUpPr fitToPage="1"/></sheetPr>${xml.slice(pr.end)}`;
  else {
    const inner = xml.slice(pr.openEnd, pr.close);
    const m = /<pageSetUpPr\b[^>]*?\/?>/.exec(inner);
    const next = m ? inner.replace(m[0], setAttrs(m[0], { fitToPage: '1' })) : inner + '<pageSetUpPr fitToPage="1"/>';
    xml = xml.slice(0, pr.openEnd) + next + xml.slice(pr.close);
  }
  const ps = /<pageSetup\b[^>]*?\/?>/.exec(xml);
  const values = { orientation: 'landscape', fitToWidth: '1', fitToHeight: '0' };
  if (ps) return xml.slice(0, ps.index) + setAttrs(ps[0], values) + xml.slice(ps.index + ps[0].length);
  return insertBefore(xml, AFTER_PAGE_SETUP, '<pageSetup orientation="landscape" fitToWidth="1" fitToHeight="0"/>');
}

const VML_NS = 'xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel"';

function vmlShape(id: number, row: number, col: number, lines: number): string {
  const r0 = row - 1;
  const c0 = col - 1;
  const height = Math.min(40, Math.max(4, lines + 1));
  return (
    `<v:shape id="_x0000_s${id}" type="#_x0000_t202" style="position:absolute;margin-left:80pt;margin-top:2pt;width:320pt;height:${height * 14}pt;z-index:${id};visibility:hidden" fillcolor="#ffffe1" o:insetmode="auto">` +
    '<v:fill color2="#ffffe1"/><v:shadow on="t" color="black" obscured="t"/><v:path o:connecttype="none"/><v:textbox style="mso-direction-alt:auto"><div style="text-align:left"></div></v:textbox>' +
    `<x:ClientData ObjectType="Note"><x:MoveWithCells/><x:SizeWithCells/><x:Anchor>${c0 + 1}, 15, ${r0}, 2, ${c0 + 6}, 15, ${r0 + height}, 2</x:Anchor><x:AutoFill>False</x:AutoFill><x:Row>${r0}</x:Row><x:Column>${c0}</x:Column></x:ClientData></v:shape>`
  );
}

function commentXml(ref: string, text: string): string {
  return `<comment ref="${ref}" authorId="AUTHOR"><text><r><rPr><sz val="9"/></rPr><t xml:space="preserve">${esc(text)}</t></r></text></comment>`;
}

/** A worksheet of plain cells (inline strings and numbers), for the findings sheet and for a CSV's copy. */
export function plainSheetXml(
  rows: Array<Array<string | number | null>>,
  opts: {
    styles?: Array<Array<number | undefined>>;
    widths?: number[];
    frozenHeader?: boolean;
    hyperlinks?: Array<{ ref: string; location: string; display: string }>;
    autoFilter?: string;
  } = {},
): string {
  const colL = (c: number) => {
    let s = '';
    for (let n = c + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
    return s;
  };
  const body: string[] = [];
  rows.forEach((cells, r) => {
    const cs: string[] = [];
    cells.forEach((v, c) => {
      const s = opts.styles?.[r]?.[c];
      const sa = s ? ` s="${s}"` : '';
      const ref = `${colL(c)}${r + 1}`;
      if (typeof v === 'number' && Number.isFinite(v)) cs.push(`<c r="${ref}"${sa}><v>${v}</v></c>`);
      else if (typeof v === 'string' && v !== '') cs.push(`<c r="${ref}"${sa} t="inlineStr"><is><t xml:space="preserve">${esc(v)}</t></is></c>`);
      else if (sa) cs.push(`<c r="${ref}"${sa}/>`);
    });
    body.push(`<row r="${r + 1}">${cs.join('')}</row>`);
  });
  const views = opts.frozenHeader
    ? '<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>'
    : '';
  const cols = opts.widths?.length
    ? `<cols>${opts.widths.map((w, i) => `<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>`).join('')}</cols>`
    : '';
  const filter = opts.autoFilter ? `<autoFilter ref="${opts.autoFilter}"/>` : '';
  const links = opts.hyperlinks?.length
    ? `<hyperlinks>${opts.hyperlinks.map((h) => `<hyperlink ref="${h.ref}" location="${esc(h.location)}" display="${esc(h.display)}"/>`).join('')}</hyperlinks>`
    : '';
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${NS_MAIN}" xmlns:r="${NS_REL}">${views}${cols}<sheetData>${body.join('')}</sheetData>${filter}${links}<pageMargins left="0.5" right="0.5" top="0.6" bottom="0.6" header="0.3" footer="0.3"/></worksheet>`;
}

/** A sheet name quoted for a reference ('Budget 2025'!A1; an apostrophe doubled). */
function quoteSheet(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

/**
 * The annotated copy of an .xlsx/.xlsm: entries in, entries out. Marks on sheets the workbook does not have are
 * listed but not drawn.
 */
export function patchWorkbook(entries: Array<{ name: string; data: Buffer }>, marks: Mark[], listing: Listing): Array<{ name: string; data: Buffer }> {
  const files = new Map(entries.map((e) => [e.name, e.data]));
  const text = (name: string) => files.get(name)?.toString('utf8');
  const put = (name: string, data: string) => {
    if (!files.has(name)) entries.push({ name, data: Buffer.alloc(0) });
    files.set(name, Buffer.from(data, 'utf8'));
  };
  let ct = text('[Content_Types].xml');
  if (!ct) throw new PatchError('no [Content_Types].xml');
  const root = readRels(text('_rels/.rels')).find((r) => /\/officeDocument$/.test(r.type));
  const wbPath = root ? resolveTarget('', root.target) : 'xl/workbook.xml';
  let wbXml = text(wbPath);
  if (!wbXml) throw new PatchError('no workbook part');
  if (!wbXml.includes(NS_MAIN)) throw new PatchError('not a transitional OOXML workbook');
  const wbRelsPath = relsPathOf(wbPath);
  let wbRels = text(wbRelsPath);
  const rels = readRels(wbRels);
  const sheets: Array<{ name: string; part: string; sheetId: number }> = [];
  for (const m of wbXml.matchAll(/<sheet\b/g)) {
    const a = tagAttrs(wbXml, m.index).attrs;
    const rel = rels.find((r) => r.id === a.id);
    if (rel && !rel.external) sheets.push({ name: a.name ?? '', part: resolveTarget(wbPath, rel.target), sheetId: Number(a.sheetId) || 0 });
  }

  // styles
  const stylesRel = rels.find((r) => r.type === REL_STYLES);
  let stylesPath = stylesRel ? resolveTarget(wbPath, stylesRel.target) : undefined;
  if (!stylesPath || !files.has(stylesPath)) {
    // styles.xml where programs look for it (some by that name alone)
    const name = files.has(resolveTarget(wbPath, 'styles.xml')) ? 'budgettjek-styles.xml' : 'styles.xml';
    stylesPath = resolveTarget(wbPath, name);
    put(stylesPath, MINIMAL_STYLES);
    const added = addRels(wbRels, [{ type: REL_STYLES, target: name }]);
    wbRels = added.xml;
    ct = addContentType(ct, 'Override', `/${stylesPath}`, CT_STYLES);
  }
  const styles = new Styles(text(stylesPath)!);

  // finding cells: style, note, print setup, sheet by sheet
  const bySheet = new Map<string, Mark[]>();
  for (const m of marks) bySheet.set(m.sheet, [...(bySheet.get(m.sheet) ?? []), m]);
  let vmlN = 0;
  sheets.forEach((sheet, index) => {
    let xml = text(sheet.part);
    if (xml === undefined || !/<worksheet\b/.test(xml)) return; // a chartsheet or a missing part: left as it is
    const own = bySheet.get(sheet.name) ?? [];
    if (own.length) {
      const want = new Map<string, (s: number) => number>();
      for (const m of own) if (parseA1(m.address)) want.set(m.address, (s) => styles.filled(s, m.severity));
      xml = styleCells(xml, want);
      xml = addNotes(xml, sheet.part, own, index, ++vmlN);
    }
    put(sheet.part, printSetup(xml));
  });

  function addNotes(xml: string, part: string, own: Mark[], sheetIndex: number, n: number): string {
    const relsPath = relsPathOf(part);
    const sheetRels = readRels(text(relsPath));
    const existing = sheetRels.find((r) => r.type === REL_COMMENTS);
    const existingVml = sheetRels.find((r) => r.type === REL_VML);
    const notes = own.filter((m) => parseA1(m.address));
    const idmap = 1000 + sheetIndex;
    if (existing && existingVml) {
      // The sheet has notes of its own: ours join them (a cell that has one gets ours appended to it).
      const cPath = resolveTarget(part, existing.target);
      const vPath = resolveTarget(part, existingVml.target);
      let cx = text(cPath);
      let vx = text(vPath);
      if (!cx || !vx) throw new PatchError('notes part missing');
      const authors = findBlock(cx, 'authors');
      const authorId = authors && !authors.selfClosing ? children(cx.slice(authors.openEnd, authors.close), 'author').length : 0;
      cx = authors && !authors.selfClosing ? cx.slice(0, authors.close) + '<author>budgettjek</author>' + cx.slice(authors.close) : cx;
      // new shapes continue the drawing's own numbering, and carry their namespaces (writers pick other prefixes)
      let nextId = Math.max(0, ...[...vx.matchAll(/_x0000_s(\d+)/g)].map((x) => Number(x[1]))) + 1;
      for (const m of notes) {
        const re = new RegExp(`<comment\\b[^>]*\\bref="${m.address}"[^>]*>`);
        const hit = re.exec(cx);
        if (hit) {
          const close = cx.indexOf('</text>', hit.index);
          if (close > 0) cx = cx.slice(0, close) + `<r><t xml:space="preserve">${esc(`\n\n${m.note}`)}</t></r>` + cx.slice(close);
          continue;
        }
        const end = cx.lastIndexOf('</commentList>');
        if (end < 0) throw new PatchError('notes part without a list');
        cx = cx.slice(0, end) + commentXml(m.address, m.note).replace('AUTHOR', String(authorId)) + cx.slice(end);
        const p = parseA1(m.address)!;
        const vEnd = vx.lastIndexOf('</xml>');
        if (vEnd < 0) throw new PatchError('drawing part without an end');
        vx = vx.slice(0, vEnd) + vmlShape(nextId++, p.row, p.col, m.note.split('\n').length).replace('<v:shape ', `<v:shape ${VML_NS} `) + vx.slice(vEnd);
      }
      put(cPath, cx);
      put(vPath, vx);
      return xml;
    }
    if (existing || existingVml) return xml; // half a notes setup we do not understand: fills and the list only
    // the names programs look for (xl/commentsN.xml, xl/drawings/vmlDrawingN.vml), with an N not yet taken
    let k = n;
    while (files.has(resolveTarget(part, `../comments${k}.xml`)) || files.has(resolveTarget(part, `../drawings/vmlDrawing${k}.vml`))) k++;
    const cName = `comments${k}.xml`;
    const vName = `vmlDrawing${k}.vml`;
    const cPath = resolveTarget(part, `../${cName}`);
    const vPath = resolveTarget(part, `../drawings/${vName}`);
    put(
      cPath,
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<comments xmlns="${NS_MAIN}"><authors><author>budgettjek</author></authors><commentList>${notes.map((m) => commentXml(m.address, m.note).replace('AUTHOR', '0')).join('')}</commentList></comments>`,
    );
    put(
      vPath,
      '<xml xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel">' +
        `<o:shapelayout v:ext="edit"><o:idmap v:ext="edit" data="${idmap}"/></o:shapelayout>` +
        '<v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202" path="m,l,21600r21600,l21600,xe"><v:stroke joinstyle="miter"/><v:path gradientshapeok="t" o:connecttype="rect"/></v:shapetype>' +
        notes
          .map((m, k) => {
            const p = parseA1(m.address)!;
            return vmlShape(idmap * 1024 + 1 + k, p.row, p.col, m.note.split('\n').length);
          })
          .join('') +
        '</xml>',
    );
    const added = addRels(text(relsPath), [
      { type: REL_COMMENTS, target: `../${cName}` },
      { type: REL_VML, target: `../drawings/${vName}` },
    ]);
    put(relsPath, added.xml);
    ct = addContentType(ct!, 'Override', `/${cPath}`, CT_COMMENTS);
    ct = addContentType(ct, 'Default', 'vml', CT_VML);
    // the namespace declared on the element itself: a worksheet need not declare it on its root
    return insertBefore(xml, AFTER_LEGACY_DRAWING, `<legacyDrawing xmlns:r="${NS_REL}" r:id="${added.ids[1]}"/>`);
  }

  // the findings sheet
  const known = new Set(sheets.map((s) => s.name));
  const rows: Array<Array<string | number | null>> = [listing.header, ...listing.rows.map((r) => r.cells)];
  const styleGrid: Array<Array<number | undefined>> = [listing.header.map(() => styles.bold)];
  const hyperlinks: Array<{ ref: string; location: string; display: string }> = [];
  listing.rows.forEach((r, i) => {
    const line: Array<number | undefined> = [];
    if (r.link && known.has(r.link.sheet) && parseA1(r.link.address)) {
      line[r.link.col] = styles.link;
      const ref = `${String.fromCharCode(65 + r.link.col)}${i + 2}`;
      hyperlinks.push({ ref, location: `${quoteSheet(r.link.sheet)}!${r.link.address}`, display: `${r.link.sheet}!${r.link.address}` });
    }
    styleGrid.push(line);
  });
  const lastCol = String.fromCharCode(64 + listing.header.length);
  const listXml = printSetup(
    plainSheetXml(rows, { styles: styleGrid, widths: listing.widths, frozenHeader: true, hyperlinks, autoFilter: `A1:${lastCol}${rows.length}` }),
  );
  // sheetN.xml, as every writer names them (some readers find sheets by that name)
  let listPart = '';
  for (let i = sheets.length + 1; !listPart || files.has(listPart); i++) listPart = resolveTarget(wbPath, `worksheets/sheet${i}.xml`);
  put(listPart, listXml);
  const relTarget = listPart.slice(wbPath.lastIndexOf('/') + 1);
  const added = addRels(wbRels, [{ type: REL_SHEET, target: relTarget }]);
  put(wbRelsPath, added.xml);
  ct = addContentType(ct, 'Override', `/${listPart}`, CT_SHEET);
  const sheetsBlock = findBlock(wbXml, 'sheets');
  if (!sheetsBlock || sheetsBlock.selfClosing) throw new PatchError('workbook without sheets');
  const sheetId = Math.max(0, ...sheets.map((s) => s.sheetId)) + 1;
  const taken = new Set(sheets.map((s) => s.name.toLowerCase()));
  let listName = listing.name;
  for (let i = 2; taken.has(listName.toLowerCase()); i++) listName = `${listing.name} (${i})`;
  wbXml =
    wbXml.slice(0, sheetsBlock.close) +
    `<sheet name="${esc(listName)}" sheetId="${sheetId}" xmlns:r="${NS_REL}" r:id="${added.ids[0]}"/>` +
    wbXml.slice(sheetsBlock.close);
  // the filter's range as Excel records it: a hidden name local to the sheet (its position among the sheets)
  const localId = [...wbXml.matchAll(/<sheet\b/g)].length - 1;
  const filterName = `<definedName name="_xlnm._FilterDatabase" localSheetId="${localId}" hidden="1">${esc(quoteSheet(listName))}!$A$1:$${lastCol}$${rows.length}</definedName>`;
  const names = findBlock(wbXml, 'definedNames');
  if (names && !names.selfClosing) wbXml = wbXml.slice(0, names.close) + filterName + wbXml.slice(names.close);
  else if (names) wbXml = `${wbXml.slice(0, names.start)}<definedNames>${filterName}</definedNames>${wbXml.slice(names.end)}`;
  else {
    const after = findBlock(wbXml, 'sheets')!;
    wbXml = `${wbXml.slice(0, after.end)}<definedNames>${filterName}</definedNames>${wbXml.slice(after.end)}`;
  }
  put(wbPath, wbXml);
  put(stylesPath, styles.toXml());
  put('[Content_Types].xml', ct);
  return entries.map((e) => {
    const data = files.get(e.name)!;
    // A part that already held characters XML forbids (a careless writer) is made well-formed.
    if (/\.(xml|rels|vml)$/i.test(e.name)) {
      const s = data.toString('utf8');
      XML_FORBIDDEN.lastIndex = 0;
      if (XML_FORBIDDEN.test(s)) return { name: e.name, data: Buffer.from(xmlText(s), 'utf8') };
    }
    return { name: e.name, data };
  });
}
