// Reads any input path into a raw workbook, or into an input/* finding: never throws on bad input, never writes.
import { closeSync, fstatSync, lstatSync, openSync, readdirSync, readSync, statSync } from 'node:fs';
import { readProblem as problem, readWorkbookBytes, type ReadResult } from './bytes.js';
import { DEFAULT_LIMITS, type Limits } from './limits.js';

export type { Limits } from './limits.js';
export { readWorkbookBytes, type ReadResult } from './bytes.js';

function isLink(path: string): boolean {
  try {
    return lstatSync(path).isSymbolicLink();
  } catch {
    return false;
  }
}

/** A folder where a file was expected: a Numbers package, a folder that cannot be read (its files went unchecked),
 * or just a folder. */
function directoryProblem(path: string): ReadResult {
  if (/\.numbers[\\/]*$/i.test(path)) return problem('input/unsupported-format', { what: 'numbers' });
  // a folder named as a workbook (an unpacked .xlsx, or a folder made for one file) is not walked as a folder of them
  if (/\.(xlsx|xlsm|csv|xls|xlsb|ods)[\\/]*$/i.test(path)) return problem('input/unreadable', { what: 'folder-named-as-file' });
  try {
    readdirSync(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EACCES' || code === 'EPERM') return problem('input/unreadable', { what: 'folder-no-access' });
    return problem('input/unreadable', { what: 'folder-unreadable', error: String((e as Error).message).slice(0, 200) });
  }
  return problem('input/unreadable', { what: 'is-directory' });
}

/** The file's bytes, read through a read-only handle after checking its size (a too-large file is never read).
 * Synchronous: one small file at a time per thread, and the event loop has nothing else to do meanwhile. */
function readBytes(path: string, limits: Limits): Buffer | ReadResult {
  let fd: number | undefined;
  try {
    const st = statSync(path);
    if (st.isDirectory()) return directoryProblem(path);
    // a pipe, socket or device is never opened: reading one could wait for ever
    if (!st.isFile()) return problem('input/unreadable', { what: 'not-a-file' });
    if (st.size > limits.maxFileBytes) return problem('input/too-large', { what: 'file-size', limit: limits.maxFileBytes, found: st.size });
    fd = openSync(path, 'r');
    // The size as opened (the file may have changed since the stat), never more than the limit.
    const size = fstatSync(fd).size;
    if (size > limits.maxFileBytes) return problem('input/too-large', { what: 'file-size', limit: limits.maxFileBytes, found: size });
    const buf = Buffer.allocUnsafe(size);
    let got = 0;
    while (got < size) {
      const n = readSync(fd, buf, got, size - got, got);
      if (n === 0) break;
      got += n;
    }
    return got === size ? buf : buf.subarray(0, got);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ELOOP') return problem('input/unreadable', { what: 'link-loop' });
    if (code === 'ENOENT' && isLink(path)) return problem('input/unreadable', { what: 'dangling-link' });
    return problem('input/unreadable', {
      what: code === 'ENOENT' ? 'not-found' : code === 'EACCES' || code === 'EPERM' ? 'no-access' : code === 'EISDIR' ? 'is-directory' : 'io-error',
      error: String((e as Error).message),
    });
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

export async function readWorkbook(path: string, partial: Partial<Limits> = {}): Promise<ReadResult> {
  const limits = { ...DEFAULT_LIMITS, ...partial };
  const bytes = readBytes(path, limits);
  if (!(bytes instanceof Uint8Array)) return bytes;
  return readWorkbookBytes(path, bytes, limits);
}
