// The bundles' V8 code cache (bin/load-bundle.cjs, made by npm run build): used by the command and by its worker
// threads, never with a bundle it was not made from, and a check says the same with it, without it and with a cache
// V8 refuses.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';

const BIN = resolve('bin/budgettjek.js');
const EXAMPLES = ['fixtures/examples/roskilde-budget.xlsx', 'fixtures/examples/herning-budget-med-fejl.xlsx'].map((f) => resolve(f));

function run(args: string[], env: Record<string, string> = {}, node: string[] = []) {
  const r = spawnSync(process.execPath, [...node, BIN, ...args], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', ...env } });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

/** Starts dist/worker.js as src/batch/run.ts does, with the examples as its batch; prints the paths it reported. */
const WORKER_ALONE = `
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
const require = createRequire(${JSON.stringify(BIN)});
require('./load-bundle.cjs').tuneV8();
const shared = () => new Int32Array(new SharedArrayBuffer(4));
const paths = ${JSON.stringify(EXAMPLES)};
const w = new Worker(${JSON.stringify(resolve('dist/worker.js'))}, { workerData: { options: { lang: 'da' }, paths, next: shared(), on: shared() } });
const got = [];
w.on('message', (m) => { if (m.error) throw new Error(m.error.message); got[m.index] = m.report.path; });
w.on('error', (e) => { console.error(e); process.exitCode = 1; });
w.on('exit', () => console.log(JSON.stringify(got)));
`;

const check = (extra: string[]) => ['check', ...EXAMPLES, '--format', 'json', '--fail-on', 'never', ...extra];

/** The report without what differs between runs of the same check (the time it was made). */
const findings = (out: string) =>
  (JSON.parse(out) as { files: Array<{ path: string; findings: Array<{ rule: string; sheet?: string; row?: number }> }> }).files.map((f) => ({
    path: f.path,
    findings: f.findings.map((x) => `${x.rule} ${x.sheet ?? ''}!${x.row ?? ''}`),
  }));

beforeAll(() => {
  if (!existsSync(resolve('dist/cli.js'))) throw new Error('dist/ is missing: run `npm run build` (npm test does it)');
});

describe('the code cache of the bundles', () => {
  it('is built beside each bundle and accepted by V8, in the command and in its worker threads', () => {
    for (const f of ['dist/cli.js.cache', 'dist/worker-bundle.js.cache']) expect(existsSync(resolve(f)), f).toBe(true);
    // BT_CODE_CACHE=require: a missing or refused cache is an error, in the main thread and in a worker (whose failing
    // start ends the batch with that error)
    const r = run(check(['--jobs', '2']), { BT_CODE_CACHE: 'require' });
    expect(r.code, r.err).toBe(0);
    const files = findings(r.out);
    expect(files).toHaveLength(2);
    expect(files.flatMap((f) => f.findings).filter((f) => f.startsWith('input/'))).toEqual([]);
    expect(files[1].findings.length).toBeGreaterThan(0); // the example with errors is really checked
    // The command's own thread may check two files before a worker has started, so the worker is also started alone,
    // as the batch starts it (the V8 flags of the command, the batch in workerData), and must check both.
    const worker = spawnSync(process.execPath, ['--input-type=module', '-e', WORKER_ALONE], {
      encoding: 'utf8',
      env: { ...process.env, BT_CODE_CACHE: 'require' },
    });
    expect(worker.status, worker.stderr).toBe(0);
    expect(JSON.parse(worker.stdout)).toEqual(files.map((f) => f.path));
  });

  it('gives the same report as compiling the bundles from their source, on one thread and on two', () => {
    for (const jobs of ['1', '2']) {
      const cached = run(check(['--jobs', jobs]), { BT_CODE_CACHE: 'require' });
      const compiled = run(check(['--jobs', jobs]), { BT_CODE_CACHE: '0' });
      expect(cached.code, cached.err).toBe(0);
      expect(compiled.code, compiled.err).toBe(0);
      expect(findings(cached.out)).toEqual(findings(compiled.out));
    }
  });

  it('is refused by V8 under other V8 flags, and the check runs as without it', () => {
    const refused = run(check([]), { BT_CODE_CACHE: 'require' }, ['--max-old-space-size=600']);
    expect(refused.code).not.toBe(0);
    expect(refused.err).toContain('V8 refused the code cache');
    const ok = run(check([]), {}, ['--max-old-space-size=600']);
    expect(ok.code, ok.err).toBe(0);
    expect(findings(ok.out)).toEqual(findings(run(check([]), { BT_CODE_CACHE: '0' }).out));
  });

  it('is not offered to V8 with a bundle of another build', () => {
    // a copy of the bundle with another build's key beside the cache: the loader does not use that cache
    const dir = mkdtempSync(join(tmpdir(), 'bt-code-cache-'));
    mkdirSync(join(dir, 'dist'));
    mkdirSync(join(dir, 'bin'));
    symlinkSync(resolve('node_modules'), join(dir, 'node_modules'), 'dir');
    for (const f of ['bin/budgettjek.js', 'bin/load-bundle.cjs', 'dist/package.json', 'dist/cli.js.cache']) copyFileSync(resolve(f), join(dir, f));
    const js = readFileSync(resolve('dist/cli.js'), 'utf8');
    const other = js.replace(/bt-code-cache:([0-9a-f])/, (_, d: string) => `bt-code-cache:${d === '0' ? '1' : '0'}`);
    expect(other).not.toBe(js);
    expect(other.length).toBe(js.length); // V8 alone would take the cache: it compares only the source's length
    writeFileSync(join(dir, 'dist/cli.js'), other);
    const bin = join(dir, 'bin/budgettjek.js');
    const strict = spawnSync(process.execPath, [bin, ...check(['--jobs', '1'])], { encoding: 'utf8', env: { ...process.env, BT_CODE_CACHE: 'require' } });
    expect(strict.status).not.toBe(0);
    expect(strict.stderr).toContain('no code cache of this build');
    const plain = spawnSync(process.execPath, [bin, ...check(['--jobs', '1'])], { encoding: 'utf8', env: { ...process.env, BT_CODE_CACHE: '' } });
    expect(plain.status, plain.stderr).toBe(0);
    expect(findings(plain.stdout)).toEqual(findings(run(check(['--jobs', '1'])).out));
  });
});
