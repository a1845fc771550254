// Reads an .xlsx/.xlsm from the XML parts of the zip the guard has checked, inflating only the parts it reads:
// workbook (sheet order, names, state, 1904 dates), relationships, shared strings, styles (number formats → dates)
// and each worksheet (values, formulas incl. shared ones, cached results, errors, hidden rows/columns, merges).
// Each part is tokenized once (which also refuses DOCTYPEs and deep nesting). No exceljs: the hot path of every check.
import { colLetters, parseA1, parseA1AtBytes, parseA1Into } from './address.js';
import { DEFAULT_LIMITS, InputRefusal, SheetTooLargeError, type Limits } from './limits.js';
import type { CellValue, RawCell, RawSheet, RawTable, RawWorkbook } from './types.js';
import { decodeEntities, decodeOoxmlEscapes, isNameEnd, walk as walkText } from './xml.js';
import { bangEndBytes, blank, bytesAre, cutOff, indexOfText, pickAttrsBytes, textAt, walkBytes, type ByteHandler } from './xml-bytes.js';
import { translateFormula } from './formula-shift.js';
import { readComments } from './comments.js';
import type { Parts } from './zipguard.js';

export type { Parts } from './zipguard.js';

/** The nesting limit of the workbook being read (readOoxml sets it; reading is synchronous, one workbook at a time). */
let depthLimit = DEFAULT_LIMITS.maxXmlDepth;

/** Every part besides the worksheets is tokenized through here: one pass over its bytes that also holds the nesting
 * limit; the tags are told by their index in `names`. */
function walk(xml: Uint8Array, names: readonly string[], h: ByteHandler): void {
  walkBytes(xml, names, h, depthLimit);
}

/** Number formats Excel knows by id (ECMA-376 §18.8.30); ids 27–36 and 50–58 are locale date formats. */
const BUILTIN_FORMATS: Record<number, string> = {
  1: '0',
  2: '0.00',
  3: '#,##0',
  4: '#,##0.00',
  9: '0%',
  10: '0.00%',
  11: '0.00E+00',
  12: '# ?/?',
  13: '# ??/??',
  14: 'mm-dd-yy',
  15: 'd-mmm-yy',
  16: 'd-mmm',
  17: 'mmm-yy',
  18: 'h:mm AM/PM',
  19: 'h:mm:ss AM/PM',
  20: 'h:mm',
  21: 'h:mm:ss',
  22: 'm/d/yy h:mm',
  37: '#,##0 ;(#,##0)',
  38: '#,##0 ;[Red](#,##0)',
  39: '#,##0.00;(#,##0.00)',
  40: '#,##0.00;[Red](#,##0.00)',
  45: 'mm:ss',
  46: '[h]:mm:ss',
  47: 'mmss.0',
  48: '##0.0E+0',
  49: '@',
};
const LOCALE_DATE_IDS = new Set([27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 50, 51, 52, 53, 54, 55, 56, 57, 58]);

/** True when a number format shows a date or time: a date letter outside quotes, brackets and escapes. */
export function isDateFormat(fmt: string): boolean {
  if (!fmt || fmt === 'General' || fmt === '@') return false;
  const bare = fmt
    .replace(/"[^"]*"/g, '')
    .replace(/\[[^\]]*\]/g, '')
    .replace(/\\./g, '')
    .replace(/[_*]./g, '');
  return /[ymdhs]/i.test(bare) && !/^[#0.,\s%E+-]*$/i.test(bare);
}

interface Style {
  numFmt?: string;
  date: boolean;
}

function resolvePath(base: string, rawTarget: string): string {
  let target = rawTarget;
  // decodeURIComponent changes nothing in a text without %, and its call costs more than the rest of this together
  if (rawTarget.includes('%')) {
    try {
      target = decodeURIComponent(rawTarget); // "sheet%201.xml" names the part "sheet 1.xml"
    } catch {
      // not percent-encoded after all
    }
  }
  if (target.startsWith('/')) return target.slice(1);
  // a target of plain names ("worksheets/sheet1.xml", every writer's) is the base's folder and it: no arrays
  if (target !== '' && target.charCodeAt(0) !== 46 && !target.includes('/.') && !target.includes('//') && !target.endsWith('/'))
    return base.slice(0, base.lastIndexOf('/') + 1) + target;
  const parts = base.split('/');
  parts.pop();
  for (const seg of target.split('/')) {
    if (seg === '..') parts.pop();
    else if (seg !== '.' && seg !== '') parts.push(seg);
  }
  return parts.join('/');
}

/** The entry that holds a part: its exact name, else the same name in another case. */
function partName(parts: Parts, name: string): string | undefined {
  return parts.has(name) ? name : parts.caseless(name);
}

/** Reads one part's bytes (inflated, not decoded) with fn; a refusal from its tokenizer (DOCTYPE, nesting) names the
 * part, as the guard did. */
function reading<T>(parts: Parts, name: string, fn: (xml: Uint8Array | undefined) => T): T {
  const entry = partName(parts, name);
  const xml = entry === undefined ? undefined : parts.bytes(entry);
  try {
    return fn(xml);
  } catch (e) {
    if (e instanceof InputRefusal && entry !== undefined && e.args.entry === undefined) e.args.entry = entry;
    throw e;
  }
}

const picked: Array<string | undefined> = [];

/** The values (entities decoded) of the attributes `names` of a tag, by local name as attrs() gives them, in one array
 * reused for every tag (read it before the next tag): no attribute's name is decoded, only the values asked for. */
function pick(x: Uint8Array, s: number, e: number, names: readonly string[]): Array<string | undefined> {
  pickAttrsBytes(x, s, e, names, picked);
  for (let k = 0; k < names.length; k++) if (picked[k] !== undefined) picked[k] = decodeEntities(picked[k]!);
  return picked;
}

/** Simple collector for elements of a part: calls back on each open tag named in `names` (by its index there), with a
 * reader of its attributes. */
function eachTag(
  xml: Uint8Array | undefined,
  names: readonly string[],
  fn: (name: number, a: (attrNames: readonly string[]) => Array<string | undefined>) => void,
): void {
  if (!xml?.length) return;
  walk(xml, names, {
    open: (name, x, s, e) => {
      if (name >= 0) fn(name, (attrNames) => pick(x, s, e, attrNames));
    },
    close: () => undefined,
    text: () => undefined,
    capturing: () => false,
  });
}

function readRels(parts: Parts, owner: string): Map<string, { type: string; target: string }> {
  const slash = owner.lastIndexOf('/');
  const relsName = `${owner.slice(0, slash + 1)}_rels/${owner.slice(slash + 1)}.rels`;
  const out = new Map<string, { type: string; target: string }>();
  reading(parts, relsName, (xml) =>
    eachTag(xml, REL_TAGS, (_name, a) => {
      const [id, type, target, mode] = a(REL_ATTRS);
      if (id && target && mode !== 'External') out.set(id, { type: type ?? '', target: resolvePath(owner, target) });
    }),
  );
  return out;
}

const REL_TAGS = ['Relationship'] as const;
const REL_ATTRS = ['Id', 'Type', 'Target', 'TargetMode'] as const;
const SST_SI = 0;
const SST_RPH = 1;
const SST_T = 2;
const SST_TAGS = ['si', 'rPh', 't'] as const;

/** The decoder the zip guard decoded whole parts with: a BOM is kept, a bad sequence becomes U+FFFD. */
const utf8 = new TextDecoder('utf-8', { ignoreBOM: true });

/**
 * The shared strings. The part is decoded as a whole and walked as text, not walked as bytes like the other parts: a
 * call of TextDecoder costs ~300 ns however short the text, so decoding each string by itself (117 in a budget of the
 * pile) cost 25 % more than decoding the part once.
 */
function readSharedStrings(bytes: Uint8Array | undefined, spent: Spent, limits: Pick<Limits, 'maxCells'>): string[] {
  const out: string[] = [];
  if (!bytes?.length) return out;
  const xml = utf8.decode(bytes);
  let inSi = false;
  let inT = false;
  let phonetic = 0;
  let buf = '';
  walkText(
    xml,
    SST_TAGS,
    {
      open(name) {
        if (name === SST_SI) {
          spend(spent, limits, '(shared strings)');
          inSi = true;
          buf = '';
        } else if (name === SST_RPH) phonetic++;
        else if (name === SST_T && inSi && phonetic === 0) inT = true;
      },
      close(name) {
        if (name === SST_T) inT = false;
        else if (name === SST_RPH) phonetic = Math.max(0, phonetic - 1);
        else if (name === SST_SI) {
          out.push(own(decodeOoxmlEscapes(buf)));
          inSi = false;
        }
      },
      text(v) {
        buf += v;
      },
      capturing: () => inT,
    },
    depthLimit,
  );
  return out;
}

/** Cell formats; each <xf> and <numFmt> counts against the cell limit, and a format is inspected once however many
 * <xf> share it (a 100.000-character format behind 200.000 <xf> is one inspection, not 200.000). */
const STYLE_NUMFMT = 0;
const STYLE_CELLXFS = 1;
const STYLE_XF = 2;
const STYLE_TAGS = ['numFmt', 'cellXfs', 'xf'] as const;
const NUMFMT_ATTRS = ['numFmtId', 'formatCode'] as const;
const XF_ATTRS = ['numFmtId'] as const;

function readStyles(xml: Uint8Array | undefined, spent: Spent, limits: Pick<Limits, 'maxCells'>): Style[] {
  const custom = new Map<number, string>();
  const isDate = new Map<string, boolean>();
  const xfs: Style[] = [];
  let inCellXfs = false;
  if (!xml?.length) return xfs;
  walk(xml, STYLE_TAGS, {
    open(name, x, s, e) {
      if (name === STYLE_NUMFMT) {
        spend(spent, limits, '(styles)');
        const [numFmtId, formatCode] = pick(x, s, e, NUMFMT_ATTRS);
        if (numFmtId !== undefined && formatCode !== undefined) custom.set(Number(numFmtId), formatCode);
      } else if (name === STYLE_CELLXFS) inCellXfs = true;
      else if (name === STYLE_XF && inCellXfs) {
        spend(spent, limits, '(styles)');
        const id = Number(pick(x, s, e, XF_ATTRS)[0] ?? 0);
        const fmt = custom.get(id) ?? BUILTIN_FORMATS[id];
        let date = fmt === undefined ? LOCALE_DATE_IDS.has(id) : isDate.get(fmt);
        if (date === undefined) isDate.set(fmt!, (date = isDateFormat(fmt!)));
        xfs.push({ numFmt: fmt, date });
      }
    },
    close(name) {
      if (name === STYLE_CELLXFS) inCellXfs = false;
    },
    text: () => undefined,
    capturing: () => false,
  });
  return xfs;
}

/** Excel serial day (1900 or 1904 system) to a UTC date, as Excel shows it. */
function excelDate(serial: number, date1904: boolean): Date {
  return new Date(Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * 86_400_000));
}

interface Rect {
  r1: number;
  c1: number;
  r2: number;
  c2: number;
}

function parseRange(ref: string): Rect | undefined {
  const [a, b] = ref.split(':');
  const p = parseA1(a);
  const q = b ? parseA1(b) : p;
  if (!p || !q) return undefined;
  return { r1: Math.min(p.row, q.row), c1: Math.min(p.col, q.col), r2: Math.max(p.row, q.row), c2: Math.max(p.col, q.col) };
}

/**
 * What a workbook has cost so far. `cells` counts every element that costs memory to keep — cells (empty ones too),
 * shared strings, merged ranges, column ranges, sheets — so no kind of element can be multiplied past the cell limit.
 */
interface Spent {
  cells: number;
  formulaChars: number;
}

function spend(spent: Spent, limits: Pick<Limits, 'maxCells'>, where: string): void {
  if (++spent.cells > limits.maxCells) throw new SheetTooLargeError(where, 'cells', limits.maxCells, spent.cells);
}

interface SheetContext {
  name: string;
  strings: string[];
  styles: Style[];
  date1904: boolean;
  limits: Pick<Limits, 'maxRows' | 'maxCols' | 'maxCells'>;
  /** Spent across the workbook: the limits hold for the workbook as a whole, not per sheet. */
  spent: Spent;
}

/**
 * A string kept from a part read as text (shared strings) as a string of its own; the worksheet's values are decoded
 * from its bytes, each a string of its own already. V8 takes a substring of 13 characters or more as a view into the
 * string it came from, so one string kept as a slice would keep the whole part's text alive as long as the workbook is;
 * shorter ones are copies already.
 */
function own(s: string): string {
  return s.length < 13 ? s : (' ' + s).slice(1);
}

/** Excel's longest formula; a longer "formula" is not one Excel wrote, and is never copied to other cells. */
const MAX_FORMULA = 8192;
/** Formula text in a workbook, after shared formulas are expanded (a filled-down column repeats its master). */
const MAX_FORMULA_CHARS = 20_000_000;
/** Excel's grid: XFD1048576 is its last cell. */
const EXCEL_ROWS = 1_048_576;
const EXCEL_COLS = 16_384;

const CELL_ATTRS = ['r', 's', 't'] as const;

const EQ = 61;
const DQ = 34;
const COLON = 58;
const BANG = 33;
const QMARK = 63;
const SLASH = 47;
const LT = 60;
const GT = 62;
const SQ = 39;

// The worksheet's tags by kind: the local name (after any prefix) from start to end, compared where it stands.
const K_OTHER = 0;
const K_C = 1;
const K_V = 2;
const K_F = 3;
const K_T = 4;
const K_IS = 5;
const K_RPH = 6;
const K_ROW = 7;
const K_COL = 8;
const K_SHEETDATA = 9;
const K_MERGECELL = 10;

function tagKind(xml: Uint8Array, start: number, end: number): number {
  let s = start;
  if (end - start > 1) for (let i = start; i < end; i++) if (xml[i] === COLON) s = i + 1;
  switch (end - s) {
    case 1: {
      const c = xml[s];
      return c === 99 ? K_C : c === 118 ? K_V : c === 102 ? K_F : c === 116 ? K_T : K_OTHER;
    }
    case 2:
      return xml[s] === 105 && xml[s + 1] === 115 ? K_IS : K_OTHER;
    case 3:
      return bytesAre(xml, s, 'row') ? K_ROW : bytesAre(xml, s, 'rPh') ? K_RPH : bytesAre(xml, s, 'col') ? K_COL : K_OTHER;
    case 9:
      return bytesAre(xml, s, 'sheetData') ? K_SHEETDATA : bytesAre(xml, s, 'mergeCell') ? K_MERGECELL : K_OTHER;
    default:
      return K_OTHER;
  }
}
const ROW_ATTRS = ['r', 'hidden'] as const;
const COL_ATTRS = ['hidden', 'min', 'max'] as const;
const REF_ATTR = ['ref'] as const;
const F_ATTRS = ['t', 'si'] as const;

/**
 * A cell that holds a value and nothing else. Its optional fields (formula, error, …) are not its own: they are
 * undefined on the prototype, so every RawCell has them as a property all the same, and a 50.000-line sheet's two
 * million cells take 48 bytes each instead of 80 (60 MB less for as long as the workbook is checked).
 */
class ValueCell implements RawCell {
  declare formula?: string;
  declare noCachedResult?: boolean;
  declare error?: string;
  declare numFmt?: string;
  constructor(
    public row: number,
    public col: number,
    public value: CellValue,
  ) {}
}
for (const k of ['formula', 'noCachedResult', 'error', 'numFmt'] as const) Object.defineProperty(ValueCell.prototype, k, { value: undefined, writable: true });

const EMPTY = new Uint8Array(0);

/** Columns that hold a cell (col ≤ EXCEL_COLS is checked first), one slot per column for every sheet, marked with the
 * sheet's own number: no 16 KiB array allocated and zeroed per sheet (sheets are read one at a time). */
const colMarks = new Uint32Array(EXCEL_COLS + 1);
let lastMark = 0;
function nextSheetMark(): number {
  if (lastMark === 0xffffffff) {
    colMarks.fill(0);
    lastMark = 0;
  }
  return ++lastMark;
}
const CAP_NONE = 0;
const CAP_V = 1;
const CAP_F = 2;
const CAP_T = 3;

/**
 * One worksheet being read: its state as fields of one object and its steps as methods, so the optimising compiler
 * sees one shape and calls it can inline (the closures this replaced cost about 40 % more CPU on the 600-file pile).
 */
/** Keeps the value span (start, end) of a plain cell attribute named by the one letter k (r, s or t; the first of each
 * counts, as for the tokenizer) in a: r at 0–1, s at 2–3, t at 4–5. */
function noteCellAttr(a: Int32Array, k: number, start: number, end: number): void {
  const slot = k === 114 /* r */ ? 0 : k === 115 /* s */ ? 2 : k === 116 /* t */ ? 4 : -1;
  if (slot >= 0 && a[slot] < 0) {
    a[slot] = start;
    a[slot + 1] = end;
  }
}

/** a's six spans set to -1 (absent), by six stores: TypedArray.prototype.fill is a call into V8's C++ runtime, which
 * cost 1 % of a warm check's instructions once per cell (cachegrind, the 600-file pile). Returns a. */
function clearSpans(a: Int32Array): Int32Array {
  a[0] = a[1] = a[2] = a[3] = a[4] = a[5] = -1;
  return a;
}

class SheetReader {
  readonly rows = new Map<number, RawCell[]>();
  readonly hiddenRows = new Set<number>();
  readonly hiddenColRanges: Array<[number, number]> = [];
  readonly merges: string[] = [];
  readonly sharedMasters = new Map<string, { formula: string; row: number; col: number }>();
  maxRow = 0;
  maxCol = 0;
  // the row and column limits count the rows and columns that hold a cell, not the highest index: one stray cell
  // at XFD1048576 makes no sheet too large (every cell is bounded by maxCells, and no reader allocates by index)
  rowsHeld = 0;
  /** This sheet's mark in colMarks: the columns that hold a cell are the ones marked with it. */
  readonly mark = nextSheetMark();
  colsHeld = 0;
  rowsInOrder = true;

  inSheetData = false;
  row = 0;
  rowCells: RawCell[] = [];
  col = 0;
  // the cell being read
  inCell = false;
  cType = '';
  cStyle = 0;
  vText = '';
  /** The worksheet's bytes, scanned where they lie: only the text that is kept is decoded. */
  xml: Uint8Array = EMPTY;
  // a <v> whose text came in one piece is kept as its place in the XML until it is needed: most are integers (a shared
  // string's index, a whole amount) read straight from there, without a string
  vStart = -1;
  vEnd = -1;
  fText = '';
  tText = '';
  hasV = false;
  hasF = false;
  hasIs = false;
  // a formula's t and si attributes (shared formulas): kept as two strings, no dictionary per formula
  fType: string | undefined = undefined;
  fSi: string | undefined = undefined;
  phonetic = 0;
  inIs = false;
  capture = CAP_NONE;
  readonly ref = { row: 0, col: 0 };
  readonly ca: Array<string | undefined> = [undefined, undefined, undefined];
  /** Where the values of a plain <c>'s r, s and t stand in its bytes (start, end of each; -1: absent), one array
   * reused for every cell (cellAttrs and fastCell read them the same way, noteCellAttr keeps them). */
  readonly attrSpans = new Int32Array(6);
  readonly picked: Array<string | undefined> = [undefined, undefined, undefined];

  constructor(readonly ctx: SheetContext) {}

  finishRow(): void {
    let rowCells = this.rowCells;
    if (rowCells.length) {
      const row = this.row;
      // cells by column, as every reader of a row expects; a row written twice is one row
      let sorted = true;
      for (let k = 1; k < rowCells.length && sorted; k++) sorted = rowCells[k - 1].col < rowCells[k].col;
      const before = this.rows.get(row);
      if (before) rowCells = before.concat(rowCells);
      if (!sorted || before) rowCells = dedupeByCol(rowCells);
      if (row < this.maxRow) this.rowsInOrder = false;
      this.rows.set(row, rowCells);
      if (row > this.maxRow) this.maxRow = row;
    }
    this.rowCells = [];
  }

  /** The <v> text as a string (made from its place in the XML when it is still kept as one). */
  vMaterialise(): void {
    if (this.vStart >= 0) {
      this.vText = decodeEntities(textAt(this.xml, this.vStart, this.vEnd));
      this.vStart = -1;
    }
  }

  finishCell(): void {
    this.inCell = false;
    const { ctx, row, col, cType, hasV } = this;
    // a number's or shared string's <v> of plain digits is read where it stands; anything else as its text
    let vInt = -1;
    if (this.vStart >= 0) {
      if (cType !== 'inlineStr' && cType !== 'str' && cType !== 'b' && cType !== 'e' && cType !== 'd') vInt = digitsAt(this.xml, this.vStart, this.vEnd);
      if (vInt < 0) this.vMaterialise();
    }
    const vText = this.vText;
    const style = ctx.styles[this.cStyle];
    let formula: string | undefined;
    let error: string | undefined;
    if (this.hasF) {
      const fText = this.fText;
      let f = fText;
      const t = this.fType;
      if (t === 'shared' && this.fSi !== undefined) {
        const si = this.fSi;
        if (fText) {
          if (fText.length <= MAX_FORMULA) this.sharedMasters.set(si, { formula: fText, row, col });
        } else {
          const master = this.sharedMasters.get(si);
          f = master ? translateFormula(master.formula, row - master.row, col - master.col) : '';
        }
      }
      if (t === 'dataTable') f = '';
      if (f) {
        formula = f.charCodeAt(0) === 61 ? f.slice(1) : f;
        ctx.spent.formulaChars += formula.length;
        if (ctx.spent.formulaChars > MAX_FORMULA_CHARS) throw new SheetTooLargeError(ctx.name, 'formulas', MAX_FORMULA_CHARS, ctx.spent.formulaChars);
      }
    }
    let value: CellValue = null;
    switch (cType) {
      case 's': {
        if (vInt >= 0) {
          const s = ctx.strings[vInt];
          if (s !== undefined) value = s;
        } else if (hasV && vText.trim() !== '') {
          const idx = Number(vText);
          const s = Number.isInteger(idx) ? ctx.strings[idx] : undefined;
          if (s !== undefined) value = s;
        }
        break;
      }
      case 'inlineStr':
        value = this.hasIs ? decodeOoxmlEscapes(this.tText) : hasV ? vText : null;
        break;
      case 'str':
        value = hasV ? decodeOoxmlEscapes(vText) : null;
        break;
      case 'b':
        value = hasV && vText.trim() !== '' ? vText.trim() === '1' || vText.trim().toLowerCase() === 'true' : null;
        break;
      case 'e':
        if (hasV && vText.trim()) error = vText.trim();
        break;
      case 'd': {
        // an ISO date-time without a zone is the spreadsheet's wall clock: read as UTC, like every other date here
        const iso = vText.trim();
        const d = hasV ? new Date(iso.includes('T') && !/(?:[zZ]|[+-]\d\d:?\d\d)$/.test(iso) ? `${iso}Z` : iso) : undefined;
        value = d && !Number.isNaN(d.getTime()) ? d : null;
        break;
      }
      default: {
        if (this.hasIs) value = decodeOoxmlEscapes(this.tText);
        else if (vInt >= 0) value = style?.date ? excelDate(vInt, ctx.date1904) : vInt;
        else if (hasV && vText.trim() !== '') {
          const n = Number(vText);
          if (Number.isFinite(n)) value = style?.date ? excelDate(n, ctx.date1904) : n;
          else error = vText.trim().startsWith('#') ? vText.trim() : '#NUM!';
        }
      }
    }
    if (value instanceof Date && Number.isNaN(value.getTime())) value = null;
    if (value === null && !formula && !error) return;
    const limits = ctx.limits;
    // the limits hold for cells that hold something: an empty formatted cell far out costs nothing
    // past Excel's grid no spreadsheet program writes a cell: the readers after this one walk rows up to the highest
    // (a damaged or hand-made file, not a large one: no limit raised would read it)
    if (row > EXCEL_ROWS || col > EXCEL_COLS)
      throw new InputRefusal('input/unreadable', 'past-grid', { detail: ctx.name, found: row > EXCEL_ROWS ? row : col });
    if (!this.rowCells.length && !this.rows.has(row) && ++this.rowsHeld > limits.maxRows)
      throw new SheetTooLargeError(ctx.name, 'rows', limits.maxRows, this.rowsHeld);
    if (colMarks[col] !== this.mark) {
      colMarks[col] = this.mark;
      if (++this.colsHeld > limits.maxCols) throw new SheetTooLargeError(ctx.name, 'columns', limits.maxCols, this.colsHeld);
    }
    const numFmt = style?.numFmt && style.numFmt !== 'General' ? style.numFmt : undefined;
    // a cell of a value alone (most of a large sheet) is a ValueCell: 48 bytes instead of 80. Two shapes, each with
    // its fields in one order, so the model's reads of them stay fast
    const cell: RawCell =
      formula === undefined && error === undefined && numFmt === undefined
        ? new ValueCell(row, col, value)
        : { row, col, value, formula, noCachedResult: formula !== undefined && value === null && !error ? true : undefined, error, numFmt };
    this.rowCells.push(cell);
    if (col > this.maxCol) this.maxCol = col;
  }

  /** The cell's r, s and t attributes, read where they stand when the tag is written plainly (name="value", no
   * prefix, no space around =), as every writer does; anything else through pickAttrs, which reads any tag. */
  cellAttrs(x: Uint8Array, s: number, e: number): void {
    const a = clearSpans(this.attrSpans);
    let i = s;
    for (;;) {
      while (i < e && x[i] <= 32) i++;
      if (i >= e) break;
      const ns = i;
      let c = x[i];
      while (i < e && c !== EQ && c > 32 && c !== COLON) c = x[++i];
      if (i >= e || c !== EQ || x[i + 1] !== DQ) return this.cellAttrsSlow(x, s, e);
      let close = i + 2; // values are short ("A1", "3", "s"): a loop over them is cheaper than a call of indexOf
      while (close < e && x[close] !== DQ) close++;
      if (close >= e) return this.cellAttrsSlow(x, s, e);
      if (i - ns === 1) noteCellAttr(a, x[ns], i + 2, close);
      i = close + 1;
    }
    this.applyCellAttrs(x, a);
  }

  /** The cell's r, s and t (their values' places in x as noteCellAttr keeps them, -1 for an absent one) as its place,
   * style and type. */
  applyCellAttrs(x: Uint8Array, a: Int32Array): void {
    this.cellAt(a[1] > a[0] && parseA1AtBytes(x, a[0], a[1], this.ref));
    this.cType = a[4] < 0 ? '' : textAt(x, a[4], a[5]);
    if (a[3] > a[2]) {
      const n = digitsAt(x, a[2], a[3]);
      this.cStyle = n >= 0 ? n : Number(textAt(x, a[2], a[3])) || 0;
    } else this.cStyle = 0;
  }

  /** open() of a <c> in sheetData (its attributes read): what every cell element starts with. */
  startCell(selfClosing: boolean): void {
    this.hasV = this.hasF = this.hasIs = this.inIs = false;
    this.vText = this.fText = this.tText = '';
    this.vStart = -1;
    this.fType = this.fSi = undefined;
    this.phonetic = 0;
    this.inCell = !selfClosing;
  }

  /**
   * A cell element at i (a <c> in sheetData, not inside another cell) read in one step when it is written as every
   * writer writes one: <c name="value" …>, then only <v>text</v> and <f>text</f> (no attributes, no markup inside),
   * then </c>. Each step has exactly the effect the tokenizer's open, text and close of the same tags have, so it may
   * stop anywhere and leave the rest to the tokenizer: it returns the index of the '>' of the last tag it read (its <c>
   * is then still open when this.inCell), or -1 when it read nothing. A cell through here costs one call instead of
   * four tags' dispatch, nesting count and search for the next tag: a fifth less CPU reading the pile's 600 files
   * (238 -> 188 ms, first quartile of 30 alternating rounds in one process).
   */
  fastCell(x: Uint8Array, i: number, depth: number): number {
    const n = x.length;
    const a = clearSpans(this.attrSpans);
    let p = i + 2;
    let end: number;
    let selfClosing: boolean;
    // the attributes as cellAttrs reads them, up to the tag's end
    for (;;) {
      let c = x[p];
      while (p < n && c <= 32) c = x[++p];
      if (c === GT) {
        end = p;
        selfClosing = false;
        break;
      }
      if (c === SLASH) {
        if (x[p + 1] !== GT) return -1;
        end = p + 1;
        selfClosing = true;
        break;
      }
      const ns = p;
      // a quote outside a value would pair up other quotes than the tokenizer's search for the tag's end does
      while (p < n && c !== EQ && c > 32 && c !== COLON && c !== GT && c !== SLASH && c !== DQ && c !== SQ) c = x[++p];
      if (c !== EQ || x[p + 1] !== DQ) return -1;
      let close = p + 2;
      while (close < n && x[close] !== DQ) close++;
      if (close >= n) return -1;
      if (p - ns === 1) noteCellAttr(a, x[ns], p + 2, close);
      p = close + 1;
    }
    if (!selfClosing && depth + 1 > depthLimit) return -1; // the tokenizer refuses it
    const ctx = this.ctx;
    spend(ctx.spent, ctx.limits, ctx.name);
    this.applyCellAttrs(x, a);
    this.startCell(selfClosing);
    if (selfClosing) return end;
    let last = end;
    for (;;) {
      const q = last + 1;
      if (x[q] !== LT) return last;
      const c = x[q + 1];
      if (c === SLASH) {
        if (x[q + 2] !== 99 /* c */ || x[q + 3] !== GT) return last;
        this.finishCell();
        return q + 3;
      }
      if ((c !== 118 /* v */ && c !== 102) /* f */ || x[q + 2] !== GT || depth + 2 > depthLimit) return last;
      const from = q + 3;
      let to = from;
      while (to < n && x[to] !== LT) to++;
      if (to + 3 >= n || x[to + 1] !== SLASH || x[to + 2] !== c || x[to + 3] !== GT) return last;
      if (c === 118) {
        this.hasV = true;
        this.vText = '';
        this.vStart = -1;
        if (to > from) {
          this.vStart = from;
          this.vEnd = to;
        }
      } else {
        this.hasF = true;
        this.fType = this.fSi = undefined;
        this.fText = to > from ? decodeEntities(textAt(x, from, to)) : '';
      }
      last = to + 3;
    }
  }

  cellAttrsSlow(x: Uint8Array, s: number, e: number): void {
    const ca = this.ca;
    pickAttrsBytes(x, s, e, CELL_ATTRS, ca);
    this.cellAt(ca[0] ? parseA1Into(ca[0], this.ref) : false);
    this.cType = ca[2] ?? '';
    this.cStyle = ca[1] ? Number(ca[1]) || 0 : 0;
  }

  /** The cell's place: its reference when it has one (in this.ref), else the next column. */
  cellAt(hasRef: boolean): void {
    this.col = hasRef ? this.ref.col : this.col + 1;
    if (hasRef && this.ref.row !== this.row) {
      // a cell whose reference names another row than its <row>: trust the cell
      this.finishRow();
      this.row = this.ref.row;
    }
  }

  open(kind: number, x: Uint8Array, s: number, e: number, selfClosing: boolean): void {
    if (this.inCell) {
      if (kind === K_V) {
        this.capture = CAP_V;
        this.hasV = true;
        this.vText = '';
        this.vStart = -1;
      } else if (kind === K_F) {
        this.capture = CAP_F;
        this.hasF = true;
        this.fText = '';
        this.fType = this.fSi = undefined;
        if (e > s) {
          const picked = this.picked;
          pickAttrsBytes(x, s, e, F_ATTRS, picked);
          this.fType = picked[0] === undefined ? undefined : decodeEntities(picked[0]);
          this.fSi = picked[1] === undefined ? undefined : decodeEntities(picked[1]);
        }
      } else if (kind === K_IS) {
        this.inIs = true;
        this.hasIs = true;
        this.tText = '';
      } else if (kind === K_RPH) this.phonetic++;
      else if (kind === K_T && this.inIs && this.phonetic === 0) this.capture = CAP_T;
      if (selfClosing) this.capture = CAP_NONE;
      return;
    }
    if (kind === K_C) {
      if (!this.inSheetData) return;
      // every cell element counts, empty ones too: the limit bounds the work, not just what is kept
      spend(this.ctx.spent, this.ctx.limits, this.ctx.name);
      this.cellAttrs(x, s, e);
      this.startCell(selfClosing);
      return;
    }
    if (kind !== K_OTHER) this.openOther(kind, x, s, e, selfClosing);
  }

  openOther(kind: number, x: Uint8Array, s: number, e: number, selfClosing: boolean): void {
    const { ctx } = this;
    const limits = ctx.limits;
    switch (kind) {
      case K_SHEETDATA:
        this.inSheetData = !selfClosing;
        break;
      case K_ROW: {
        if (!this.inSheetData) break;
        this.finishRow();
        const picked = this.picked;
        pickAttrsBytes(x, s, e, ROW_ATTRS, picked); // no dictionary per row
        const ref = picked[0] === undefined ? undefined : decodeEntities(picked[0]);
        const hidden = picked[1] === undefined ? undefined : decodeEntities(picked[1]);
        const r = ref ? Number(ref) : NaN;
        this.row = Number.isInteger(r) && r > 0 ? r : this.row + 1;
        if ((hidden === '1' || hidden === 'true') && this.hiddenRows.size < limits.maxRows) this.hiddenRows.add(this.row);
        this.col = 0;
        break;
      }
      case K_COL: {
        spend(ctx.spent, limits, ctx.name);
        const [hidden, minText, maxText] = pick(x, s, e, COL_ATTRS);
        if (hidden === '1' || hidden === 'true') {
          const min = Number(minText);
          const max = Number(maxText ?? minText);
          if (Number.isInteger(min) && Number.isInteger(max) && max >= min) this.hiddenColRanges.push([Math.max(1, min), Math.min(max, limits.maxCols)]);
        }
        break;
      }
      case K_MERGECELL: {
        spend(ctx.spent, limits, ctx.name);
        const ref = pick(x, s, e, REF_ATTR)[0];
        const rect = ref ? parseRange(ref) : undefined;
        if (rect) this.merges.push(`${colLetters(rect.c1)}${rect.r1}:${colLetters(rect.c2)}${rect.r2}`);
        break;
      }
    }
  }

  close(kind: number): void {
    if (this.inCell) {
      if (kind === K_C) this.finishCell();
      else if (kind === K_V || kind === K_F || kind === K_T) this.capture = CAP_NONE;
      else if (kind === K_IS) this.inIs = false;
      else if (kind === K_RPH) this.phonetic = Math.max(0, this.phonetic - 1);
      return;
    }
    if (kind === K_SHEETDATA) {
      this.finishRow();
      this.inSheetData = false;
    }
  }

  text(v: string): void {
    if (this.capture === CAP_V) {
      this.vMaterialise();
      this.vText += v;
    } else if (this.capture === CAP_F) this.fText += v;
    else this.tText += v;
  }

  /** Text between tags from start to end, while a value, formula or inline string is being captured. */
  rawText(start: number, end: number): void {
    if (this.capture === CAP_V && this.vStart < 0 && this.vText === '') {
      this.vStart = start;
      this.vEnd = end;
    } else this.text(decodeEntities(textAt(this.xml, start, end)));
  }

  /**
   * Tokenizes the worksheet here rather than through walk() with a handler: the same tokens, refusals and nesting
   * limit as walk, with the tags told apart by kind (no name strings) and every step a method of this one object.
   */
  scan(xml: Uint8Array): void {
    this.xml = xml;
    const n = xml.length;
    let depth = 0;
    let i = xml.indexOf(LT);
    if (i < 0 && !blank(xml)) throw cutOff();
    while (i >= 0 && i < n) {
      const next = xml[i + 1];
      let end: number;
      if (next === BANG) {
        end = bangEndBytes(xml, i, this.capture !== CAP_NONE ? this : undefined);
        if (end < 0) throw cutOff();
      } else if (next === QMARK) {
        end = indexOfText(xml, '?>', i + 2);
        if (end < 0) throw cutOff();
        end += 1;
      } else if (next === SLASH) {
        end = i + 2;
        while (end < n && xml[end] !== GT) end++;
        if (end >= n) throw cutOff();
        let ne = end;
        while (ne > i + 2 && isNameEnd(xml[ne - 1])) ne--;
        depth--;
        this.close(tagKind(xml, i + 2, ne));
      } else if (next === 99 /* c */ && this.inSheetData && !this.inCell && isNameEnd(xml[i + 2]) && (end = this.fastCell(xml, i, depth)) >= 0) {
        if (this.inCell) depth++; // read up to its <c> and maybe some of what is inside
      } else {
        // the tag's end, past quoted attribute values (as tagEnd)
        end = i + 1;
        for (; end < n; end++) {
          const c = xml[end];
          if (c === GT) break;
          if (c === DQ || c === SQ) {
            end++;
            while (end < n && xml[end] !== c) end++;
          }
        }
        if (end >= n) throw cutOff();
        let ne = i + 1;
        while (ne < end && !isNameEnd(xml[ne])) ne++;
        const selfClosing = xml[end - 1] === SLASH;
        if (!selfClosing && ++depth > depthLimit) throw new InputRefusal('input/too-large', 'xml-too-deep', { limit: depthLimit });
        const kind = tagKind(xml, i + 1, ne);
        this.open(kind, xml, ne, selfClosing ? end - 1 : end, selfClosing);
        if (selfClosing) this.close(kind);
      }
      // the next tag is mostly right there (or after a short value): looked for by hand, not by a call of indexOf
      let lt = end + 1;
      while (lt < n && xml[lt] !== LT) lt++;
      if (lt >= n) break;
      if (lt > end + 1 && this.capture !== CAP_NONE) this.rawText(end + 1, lt);
      i = lt;
    }
    if (depth > 0) throw cutOff();
    if (this.inCell) this.finishCell();
    this.finishRow();
  }
}

function readSheet(xml: Uint8Array, ctx: SheetContext): Omit<RawSheet, 'name' | 'state'> {
  const sheet = new SheetReader(ctx);
  sheet.scan(xml);
  const { hiddenColRanges, merges, rows } = sheet;
  const hiddenCols = new Set<number>();
  // hidden column ranges merged before they are expanded: many overlapping <col> elements cost no more than one
  hiddenColRanges.sort((a, b) => a[0] - b[0]);
  let upTo = 0;
  for (const [min, max] of hiddenColRanges) {
    for (let c = Math.max(min, upTo + 1); c <= max; c++) {
      hiddenCols.add(c);
      upTo = c;
    }
  }
  const ordered = sheet.rowsInOrder ? rows : new Map([...rows].sort((a, b) => a[0] - b[0]));
  if (merges.length) dropMergedAway(ordered, merges, ctx.limits.maxCells);
  merges.sort();
  return { rows: ordered, maxRow: sheet.maxRow, maxCol: sheet.maxCol, hiddenRows: sheet.hiddenRows, hiddenCols, merges };
}

/** The integer that xml holds from start to end when it is 1–15 plain digits (what Number gives it), else -1. */
function digitsAt(xml: Uint8Array, start: number, end: number): number {
  if (end <= start || end - start > 15) return -1;
  let n = 0;
  for (let i = start; i < end; i++) {
    const c = xml[i] - 48;
    if (c < 0 || c > 9) return -1;
    n = n * 10 + c;
  }
  return n;
}

/** Cells sorted by column; of two cells in one column the later one wins, as a spreadsheet program reads it. */
function dedupeByCol(cells: RawCell[]): RawCell[] {
  const byCol = new Map<number, RawCell>();
  for (const c of cells) byCol.set(c.col, c);
  return [...byCol.values()].sort((a, b) => a.col - b.col);
}

/**
 * A merged range shows only its top-left cell: the others are dropped, as every spreadsheet program shows them.
 * Each merge visits only the rows it covers that hold cells (found by binary search); the total work is bounded.
 */
function dropMergedAway(rows: Map<number, RawCell[]>, merges: string[], budget: number): void {
  const keys = [...rows.keys()]; // ascending: rows are ordered before this runs
  let work = 0;
  for (const m of merges) {
    const r = parseRange(m);
    if (!r || (r.r2 === r.r1 && r.c2 === r.c1)) continue;
    let lo = 0;
    let hi = keys.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (keys[mid] < r.r1) lo = mid + 1;
      else hi = mid;
    }
    for (let k = lo; k < keys.length && keys[k] <= r.r2; k++) {
      const rowNo = keys[k];
      const cells = rows.get(rowNo);
      if (!cells) continue;
      work += cells.length;
      if (work > budget) throw new SheetTooLargeError('(merged cells)', 'cells', budget, work);
      const kept = cells.filter((c) => c.col < r.c1 || c.col > r.c2 || (rowNo === r.r1 && c.col === r.c1));
      if (kept.length === cells.length) continue;
      if (kept.length) rows.set(rowNo, kept);
      else rows.delete(rowNo);
    }
  }
}

function recomputeExtent(sheet: Omit<RawSheet, 'name' | 'state'>): void {
  let maxRow = 0;
  let maxCol = 0;
  for (const [r, cells] of sheet.rows) {
    if (r > maxRow) maxRow = r;
    for (const c of cells) if (c.col > maxCol) maxCol = c.col;
  }
  sheet.maxRow = maxRow;
  sheet.maxCol = maxCol;
}

const TABLE_TAGS = ['table', 'tableColumn'] as const;
const TABLE_ATTRS = ['ref', 'displayName', 'name', 'headerRowCount', 'totalsRowCount'] as const;
const NAME_ATTR = ['name'] as const;

/** The Excel tables (ListObjects) of a sheet part: name, range, header/totals rows and column names. */
function readTables(parts: Parts, rels: Map<string, { type: string; target: string }>): RawTable[] {
  const out: RawTable[] = [];
  for (const rel of rels.values()) {
    if (!/\/table$/.test(rel.type) || out.length >= 100) continue;
    let table: RawTable | undefined;
    reading(parts, rel.target, (xml) =>
      eachTag(xml, TABLE_TAGS, (name, a) => {
        if (name === 0 && !table) {
          const [ref, displayName, tableName, headerRowCount, totalsRowCount] = a(TABLE_ATTRS);
          const rect = ref ? parseRange(ref) : undefined;
          if (!rect) return;
          table = {
            name: displayName ?? tableName ?? '',
            ...rect,
            headerRows: headerRowCount === '0' ? 0 : 1,
            totalsRows: Number(totalsRowCount ?? 0) > 0 ? 1 : 0,
            columns: [],
          };
        } else if (name === 1 && table && table.columns.length < 16_384) {
          table.columns.push(a(NAME_ATTR)[0] ?? '');
        }
      }),
    );
    if (table?.name) out.push(table);
  }
  return out;
}

/** The comments (notes) of a sheet, read only when its relationships name a comments part. */
function sheetComments(parts: Parts, rels: Map<string, { type: string; target: string }>, spent: Spent, limits: Pick<Limits, 'maxCells'>) {
  for (const rel of rels.values()) {
    if (!rel.type.endsWith('/comments')) continue;
    try {
      return reading(parts, rel.target, (xml) => (xml?.length ? readComments(xml, () => spend(spent, limits, '(comments)'), depthLimit) : undefined));
    } catch (e) {
      // a notes part cut off or not XML loses only the notes, as Excel's repair drops them: the sheet's cells are
      // still read (the limits — cells, nesting, a DOCTYPE — refuse the workbook as in any part)
      if (e instanceof InputRefusal && e.rule === 'input/unreadable' && e.what === 'corrupt-part') return undefined;
      throw e;
    }
  }
  return undefined;
}

const WORKBOOK_TAGS = ['workbookPr', 'sheet'] as const;
const WORKBOOKPR_ATTRS = ['date1904'] as const;
const SHEET_ATTRS = ['id', 'state', 'name'] as const;

/** Reads the workbook from its inflated XML parts. Throws SheetTooLargeError past the limits. */
export function readOoxml(
  path: string,
  parts: Parts,
  limits: Pick<Limits, 'maxRows' | 'maxCols' | 'maxCells'> & Partial<Pick<Limits, 'maxXmlDepth'>>,
): RawWorkbook {
  depthLimit = limits.maxXmlDepth ?? DEFAULT_LIMITS.maxXmlDepth;
  // the workbook part is the package's officeDocument (xl/workbook.xml for every writer we know)
  let wbName = 'xl/workbook.xml';
  for (const r of readRels(parts, '').values()) if (/\/officeDocument$/.test(r.type) && partName(parts, r.target) !== undefined) wbName = r.target;
  const rels = readRels(parts, wbName);
  const entries: Array<{ name: string; state: RawSheet['state']; target?: string }> = [];
  let date1904 = false;
  let seenWorkbookPr = false;
  const spent: Spent = { cells: 0, formulaChars: 0 };
  reading(parts, wbName, (xml) =>
    eachTag(xml, WORKBOOK_TAGS, (name, a) => {
      if (name === 0 && !seenWorkbookPr) {
        // the first one, workbook's own: Excel 2013+ adds an x15:workbookPr of other settings further down
        seenWorkbookPr = true;
        const v = a(WORKBOOKPR_ATTRS)[0];
        date1904 = v === '1' || v === 'true';
      } else if (name === 1) {
        spend(spent, limits, '(workbook)');
        const [id, state, sheetName] = a(SHEET_ATTRS);
        const rel = id ? rels.get(id) : undefined;
        if (rel && !/\/worksheet$/.test(rel.type)) return; // chart sheets, dialog sheets: no cells
        entries.push({
          name: sheetName ?? `Sheet${entries.length + 1}`,
          state: state === 'hidden' || state === 'veryHidden' ? state : 'visible',
          target: rel?.target,
        });
      }
    }),
  );
  const byType = (suffix: string, fallback: string) => {
    for (const r of rels.values()) if (r.type.endsWith(suffix)) return r.target;
    return fallback;
  };
  const strings = reading(parts, byType('/sharedStrings', 'xl/sharedStrings.xml'), (xml) => readSharedStrings(xml, spent, limits));
  const styles = reading(parts, byType('/styles', 'xl/styles.xml'), (xml) => readStyles(xml, spent, limits));
  const sheets: RawSheet[] = [];
  const read = new Set<string>();
  for (const e of entries) {
    // a part named by two sheets is read once (the first): a workbook cannot multiply its own size
    const target = e.target && !read.has(e.target) ? e.target : undefined;
    if (e.target) read.add(e.target);
    // a worksheet the workbook lists whose part is not in the file: damaged, never read as an empty sheet
    if (target && partName(parts, target) === undefined) throw new InputRefusal('input/unreadable', 'missing-part', { entry: target, detail: e.name });
    const data = (target &&
      reading(parts, target, (xml) => (xml?.length ? readSheet(xml, { name: e.name, strings, styles, date1904, limits, spent }) : undefined))) || {
      rows: new Map(),
      maxRow: 0,
      maxCol: 0,
      hiddenRows: new Set<number>(),
      hiddenCols: new Set<number>(),
      merges: [],
    };
    if (data.merges.length) recomputeExtent(data);
    const sheetRels = target ? readRels(parts, target) : undefined;
    const tables = sheetRels ? readTables(parts, sheetRels) : [];
    const comments = sheetRels ? sheetComments(parts, sheetRels, spent, limits) : undefined;
    const sheet: RawSheet = tables.length ? { name: e.name, state: e.state, ...data, tables } : { name: e.name, state: e.state, ...data };
    if (comments?.length) sheet.comments = comments;
    sheets.push(sheet);
  }
  return { path, format: 'xlsx', sheets };
}
