// Worker thread: checks the files it is sent, one at a time, and posts each FileReport back.
import { parentPort } from 'node:worker_threads';
import { checkFile } from '../check.js';
import type { CheckOptions } from '../check-options.js';
import { UsageError } from '../errors.js';

parentPort?.on('message', async (msg: { index: number; path: string; options: CheckOptions }) => {
  try {
    const report = await checkFile(msg.path, msg.options);
    parentPort!.postMessage({ index: msg.index, report });
  } catch (e) {
    const usage = e instanceof UsageError;
    parentPort!.postMessage({ index: msg.index, error: { usage, message: String((e as Error)?.message ?? e), stack: (e as Error)?.stack } });
  }
});
