// Worker thread: checks the files it is sent, one at a time, and posts each FileReport back. The options of the batch
// come once, in workerData (src/batch/run.ts), not with each file.
import { parentPort, workerData } from 'node:worker_threads';
import { checkFile } from '../check.js';
import type { CheckOptions } from '../check-options.js';
import { UsageError } from '../errors.js';

type Job = { index: number; path: string };

const options: CheckOptions = (workerData as { options?: CheckOptions } | null)?.options ?? {};

async function check(msg: Job): Promise<void> {
  try {
    const report = await checkFile(msg.path, options);
    parentPort!.postMessage({ index: msg.index, report });
  } catch (e) {
    const usage = e instanceof UsageError;
    parentPort!.postMessage({ index: msg.index, error: { usage, message: String((e as Error)?.message ?? e), stack: (e as Error)?.stack } });
  }
}

// The batch sends a worker its next file before this one is done (src/batch/run.ts): files are checked one at a time, in
// the order sent, so the oldest file not yet reported is the one being checked.
let queue = Promise.resolve();
parentPort?.on('message', (msg: Job) => {
  queue = queue.then(() => check(msg));
});
