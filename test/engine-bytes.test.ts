// The read path from bytes: checkBytes gives the report checkFile gives, zip parts inflate through one capped interface
// (node's zlib, fflate in the browser), and no Node API is reachable from the browser page's engine.
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deflateRawSync } from 'node:zlib';
import { build, type BuildResult, type Metafile } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { checkFile } from '../src/check.js';
import { checkBytes } from '../src/engine.js';
import { inflateRaw as nodeInflate } from '../src/read/inflate.js';
import { inflateRaw as browserInflate } from '../src/read/inflate.browser.js';
import { InflatedTooLarge } from '../src/read/inflate-cap.js';
import { readWorkbookBytes } from '../src/read/bytes.js';
import { json } from '../src/report/formatters/json.js';
import { accountsWorkbook } from './helpers/accounts.js';
import { writeXlsx } from './helpers/xlsx.js';
// @ts-expect-error a plain ES module of the build scripts, without types
import { webWorkerBuild } from '../scripts/web-build.mjs';

const GENERATED = 'fixtures/generated';
const EXAMPLES = 'fixtures/examples';

async function outcome(f: () => Promise<unknown>): Promise<unknown> {
  try {
    return await f();
  } catch (e) {
    return { threw: (e as Error).message };
  }
}

describe('checkBytes', () => {
  it('gives the report checkFile gives, for the shipped examples and every generated fixture', async () => {
    const files = [...readdirSync(EXAMPLES).map((f) => join(EXAMPLES, f)), ...readdirSync(GENERATED).map((f) => join(GENERATED, f))];
    expect(files.length).toBeGreaterThan(100);
    let checked = 0;
    for (const path of files) {
      const fromPath = await outcome(() => checkFile(path));
      const fromBytes = await outcome(() => checkBytes(path, new Uint8Array(readFileSync(path))));
      expect(fromBytes, path).toEqual(fromPath);
      if (!('threw' in (fromPath as object))) checked++;
    }
    expect(checked).toBeGreaterThan(100);
  });

  it('checks an accounts workbook without hooks (the page) as the CLI does without --budget', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'bt-bytes-')), 'regnskab.xlsx');
    await writeXlsx(
      accountsWorkbook({
        stamdata: { CVR: '29189404', Tilskudsmodtager: 'Roskilde', Pulje: 'recovery-2019' },
        posts: [
          { post: 'Løn', budget: 100_000, actual: 130_000 },
          { post: 'Revision', budget: 20_000, actual: 20_000 },
        ],
      }).wb,
      path,
    );
    const fromPath = await checkFile(path);
    expect(fromPath.kind).toBe('accounts');
    expect(fromPath.findings.length).toBeGreaterThan(0);
    expect(await checkBytes(path, new Uint8Array(readFileSync(path)))).toEqual(fromPath);
  });

  it('names the report after the given name and refuses bytes over the file-size limit without reading them', async () => {
    const bytes = new Uint8Array(readFileSync(join(EXAMPLES, 'herning-budget-med-fejl.xlsx')));
    const r = await checkBytes('herning.xlsx', bytes);
    expect(r.path).toBe('herning.xlsx');
    expect(r.findings.some((f) => f.severity === 'error')).toBe(true);
    const big = readWorkbookBytes('x.xlsx', bytes, { maxFileBytes: 100 });
    expect(big.ok ? undefined : [big.finding.rule, big.finding.args?.what]).toEqual(['input/too-large', 'file-size']);
  });

  it('a truncated workbook is an input/unreadable finding of its file', async () => {
    const bytes = new Uint8Array(readFileSync(join(EXAMPLES, 'roskilde-budget.xlsx')));
    const r = await checkBytes('cut.xlsx', bytes.subarray(0, Math.floor(bytes.length / 2)));
    expect(r.findings.map((f) => f.rule)).toEqual(['input/unreadable']);
    expect(
      JSON.parse(
        json(
          { tool: { name: 'budgettjek', version: '0' }, lang: 'da', files: [r], findings: [], summary: { files: 1, errors: 1, warnings: 0, infos: 0 } },
          { lang: 'da', color: false },
        ),
      ).files[0].findings[0].rule,
    ).toBe('input/unreadable');
  });
});

describe('the inflation interface', () => {
  const text = new TextEncoder().encode('<sheetData>' + '<row r="1"><c r="A1"><v>1</v></c></row>'.repeat(5000) + '</sheetData>');
  const deflated = new Uint8Array(deflateRawSync(text));
  for (const [name, inflate] of [
    ['node zlib', nodeInflate],
    ['fflate (browser)', browserInflate],
  ] as const) {
    it(`${name}: inflates to the declared size, refuses a byte more, and refuses what is not deflate`, () => {
      expect(Buffer.from(inflate(deflated, text.length)).equals(Buffer.from(text))).toBe(true);
      expect(() => inflate(deflated, text.length - 1)).toThrow(InflatedTooLarge);
      expect(() => inflate(new Uint8Array([0xff, 0xff, 0xff, 0xff, 0x00, 0x13]), 1000)).toThrow();
      expect(() => inflate(deflated, text.length - 1)).not.toThrow(/^$/);
      const truncated = deflated.subarray(0, deflated.length >> 1);
      let error: unknown;
      try {
        inflate(truncated, text.length);
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(Error);
      expect(error).not.toBeInstanceOf(InflatedTooLarge);
    });

    it(`${name}: stops a bomb at its cap, quickly`, () => {
      const bomb = new Uint8Array(deflateRawSync(new Uint8Array(200 * 1024 * 1024))); // 200 MB of zeros, ~200 KB
      const t = performance.now();
      expect(() => inflate(bomb, 1024 * 1024)).toThrow(InflatedTooLarge);
      expect(performance.now() - t).toBeLessThan(2000);
    });
  }
});

describe('the browser bundle', () => {
  it('builds for platform browser with no externals: no Node API is reachable from the engine', async () => {
    const r = (await build(webWorkerBuild({ write: false }))) as BuildResult & { metafile: Metafile };
    // the modules with code in the bundle (zod is scanned through the profile schema's lazy import, then shaken out)
    const inputs = Object.values(r.metafile.outputs).flatMap((o) =>
      Object.entries(o.inputs)
        .filter(([, v]) => v.bytesInOutput > 0)
        .map(([k]) => k),
    );
    expect(inputs.some((i) => i.endsWith('src/engine.ts'))).toBe(true);
    expect(inputs.some((i) => i.endsWith('src/read/inflate.browser.ts'))).toBe(true);
    expect(inputs.filter((i) => /src\/read\/inflate\.ts$|^node:|zlib|node_modules\/zod\//.test(i))).toEqual([]);
    const code = r.outputFiles![0].text;
    expect(code).not.toMatch(/\brequire\(|\bBuffer\.|process\.env/);
  });

  it('the same build fails as soon as a module that imports node:fs is reachable', async () => {
    const opts = webWorkerBuild({ write: false });
    await expect(build({ ...opts, entryPoints: { probe: 'src/read/index.ts' } })).rejects.toThrow(/node:fs/);
  });
});
