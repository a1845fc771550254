// The batch's worker pool (src/batch/run.ts) with a stand-in worker script: every thread takes its next file from the
// shared counter, a worker that dies on a file turns that file into a finding and the files after it are still checked,
// one that cannot start ends the batch with its error, and every file is reported once, in order. The batch's own
// thread checks files beside the workers (stand-in: thread 0).
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkMany } from '../src/batch/run.js';
import type { FileReport } from '../src/report/types.js';

const dir = mkdtempSync(join(tmpdir(), 'bt-workers-'));
const script = join(dir, 'worker.mjs');
// Takes files one at a time from the shared counter and notes the one it is on (as the real worker does); a path with
// "crash" ends the thread, one with "lost" ends it before it notes the file taken, one with "oom" throws from a timer (an uncaught error: the worker's 'error' event).
writeFileSync(
  script,
  `import { parentPort, threadId, workerData } from 'node:worker_threads';
const { options, paths, next, on } = workerData;
if (options?.lang !== 'en') throw new Error('the options come in workerData');
parentPort.on('message', () => { throw new Error('files are taken from the shared counter, not sent'); });
Atomics.store(on, 0, -1);
for (;;) {
  const index = Atomics.add(next, 0, 1);
  if (index >= paths.length) break;
  if (paths[index].includes('lost')) process.exit(4); // dies having taken the file, before noting it
  Atomics.store(on, 0, index);
  await new Promise((r) => setTimeout(r, 5));
  const path = paths[index];
  if (path.includes('crash')) process.exit(3);
  if (path.includes('oom')) {
    setTimeout(() => { throw new Error('Reached heap limit'); });
    await new Promise(() => {});
  }
  parentPort.postMessage({ index, report: { path, kind: 'budget', findings: [], thread: threadId } });
  Atomics.store(on, 0, -1);
}
process.exit(0);
`,
);
// A worker whose script fails as it loads (a missing or refused code cache with BT_CODE_CACHE=require).
const broken = join(dir, 'broken.mjs');
writeFileSync(broken, `throw new Error('no code cache of this build');\n`);

type Report = FileReport & { thread: number };
const report = (path: string): Report => ({ path, kind: 'budget', findings: [], thread: 0 }) as unknown as Report;

/** This thread's share, checked by `own`; by default it holds its first file (the batch's first: it takes one before
 * any worker has started) until every other file is reported, so that the workers meet every crash. */
const run = (paths: string[], jobs: number, own?: (path: string) => Promise<FileReport>, worker = script) => {
  let done = 0;
  let waiting: (() => void) | undefined;
  const progress = (d: number) => {
    done = d;
    if (done === paths.length - 1) waiting?.();
  };
  const last = (path: string) =>
    new Promise<FileReport>((r) => {
      waiting = () => r(report(path));
      if (done === paths.length - 1) waiting();
    });
  return checkMany(paths, { lang: 'en' }, jobs, progress, own ?? last, worker);
};
const threads = (out: FileReport[]) => out.map((r) => (r as Report).thread);

const ids = (r: FileReport) => r.findings.map((f) => f.rule);

describe('batch worker pool', () => {
  it('reports every file once, in order, over this thread and two workers', async () => {
    // this thread holds the first file until the rest are reported: 99 files of 5 ms each keep the first worker busy
    // long after the second has started, however slowly threads start on a busy machine
    const paths = Array.from({ length: 100 }, (_, i) => `f${i}.xlsx`);
    const out = await run(paths, 3);
    expect(out.map((r) => r.path)).toEqual(paths);
    expect(out.every((r) => r.findings.length === 0)).toBe(true);
    expect(new Set(threads(out)).size).toBe(3);
    expect(threads(out)).toContain(0);
  });

  it('with --jobs 2, this thread and one worker check the files', async () => {
    const paths = Array.from({ length: 20 }, (_, i) => `f${i}.xlsx`);
    const out = await run(paths, 2);
    expect(out.map((r) => r.path)).toEqual(paths);
    expect(new Set(threads(out)).size).toBe(2);
    expect(threads(out)).toContain(0);
  });

  it('an error of this thread (an unknown pool) ends the batch with it', async () => {
    const paths = Array.from({ length: 6 }, (_, i) => `f${i}.xlsx`);
    await expect(run(paths, 2, () => Promise.reject(new Error('unknown pool')))).rejects.toThrow('unknown pool');
  });

  it('a worker that exits on a file makes that file a finding; the files after it are still checked', async () => {
    const paths = ['mine.xlsx', 'crash-1.xlsx', 'a.xlsx', 'b.xlsx', 'c.xlsx', 'crash-2.xlsx', 'd.xlsx', 'e.xlsx'];
    for (const jobs of [2, 3]) {
      const out = await run(paths, jobs);
      expect(out.map((r) => r.path)).toEqual(paths);
      expect(out.map((r) => ids(r).join(','))).toEqual(['', 'input/unreadable', '', '', '', 'input/unreadable', '', '']);
      expect(threads(out)[0]).toBe(0);
      expect(threads(out).slice(1)).not.toContain(0);
    }
  });

  it('a worker out of memory makes the file input/too-large, and a successor finishes the batch', async () => {
    const paths = ['mine.xlsx', 'oom.xlsx', 'a.xlsx', 'b.xlsx', 'c.xlsx'];
    const out = await run(paths, 2);
    expect(out.map((r) => ids(r).join(','))).toEqual(['', 'input/too-large', '', '', '']);
  });

  it('every file of the workers crashing still ends the batch with a finding for each', async () => {
    const paths = ['mine.xlsx', 'crash-a.xlsx', 'crash-b.xlsx', 'crash-c.xlsx'];
    const out = await run(paths, 2);
    expect(out.map((r) => ids(r).join(','))).toEqual(['', 'input/unreadable', 'input/unreadable', 'input/unreadable']);
  });

  it('a worker that dies between taking a file and noting it: the file is a finding once this thread is done', async () => {
    const paths = ['mine.xlsx', 'a.xlsx', 'lost.xlsx', 'b.xlsx', 'c.xlsx'];
    // this thread holds its first file a while, so that the workers take (and lose) the others meanwhile
    const slow = (p: string) => new Promise<FileReport>((r) => setTimeout(() => r(report(p)), 300));
    for (const jobs of [2, 3]) {
      const out = await run(paths, jobs, slow);
      expect(out.map((r) => r.path)).toEqual(paths);
      expect(out.map((r) => ids(r).join(','))).toEqual(['', '', 'input/unreadable', '', '']);
    }
  });

  it('while this thread is busy with a big file, the worker goes on taking files by itself', async () => {
    const paths = ['big.xlsx', ...Array.from({ length: 12 }, (_, i) => `s${i}.xlsx`)];
    // this thread takes big.xlsx (the first: the worker has not started yet) and is busy a second with it, blocked (as
    // while it checks a file): the worker, once started, takes the other twelve (5 ms each) meanwhile
    const busy = async (p: string) => {
      const end = Date.now() + 1000;
      while (Date.now() < end);
      return report(p);
    };
    const out = await run(paths, 2, busy);
    expect(out.map((r) => r.path)).toEqual(paths);
    expect(threads(out)[0]).toBe(0);
    expect(threads(out).filter((t) => t === 0)).toHaveLength(1);
  });

  it('a worker that cannot start ends the batch with its error, rather than being replaced without end', async () => {
    const paths = Array.from({ length: 6 }, (_, i) => `f${i}.xlsx`);
    // this thread never finishes its file: the batch can end only by the worker's failure
    const stuck = () => new Promise<FileReport>(() => {});
    await expect(run(paths, 2, stuck, broken)).rejects.toThrow(/did not start.*no code cache of this build/);
  });
});
