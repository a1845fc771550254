// Installing without a clone: the tarball `npm pack` makes installs with `npm install -g`, puts budgettjek on PATH
// without the development tools, and checks the example budgets it ships.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';

const dir = mkdtempSync(join(tmpdir(), 'bt-pack-'));
const prefix = join(dir, 'prefix');
const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string; devDependencies: Record<string, string> };
// exceljs needs @types/node itself (an old one): the only development package name a user also gets
const DEV_ONLY = Object.keys(pkg.devDependencies).filter((d) => d !== '@types/node');
let packed: { filename: string; files: Array<{ path: string }> };
const installed = join(prefix, 'lib', 'node_modules', 'budgettjek');
const env = { ...process.env, PATH: `${join(prefix, 'bin')}${delimiter}${process.env.PATH}`, NO_COLOR: '1' };

beforeAll(() => {
  // --ignore-scripts: `npm test` has just built dist/ (what prepare would do), and a second build here would rewrite
  // dist/ under the CLI tests running beside this one
  const pack = spawnSync('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', dir], { encoding: 'utf8', timeout: 300_000 });
  expect(pack.status, pack.stderr).toBe(0);
  packed = JSON.parse(pack.stdout.slice(pack.stdout.indexOf('[')))[0];
  const install = spawnSync('npm', ['install', '-g', '--prefix', prefix, '--no-audit', '--no-fund', join(dir, packed.filename)], {
    encoding: 'utf8',
    timeout: 300_000,
  });
  expect(install.status, install.stderr).toBe(0);
}, 600_000);

describe('npm pack → npm install -g', () => {
  it('the tarball holds the built tool, the pool profiles and the examples, not the sources or tests', () => {
    const paths = packed.files.map((f) => f.path);
    expect(packed.filename).toBe(`budgettjek-${pkg.version}.tgz`);
    for (const p of [
      'bin/budgettjek.js',
      'bin/package.json',
      'bin/load-bundle.cjs',
      'dist/cli.js',
      'dist/cli.js.cache',
      'dist/worker.js',
      'dist/worker-bundle.js',
      'dist/worker-bundle.js.cache',
      'src/pools/profiles/recovery-2019.json',
      'fixtures/examples/roskilde-budget.xlsx',
      'package.json',
      'README.md',
    ])
      expect(paths).toContain(p);
    expect(paths.filter((p) => p.startsWith('test/') || p.startsWith('fixtures/defs') || (p.startsWith('src/') && p.endsWith('.ts')))).toEqual([]);
  });

  it('budgettjek is on PATH and checks a shipped example from there', () => {
    const bin = join(prefix, 'bin', process.platform === 'win32' ? 'budgettjek.cmd' : 'budgettjek');
    expect(existsSync(bin)).toBe(true);
    const clean = spawnSync('budgettjek', ['check', join(installed, 'fixtures', 'examples', 'roskilde-budget.xlsx')], { encoding: 'utf8', env, cwd: dir });
    expect(clean.status, clean.stderr).toBe(0);
    const bad = spawnSync('budgettjek', ['check', join(installed, 'fixtures', 'examples', 'herning-budget-med-fejl.xlsx'), '--format', 'json'], {
      encoding: 'utf8',
      env,
      cwd: dir,
    });
    expect(bad.status, bad.stderr).toBe(1);
    expect(JSON.parse(bad.stdout).summary.errors).toBeGreaterThan(0);
  });

  it('no development dependency is installed', () => {
    expect(existsSync(join(installed, 'node_modules', 'exceljs'))).toBe(true);
    for (const d of DEV_ONLY) expect(existsSync(join(installed, 'node_modules', d)), d).toBe(false);
  });
});
