// Reading stays bounded in time and memory whatever the file holds (issue 11, items 7 and 9): styles are inspected
// once per format and count against the cell limit, CSV is counted as it is parsed and stops at the limits.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../src/read/csv.js';
import { readWorkbook } from '../src/read/index.js';
import { minimalXlsx } from './helpers/zip.js';

const dir = mkdtempSync(join(tmpdir(), 'bt-bounded-'));

function stylesXml(xfs: number, format: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="1"><numFmt numFmtId="164" formatCode="${format}"/></numFmts><cellXfs count="${xfs}">${'<xf numFmtId="164"/>'.repeat(xfs)}</cellXfs></styleSheet>`;
}

describe('styles (item 7)', () => {
  it('200.000 <xf> sharing a 100.000-character number format read in well under a second each', async () => {
    const file = join(dir, 'styles.xlsx');
    const sheet = '<row r="1"><c r="A1" t="inlineStr"><is><t>Budgetpost</t></is></c></row><row r="2"><c r="A2" s="5"><v>12</v></c></row>';
    writeFileSync(file, minimalXlsx(sheet, [{ name: 'xl/styles.xml', data: stylesXml(200_000, '0'.repeat(100_000)) }]));
    const t = Date.now();
    const read = await readWorkbook(file);
    expect(Date.now() - t).toBeLessThan(5_000);
    expect(read.ok).toBe(true);
    if (read.ok) expect(read.workbook.sheets[0].rows.get(2)?.[0].value).toBe(12);
  });

  it('count against the cell limit: too many styles are input/too-large', async () => {
    const file = join(dir, 'many-styles.xlsx');
    writeFileSync(file, minimalXlsx('<row r="1"><c r="A1"><v>1</v></c></row>', [{ name: 'xl/styles.xml', data: stylesXml(5_000, 'yyyy-mm') }]));
    const read = await readWorkbook(file, { maxCells: 1_000 });
    expect(read.ok).toBe(false);
    if (!read.ok) expect([read.finding.rule, read.finding.args?.what]).toEqual(['input/too-large', 'cells']);
    expect((await readWorkbook(file)).ok).toBe(true);
  });
});

describe('CSV (item 9)', () => {
  const csv = (name: string, text: string | Buffer) => {
    const p = join(dir, name);
    writeFileSync(p, text);
    return p;
  };

  it('50 MB of newlines is an empty sheet, read in bounded memory', async () => {
    const p = csv('newlines.csv', Buffer.alloc(50 * 1024 * 1024 - 16, 0x0a));
    const before = process.memoryUsage().rss;
    const read = await readWorkbook(p);
    expect(process.memoryUsage().rss - before).toBeLessThan(600 * 1024 * 1024);
    expect(read.ok).toBe(true);
    if (read.ok) expect(read.workbook.sheets[0].rows.size).toBe(0);
  }, 60_000);

  it('stops at the row, column and cell limits as it parses', async () => {
    // rows that hold a cell count, as in .xlsx: a line far below after blank lines is one row, not 300.000
    const rows = await readWorkbook(csv('rows.csv', 'Budgetpost;I alt\n' + 'Løn;1\n'.repeat(200_000)));
    expect(rows.ok ? undefined : [rows.finding.rule, rows.finding.args?.what]).toEqual(['input/too-large', 'rows']);
    const far = await readWorkbook(csv('far-row.csv', 'Budgetpost;I alt\n' + '\n'.repeat(300_000) + 'Løn;1\n'));
    expect(far.ok && [...far.workbook.sheets[0].rows.keys()]).toEqual([1, 300_002]);
    const cols = await readWorkbook(csv('cols.csv', 'a;'.repeat(3_000)));
    expect(cols.ok ? undefined : [cols.finding.rule, cols.finding.args?.what]).toEqual(['input/too-large', 'columns']);
    const cells = await readWorkbook(csv('cells.csv', 'a;b;c;d;e;f;g;h;i;j\n'.repeat(2_000)), { maxCells: 10_000 });
    expect(cells.ok ? undefined : [cells.finding.rule, cells.finding.args?.what]).toEqual(['input/too-large', 'cells']);
  });

  it('one 40 MB quoted field is one cell, not a rope of characters', async () => {
    const p = csv('field.csv', `Budgetpost;Note\nLøn;"${'x'.repeat(40 * 1024 * 1024)}"\n`);
    const before = process.memoryUsage().rss;
    const read = await readWorkbook(p);
    expect(process.memoryUsage().rss - before).toBeLessThan(800 * 1024 * 1024);
    expect(read.ok).toBe(true);
    if (read.ok) expect((read.workbook.sheets[0].rows.get(2)?.[1].value as string).length).toBe(40 * 1024 * 1024);
  }, 60_000);

  it('parses quotes as before: "" escapes, separators and newlines inside quotes, text after the closing quote', () => {
    expect(parseCsv('a;"b;c";"d""e"\n"f\ng";h\n  "i" j;\n', ';')).toEqual([
      ['a', 'b;c', 'd"e'],
      ['f\ng', 'h'],
      ['i j', ''],
    ]);
    expect(parseCsv('x;;y\r\n;\r\n', ';')).toEqual([
      ['x', '', 'y'],
      ['', ''],
    ]);
  });
});
