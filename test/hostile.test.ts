import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deflateRawSync } from 'node:zlib';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkFile, runRules } from '../src/check.js';
import { readWorkbook } from '../src/read/index.js';
import { budgetRule } from '../src/rules/types.js';
import { budgetWorkbook, CLEAN_LINES } from './helpers/budget.js';
import { mutate, rng } from './helpers/mutate.js';
import { writeXlsx } from './helpers/xlsx.js';
import { minimalXlsx, zip } from './helpers/zip.js';

const dir = mkdtempSync(join(tmpdir(), 'bt-hostile-'));
let valid: Buffer;

function file(name: string, bytes: Buffer | string): string {
  const p = join(dir, name);
  writeFileSync(p, bytes);
  return p;
}

async function finding(bytes: Buffer | string, name = 'x.xlsx') {
  const r = await readWorkbook(file(name, bytes));
  return r.ok ? undefined : { rule: r.finding.rule, what: r.finding.args?.what };
}

const OLE2 = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

beforeAll(async () => {
  const p = join(dir, 'valid.xlsx');
  await writeXlsx(budgetWorkbook({ lines: CLEAN_LINES }).wb, p);
  valid = readFileSync(p);
});

describe('sniffing by content', () => {
  it.each([
    ['empty file', Buffer.alloc(0), 'input/unreadable', 'empty'],
    ['whitespace only', '   \n\n ', 'input/unreadable', 'empty'],
    ['old Excel (.xls)', Buffer.concat([OLE2, Buffer.alloc(2000, 1), Buffer.from('Workbook', 'utf16le')]), 'input/unsupported-format', 'xls'],
    [
      'password-protected xlsx',
      Buffer.concat([OLE2, Buffer.alloc(2000), Buffer.from('EncryptionInfo', 'utf16le'), Buffer.from('EncryptedPackage', 'utf16le')]),
      'input/unsupported-format',
      'encrypted',
    ],
    ['HTML saved as .xls', '<html><body><table><tr><td>Løn</td><td>100</td></tr></table></body></html>', 'input/unsupported-format', 'html'],
    [
      'Excel 2003 XML',
      '<?xml version="1.0"?><Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet"></Workbook>',
      'input/unsupported-format',
      'xml2003',
    ],
    ['PDF', '%PDF-1.4 ...', 'input/unreadable', 'pdf'],
    ['random binary', Buffer.from(Array.from({ length: 3000 }, (_, i) => (i * 7919) % 256)), 'input/unreadable', 'binary'],
  ])('%s', async (_name, bytes, rule, what) => {
    expect(await finding(bytes as Buffer)).toEqual({ rule, what });
  });

  it('ODS, Numbers, Word and a truncated zip', async () => {
    expect(
      await finding(
        zip([
          { name: 'mimetype', data: 'application/vnd.oasis.opendocument.spreadsheet', method: 0 },
          { name: 'content.xml', data: '<x/>' },
        ]),
        'a.ods',
      ),
    ).toEqual({ rule: 'input/unsupported-format', what: 'ods' });
    expect(await finding(zip([{ name: 'Index/Document.iwa', data: 'x' }]), 'a.numbers')).toEqual({ rule: 'input/unsupported-format', what: 'numbers' });
    expect(
      await finding(
        zip([
          { name: '[Content_Types].xml', data: '<Types/>' },
          { name: 'word/document.xml', data: '<w/>' },
        ]),
        'a.docx',
      ),
    ).toEqual({ rule: 'input/unreadable', what: 'zip-not-workbook' });
    expect((await finding(valid.subarray(0, Math.floor(valid.length / 2))))?.rule).toBe('input/unreadable');
    expect(await finding(Buffer.from('PK\u0003\u0004 not really a zip'))).toEqual({ rule: 'input/unreadable', what: 'truncated' });
  });

  it('not-found and directories are findings too', async () => {
    expect(((await readWorkbook(join(dir, 'nope.xlsx'))) as unknown as { finding: { args: { what: string } } }).finding.args.what).toBe('not-found');
    expect(((await readWorkbook(dir)) as unknown as { finding: { args: { what: string } } }).finding.args.what).toBe('is-directory');
  });
});

describe('limits and XML safety', () => {
  it('refuses a zip bomb by its declared size, before inflating', async () => {
    const bomb = minimalXlsx('<row r="1"/>', []);
    const t0 = performance.now();
    const f = await finding(
      zip([
        { name: '[Content_Types].xml', data: '<Types/>' },
        { name: 'xl/workbook.xml', data: '<workbook/>' },
        { name: 'xl/worksheets/sheet1.xml', data: 'x', raw: Buffer.alloc(1_000_000), declaredSize: 1_000_000_000 },
      ]),
    );
    expect(f).toEqual({ rule: 'input/too-large', what: 'inflated-size' });
    expect(performance.now() - t0).toBeLessThan(5000);
    expect(bomb.length).toBeGreaterThan(0);
  });

  it('refuses an entry that inflates beyond the size it declares (a lying bomb), with bounded memory', async () => {
    const zeros = deflateRawSync(Buffer.alloc(50 * 1024 * 1024, 0x20)); // 50 MB of spaces in ~50 KB
    // the workbook's one sheet lies: it is refused when the reader inflates it
    const f = await finding(
      zip([
        { name: '[Content_Types].xml', data: '<Types/>' },
        { name: 'xl/workbook.xml', data: '<workbook xmlns:r="r"><sheets><sheet name="A" r:id="R1"/></sheets></workbook>' },
        {
          name: 'xl/_rels/workbook.xml.rels',
          data: '<Relationships><Relationship Id="R1" Type="x/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
        },
        { name: 'xl/worksheets/sheet1.xml', data: 'x', raw: zeros, declaredSize: 1000 },
      ]),
    );
    expect(f).toEqual({ rule: 'input/too-large', what: 'inflated-size' });
    // a part nothing reads is never inflated: lying or corrupt, it costs nothing and changes nothing
    expect(
      await finding(
        minimalXlsx('<row r="1"><c r="A1"><v>1</v></c></row>', [
          { name: 'docProps/app.xml', data: 'x', raw: zeros, declaredSize: 1000 },
          { name: 'xl/theme/theme1.xml', data: 'x', raw: Buffer.from('not deflate data') },
        ]),
      ),
    ).toBeUndefined();
  });

  it('never expands a billion-laughs DOCTYPE, nor follows an external entity', async () => {
    const laughs = `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;"><!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&lol3;</t></is></c></row></sheetData></worksheet>`;
    expect(await finding(minimalXlsx(laughs))).toEqual({ rule: 'input/unreadable', what: 'xml-doctype' });
    const xxe = `<?xml version="1.0"?><!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&xxe;</t></is></c></row></sheetData></worksheet>`;
    expect(await finding(minimalXlsx(xxe))).toEqual({ rule: 'input/unreadable', what: 'xml-doctype' });
  });

  it('refuses a DOCTYPE or deep nesting in any part it reads, naming the part, in the one pass that reads it', async () => {
    const refused = async (bytes: Buffer) => {
      const r = await readWorkbook(file('part.xlsx', bytes));
      return r.ok ? undefined : { rule: r.finding.rule, what: r.finding.args?.what, entry: r.finding.args?.entry };
    };
    const SST = '<?xml version="1.0"?><!doctype sst [<!ENTITY a "b">]><sst><si><t>&a;</t></si></sst>';
    const wbRels =
      '<Relationships><Relationship Id="R1" Type="x/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="S" Type="x/sharedStrings" Target="sharedStrings.xml"/></Relationships>';
    const withStrings = (sst: string) =>
      minimalXlsx('<row r="1"><c r="A1" t="s"><v>0</v></c></row>', [
        { name: 'xl/_rels/workbook.xml.rels', data: wbRels },
        { name: 'xl/sharedStrings.xml', data: sst },
      ]);
    expect(await refused(withStrings(SST))).toEqual({ rule: 'input/unreadable', what: 'xml-doctype', entry: 'xl/sharedStrings.xml' });
    expect(await refused(withStrings(`<sst>${'<x>'.repeat(101)}${'</x>'.repeat(101)}</sst>`))).toEqual({
      rule: 'input/too-large',
      what: 'xml-too-deep',
      entry: 'xl/sharedStrings.xml',
    });
    // 100 levels are allowed: the limit is the guard's, exactly
    expect(await refused(withStrings(`<sst>${'<x>'.repeat(99)}${'</x>'.repeat(99)}<si><t>a</t></si></sst>`))).toBeUndefined();
    // a DOCTYPE only mentioned in a comment or in text declares nothing
    expect(await refused(minimalXlsx('<row r="1"><!-- <!DOCTYPE x> --><c r="A1" t="inlineStr"><is><t>&lt;!DOCTYPE</t></is></c></row>'))).toBeUndefined();
  });

  it('refuses deep nesting, and a sheet with more cells than the limit', async () => {
    expect(await finding(minimalXlsx('<x>'.repeat(100_000) + '</x>'.repeat(100_000)))).toEqual({ rule: 'input/too-large', what: 'xml-too-deep' });
    const r = await readWorkbook(file('cells.xlsx', minimalXlsx('<row r="1">' + '<c r="A1"><v>1</v></c>'.repeat(2000) + '</row>')), { maxCells: 1000 });
    expect(r.ok ? undefined : r.finding).toMatchObject({ rule: 'input/too-large', args: { what: 'cells' } });
    // a cell past Excel's last row (1.048.576) is in no spreadsheet: the file is damaged, and no limit raised reads it
    const rows = await readWorkbook(file('rows.xlsx', minimalXlsx('<row r="10000000"><c r="A10000000"><v>1</v></c></row>')));
    expect(rows.ok ? undefined : rows.finding).toMatchObject({ rule: 'input/unreadable', args: { what: 'past-grid' } });
  });

  it('refuses a file over the size limit without reading it', async () => {
    const r = await readWorkbook(file('big.csv', Buffer.alloc(2 * 1024 * 1024, 0x41)), { maxFileBytes: 1024 * 1024 });
    expect(r.ok ? undefined : r.finding).toMatchObject({ rule: 'input/too-large', args: { what: 'file-size' } });
  });

  it('reads a hand-made workbook with inline strings and formulas without cached values', async () => {
    const xml =
      '<row r="1"><c r="A1" t="inlineStr"><is><t>Budgetpost</t></is></c><c r="B1" t="inlineStr"><is><t>jan 2020</t></is></c><c r="C1" t="inlineStr"><is><t>feb 2020</t></is></c><c r="D1" t="inlineStr"><is><t>I alt</t></is></c></row><row r="2"><c r="A2" t="inlineStr"><is><t>Revision</t></is></c><c r="B2"><v>100</v></c><c r="C2"><v>200</v></c><c r="D2"><f>SUM(B2:C2)</f></c></row>';
    const r = await readWorkbook(file('hand.xlsx', minimalXlsx(xml)));
    expect(r.ok).toBe(true);
  });
});

describe('a rule that throws', () => {
  it('becomes internal/rule-failed naming the rule, and the other rules still run', () => {
    const boom = budgetRule()({
      id: 'test/boom',
      severity: 'error',
      check: () => {
        throw new Error('kaboom');
      },
    });
    const fine = budgetRule()({ id: 'test/fine', severity: 'error', check: (_ctx, finding) => [finding({})] });
    const out = runRules([boom, fine], {} as never);
    expect(out).toEqual([{ rule: 'internal/rule-failed', args: { failedRule: 'test/boom', error: 'kaboom' } }, { rule: 'test/fine' }]);
  });
});

describe('never writes to an input file or beside it', () => {
  it('leaves the input byte for byte and its folder as it was', async () => {
    const p = file('readonly.xlsx', valid);
    const before = createHash('sha256').update(readFileSync(p)).digest('hex');
    const listing = readdirSync(dir).sort();
    await checkFile(p, {});
    expect(createHash('sha256').update(readFileSync(p)).digest('hex')).toBe(before);
    expect(readdirSync(dir).sort()).toEqual(listing);
  });
});

describe('mutated workbooks (property)', () => {
  it('never crash, always give a well-formed report in bounded time', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 2 ** 31 - 1 }), async (seed) => {
        const { bytes, how } = mutate(valid, rng(seed));
        const p = file(`mutant-${seed}.xlsx`, bytes);
        const t0 = performance.now();
        const report = await checkFile(p, { pool: 'recovery-2019' });
        expect(performance.now() - t0, how).toBeLessThan(15_000);
        expect(['budget', 'accounts', 'unknown']).toContain(report.kind);
        for (const f of report.findings) {
          expect(f.rule, how).toMatch(/^[a-z]+\/[a-z0-9-]+$/);
          expect(['error', 'warning', 'info']).toContain(f.severity);
          expect(typeof f.message).toBe('string');
          expect(f.message.length).toBeGreaterThan(0);
          if (f.row !== undefined) expect(Number.isInteger(f.row) && f.row > 0).toBe(true);
          if (f.cell !== undefined) expect(f.cell).toMatch(/^[A-Z]{1,3}\d+$/);
        }
      }),
      { numRuns: 60 },
    );
  });
});
