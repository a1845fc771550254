// Proves a change leaves the JSON report of the benchmark's pile byte-identical: generates the pile from a seed,
// checks it with bin/budgettjek.js --format json, and compares the report's SHA-256 with the saved one
// (bench/report.sha256) or with the report a given git revision makes of the same pile.
//   node --import tsx scripts/same-report.ts [--files 600] [--seed 1] [--rev <git revision>] [--save] [--jobs N]
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { writePile } from '../bench/pile.js';

const argv = process.argv.slice(2);
const opt = (name: string) => (argv.includes(`--${name}`) ? argv[argv.indexOf(`--${name}`) + 1] : undefined);
const FILES = Number(opt('files') ?? 600);
const SEED = Number(opt('seed') ?? 1);
const REV = opt('rev');
const JOBS = opt('jobs');
const SAVED = resolve('bench/report.sha256');
const key = `files=${FILES} seed=${SEED}`;

/** The report of the pile made by the bin of a checkout (cwd is the pile's parent, so paths are relative). */
function report(bin: string, dir: string): Buffer {
  const args = [bin, 'check', 'pile', '--pool', 'recovery-2019', '--format', 'json', '--fail-on', 'never', ...(JOBS ? ['--jobs', JOBS] : [])];
  const r = spawnSync(process.execPath, args, { cwd: dir, maxBuffer: 1 << 30, env: { ...process.env, NO_COLOR: '1' } });
  if (r.status !== 0) throw new Error(`${bin} exited ${r.status}: ${r.stderr}`);
  return r.stdout;
}

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

/** A revision's tree, exported (git archive: the repository is only read) and built with this checkout's node_modules. */
function buildRevision(rev: string, into: string): string {
  mkdirSync(into, { recursive: true });
  execFileSync('sh', ['-c', `git archive --format=tar ${JSON.stringify(rev)} | tar -x -C ${JSON.stringify(into)}`]);
  symlinkSync(resolve('node_modules'), join(into, 'node_modules'), 'dir');
  execFileSync('npm', ['run', 'build'], { cwd: into, stdio: 'inherit' });
  return join(into, 'bin/budgettjek.js');
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'same-report-budgettjek-'));
  try {
    await writePile(join(dir, 'pile'), FILES, SEED);
    if (!existsSync('dist')) throw new Error('dist/ is missing: run npm run build');
    const mine = report(resolve('bin/budgettjek.js'), dir);
    const h = sha(mine);
    if (REV) {
      const theirs = report(buildRevision(REV, join(dir, 'rev')), dir);
      const same = theirs.equals(mine);
      console.log(`${key}: this checkout ${h}, ${REV} ${sha(theirs)}: ${same ? 'byte-identical' : 'DIFFERENT'}`);
      if (!same) {
        writeFileSync('same-report.mine.json', mine);
        writeFileSync('same-report.theirs.json', theirs);
        console.log('both reports written: same-report.mine.json, same-report.theirs.json');
        process.exitCode = 1;
      }
      return;
    }
    const saved = existsSync(SAVED)
      ? readFileSync(SAVED, 'utf8')
          .split('\n')
          .find((l) => l.startsWith(key + ' '))
      : undefined;
    if (argv.includes('--save') || !saved) {
      const rest = existsSync(SAVED)
        ? readFileSync(SAVED, 'utf8')
            .split('\n')
            .filter((l) => l && !l.startsWith(key + ' '))
        : [];
      writeFileSync(SAVED, [...rest, `${key} ${h}`].join('\n') + '\n');
      console.log(`${key}: ${h} saved in bench/report.sha256`);
      return;
    }
    const want = saved.slice(key.length + 1).trim();
    console.log(`${key}: ${h} ${want === h ? 'matches the saved hash' : `DIFFERS from the saved ${want}`}`);
    if (want !== h) {
      writeFileSync('same-report.mine.json', mine);
      process.exitCode = 1;
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
