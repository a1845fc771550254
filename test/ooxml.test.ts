// The fast .xlsx reader (src/read/ooxml.ts): the same raw cells as exceljs on every generated fixture, and the
// parts of OOXML that other writers use and our fixtures do not (prefixes, missing r, 1904 dates, shared formulas …).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_OUT } from '../scripts/make-fixtures.js';
import { colLetters } from '../src/read/address.js';
import { translateFormula } from '../src/read/formula-shift.js';
import { DEFAULT_LIMITS } from '../src/read/limits.js';
import { isDateFormat, readOoxml } from '../src/read/ooxml.js';
import type { RawSheet, RawWorkbook } from '../src/read/types.js';
import { guardZip } from '../src/read/zipguard.js';
import { readXlsx } from './helpers/exceljs-reader.js';
import { zip } from './helpers/zip.js';
import { unzip as unzipAll } from '../fixtures/lib/zip.js';
import { a1 } from '../src/read/address.js';

function unzipped(bytes: Buffer) {
  const g = guardZip(bytes, DEFAULT_LIMITS);
  if (!g.ok) throw new Error(`guard refused: ${g.what}`);
  return g.parts;
}

function fast(path: string, bytes: Buffer, limits = DEFAULT_LIMITS): RawWorkbook {
  const g = guardZip(bytes, limits);
  if (!g.ok) throw new Error(`guard refused ${path}: ${g.what}`);
  return readOoxml(path, g.parts, limits);
}

/** What the model reads of a sheet, comparable between readers. */
function shape(s: RawSheet) {
  const cells = [...s.rows.values()].flat().map((c) => ({
    address: a1(c.row, c.col),
    value: c.value instanceof Date ? `date:${c.value.toISOString()}` : c.value,
    formula: c.formula,
    error: c.error,
    noCachedResult: !!c.noCachedResult,
    dateFormat: !!c.numFmt && isDateFormat(c.numFmt),
  }));
  const withCells = (set: Set<number>) => [...set].filter((r) => s.rows.has(r)).sort((a, b) => a - b);
  return {
    name: s.name,
    state: s.state,
    cells,
    maxRow: s.maxRow,
    maxCol: s.maxCol,
    hiddenRows: withCells(s.hiddenRows),
    hiddenCols: [...s.hiddenCols].sort((a, b) => a - b),
    merges: s.merges,
  };
}

/** exceljs reads comments only from xl/commentsN.xml and crashes on a relationship to any other comments part (openpyxl
 * writes xl/comments/comment1.xml): for the oracle, the sheets' relationships to comments and their drawings are dropped
 * (the shapes compared hold no comments). */
function withoutForeignComments(bytes: Buffer): Buffer {
  const entries = unzipAll(bytes);
  if (!entries.some((e) => /^xl\/comments\//.test(e.name))) return bytes;
  return zip(
    entries.map((e) =>
      /^xl\/worksheets\/_rels\//.test(e.name)
        ? { name: e.name, data: e.data.toString('utf8').replace(/<Relationship [^>]*relationships\/(?:comments|vmlDrawing)"[^>]*\/>/g, '') }
        : e,
    ),
  );
}

describe('fast reader against exceljs', () => {
  const files = [
    ...readdirSync(DEFAULT_OUT)
      .filter((f) => f.endsWith('.xlsx'))
      .map((f) => join(DEFAULT_OUT, f)),
    ...readdirSync('fixtures/examples')
      .filter((f) => f.endsWith('.xlsx'))
      .map((f) => join('fixtures/examples', f)),
  ];

  it('has fixtures from several writers to compare on', () => {
    expect(files.length).toBeGreaterThan(20);
  });

  it.each(files)('%s: same sheets, cells, formulas, hidden rows/columns and merges', async (file) => {
    const bytes = readFileSync(file);
    const ours = fast(file, bytes);
    const oracle = await readXlsx(file, withoutForeignComments(bytes), DEFAULT_LIMITS);
    // exceljs drops a formula's cached 0 (it tests the result for truth); we keep it
    for (const s of ours.sheets)
      for (const c of [...s.rows.values()].flat()) if (c.formula && c.value === 0) Object.assign(c, { value: null, noCachedResult: true });
    expect(ours.sheets.map(shape)).toEqual(oracle.sheets.map(shape));
  });
});

const NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG = 'http://schemas.openxmlformats.org/package/2006/relationships';

interface Book {
  sheets: Array<{ name: string; xml: string; state?: string; chart?: boolean }>;
  strings?: string;
  styles?: string;
  workbookPr?: string;
  /** Write sheet targets as absolute part names (/xl/worksheets/…). */
  absolute?: boolean;
}

function book(b: Book, limits = DEFAULT_LIMITS): RawWorkbook {
  const entries = [
    { name: '[Content_Types].xml', data: `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>` },
    {
      name: '_rels/.rels',
      data: `<Relationships xmlns="${PKG}"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    },
    {
      name: 'xl/workbook.xml',
      data: `<?xml version="1.0"?><x:workbook xmlns:x="${NS}" xmlns:r="${REL}">${b.workbookPr ?? ''}<x:sheets>${b.sheets.map((s, i) => `<x:sheet name="${s.name}" sheetId="${i + 1}"${s.state ? ` state="${s.state}"` : ''} r:id="rId${i + 1}"/>`).join('')}</x:sheets></x:workbook>`,
    },
    {
      name: 'xl/_rels/workbook.xml.rels',
      data: `<Relationships xmlns="${PKG}">${b.sheets.map((s, i) => `<Relationship Id="rId${i + 1}" Type="${REL}/${s.chart ? 'chartsheet' : 'worksheet'}" Target="${b.absolute ? '/xl/' : ''}worksheets/sheet${i + 1}.xml"/>`).join('')}<Relationship Id="rS" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/><Relationship Id="rT" Type="${REL}/styles" Target="styles.xml"/></Relationships>`,
    },
    ...b.sheets.map((s, i) => ({
      name: `xl/worksheets/sheet${i + 1}.xml`,
      data: `<?xml version="1.0"?><worksheet xmlns="${NS}" xmlns:r="${REL}">${s.xml}</worksheet>`,
    })),
    ...(b.strings ? [{ name: 'xl/sharedStrings.xml', data: `<sst xmlns="${NS}">${b.strings}</sst>` }] : []),
    ...(b.styles ? [{ name: 'xl/styles.xml', data: `<styleSheet xmlns="${NS}">${b.styles}</styleSheet>` }] : []),
  ];
  return fast('t.xlsx', zip(entries), limits);
}

const cells = (s: RawSheet) =>
  Object.fromEntries(
    [...s.rows.values()].flat().map((c) => [a1(c.row, c.col), c.formula !== undefined ? { f: c.formula, v: c.value } : c.error ? { e: c.error } : c.value]),
  );

describe('OOXML as other programs write it', () => {
  it('reads tags with a namespace prefix (x:row, x:c), as the .NET Open XML SDK writes them', () => {
    const wb = book({ sheets: [{ name: 'Budget', xml: '' }] });
    expect(wb.sheets.map((s) => s.name)).toEqual(['Budget']);
    const prefixed = fast(
      'p.xlsx',
      zip([
        { name: '[Content_Types].xml', data: '<Types/>' },
        {
          name: 'xl/workbook.xml',
          data: `<x:workbook xmlns:x="${NS}" xmlns:r="${REL}"><x:sheets><x:sheet name="Ark1" sheetId="1" r:id="R1"/></x:sheets></x:workbook>`,
        },
        {
          name: 'xl/_rels/workbook.xml.rels',
          data: `<Relationships xmlns="${PKG}"><Relationship Id="R1" Type="${REL}/worksheet" Target="worksheets/a.xml"/></Relationships>`,
        },
        {
          name: 'xl/worksheets/a.xml',
          data: `<x:worksheet xmlns:x="${NS}"><x:sheetData><x:row r="2"><x:c r="B2" t="inlineStr"><x:is><x:t>Løn</x:t></x:is></x:c><x:c r="C2"><x:v>1500.5</x:v></x:c></x:row></x:sheetData></x:worksheet>`,
        },
      ]),
    );
    expect(cells(prefixed.sheets[0])).toEqual({ B2: 'Løn', C2: 1500.5 });
    // namespace declarations on a cell are not its attributes
    const declared = book({
      sheets: [{ name: 'A', xml: '<sheetData><row r="3"><c xmlns:r="urn:x" xmlns:t="urn:y" r="B3" t="inlineStr"><is><t>a</t></is></c></row></sheetData>' }],
    });
    expect(cells(declared.sheets[0])).toEqual({ B3: 'a' });
  });

  it('finds the workbook part through _rels/.rels, and reads Strict OOXML namespaces', () => {
    const STRICT = 'http://purl.oclc.org/ooxml/spreadsheetml/main';
    const SREL = 'http://purl.oclc.org/ooxml/officeDocument/relationships';
    const wb = fast(
      's.xlsx',
      zip([
        { name: '[Content_Types].xml', data: '<Types/>' },
        {
          name: '_rels/.rels',
          data: `<Relationships xmlns="${PKG}"><Relationship Id="rId1" Type="${SREL}/officeDocument" Target="/bog/mainworkbook.xml"/></Relationships>`,
        },
        {
          name: 'bog/mainworkbook.xml',
          data: `<workbook xmlns="${STRICT}" xmlns:r="${SREL}"><sheets><sheet name="Budget" sheetId="1" r:id="rId7"/></sheets></workbook>`,
        },
        {
          name: 'bog/_rels/mainworkbook.xml.rels',
          data: `<Relationships xmlns="${PKG}"><Relationship Id="rId7" Type="${SREL}/worksheet" Target="ark/../ark/1.xml"/></Relationships>`,
        },
        {
          name: 'bog/ark/1.xml',
          data: `<worksheet xmlns="${STRICT}"><sheetData><row r="1"><c r="A1" t="d"><v>2020-01-01T00:00:00</v></c><c r="B1" t="inlineStr"><is><t>jan 2020</t></is></c></row></sheetData></worksheet>`,
        },
      ]),
    );
    expect(wb.sheets.map((s) => s.name)).toEqual(['Budget']);
    expect(cells(wb.sheets[0]).B1).toBe('jan 2020');
    expect(wb.sheets[0].rows.get(1)![0].value).toBeInstanceOf(Date);
  });

  it("reads an ISO date-time without a zone as the wall clock, whatever the machine's time zone", () => {
    const before = process.env.TZ;
    try {
      process.env.TZ = 'Europe/Copenhagen';
      const wb = book({
        sheets: [
          {
            name: 'A',
            xml: '<sheetData><row r="1"><c r="A1" t="d"><v>2020-01-01T00:00:00</v></c><c r="B1" t="d"><v>2020-02-01</v></c><c r="C1" t="d"><v>2020-03-01T00:00:00+01:00</v></c></row></sheetData>',
          },
        ],
      });
      expect([...wb.sheets[0].rows.get(1)!].map((c) => (c.value as Date).toISOString())).toEqual([
        '2020-01-01T00:00:00.000Z',
        '2020-02-01T00:00:00.000Z',
        '2020-02-29T23:00:00.000Z',
      ]);
    } finally {
      if (before === undefined) delete process.env.TZ;
      else process.env.TZ = before;
    }
  });

  it('numbers rows and cells that have no r attribute by position', () => {
    const wb = book({
      sheets: [
        {
          name: 'A',
          xml: '<sheetData><row><c t="inlineStr"><is><t>a</t></is></c><c><v>1</v></c></row><row r="4"><c><v>2</v></c><c r="D4"><v>3</v></c><c><v>4</v></c></row><row><c><v>5</v></c></row></sheetData>',
        },
      ],
    });
    expect(cells(wb.sheets[0])).toEqual({ A1: 'a', B1: 1, A4: 2, D4: 3, E4: 4, A5: 5 });
    // a reference written with a leading zero or in lower case is reported in its canonical form
    const odd = book({ sheets: [{ name: 'A', xml: '<sheetData><row r="2"><c r="B02"><v>1</v></c><c r="c2"><v>2</v></c></row></sheetData>' }] });
    expect(Object.keys(cells(odd.sheets[0]))).toEqual(['B2', 'C2']);
    expect(wb.sheets[0].maxRow).toBe(5);
    expect(wb.sheets[0].maxCol).toBe(5);
  });

  it('reads shared strings with rich text runs, leaving out phonetic runs, and decodes entities and _xHHHH_', () => {
    const wb = book({
      sheets: [
        {
          name: 'A',
          xml: '<sheetData><row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c><c r="D1" t="s"><v>9</v></c></row></sheetData>',
        },
      ],
      strings:
        '<si><r><t>Løn </t></r><r><rPr><b/></rPr><t xml:space="preserve">projekt&amp;leder</t></r><rPh sb="0" eb="1"><t>ふりがな</t></rPh></si><si><t>A&#x2013;B &lt;1&gt; &#229;</t></si><si><t>linje1_x000D__x000A_linje2</t></si>',
    });
    expect(cells(wb.sheets[0])).toEqual({ A1: 'Løn projekt&leder', B1: 'A–B <1> å', C1: 'linje1\r\nlinje2' });
  });

  it('types booleans, errors, ISO dates, inline strings, CDATA and formula strings', () => {
    const wb = book({
      sheets: [
        {
          name: 'A',
          xml: '<sheetData><row r="1"><c r="A1" t="b"><v>1</v></c><c r="B1" t="e"><v>#DIV/0!</v></c><c r="C1" t="d"><v>2020-03-01T00:00:00Z</v></c><c r="D1" t="inlineStr"><is><t><![CDATA[a<b]]></t></is></c><c r="E1" t="str"><f>A2&amp;"x"</f><v>1x</v></c><c r="F1"><f>1/0</f><v>#DIV/0!</v></c></row></sheetData>',
        },
      ],
    });
    const [a1, b1, c1, d1, e1, f1] = [...wb.sheets[0].rows.get(1)!];
    expect(a1.value).toBe(true);
    expect(b1).toMatchObject({ value: null, error: '#DIV/0!' });
    expect((c1.value as Date).toISOString()).toBe('2020-03-01T00:00:00.000Z');
    expect(d1.value).toBe('a<b');
    expect(e1).toMatchObject({ formula: 'A2&"x"', value: '1x' });
    // a numeric cell whose cached value is not a number is an error, never NaN
    expect(f1).toMatchObject({ formula: '1/0', value: null, error: '#DIV/0!' });
  });

  it('makes dates of numbers with a date format (built-in id or custom code), in the 1900 and 1904 systems', () => {
    const styles =
      '<numFmts count="2"><numFmt numFmtId="164" formatCode="mmm\\ yyyy"/><numFmt numFmtId="165" formatCode="#,##0\\ &quot;kr.&quot;"/></numFmts><cellXfs count="4"><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="164"/><xf numFmtId="165"/></cellXfs>';
    const xml =
      '<sheetData><row r="1"><c r="A1" s="1"><v>43831</v></c><c r="B1" s="2"><v>43862</v></c><c r="C1" s="3"><v>43831</v></c><c r="D1"><v>43831</v></c></row></sheetData>';
    const iso = (wb: RawWorkbook) => [...wb.sheets[0].rows.get(1)!].map((c) => (c.value instanceof Date ? c.value.toISOString().slice(0, 10) : c.value));
    expect(iso(book({ sheets: [{ name: 'A', xml }], styles }))).toEqual(['2020-01-01', '2020-02-01', 43831, 43831]);
    expect(iso(book({ sheets: [{ name: 'A', xml }], styles, workbookPr: '<x:workbookPr date1904="1"/>' }))).toEqual(['2024-01-02', '2024-02-02', 43831, 43831]);
  });

  it('tells date formats from money formats', () => {
    for (const f of ['mm-dd-yy', 'mmm yyyy', '[$-406]mmmm yyyy;@', 'd/m/yyyy', 'MMM-YY', 'h:mm']) expect(isDateFormat(f), f).toBe(true);
    for (const f of [
      'General',
      '#,##0',
      '#,##0.00 "kr."',
      '_-* #,##0\\ _k_r_._-;\\-* #,##0\\ _k_r_._-;_-* "-"??\\ _k_r_._-;_-@_-',
      '[Red]#,##0',
      '0%',
      '@',
      '#,##0\\ \\m\\d',
    ])
      expect(isDateFormat(f), f).toBe(false);
  });

  it('expands shared formulas by their offset from the master cell', () => {
    const wb = book({
      sheets: [
        {
          name: 'A',
          xml: '<sheetData><row r="2"><c r="D2"><f t="shared" ref="D2:E4" si="0">SUM(A2:$C2)+\'Ark 1\'!B$1+Ark1!A1+"A1"</f></c></row><row r="3"><c r="D3"><f t="shared" si="0"/></c></row><row r="4"><c r="E4"><f t="shared" si="0"/><v>7</v></c></row></sheetData>',
        },
      ],
    });
    const c = cells(wb.sheets[0]);
    expect(c.D2).toEqual({ f: 'SUM(A2:$C2)+\'Ark 1\'!B$1+Ark1!A1+"A1"', v: null });
    expect(c.D3).toEqual({ f: 'SUM(A3:$C3)+\'Ark 1\'!B$1+Ark1!A2+"A1"', v: null });
    expect(c.E4).toEqual({ f: 'SUM(B4:$C4)+\'Ark 1\'!C$1+Ark1!B3+"A1"', v: 7 });
    expect(wb.sheets[0].rows.get(3)![0].noCachedResult).toBe(true);
  });

  it('shifts references, never function names, strings or sheet names', () => {
    expect(translateFormula('ROUND(B2*C2,0)+LOG10(A1)', 1, 0)).toBe('ROUND(B3*C3,0)+LOG10(A2)');
    expect(translateFormula('$A$1+A$1+$A1', 2, 2)).toBe('$A$1+C$1+$A3');
    expect(translateFormula("'Budget 2020'!C5+Budget2021!C5", 0, 1)).toBe("'Budget 2020'!D5+Budget2021!D5");
    expect(translateFormula('A1', -1, 0)).toBe('#REF!');
    // 3-D references over sheets named like cells, names with Danish letters, structured references
    expect(translateFormula('SUM(Ark1:Ark3!B2)', 1, 0)).toBe('SUM(Ark1:Ark3!B3)');
    expect(translateFormula('Løn2020*A1+æN2', 1, 0)).toBe('Løn2020*A2+æN2');
    expect(translateFormula('Tabel1[[#This Row],[Q1]]+T1[Q1]', 1, 0)).toBe('Tabel1[[#This Row],[Q1]]+T1[Q1]');
    // whole columns and whole rows
    expect(translateFormula('SUM(A:A)+SUM($A:B)', 0, 1)).toBe('SUM(B:B)+SUM($A:C)');
    expect(translateFormula('SUM(2:2)+SUM($3:4)', 1, 0)).toBe('SUM(3:3)+SUM($3:5)');
    expect(translateFormula('SUM(A1:B2)', 1, 1)).toBe('SUM(B2:C3)');
  });

  it('keeps sheet order and state, skips chart sheets, resolves absolute targets', () => {
    const wb = book({
      absolute: true,
      sheets: [
        { name: 'Stamdata', xml: '<sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetData>' },
        { name: 'Graf', xml: '', chart: true },
        { name: 'Skjult', state: 'hidden', xml: '<sheetData><row r="1"><c r="A1"><v>2</v></c></row></sheetData>' },
        { name: 'Meget skjult', state: 'veryHidden', xml: '' },
      ],
    });
    expect(wb.sheets.map((s) => [s.name, s.state])).toEqual([
      ['Stamdata', 'visible'],
      ['Skjult', 'hidden'],
      ['Meget skjult', 'veryHidden'],
    ]);
    expect(cells(wb.sheets[1])).toEqual({ A1: 2 });
  });

  it('reads hidden rows and columns, and keeps only the top-left cell of a merge', () => {
    const wb = book({
      sheets: [
        {
          name: 'A',
          xml: '<cols><col min="3" max="5" hidden="1"/><col min="6" max="6" hidden="0"/></cols><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>År 2020</t></is></c><c r="B1"><v>9</v></c></row><row r="2" hidden="1"><c r="A2"><v>1</v></c></row></sheetData><mergeCells count="1"><mergeCell ref="A1:B1"/></mergeCells>',
        },
      ],
    });
    const s = wb.sheets[0];
    expect(cells(s)).toEqual({ A1: 'År 2020', A2: 1 });
    expect([...s.hiddenCols].sort()).toEqual([3, 4, 5]);
    expect(s.hiddenRows.has(2)).toBe(true);
    expect(s.merges).toEqual(['A1:B1']);
    expect(s.maxCol).toBe(1);
  });

  it('keeps the 1904 date system when Excel 2013+ adds an x15:workbookPr of its own', () => {
    const styles = '<cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="14"/></cellXfs>';
    const wb = book({
      sheets: [{ name: 'A', xml: '<sheetData><row r="1"><c r="A1" s="1"><v>43831</v></c></row></sheetData>' }],
      styles,
      workbookPr:
        '<x:workbookPr date1904="1"/><x:extLst><x:ext uri="{140A7094-0E35-4892-8432-C4D2E57EDEB5}" xmlns:x15="http://schemas.microsoft.com/office/spreadsheetml/2010/11/main"><x15:workbookPr chartTrackingRefBase="1"/></x:ext></x:extLst>',
    });
    expect((wb.sheets[0].rows.get(1)![0].value as Date).toISOString().slice(0, 10)).toBe('2024-01-02');
  });

  it('sorts cells by column and rows by number, and joins a row written twice', () => {
    const wb = book({
      sheets: [
        {
          name: 'A',
          xml: '<sheetData><row r="3"><c r="D3"><v>4</v></c><c r="B3"><v>2</v></c></row><row r="1"><c r="A1"><v>1</v></c></row><row r="3"><c r="C3"><v>3</v></c></row></sheetData>',
        },
      ],
    });
    const s = wb.sheets[0];
    expect([...s.rows.keys()]).toEqual([1, 3]);
    expect(s.rows.get(3)!.map((c) => a1(c.row, c.col))).toEqual(['B3', 'C3', 'D3']);
  });

  it('gives no value for an empty <v/>, and reads past empty formatted cells and rows far out', () => {
    const wb = book({
      sheets: [
        {
          name: 'A',
          xml: '<dimension ref="A1:XFD1048576"/><sheetData><row r="1"><c r="A1" t="s"><v/></c><c r="B1" t="b"><v></v></c><c r="C1"><v>5</v></c><c r="XFD1" s="0"/></row><row r="1048576" hidden="1"/></sheetData>',
        },
      ],
      strings: '<si><t>not me</t></si>',
    });
    expect(cells(wb.sheets[0])).toEqual({ C1: 5 });
  });

  it('merges overlapping hidden column ranges, and decodes percent-encoded part names', () => {
    const wb = fast(
      'p.xlsx',
      zip([
        { name: '[Content_Types].xml', data: '<Types/>' },
        { name: 'xl/workbook.xml', data: `<workbook xmlns="${NS}" xmlns:r="${REL}"><sheets><sheet name="A" sheetId="1" r:id="R1"/></sheets></workbook>` },
        {
          name: 'xl/_rels/workbook.xml.rels',
          data: `<Relationships xmlns="${PKG}"><Relationship Id="R1" Type="${REL}/worksheet" Target="worksheets/ark%201.xml"/></Relationships>`,
        },
        {
          name: 'xl/worksheets/ark 1.xml',
          data: `<worksheet xmlns="${NS}"><cols>${'<col min="2" max="5000" hidden="1"/>'.repeat(50)}<col min="3" max="4" hidden="true"/></cols><sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetData></worksheet>`,
        },
      ]),
    );
    expect(cells(wb.sheets[0])).toEqual({ A1: 1 });
    expect(wb.sheets[0].hiddenCols.size).toBe(DEFAULT_LIMITS.maxCols - 1);
  });

  it('reads a sheet part named by two sheets once: a workbook cannot multiply its own size', () => {
    const sheets = Array.from({ length: 5 }, (_, i) => `<sheet name="S${i}" sheetId="${i + 1}" r:id="R1"/>`).join('');
    const wb = fast(
      'm.xlsx',
      zip([
        { name: '[Content_Types].xml', data: '<Types/>' },
        { name: 'xl/workbook.xml', data: `<workbook xmlns="${NS}" xmlns:r="${REL}"><sheets>${sheets}</sheets></workbook>` },
        {
          name: 'xl/_rels/workbook.xml.rels',
          data: `<Relationships xmlns="${PKG}"><Relationship Id="R1" Type="${REL}/worksheet" Target="worksheets/a.xml"/></Relationships>`,
        },
        { name: 'xl/worksheets/a.xml', data: `<worksheet xmlns="${NS}"><sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetData></worksheet>` },
      ]),
    );
    expect(wb.sheets.map((s) => s.rows.size)).toEqual([1, 0, 0, 0, 0]);
  });

  it("refuses a shared formula that would expand past the workbook's formula budget", () => {
    const master = 'A1+'.repeat(2600) + 'A1';
    let rows = `<row r="1"><c r="B1"><f t="shared" ref="B1:B4000" si="0">${master}</f></c></row>`;
    for (let r = 2; r <= 4000; r++) rows += `<row r="${r}"><c r="B${r}"><f t="shared" si="0"/></c></row>`;
    expect(() => book({ sheets: [{ name: 'A', xml: `<sheetData>${rows}</sheetData>` }] })).toThrow(/formulas/);
    // a "formula" longer than Excel allows is never copied to other cells
    const long = 'A1+'.repeat(3000) + 'A1';
    const wb = book({
      sheets: [
        {
          name: 'A',
          xml: `<sheetData><row r="1"><c r="B1"><f t="shared" ref="B1:B2" si="0">${long}</f></c></row><row r="2"><c r="B2"><f t="shared" si="0"/><v>1</v></c></row></sheetData>`,
        },
      ],
    });
    expect(wb.sheets[0].rows.get(2)![0]).toMatchObject({ formula: undefined, value: 1 });
  });

  it('counts shared strings, merged ranges, column ranges and sheets against the cell limit', () => {
    const limits = { ...DEFAULT_LIMITS, maxCells: 1000 };
    const read = (entries: Parameters<typeof zip>[0]) => {
      const g = guardZip(zip(entries), DEFAULT_LIMITS);
      if (!g.ok) throw new Error(g.what);
      return readOoxml('x.xlsx', g.parts, limits);
    };
    const base = (sheetXml: string, extra: Parameters<typeof zip>[0] = [], sheets = '<sheet name="A" sheetId="1" r:id="R1"/>') => [
      { name: '[Content_Types].xml', data: '<Types/>' },
      { name: 'xl/workbook.xml', data: `<workbook xmlns="${NS}" xmlns:r="${REL}"><sheets>${sheets}</sheets></workbook>` },
      {
        name: 'xl/_rels/workbook.xml.rels',
        data: `<Relationships xmlns="${PKG}"><Relationship Id="R1" Type="${REL}/worksheet" Target="worksheets/a.xml"/><Relationship Id="S" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/></Relationships>`,
      },
      { name: 'xl/worksheets/a.xml', data: `<worksheet xmlns="${NS}">${sheetXml}</worksheet>` },
      ...extra,
    ];
    expect(read(base('<sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetData>')).sheets[0].rows.size).toBe(1);
    expect(() => read(base('<sheetData/><mergeCells>' + '<mergeCell ref="A1:B2"/>'.repeat(1001) + '</mergeCells>'))).toThrow(/cells/);
    expect(() => read(base('<cols>' + '<col min="1" max="2" hidden="1"/>'.repeat(1001) + '</cols><sheetData/>'))).toThrow(/cells/);
    expect(() => read(base('<sheetData/>', [{ name: 'xl/sharedStrings.xml', data: `<sst xmlns="${NS}">${'<si><t>a</t></si>'.repeat(1001)}</sst>` }]))).toThrow(
      /cells/,
    );
    expect(() => read(base('<sheetData/>', [], '<sheet name="A" sheetId="1" r:id="R1"/>'.repeat(1001)))).toThrow(/cells/);
  });

  it('refuses a sheet past the row, column and cell limits: rows and columns that hold cells, not the highest index', () => {
    const entries = (xml: string, limits: Partial<typeof DEFAULT_LIMITS> = {}) =>
      readOoxml(
        'x.xlsx',
        unzipped(
          zip([
            { name: '[Content_Types].xml', data: '<Types/>' },
            { name: 'xl/workbook.xml', data: `<workbook xmlns="${NS}" xmlns:r="${REL}"><sheets><sheet name="A" sheetId="1" r:id="R1"/></sheets></workbook>` },
            {
              name: 'xl/_rels/workbook.xml.rels',
              data: `<Relationships xmlns="${PKG}"><Relationship Id="R1" Type="${REL}/worksheet" Target="worksheets/a.xml"/></Relationships>`,
            },
            { name: 'xl/worksheets/a.xml', data: `<worksheet xmlns="${NS}"><sheetData>${xml}</sheetData></worksheet>` },
          ]),
        ),
        { ...DEFAULT_LIMITS, ...limits },
      );
    // one stray cell in Excel's last column or row is read (two rows, two columns held)
    expect(
      entries('<row><c r="A1"><v>1</v></c><c r="XFD1"><v>2</v></c></row>')
        .sheets[0].rows.get(1)!
        .map((c) => a1(c.row, c.col)),
    ).toEqual(['A1', 'XFD1']);
    expect([...entries('<row r="1"><c><v>1</v></c></row><row r="1048576"><c><v>1</v></c></row>').sheets[0].rows.keys()]).toEqual([1, 1048576]);
    // more rows or columns holding cells than the limits is too large, wherever they are
    const cells = (n: number, at: (i: number) => string) =>
      Array.from({ length: n }, (_, i) => `<row r="${i + 1}"><c r="${at(i)}"><v>1</v></c></row>`).join('');
    expect(() =>
      entries(
        cells(6, (i) => `A${i + 1}`),
        { maxRows: 5 },
      ),
    ).toThrow(/rows/);
    expect(
      entries(
        cells(5, (i) => `A${i * 1000 + 1}`),
        { maxRows: 5 },
      ).sheets[0].rows.size,
    ).toBe(5);
    expect(() => entries(`<row r="1">${'<c><v>1</v></c>'.repeat(6)}</row>`, { maxCols: 5 })).toThrow(/columns/);
    expect(() =>
      entries(
        cells(6, (i) => `${colLetters(i * 100 + 1)}${i + 1}`),
        { maxCols: 5 },
      ),
    ).toThrow(/columns/);
    // past Excel's grid is no spreadsheet's cell: a damaged file (no limit raised would read it), not a large one
    expect(() => entries('<row r="1048577"><c r="A1048577"><v>1</v></c></row>')).toThrow(/past-grid/);
    expect(() => entries('<row r="1"><c r="XFE1"><v>1</v></c></row>')).toThrow(/past-grid/);
  });
});

describe('values read where they stand', () => {
  it('reads a cell alike however its tags are spelled: the one-step read of plain cells and the tokenizer agree', () => {
    const strings = '<si><t>nul</t></si><si><t>en</t></si>';
    const plain =
      '<c r="A1" s="0" t="s"><v>1</v></c><c r="B1"><f>A1&amp;"x"</f><v>7</v></c><c r="C1"><v></v></c><c r="D1" s="0"/><c r="E1"><v>2</v><f>1+1</f></c>';
    const spellings = [
      plain,
      '<c  r="A1"\ts="0" t="s" ><v>1</v></c ><c r="B1" ><f>A1&amp;"x"</f ><v >7</v></c><c r="C1"><v/></c><c r="D1" s="0" /><c r="E1"><v>2</v><f>1+1</f></c>',
      "<c r='A1' s='0' t='s'><v>1</v></c><c r='B1'><f>A1&amp;\"x\"</f><v>7</v></c><c r='C1'><v></v></c><c r='D1' s='0'/><c r='E1'><v>2</v><f>1+1</f></c>",
      '<x:c r="A1" s="0" t="s"><x:v>1</x:v></x:c><x:c r="B1"><x:f>A1&amp;"x"</x:f><x:v>7</x:v></x:c><x:c r="C1"><x:v></x:v></x:c><x:c r="D1" s="0"/><x:c r="E1"><x:v>2</x:v><x:f>1+1</x:f></x:c>',
      '<c r="A1" s="0" t="s">\n <v>1</v>\n</c><c r="B1"><f><![CDATA[A1&"x"]]></f><v>7</v></c><c r="C1"><v><!-- none --></v></c><c r="D1" s="0"></c><c r="E1"><v>2</v> <f>1+1</f></c>',
    ];
    const read = (row: string) =>
      cells(book({ sheets: [{ name: 'A', xml: `<sheetData xmlns:x="${NS}"><row r="1">${row}</row></sheetData>` }], strings }).sheets[0]);
    expect(read(plain)).toEqual({ A1: 'en', B1: { f: 'A1&"x"', v: 7 }, E1: { f: '1+1', v: 2 } });
    for (const row of spellings) expect(read(row)).toEqual(read(plain));
  });

  it('holds the nesting limit for a plain cell as for any element: <v> inside <c> counts', () => {
    // worksheet > sheetData > row > c > v is five deep
    const sheet = (row: string) => ({ sheets: [{ name: 'A', xml: `<sheetData><row r="1">${row}</row></sheetData>` }] });
    const limits = (maxXmlDepth: number) => ({ ...DEFAULT_LIMITS, maxXmlDepth });
    expect(cells(book(sheet('<c r="A1"><v>3</v></c>'), limits(5)).sheets[0])).toEqual({ A1: 3 });
    expect(() => book(sheet('<c r="A1"><v>3</v></c>'), limits(4))).toThrow(expect.objectContaining({ what: 'xml-too-deep' }));
    expect(() => book(sheet('<c r="A1"></c>'), limits(3))).toThrow(expect.objectContaining({ what: 'xml-too-deep' }));
    expect(cells(book(sheet('<c r="A1"/><c r="B1"></c>'), limits(4)).sheets[0])).toEqual({});
  });

  it('reads <v> of plain digits, of entities, in pieces, with spaces and in other types as its text says', () => {
    const strings =
      '<si><t>nul</t></si><si><t>en</t></si><si><t>to</t></si><si><t>tre</t></si><si><t>fire</t></si><si><t>fem</t></si><si><t>seks</t></si><si><t>syv</t></si>';
    const row = [
      '<c r="A1"><v>5500</v></c>',
      '<c r="B1" t="s"><v>007</v></c>',
      '<c r="C1" t="s"><v>&#x32;</v></c>',
      '<c r="D1"><v>1<!-- a comment -->2</v></c>',
      '<c r="E1"><v> 42 </v></c>',
      '<c r="F1"><v>1234567890123456789</v></c>',
      '<c r="G1"><v>1e3</v></c>',
      '<c r="H1" t="str"><f>A1&amp;""</f><v>0123</v></c>',
      '<c r="I1" t="b"><v>1</v></c>',
      '<c r="J1" t="e"><v>#N/A</v></c>',
      '<c r="K1"><v><![CDATA[7]]>5</v></c>',
      '<c r="L1"><v>3</v></c>',
      '<c r="M1" t="s"><v>99</v></c>',
      '<c r="N1"><v>-12</v></c>',
    ].join('');
    const wb = book({ sheets: [{ name: 'A', xml: `<sheetData><row r="1">${row}</row></sheetData>` }], strings });
    expect(cells(wb.sheets[0])).toEqual({
      A1: 5500,
      B1: 'syv',
      C1: 'to',
      D1: 12,
      E1: 42,
      F1: Number('1234567890123456789'),
      G1: 1000,
      H1: { f: 'A1&""', v: '0123' },
      I1: true,
      J1: { e: '#N/A' },
      K1: 75,
      L1: 3,
      N1: -12,
    });
  });
});
