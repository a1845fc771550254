// The reader's comments (notes): xl/commentsN.xml through the sheet's relationships, Excel's author prefix and a
// threaded comment's plain-text fallback, entities and rich text, only when the sheet has a comments part, within the
// cell limit and the nesting limit.
import { describe, expect, it } from 'vitest';
import { readWorkbookBytes } from '../src/read/bytes.js';
import { commentText } from '../src/read/comments.js';
import type { RawWorkbook } from '../src/read/types.js';
import { zip, type ZipEntry } from './helpers/zip.js';
import { unzip } from '../fixtures/lib/zip.js';

const NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG = 'http://schemas.openxmlformats.org/package/2006/relationships';

/** A workbook of one sheet (two cells) with the given comments part at `target` (relative to the sheet), or none. */
function workbook(comments?: string, target = '../comments1.xml', extra: ZipEntry[] = []): Buffer {
  const sheetRels = comments
    ? [
        {
          name: 'xl/worksheets/_rels/sheet1.xml.rels',
          data: `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${PKG}"><Relationship Id="rId1" Type="${REL}/vmlDrawing" Target="../drawings/vmlDrawing1.vml"/><Relationship Id="rId2" Type="${REL}/comments" Target="${target}"/></Relationships>`,
        },
        { name: target.startsWith('../') ? `xl/${target.slice(3)}` : `xl/worksheets/${target}`, data: comments },
      ]
    : [];
  return zip([
    {
      name: '[Content_Types].xml',
      data: '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/></Types>',
    },
    {
      name: '_rels/.rels',
      data: `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${PKG}"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    },
    {
      name: 'xl/workbook.xml',
      data: `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="${NS}" xmlns:r="${REL}"><sheets><sheet name="Regnskab" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    },
    {
      name: 'xl/_rels/workbook.xml.rels',
      data: `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${PKG}"><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`,
    },
    {
      name: 'xl/worksheets/sheet1.xml',
      data: `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="${NS}"><sheetData><row r="2"><c r="A2" t="inlineStr"><is><t>Kørsel</t></is></c><c r="C2"><v>31650</v></c></row></sheetData></worksheet>`,
    },
    ...sheetRels,
    ...extra,
  ]);
}

const comments = (body: string, authors = '<author>Bogholder</author>') =>
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><comments xmlns="${NS}"><authors>${authors}</authors><commentList>${body}</commentList></comments>`;

function read(bytes: Buffer, limits = {}): RawWorkbook {
  const r = readWorkbookBytes('t.xlsx', bytes, limits);
  if (!r.ok) throw new Error(JSON.stringify(r.finding));
  return r.workbook;
}

describe('the comments of a sheet', () => {
  it('a sheet without a comments part has none (the field is absent)', () => {
    expect(read(workbook()).sheets[0].comments).toBeUndefined();
  });

  it('reads a note at its cell, its rich-text runs joined and entities decoded, the author\'s "Name:" left out', () => {
    const xml = comments(
      '<comment ref="C2" authorId="0"><text><r><rPr><b/></rPr><t>Bogholder:</t></r><r><t xml:space="preserve">\nFlere hjemmebesøg &amp; </t></r><r><t>godkendt af SBST</t></r></text></comment>',
    );
    expect(read(workbook(xml)).sheets[0].comments).toEqual([{ row: 2, col: 3, text: 'Flere hjemmebesøg & godkendt af SBST' }]);
  });

  it("a note's text without runs (<text><t>…</t></text>), by openpyxl and XlsxWriter, and a prefix-free one", () => {
    const xml = comments('<comment ref="B2" authorId="0"><text><t>Billigere evaluering</t></text></comment>');
    expect(read(workbook(xml)).sheets[0].comments).toEqual([{ row: 2, col: 2, text: 'Billigere evaluering' }]);
  });

  it("a threaded comment's plain-text fallback (Excel's legacy note) is its own words and replies, not the notice", () => {
    const fallback =
      '[Threaded comment]\n\nYour version of Excel allows you to read this threaded comment; however, any edits to it will get removed if the file is opened in a newer version of Excel. Learn more: https://go.microsoft.com/fwlink/?linkid=870924\n\nComment:\n    Ekstern evaluering blev billigere\nReply:\n    Aftalt med SBST 3.5.2022';
    const xml = comments(
      `<comment ref="C2" authorId="0"><text><t>${fallback}</t></text></comment>`,
      '<author>tc={6A1F0B2E-0000-4000-8000-000000000001}</author>',
    );
    const c = read(workbook(xml)).sheets[0].comments!;
    expect(c).toHaveLength(1);
    expect(c[0]).toMatchObject({ row: 2, col: 3 });
    expect(c[0].text).toBe('Ekstern evaluering blev billigere\nAftalt med SBST 3.5.2022');
    // Danish Excel writes the same fallback in Danish; the link is the same in every language
    const danish =
      '[Trådet kommentar]\r\n\r\nDin version af Excel giver dig mulighed for at læse denne trådede kommentar. Men eventuelle redigeringer af den fjernes, hvis filen åbnes i en nyere version af Excel. Få mere at vide: https://go.microsoft.com/fwlink/?linkid=870924\r\n\r\nKommentar:\r\n    Godkendt af SBST\r\nden 3.5.2022\r\nSvar:\r\n    Tak';
    expect(commentText(danish, 'tc={X}')).toBe('Godkendt af SBST\nden 3.5.2022\nTak');
    // a note that merely begins with brackets is no threaded comment
    expect(commentText('[Intern] Se note 2', undefined)).toBe('[Intern] Se note 2');
  });

  it('the comments part found by its relationship wherever it is (xl/comments/comment1.xml, as openpyxl puts it)', () => {
    const xml = comments('<comment ref="C2" authorId="0"><text><t>Godkendt</t></text></comment>');
    expect(read(workbook(xml, '../comments/comment1.xml')).sheets[0].comments).toEqual([{ row: 2, col: 3, text: 'Godkendt' }]);
  });

  it('an empty note, a note on a range (its first cell), a bad ref and phonetic runs', () => {
    const xml = comments(
      '<comment ref="A2" authorId="0"><text><t></t></text></comment><comment ref="C2:D3" authorId="0"><text><t>Se note 2</t><rPh><t>X</t></rPh></text></comment><comment ref="?" authorId="0"><text><t>lost</t></text></comment>',
    );
    expect(read(workbook(xml)).sheets[0].comments).toEqual([{ row: 2, col: 3, text: 'Se note 2' }]);
  });

  it('comments count against the cell limit, and a part nested too deep is refused as any part is', () => {
    const many = comments(Array.from({ length: 50 }, (_, i) => `<comment ref="C${i + 2}" authorId="0"><text><t>n${i}</t></text></comment>`).join(''));
    const r = readWorkbookBytes('t.xlsx', workbook(many), { maxCells: 40 });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.finding.rule).toBe('input/too-large');
    const deep = comments(`<comment ref="C2" authorId="0"><text>${'<r>'.repeat(200)}<t>x</t>${'</r>'.repeat(200)}</text></comment>`);
    const d = readWorkbookBytes('t.xlsx', workbook(deep));
    expect(d.ok).toBe(false);
    if (!d.ok) expect(d.finding).toMatchObject({ rule: 'input/too-large', args: { what: 'xml-too-deep' } });
  });

  it('a DOCTYPE in the comments part is refused, never honoured', () => {
    const xml = `<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "b">]><comments xmlns="${NS}"><commentList/></comments>`;
    const r = readWorkbookBytes('t.xlsx', workbook(xml));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.finding.rule).toBe('input/unreadable');
  });

  it('a comments part cut off or not XML: no comments, the sheet read (the notes are lost, not the budget)', () => {
    const whole = comments('<comment ref="C2" authorId="0"><text><t>Se note 2</t></text></comment>');
    for (const xml of [whole.slice(0, whole.indexOf('<t>') + 5), 'not xml <<<']) {
      const r = readWorkbookBytes('t.xlsx', workbook(xml));
      expect(r.ok, xml).toBe(true);
      if (r.ok) {
        expect(r.workbook.sheets[0].comments).toBeUndefined();
        expect(r.workbook.sheets[0].rows.get(2)?.length).toBe(2);
      }
    }
  });

  it('a relationship to a comments part that is not in the zip: no comments, the sheet read', () => {
    const bytes = workbook(comments(''), '../comments1.xml');
    // the same workbook with the part's name changed: the relationship points nowhere
    const wb = read(zip([...unzipEntries(bytes).filter((e) => e.name !== 'xl/comments1.xml')]));
    expect(wb.sheets[0].comments).toBeUndefined();
    expect(wb.sheets[0].rows.get(2)?.length).toBe(2);
  });
});

function unzipEntries(b: Buffer): ZipEntry[] {
  return unzip(b).map((e) => ({ name: e.name, data: e.data }));
}
