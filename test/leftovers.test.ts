// Leftovers of the last session, each reproduced with a fixture of fixtures/defs/leftovers-accounts.ts written by a real
// writer (or a file made as the defect arrives) and checked by rule, sheet and row.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkFiles } from '../src/check.js';
import { main } from '../src/cli/main.js';
import { labelsFor } from '../src/i18n/languages.js';
import type { Finding } from '../src/types.js';
import { leftoverDefs } from '../fixtures/defs/leftovers-accounts.js';
import { sofficeBinary } from '../fixtures/lib/libreoffice.js';
import { unzip, zip } from '../fixtures/lib/zip.js';
import { DEFAULT_OUT } from '../scripts/make-fixtures.js';
import { hiddenFixtures } from './helpers/hidden-fixtures.js';

const { ensureBuilt, fixture } = hiddenFixtures(leftoverDefs);
const at = (f: Finding[], rule: string) => f.filter((x) => x.rule === rule).map((x) => `${x.sheet}:${x.row}`);

beforeAll(ensureBuilt, 600_000); // the global setup generates them; generated here when this file runs without it

describe('1. a quantity of a period\'s days ("91 nætter") prices that period', () => {
  for (const w of ['openpyxl', 'gnumeric'])
    it(`${w}: "91 nætter à 450 kr." over eight quarters of 40.950 kr. is no unit-price-mismatch, and no no-unit-price either`, async () => {
      const { findings } = await fixture(`leftover-nights-per-quarter-${w}`);
      expect(at(findings, 'itemisation/unit-price-mismatch')).toEqual([]);
      expect(at(findings, 'itemisation/no-unit-price')).toEqual([]);
      expect(findings.filter((f) => f.severity === 'error')).toEqual([]);
    });

  it('xlsxwriter near-miss: the same text on a line of one quarter holding 50.000 kr. is unit-price-mismatch at its row', async () => {
    const { findings, rowOf } = await fixture('leftover-nights-one-quarter-mismatch-xlsxwriter');
    expect(at(findings, 'itemisation/unit-price-mismatch')).toEqual([`Budget:${rowOf('Budget', 'Overnatningspladser')}`]);
  });
});

describe('2. a share of a named post ("25 % af forplejning") is a specification', () => {
  for (const w of ['libreoffice', 'openpyxl'])
    it(`${w}: no no-unit-price at Drikkevarer, and no error`, async () => {
      const { findings } = await fixture(`leftover-percent-of-post-${w}`);
      expect(at(findings, 'itemisation/no-unit-price')).toEqual([]);
      expect(findings.filter((f) => f.severity === 'error')).toEqual([]);
    });

  it('xlsxwriter near-miss: "25 % af budgettet" names no post: no-unit-price at its row', async () => {
    const { findings, rowOf } = await fixture('leftover-percent-of-no-post-xlsxwriter');
    expect(at(findings, 'itemisation/no-unit-price')).toEqual([`Budget:${rowOf('Budget', 'Drikkevarer')}`]);
  });
});

describe('3. the CSV reader counts the rows that hold cells, not the last row index', () => {
  it('LibreOffice CSV of a budget with a stray mark at A250001 (a line of separators per row between) is read, not input/too-large', async () => {
    const out = mkdtempSync(join(tmpdir(), 'bt-leftover-csv-'));
    const profile = mkdtempSync(join(tmpdir(), 'bt-leftover-lo-'));
    try {
      execFileSync(
        sofficeBinary(),
        [
          `-env:UserInstallation=file://${profile}`,
          '--headless',
          '--norestore',
          '--convert-to',
          'csv:Text - txt - csv (StarCalc):59,34,76',
          '--outdir',
          out,
          join(DEFAULT_OUT, 'leftover-far-row-openpyxl.xlsx'),
        ],
        { stdio: 'pipe', timeout: 300_000 },
      );
      const path = join(out, 'leftover-far-row-openpyxl.csv');
      // the writer really wrote the blank rows between
      expect(readFileSync(path, 'utf8').split('\n').length).toBeGreaterThan(250_000);
      const report = await checkFiles([path], { pool: 'recovery-2019', jobs: 1 });
      const f = report.files[0];
      expect(f.findings.filter((x) => x.rule.startsWith('input/') || x.severity === 'error').map((x) => `${x.rule}@${x.sheet}:${x.row}`)).toEqual([]);
      expect(f.kind).toBe('budget');
      expect(f.totals.expenses).toBe((45_000 * 33 + 33_000) * 100);
    } finally {
      rmSync(out, { recursive: true, force: true });
      rmSync(profile, { recursive: true, force: true });
    }
  }, 300_000);
});

/** Runs the CLI in this process (src/cli/main.ts), gathering what it prints. */
async function cli(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io = { stdout: (s: string) => void (out += s), stderr: (s: string) => void (err += s), isTTY: false, stderrTTY: false, env: { NO_COLOR: '1' } };
  const code = await main(['node', 'budgettjek', ...args], io);
  return { code, out, err };
}

describe('4. pools init speaks the language of --lang', () => {
  const dir = mkdtempSync(join(tmpdir(), 'bt-leftover-init-'));
  it('its closing line is Danish by default and English with --lang en (before or after "init"), naming the file and id', async () => {
    const da = await cli(['pools', 'init', '-o', join(dir, 'min-pulje.yaml')]);
    expect(da.code).toBe(0);
    expect(da.err).toContain(labelsFor('da').cli.profileWritten(join(dir, 'min-pulje.yaml'), 'min-pulje'));
    expect(da.err).not.toContain('fill in');
    const en = await cli(['pools', 'init', '-o', join(dir, 'other.yaml'), '--lang', 'en']);
    expect(en.err).toContain(labelsFor('en').cli.profileWritten(join(dir, 'other.yaml'), 'other'));
    const before = await cli(['pools', '--lang', 'en', 'init', '-o', join(dir, 'third.yaml')]);
    expect(before.err).toContain(labelsFor('en').cli.profileWritten(join(dir, 'third.yaml'), 'third'));
    expect(labelsFor('da').cli.profileWritten('a', 'b')).not.toEqual(labelsFor('en').cli.profileWritten('a', 'b'));
  });
});

describe('6. --print-config needs no path: the configuration is found from the working directory', () => {
  const BIN = resolve('bin/budgettjek.js');
  const run = (args: string[], cwd: string) => {
    const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', cwd, env: { ...process.env, NO_COLOR: '1' } });
    return { code: r.status, out: r.stdout, err: r.stderr };
  };

  it('`check --print-config` alone prints the configuration that applies here (the nearest file, merged with the options)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'bt-leftover-config-'));
    const deep = join(dir, 'ansøgninger', '2026');
    mkdirSync(deep, { recursive: true });
    writeFileSync(join(dir, 'budgettjek.config.yaml'), 'pool: puf-2024\nrules:\n  itemisation/missing-note: "off"\n');
    const r = run(['check', '--print-config', '--fail-on', 'warning'], deep);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toMatchObject({
      configFile: join(dir, 'budgettjek.config.yaml'),
      pool: 'puf-2024',
      failOn: 'warning',
      rules: { 'itemisation/missing-note': 'off' },
    });
  });

  it('near-miss: `check` with neither paths nor --print-config is still a usage error (exit 2) naming the missing paths', () => {
    const r = run(['check', '--lang', 'en'], tmpdir());
    expect(r.code).toBe(2);
    expect(r.err).toContain("missing required argument 'paths'");
    expect(r.out).toBe('');
  });
});

describe('7. a merged range of a million rows costs nothing per covered cell', () => {
  it('openpyxl budget with merges A1:Z1048576 (notes sheet) and A40:Z1048576 (below the table): the same findings, in a small heap', () => {
    const src = join(DEFAULT_OUT, 'leftover-merged-notes-openpyxl.xlsx');
    const dir = mkdtempSync(join(tmpdir(), 'bt-leftover-merge-'));
    const merged = join(dir, 'merged.xlsx');
    const withMerge = (xml: string, ref: string) => xml.replace('</sheetData>', `</sheetData><mergeCells count="1"><mergeCell ref="${ref}"/></mergeCells>`);
    writeFileSync(
      merged,
      zip(
        unzip(readFileSync(src)).map((e) =>
          e.name === 'xl/worksheets/sheet2.xml'
            ? { ...e, data: Buffer.from(withMerge(e.data.toString('utf8'), 'A40:Z1048576')) }
            : e.name === 'xl/worksheets/sheet3.xml'
              ? { ...e, data: Buffer.from(withMerge(e.data.toString('utf8'), 'A1:Z1048576')) }
              : e,
        ),
      ),
    );
    // 27 million covered cells: one object each would need gigabytes, a 120 MB heap is plenty when none is made
    const run = (path: string) =>
      spawnSync(process.execPath, ['--max-old-space-size=120', resolve('bin/budgettjek.js'), 'check', path, '--pool', 'recovery-2019', '--format', 'json'], {
        encoding: 'utf8',
      });
    const before = run(src);
    const after = run(merged);
    expect(after.status, after.stderr).toBe(before.status);
    const shape = (out: string) => {
      const f = JSON.parse(out).files[0];
      return { kind: f.kind, totals: f.totals, findings: f.findings.map((x: Finding) => `${x.rule}@${x.sheet}:${x.row}:${x.cell}`) };
    };
    expect(shape(after.stdout)).toEqual(shape(before.stdout));
    expect(shape(after.stdout).totals.expenses).toBe(45_000 * 33 + 950 * 33 + 33_000); // kroner in JSON
  }, 120_000);
});
