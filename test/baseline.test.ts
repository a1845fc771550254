// Accepted findings (issue 16): --write-baseline, --baseline, stale entries, --quiet and --max-warnings, through the built bin.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { applyBaseline, baselineOf } from '../src/baseline.js';
import { finalise } from '../src/check.js';
import { DEFAULT_CONFIG } from '../src/config.js';
import type { Report } from '../src/report/types.js';
import { budgetWorkbook, CLEAN_LINES } from './helpers/budget.js';
import { writeXlsx } from './helpers/xlsx.js';

const BIN = resolve('bin/budgettjek.js');
const dir = mkdtempSync(join(tmpdir(), 'bt-baseline-'));
const pile = join(dir, 'ansøgninger');

/** A budget whose Løn projektleder total is typed as `total` (the months say 1.485.000 kr.): distribution/sum-mismatch. */
const broken = (total: number) => budgetWorkbook({ lines: [{ ...CLEAN_LINES[0], total }, ...CLEAN_LINES.slice(1)], stamdata: { CVR: '29189404' } }).wb;
const warnOnly = budgetWorkbook({
  lines: [...CLEAN_LINES, { post: 'Løn koordinator', spec: '150 timer à 400 kr.', monthly: { 4: 60000 } }],
  stamdata: { CVR: '29189919', Ansøger: 'Herning Kommune' },
}).wb;

function run(args: string[]) {
  const r = spawnSync(process.execPath, [BIN, 'check', ...args], { encoding: 'utf8', cwd: dir, env: { ...process.env, NO_COLOR: '1' } });
  return { code: r.status, out: r.stdout, err: r.stderr };
}
type Doc = {
  files: Array<{ path: string; findings: Array<{ rule: string; severity: string; row?: number; actual?: number }> }>;
  summary: { errors: number; warnings: number };
};
const json = (args: string[]) => {
  const r = run([...args, '--format', 'json', '--lang', 'en']); // stderr is asserted in English; Danish below
  return { ...r, doc: JSON.parse(r.out) as Doc };
};

beforeAll(async () => {
  mkdirSync(pile);
  await writeXlsx(broken(1_440_000), join(pile, 'roskilde.xlsx'));
  await writeXlsx(warnOnly, join(pile, 'herning.xlsx'));
});

describe('--baseline and --write-baseline', () => {
  it('round trip: write, re-run (nothing), re-save and rename (still nothing), change one amount (that finding back, the old entry stale)', async () => {
    const before = json(['ansøgninger']);
    expect(before.code).toBe(1);
    const sum = before.doc.files[1].findings.filter((f) => f.rule === 'distribution/sum-mismatch');
    expect(sum.map((f) => f.actual)).toEqual([1_440_000]);

    const w = run(['ansøgninger', '--write-baseline']);
    expect(w.code, w.err).toBe(0);
    expect(w.err).toMatch(/budgettjek-baseline\.json/);
    const baseline = JSON.parse(readFileSync(join(dir, 'budgettjek-baseline.json'), 'utf8'));
    expect(
      baseline.entries.some(
        (e: { file: string; rule: string; cell: string; actual: number }) =>
          e.file === 'cvr:29189404' && e.rule === 'distribution/sum-mismatch' && e.actual === 1_440_000,
      ),
    ).toBe(true);

    const again = json(['ansøgninger', '--baseline', 'budgettjek-baseline.json']);
    expect(again.code).toBe(0);
    expect(again.doc.files.flatMap((f) => f.findings)).toEqual([]);
    expect(again.doc.summary).toMatchObject({ errors: 0, warnings: 0 });
    expect(again.err).not.toMatch(/stale/);

    // re-saved by another program (openpyxl) under another name: the same findings, still accepted
    execFileSync('/usr/bin/python3', [
      '-c',
      'import openpyxl,sys; wb=openpyxl.load_workbook(sys.argv[1]); wb.save(sys.argv[2])',
      join(pile, 'roskilde.xlsx'),
      join(pile, 'roskilde-gemt.xlsx'),
    ]);
    renameSync(join(pile, 'roskilde-gemt.xlsx'), join(pile, 'roskilde.xlsx'));
    renameSync(join(pile, 'roskilde.xlsx'), join(pile, 'roskilde-v2.xlsx'));
    const resaved = json(['ansøgninger', '--baseline', 'budgettjek-baseline.json']);
    expect(resaved.doc.files.flatMap((f) => f.findings)).toEqual([]);
    expect(resaved.code).toBe(0);

    // one amount changed: that finding is back, and the entry it replaced is stale
    await writeXlsx(broken(1_430_000), join(pile, 'roskilde-v2.xlsx'));
    const changed = json(['ansøgninger', '--baseline', 'budgettjek-baseline.json']);
    expect(changed.code).toBe(1);
    const back = changed.doc.files.flatMap((f) => f.findings);
    // (the typed total is wrong against its months, which agree with the specification: sum-mismatch is the one root cause)
    expect(back.map((f) => [f.rule, f.actual])).toEqual([['distribution/sum-mismatch', 1_430_000]]);
    expect(changed.doc.summary.errors).toBe(1);
    expect(changed.err).toMatch(/1 baseline entry matches no finding any more/);
    expect(changed.err).toMatch(/cvr:29189404 {2}distribution\/sum-mismatch {2}Budget!AJ2/);
    // in Danish (the default) the same is said in Danish
    const da = run(['ansøgninger', '--baseline', 'budgettjek-baseline.json', '--format', 'json']);
    expect(da.err).toMatch(/1 post i baseline svarer ikke længere til et fund/);
    // the hard-coded total that is still there stays accepted
    expect(back.some((f) => f.rule === 'arithmetic/hardcoded-total')).toBe(false);
  });

  it('a missing or foreign baseline file is a usage error', () => {
    expect(run(['ansøgninger', '--baseline', 'nope.json']).code).toBe(2);
    writeFileSync(join(dir, 'foreign.json'), JSON.stringify({ suppressions: [] }));
    expect(run(['ansøgninger', '--baseline', 'foreign.json']).code).toBe(2);
  });
});

describe('--quiet and --max-warnings', () => {
  it('--quiet reports errors only; --max-warnings N fails with more than N warnings', () => {
    const herning = join('ansøgninger', 'herning.xlsx');
    const all = json([herning]);
    expect(all.code).toBe(0);
    expect(all.doc.summary.warnings).toBeGreaterThan(0);
    const quiet = json([herning, '--quiet']);
    expect(quiet.doc.files[0].findings.filter((f) => f.severity !== 'error')).toEqual([]);
    expect(quiet.doc.summary.warnings).toBe(0);
    expect(run([herning, '--max-warnings', '0']).code).toBe(1);
    expect(run([herning, '--max-warnings', String(all.doc.summary.warnings)]).code).toBe(0);
    expect(run([herning, '--max-warnings', 'many']).code).toBe(2);
  });
});

describe('applyBaseline', () => {
  const fin = (raw: Parameters<typeof finalise>[0]) => finalise(raw, DEFAULT_CONFIG, 'da');
  const report = (files: Report['files']): Report => ({
    tool: { name: 'budgettjek', version: '0' },
    lang: 'da',
    files,
    findings: [],
    summary: { files: files.length, errors: 0, warnings: 0, infos: 0 },
  });
  const twice = fin([
    { rule: 'itemisation/duplicate-post', sheet: 'Budget', row: 4, cell: 'A4', post: 'Kørsel', args: { first: 'Budget!3' } },
    { rule: 'itemisation/duplicate-post', sheet: 'Budget', row: 4, cell: 'A4', post: 'Kørsel', args: { first: 'Budget!3' } },
  ]);
  it('counts identical findings, and calls stale only the entries of files in this run', () => {
    const a = { path: 'a.xlsx', kind: 'budget' as const, cvr: '29189404', totals: {}, findings: twice };
    const b = {
      path: 'b.xlsx',
      kind: 'budget' as const,
      applicant: 'Herning Kommune',
      totals: {},
      findings: fin([{ rule: 'cap/pool-exceeded', sheet: 'Budget', row: 9, expected: 1, actual: 2, args: { pool: 'recovery-2019', basis: 'expenses' } }]),
    };
    const base = baselineOf(report([a, b]));
    expect(base.entries.map((e) => [e.file, e.rule, e.count])).toEqual([
      ['applicant:herning kommune', 'cap/pool-exceeded', 1],
      ['cvr:29189404', 'itemisation/duplicate-post', 2],
    ]);
    const three = applyBaseline(report([{ ...a, findings: [...twice, twice[0]] }]), base);
    expect(three.report.files[0].findings).toHaveLength(1);
    expect(three.suppressed).toBe(2);
    // b was not checked in this run: its entry is not stale
    expect(three.stale).toEqual([]);
    const fixed = applyBaseline(
      report([
        { ...a, findings: [twice[0]] },
        { ...b, findings: [] },
      ]),
      base,
    );
    expect(fixed.stale.map((e) => [e.file, e.count])).toEqual([
      ['applicant:herning kommune', 1],
      ['cvr:29189404', 1],
    ]);
    expect(fixed.report.summary.warnings).toBe(0);
  });
});
