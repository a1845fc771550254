// The batch's worker pool (src/batch/run.ts) with a stand-in worker script: a worker that dies on a file turns that
// file into a finding, the files it held but had not begun are checked by its successor, and every file is reported
// once, in order.
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
  `import { parentPort, threadId } from 'node:worker_threads';
let queue = Promise.resolve();
parentPort.on('message', (msg) => {
  queue = queue.then(async () => {
    await new Promise((r) => setTimeout(r, 5));
    if (msg.path.includes('crash')) process.exit(3);
    if (msg.path.includes('oom')) setTimeout(() => { throw new Error('Reached heap limit'); });
    else parentPort.postMessage({ index: msg.index, report: { path: msg.path, kind: 'budget', findings: [], thread: threadId } });
  });
});
`,
);

const run = (paths: string[], jobs: number) => checkMany(paths, {}, jobs, undefined, () => Promise.reject(new Error('not on this thread')), script);

const ids = (r: FileReport) => r.findings.map((f) => f.rule);

describe('batch worker pool', () => {
  it('reports every file once, in order, over two workers', async () => {
    const paths = Array.from({ length: 40 }, (_, i) => `f${i}.xlsx`);
    const out = await run(paths, 2);
    expect(out.map((r) => r.path)).toEqual(paths);
    expect(out.every((r) => r.findings.length === 0)).toBe(true);
    expect(new Set(out.map((r) => (r as unknown as { thread: number }).thread)).size).toBe(2);
  });

  it('a worker that exits on a file makes that file a finding; the file it held next is still checked', async () => {
    const paths = ['a.xlsx', 'crash-1.xlsx', 'b.xlsx', 'c.xlsx', 'crash-2.xlsx', 'd.xlsx', 'e.xlsx'];
    for (const jobs of [2, 3]) {
      const out = await run(paths, jobs);
      expect(out.map((r) => r.path)).toEqual(paths);
      expect(out.map((r) => ids(r).join(','))).toEqual(['', 'input/unreadable', '', '', 'input/unreadable', '', '']);
    }
  });

  it('a worker out of memory makes the file input/too-large, and a successor finishes the batch', async () => {
    const paths = ['a.xlsx', 'oom.xlsx', 'b.xlsx', 'c.xlsx'];
    const out = await run(paths, 2);
    expect(out.map((r) => ids(r).join(','))).toEqual(['', 'input/too-large', '', '']);
  });

  it('every file crashing still ends the batch with a finding for each', async () => {
    const paths = ['crash-a.xlsx', 'crash-b.xlsx', 'crash-c.xlsx'];
    const out = await run(paths, 2);
    expect(out.map((r) => ids(r).join(','))).toEqual(['input/unreadable', 'input/unreadable', 'input/unreadable']);
  });
});
