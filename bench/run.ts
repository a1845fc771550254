// Shared by the benchmarks (bench.ts, jobs.ts): a command timed under /usr/bin/time, and budgettjek's check arguments.
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';

export const BIN = resolve('bin/budgettjek.js');

export interface Run {
  wall: number;
  rssMb: number;
  cpu: number;
}

/** Runs a node script under /usr/bin/time: wall seconds, CPU seconds (user + system, all threads) and peak RSS (MB). */
export function timed(args: string[]): Run {
  const t0 = performance.now();
  const r = spawnSync('/usr/bin/time', ['-f', '%M %U %S', process.execPath, ...args], { encoding: 'utf8', maxBuffer: 1 << 28 });
  const wall = (performance.now() - t0) / 1000;
  const shown = args.length > 20 ? `${args.slice(0, 3).join(' ')} …` : args.join(' '); // a batch names hundreds of files
  if (r.status !== 0) throw new Error(`${shown} exited ${r.status}: ${r.stderr.slice(-2000)}`);
  const [kb, user, sys] = r.stderr.trim().split('\n').pop()!.split(' ').map(Number);
  return { wall, rssMb: Math.round(kb / 1024), cpu: user + sys };
}

/** `budgettjek check` of the targets under recovery-2019, the JSON report to `out`, never failing on findings. */
export const checkArgs = (targets: string | string[], out: string, extra: string[] = []) => [
  BIN,
  'check',
  ...(Array.isArray(targets) ? targets : [targets]),
  '--pool',
  'recovery-2019',
  '--format',
  'json',
  '-o',
  out,
  '--fail-on',
  'never',
  ...extra,
];
