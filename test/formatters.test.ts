import { describe, expect, it } from 'vitest';
import { finalise } from '../src/check.js';
import { DEFAULT_CONFIG } from '../src/config.js';
import { formatters } from '../src/report/formatters/index.js';
import { HOSTILE, sampleReport } from './helpers/sample-report.js';
import { parseXml } from './helpers/xml.js';

const report = sampleReport();
const opts = { lang: 'da' as const, color: false };

/** Reads CSV as Excel does: quoted fields, "" escapes, the given separator. */
function readCsv(text: string, sep: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let q = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (q) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') q = false;
      else field += c;
    } else if (c === '"') q = true;
    else if (c === sep) {
      row.push(field);
      field = '';
    } else if (c === '\r') continue;
    else if (c === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  return rows;
}

describe('junit', () => {
  const doc = parseXml(formatters.junit(report, opts));
  it('has a suite per file, a failing case per error and a passing case for a clean file', () => {
    expect(doc.name).toBe('testsuites');
    const suites = doc.children;
    expect(suites.map((s) => s.attrs.name)).toEqual([...report.files.map((f) => f.path), 'Puljen som helhed']);
    for (const [i, f] of report.files.entries()) {
      const errors = f.findings.filter((x) => x.severity === 'error').length;
      expect(suites[i].attrs.failures).toBe(String(errors));
      expect(suites[i].children.filter((c) => c.children.some((x) => x.name === 'failure')).length).toBe(errors);
    }
    const clean = suites[1];
    expect(clean.children).toHaveLength(1);
    expect(clean.children[0].children).toEqual([]);
    expect(doc.attrs.failures).toBe(String(report.summary.errors));
    expect(doc.attrs.tests).toBe(String(suites.reduce((s, x) => s + Number(x.attrs.tests), 0)));
  });
  it('keeps hostile text as text', () => {
    const c = doc.children[0].children[0];
    expect(c.attrs.classname).toBe('distribution/sum-mismatch');
    expect(c.attrs.name).toContain(HOSTILE[0]);
    expect(doc.children[3].attrs.name).toContain(']]>');
  });
});

describe('sarif', () => {
  const doc = JSON.parse(formatters.sarif(report, opts));
  it('is SARIF 2.1.0 with stable rule ids and Sheet!A1 logical locations', () => {
    expect(doc.version).toBe('2.1.0');
    expect(doc.$schema).toMatch(/sarif-2\.1\.0/);
    const run = doc.runs[0];
    const ids = run.tool.driver.rules.map((r: { id: string }) => r.id);
    expect(ids).toEqual([...ids].sort());
    const first = run.results[0];
    expect(first).toMatchObject({ ruleId: 'distribution/sum-mismatch', level: 'error', ruleIndex: ids.indexOf('distribution/sum-mismatch') });
    expect(first.locations[0].physicalLocation.artifactLocation.uri).toBe('ans%C3%B8gninger/roskilde.xlsx');
    expect(first.locations[0].logicalLocations[0].fullyQualifiedName).toBe('Budget!AK14');
    expect(first.properties).toMatchObject({ expected: 1485000, actual: 1440000 });
    expect(run.results.find((r: { ruleId: string }) => r.ruleId === 'eligibility/unclassified-expense').level).toBe('note');
    // A pool-level finding carries the files it is about (upload tools drop a result without a location):
    // pool/oversubscribed the budgets of its pool, pool/duplicate-applicant the files it names.
    const uris = (r: { locations: Array<{ physicalLocation: { artifactLocation: { uri: string } } }> }) =>
      r.locations.map((l) => l.physicalLocation.artifactLocation.uri);
    expect(uris(run.results.find((r: { ruleId: string }) => r.ruleId === 'pool/oversubscribed'))).toEqual([
      'ans%C3%B8gninger/roskilde.xlsx',
      'ans%C3%B8gninger/clean%20file.xlsx',
      `ans%C3%B8gninger/${encodeURIComponent(']]>')}.xlsx`,
    ]);
    const dup = {
      ...report,
      findings: finalise(
        [{ rule: 'pool/duplicate-applicant', args: { cvr: '29189404', files: ['a/x.xlsx', 'b/y.xlsx'] }, actual: 2, unit: 'count' }],
        DEFAULT_CONFIG,
        'da',
      ),
    };
    const dupRun = JSON.parse(formatters.sarif(dup, opts)).runs[0];
    expect(uris(dupRun.results.find((r: { ruleId: string }) => r.ruleId === 'pool/duplicate-applicant'))).toEqual(['a/x.xlsx', 'b/y.xlsx']);
    for (const r of run.results) expect(r.locations.length, r.ruleId).toBeGreaterThan(0);
  });
});

describe('csv', () => {
  const text = formatters.csv(report, opts);
  it('is UTF-8 with BOM, ;-separated, one row per finding, and neutralises formulas', () => {
    expect(text.startsWith('\uFEFF')).toBe(true);
    expect(text).toContain('\r\n');
    const rows = readCsv(text.slice(1), ';');
    const all = [...report.files.flatMap((f) => f.findings), ...report.findings];
    expect(rows).toHaveLength(1 + all.length);
    expect(rows[0][0]).toBe('Fil');
    for (const row of rows) for (const cell of row) expect(cell).not.toMatch(/^\s*[=+\-@]/);
    const sum = rows.find((r) => r[1] === 'distribution/sum-mismatch')!;
    expect(sum[6]).toBe(`'${HOSTILE[0]}`);
    expect(sum[7]).toBe('1485000');
    expect(rows.find((r) => r[1] === 'itemisation/lump-sum-post')![6]).toBe(`'${HOSTILE[1]}`);
    expect(rows.find((r) => r[1] === 'itemisation/missing-note')![6]).toBe(`'${HOSTILE[3]}`);
  });
});

describe('html', () => {
  const page = formatters.html(report, opts);
  it('escapes every text from the report', () => {
    expect(page).not.toContain('<script>window.__pwned');
    expect(page).toContain('&lt;script&gt;window.__pwned=1&lt;/script&gt;');
    expect(page).toContain('&quot;quotes&quot; &amp; &lt;tags&gt;');
    expect(page).toMatch(/^<!DOCTYPE html>\n<html lang="da">/);
    expect(page).not.toMatch(/<script|src=/i);
    // the only links are to the page's own sections
    const hrefs = [...page.matchAll(/href="([^"]*)"/g)].map((m) => m[1]);
    expect(hrefs.length).toBeGreaterThan(0);
    for (const h of hrefs) expect(page).toContain(`id="${h.slice(1)}"`);
  });
  it('is deterministic', () => {
    expect(formatters.html(sampleReport(), opts)).toBe(page);
  });
});

describe('text', () => {
  const TERMINAL = ['Løn\x1b[2J\x1b[31mHACK\x07', 'Kørsel\u202Eslen\u202C', 'linje1\r\nlinje2\tx', 'C1\u009b31m'];
  const hostile = sampleReport();
  hostile.files[0].applicant = TERMINAL[0];
  hostile.files[0].findings[0].post = TERMINAL[1];
  hostile.files[0].findings[1].message = TERMINAL[2];
  hostile.files[3].findings[0].sheet = TERMINAL[3];

  it('lets no control character, C1 control or bidi override from a workbook reach the terminal', () => {
    for (const color of [false, true]) {
      const out = formatters.text(hostile, { lang: 'da', color });
      // with colour, the only escape sequences are our own SGR codes
      const rest = color ? out.replace(/\x1b\[[0-9;]*m/g, '') : out;
      expect(rest).not.toMatch(/[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]/);
      expect(rest).toContain('Løn\uFFFD[2J\uFFFD[31mHACK\uFFFD');
      expect(rest).toContain('linje1  linje2 x');
    }
  });

  it("names a file's pool in the report's language", () => {
    expect(formatters.text(sampleReport(), { lang: 'da', color: false })).toContain('pulje: recovery-2019');
    const en = formatters.text(sampleReport(), { lang: 'en', color: false });
    expect(en).toContain('pool: recovery-2019');
    expect(en).not.toContain('pulje: ');
  });

  it('shows every hostile text as the text it is', () => {
    const out = formatters.text(sampleReport(), opts);
    for (const h of [HOSTILE[0], HOSTILE[1], HOSTILE[3], HOSTILE[4], HOSTILE[5]]) expect(out).toContain(h);
  });
});

describe('a budget that states no requested amount', () => {
  it('shows the requested amount as missing in the text and HTML summaries, not as its expenses', async () => {
    const { formatters } = await import('../src/report/formatters/index.js');
    const file = (path: string, requested?: number) => ({
      path,
      kind: 'budget' as const,
      pool: 'recovery-2019',
      applicant: 'X Kommune',
      requested,
      totals: { expenses: 123_456_700 },
      findings: [],
    });
    const report = {
      tool: { name: 'budgettjek', version: '0' },
      lang: 'da' as const,
      files: [file('a.xlsx'), file('b.xlsx', 100_000_000)],
      findings: [],
      summary: { files: 2, errors: 0, warnings: 0, infos: 0 },
    };
    const text = formatters.text(report, { lang: 'da', color: false });
    const rowA = text.split('\n').find((l) => l.startsWith('a.xlsx '))!;
    expect(rowA).toMatch(/mangler/);
    expect(rowA).not.toMatch(/1\.234\.567/);
    expect(text).toMatch(/Ansøgt beløb: mangler/);
    const html = formatters.html(report, { lang: 'da', color: false });
    const cell = /<tr><td>(?:<a [^>]*>)?a\.xlsx(?:<\/a>)?<\/td><td>X Kommune<\/td><td class="num">([^<]*)<\/td>/.exec(html)?.[1];
    expect(cell).toBe('mangler');
  });
});

describe('loading a formatter on demand', () => {
  it('loads each registered format, and only those', async () => {
    const { TEXT_FORMAT_NAMES, FORMAT_NAMES, binaryFormatters, loadFormatter } = await import('../src/report/formatters/load.js');
    expect([...TEXT_FORMAT_NAMES].sort()).toEqual(Object.keys(formatters).sort());
    expect([...FORMAT_NAMES].sort()).toEqual([...Object.keys(formatters), ...Object.keys(binaryFormatters)].sort());
    for (const name of TEXT_FORMAT_NAMES) expect(await loadFormatter(name)).toBe(formatters[name]);
    expect(await loadFormatter('xml')).toBeUndefined();
  });
});
