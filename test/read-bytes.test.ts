// The worksheet read as its bytes (xml-bytes.ts) and zip parts inflated by one reused zlib inflater (inflate.ts): the
// values, refusals and limits of reading decoded text, and a corrupt part that leaves the next one readable.
import { deflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { readWorkbookBytes } from '../src/read/bytes.js';
import { inflateRaw } from '../src/read/inflate.js';
import { InflatedTooLarge } from '../src/read/inflate-cap.js';
import type { RawWorkbook } from '../src/read/types.js';
import { minimalXlsx, zip } from './helpers/zip.js';

const WORKSHEET = '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">';

/** A workbook whose one sheet part is these bytes. */
function withSheetBytes(sheet: Buffer): Uint8Array {
  const base = minimalXlsx('<row r="1"><c r="A1"><v>1</v></c></row>');
  // the same workbook with its sheet part replaced: minimalXlsx's entries, the sheet given as bytes
  const entries = unzipEntries(base).map(([name, data]) => ({ name, data: name === 'xl/worksheets/sheet1.xml' ? sheet : data }));
  return zip(entries);
}

function unzipEntries(b: Buffer): Array<[string, Buffer]> {
  const out: Array<[string, Buffer]> = [];
  let p = b.readUInt32LE(b.length - 22 + 16);
  for (let i = 0, n = b.readUInt16LE(b.length - 22 + 10); i < n; i++) {
    const nameLen = b.readUInt16LE(p + 28);
    const name = b.toString('utf8', p + 46, p + 46 + nameLen);
    const local = b.readUInt32LE(p + 42);
    const start = local + 30 + b.readUInt16LE(local + 26) + b.readUInt16LE(local + 28);
    const data = Buffer.from(inflateRaw(b.subarray(start, start + b.readUInt32LE(p + 20)), b.readUInt32LE(p + 24)));
    out.push([name, data]);
    p += 46 + nameLen + b.readUInt16LE(p + 30) + b.readUInt16LE(p + 32);
  }
  return out;
}

function read(sheet: Buffer): RawWorkbook | string {
  const r = readWorkbookBytes('x.xlsx', withSheetBytes(sheet));
  return r.ok ? r.workbook : `${r.finding.rule} ${String((r.finding.args as { what?: string }).what)}`;
}

const cells = (wb: RawWorkbook | string) =>
  typeof wb === 'string' ? wb : [...wb.sheets[0].rows.values()].flat().map((c) => [c.row, c.col, c.value, c.formula ?? null, c.error ?? null]);

describe('the worksheet read as bytes', () => {
  it('decodes the text it keeps (inline strings, formulas, CDATA, entities) as UTF-8, after a BOM, past multi-byte characters', () => {
    const xml =
      '\uFEFF<?xml version="1.0"?>' +
      WORKSHEET +
      '<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>Æble &amp; øl — 😀</t></is></c><c r="B1"><f>SUM(C1:D1)&amp;"å"</f><v>3</v></c>' +
      '<c r="C1" t="str"><v><![CDATA[<ål>]]></v></c><c r="D1" t="e"><v>#N/A</v></c><c r="E1"><v>12.5</v></c></row></sheetData></worksheet>';
    expect(cells(read(Buffer.from(xml, 'utf8')))).toEqual([
      [1, 1, 'Æble & øl — 😀', null, null],
      [1, 2, 3, 'SUM(C1:D1)&"å"', null],
      [1, 3, '<ål>', null, null],
      [1, 4, null, null, '#N/A'],
      [1, 5, 12.5, null, null],
    ]);
  });

  it('reads a broken UTF-8 sequence in a value as U+FFFD, as the text reader did, without moving any tag', () => {
    const xml = Buffer.concat([
      Buffer.from(`${WORKSHEET}<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>a`),
      Buffer.from([0xc3, 0xff]),
      Buffer.from('b</t></is></c><c r="B1"><v>7</v></c></row></sheetData></worksheet>'),
    ]);
    expect(cells(read(xml))).toEqual([
      [1, 1, 'a\uFFFD\uFFFDb', null, null],
      [1, 2, 7, null, null],
    ]);
  });

  it('refuses a DOCTYPE or ENTITY declaration in the sheet, also one spelled with a letter that upper-cases to ASCII', () => {
    expect(read(Buffer.from(`<!DOCTYPE x>${WORKSHEET}<sheetData/></worksheet>`))).toBe('input/unreadable xml-doctype');
    expect(read(Buffer.from(`${WORKSHEET}<!entity x "y"><sheetData/></worksheet>`))).toBe('input/unreadable xml-doctype');
    expect(read(Buffer.from(`${WORKSHEET}<!ENTıTY x "y"><sheetData/></worksheet>`, 'utf8'))).toBe('input/unreadable xml-doctype');
    // a comment or CDATA that mentions one is no declaration
    expect(typeof read(Buffer.from(`${WORKSHEET}<!-- <!DOCTYPE x> --><sheetData/></worksheet>`))).toBe('object');
  });

  it('holds the nesting limit', () => {
    const deep = '<x>'.repeat(200) + '</x>'.repeat(200);
    expect(read(Buffer.from(`${WORKSHEET}${deep}<sheetData/></worksheet>`))).toBe('input/too-large xml-too-deep');
  });
});

describe('inflating with one reused inflater', () => {
  const text = Buffer.from('<row r="1"><c r="A1"><v>1</v></c></row>'.repeat(50));
  const good = deflateRawSync(text);
  it('reads a good part after a corrupt, a truncated and an empty one', () => {
    const corrupt = Buffer.from(good);
    corrupt[0] = 0xff; // block type 3: reserved, invalid
    for (const bad of [corrupt, good.subarray(0, 10), Buffer.alloc(0)]) {
      expect(() => inflateRaw(bad, text.length)).toThrow();
      expect(Buffer.from(inflateRaw(good, text.length)).equals(text)).toBe(true);
    }
  });
  it('refuses output past the declared size, and reads exactly that size', () => {
    expect(() => inflateRaw(good, text.length - 1)).toThrow(InflatedTooLarge);
    expect(() => inflateRaw(good, 0)).toThrow(InflatedTooLarge);
    expect(inflateRaw(good, text.length).length).toBe(text.length);
    expect(inflateRaw(good, text.length + 100).length).toBe(text.length);
  });
});
