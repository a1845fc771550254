// Worker thread: checks files of the batch one at a time, each the next one no thread has taken (a counter shared with
// the other threads, src/batch/run.ts), and posts each FileReport back. The paths and the options of the batch come
// once, in workerData, not with each file.
import { parentPort, workerData } from 'node:worker_threads';
import { checkFile } from '../check.js';
import type { CheckOptions } from '../check-options.js';
import { UsageError } from '../errors.js';

interface Batch {
  options: CheckOptions;
  paths: string[];
  /** The index of the next file no thread has taken (Atomics.add). */
  next: Int32Array;
  /** The index of the file this thread is on, −1 between files (−2 until it starts): the batch reports it if the
   * thread dies. */
  on: Int32Array;
}

async function run({ options, paths, next, on }: Batch): Promise<void> {
  Atomics.store(on, 0, -1);
  for (;;) {
    const index = Atomics.add(next, 0, 1);
    if (index >= paths.length) break;
    Atomics.store(on, 0, index);
    try {
      const report = await checkFile(paths[index], options);
      parentPort!.postMessage({ index, report });
    } catch (e) {
      const usage = e instanceof UsageError;
      parentPort!.postMessage({ index, error: { usage, message: String((e as Error)?.message ?? e), stack: (e as Error)?.stack } });
    }
    Atomics.store(on, 0, -1);
  }
}

// Started by the batch with its files; the build's code cache (scripts/code-cache.mjs) starts it the same way.
if (parentPort && workerData?.paths) void run(workerData as Batch);
