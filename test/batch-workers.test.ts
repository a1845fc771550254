// The batch's worker pool (src/batch/run.ts) with a stand-in worker script: a worker that dies on a file turns that
// file into a finding, the files it held but had not begun are checked by its successor, and every file is reported
// once, in order. The batch's own thread checks files beside the workers (stand-in: thread 0).
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkMany } from '../src/batch/run.js';
import type { FileReport } from '../src/report/types.js';

const dir = mkdtempSync(join(tmpdir(), 'bt-workers-'));
const script = join(dir, 'worker.mjs');
// Checks files one at a time in the order sent (as the real worker does); a path with "crash" ends the thread, one
// with "oom" throws from a timer (an uncaught error: the worker's 'error' event).
writeFileSync(
  script,
  `import { parentPort, threadId, workerData } from 'node:worker_threads';
let queue = Promise.resolve();
if (workerData?.options?.lang !== 'en') throw new Error('the options come in workerData');
parentPort.on('message', (msg) => {
  if (msg.options) throw new Error('options are sent once, not with each file');
  queue = queue.then(async () => {
    await new Promise((r) => setTimeout(r, 5));
    if (msg.path.includes('crash')) process.exit(3);
    if (msg.path.includes('oom')) setTimeout(() => { throw new Error('Reached heap limit'); });
    else parentPort.postMessage({ index: msg.index, report: { path: msg.path, kind: 'budget', findings: [], thread: threadId } });
  });
});
`,
);

type Report = FileReport & { thread: number };
const report = (path: string): Report => ({ path, kind: 'budget', findings: [], thread: 0 }) as unknown as Report;

/** This thread's share, checked by `own`; by default it holds its first file until every other file is reported, so
 * that the workers meet every crash whichever file this thread takes (the one after the first sent to each worker). */
const run = (paths: string[], jobs: number, own?: (path: string) => Promise<FileReport>) => {
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
  return checkMany(paths, { lang: 'en' }, jobs, progress, own ?? last, script);
};
const threads = (out: FileReport[]) => out.map((r) => (r as Report).thread);

const ids = (r: FileReport) => r.findings.map((f) => f.rule);

describe('batch worker pool', () => {
  it('reports every file once, in order, over this thread and two workers', async () => {
    const paths = Array.from({ length: 40 }, (_, i) => `f${i}.xlsx`);
    const out = await run(paths, 3, async (p) => (await new Promise((r) => setTimeout(r, 5)), report(p)));
    expect(out.map((r) => r.path)).toEqual(paths);
    expect(out.every((r) => r.findings.length === 0)).toBe(true);
    expect(new Set(threads(out)).size).toBe(3);
    expect(threads(out)).toContain(0);
  });

  it('with --jobs 2, this thread and one worker check the files', async () => {
    const paths = Array.from({ length: 20 }, (_, i) => `f${i}.xlsx`);
    const out = await run(paths, 2, async (p) => (await new Promise((r) => setTimeout(r, 5)), report(p)));
    expect(out.map((r) => r.path)).toEqual(paths);
    expect(new Set(threads(out)).size).toBe(2);
    expect(threads(out)).toContain(0);
  });

  it('an error of this thread (an unknown pool) ends the batch with it', async () => {
    const paths = Array.from({ length: 6 }, (_, i) => `f${i}.xlsx`);
    await expect(run(paths, 2, () => Promise.reject(new Error('unknown pool')))).rejects.toThrow('unknown pool');
  });

  it('a worker that exits on a file makes that file a finding; the file it held next is still checked', async () => {
    const paths = ['crash-1.xlsx', 'a.xlsx', 'b.xlsx', 'c.xlsx', 'crash-2.xlsx', 'd.xlsx', 'e.xlsx'];
    for (const jobs of [2, 3]) {
      const out = await run(paths, jobs);
      expect(out.map((r) => r.path)).toEqual(paths);
      expect(out.map((r) => ids(r).join(','))).toEqual(['input/unreadable', '', '', '', 'input/unreadable', '', '']);
      expect(threads(out)[jobs - 1]).toBe(0);
    }
  });

  it('a worker out of memory makes the file input/too-large, and a successor finishes the batch', async () => {
    const paths = ['oom.xlsx', 'a.xlsx', 'b.xlsx', 'c.xlsx'];
    const out = await run(paths, 2);
    expect(out.map((r) => ids(r).join(','))).toEqual(['input/too-large', '', '', '']);
  });

  it('every file of the workers crashing still ends the batch with a finding for each', async () => {
    const paths = ['crash-a.xlsx', 'mine.xlsx', 'crash-b.xlsx', 'crash-c.xlsx'];
    const out = await run(paths, 2);
    expect(out.map((r) => ids(r).join(','))).toEqual(['input/unreadable', '', 'input/unreadable', 'input/unreadable']);
  });

  it('before this thread begins a big file, the worker is given as many bytes to go on with', async () => {
    const file = (name: string, kb: number) => (writeFileSync(join(dir, name), Buffer.alloc(kb * 1024)), join(dir, name));
    const paths = [file('w0.xlsx', 1), file('big.xlsx', 20), ...Array.from({ length: 6 }, (_, i) => file(`s${i}.xlsx`, 1))];
    // this thread takes big.xlsx (the worker holds one file until its first report) and is busy 300 ms with it
    const busy = async (p: string) => {
      const end = Date.now() + 300;
      while (Date.now() < end);
      return report(p);
    };
    const out = await run(paths, 2, busy);
    expect(out.map((r) => r.path)).toEqual(paths);
    expect(threads(out)[1]).toBe(0);
    expect(threads(out).filter((t) => t === 0)).toHaveLength(1);
  });
});
