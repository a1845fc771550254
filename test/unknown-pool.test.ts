// structure/unknown-pool: without --pool, a file whose Pulje names no known pool is a finding of that file, and the
// batch goes on; an explicit --pool that names nothing stays a usage error (issue 11, item 4; SPEC §5).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkFile, checkFiles } from '../src/check.js';
import { budgetWorkbook, CLEAN_LINES } from './helpers/budget.js';
import { writeXlsx } from './helpers/xlsx.js';
import { argsOf } from './helpers/args.js';

const BIN = resolve('bin/budgettjek.js');
const dir = mkdtempSync(join(tmpdir(), 'bt-pool-'));
const known = join(dir, 'known.xlsx');
const unknown = join(dir, 'unknown.xlsx');
const none = join(dir, 'none.xlsx');

beforeAll(async () => {
  await writeXlsx(budgetWorkbook({ lines: CLEAN_LINES }).wb, known);
  await writeXlsx(budgetWorkbook({ lines: CLEAN_LINES, stamdata: { Pulje: 'Puljen til noget helt andet 2031' } }).wb, unknown);
  await writeXlsx(budgetWorkbook({ lines: CLEAN_LINES, stamdata: { Pulje: '' } }).wb, none);
});

describe('structure/unknown-pool', () => {
  it('is a finding at the Pulje cell when the field names no known pool, with the pools to choose from', async () => {
    const r = await checkFile(unknown);
    expect(r.findings.map((f) => [f.rule, f.sheet, f.row, f.cell])).toEqual([['structure/unknown-pool', 'Stamdata', 3, 'B3']]);
    expect(argsOf(r.findings[0])?.pools).toEqual([
      '15m-2013',
      'familiehuse-2024',
      'isolerede-2013',
      'lokalplejehjem-2025',
      'noedovernatning-2024',
      'puf-2024',
      'recovery-2019',
      'retshjaelp-2025',
    ]);
    expect(r.findings[0].severity).toBe('error');
    expect(r.kind).toBe('budget');
    expect(r.pool).toBeUndefined();
  });

  it('is a finding of the file (no location) when the workbook names no pool at all', async () => {
    const r = await checkFile(none);
    expect(r.findings.map((f) => [f.rule, f.sheet, f.row])).toEqual([['structure/unknown-pool', undefined, undefined]]);
  });

  it('does not stop the batch: the other files are checked as usual', async () => {
    const report = await checkFiles([unknown, known, none]);
    expect(report.files.map((f) => f.findings.map((x) => x.rule))).toEqual([['structure/unknown-pool'], [], ['structure/unknown-pool']]);
    expect(report.files[1].pool).toBe('recovery-2019');
    expect(report.summary.errors).toBe(2);
  });

  it('is not reported when --pool is given, and --pool naming no pool or file is a usage error (exit 2)', async () => {
    expect((await checkFile(unknown, { pool: 'recovery-2019' })).findings).toEqual([]);
    if (!existsSync(resolve('dist/cli.js'))) throw new Error('dist/ is missing: run `npm run build` (npm test does it)');
    const run = (args: string[]) => spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8' });
    const batch = run(['check', unknown, known, '--format', 'json']);
    expect(batch.status).toBe(1);
    expect(JSON.parse(batch.stdout).files.map((f: { findings: { rule: string }[] }) => f.findings.map((x) => x.rule))).toEqual([
      ['structure/unknown-pool'],
      [],
    ]);
    expect(run(['check', unknown, known, '--pool', 'no-such-pool']).status).toBe(2);
    expect(run(['check', unknown, '--pool', join(dir, 'missing.yaml')]).status).toBe(2);
  });
});
