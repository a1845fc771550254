// Writing output files so that nothing is lost: a report or copy is written whole or not at all
// (a temporary file in the same folder, then a rename over the target), never onto an input file,
// and a failure is a clear one-line message rather than a stack trace.
import {
  accessSync,
  closeSync,
  constants,
  fsyncSync,
  lstatSync,
  mkdirSync,
  openSync,
  readlinkSync,
  realpathSync,
  renameSync,
  statSync,
  unlinkSync,
  writeSync,
} from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { UsageError } from '../errors.js';

/** A write that failed (full disk, missing folder, no permission): a message for the user, exit code 2. */
export class WriteError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'WriteError';
  }
}

/**
 * The real path a file would have: the file's own real path when it exists, else its folder's real
 * path joined with its name (so a link to an input, or `./x/../x.xlsx`, is the input itself).
 */
export function realTarget(path: string): string {
  const abs = resolve(path);
  try {
    return realpathSync(abs);
  } catch {
    try {
      return join(realpathSync(dirname(abs)), basename(abs));
    } catch {
      return abs;
    }
  }
}

/** The inputs of a run as the output paths are compared with them: their real paths, and the device and inode of each
 * that exists (a hard link, or a name in another case on a case-insensitive disk, is the same file by another path). */
export interface InputSet {
  real: Set<string>;
  inodes: Set<string>;
}

const inodeOf = (path: string): string | undefined => {
  try {
    const st = statSync(path, { bigint: true });
    return st.isFile() ? `${st.dev}:${st.ino}` : undefined;
  } catch {
    return undefined;
  }
};

export function inputSet(inputs: Iterable<string>): InputSet {
  const set: InputSet = { real: new Set(), inodes: new Set() };
  for (const input of inputs) {
    set.real.add(realTarget(input));
    const id = inodeOf(input);
    if (id) set.inodes.add(id);
  }
  return set;
}

/** Refuses (usage error, nothing written) an output path that is, or resolves to, one of the inputs: by real path
 * (links, `./x/../`) or, when it exists, by device and inode (hard links, a name in another case). */
/** (`_what` names the output in the calling code; the message names the file, which says it in any language.) */
export function assertNotInput(output: string, inputs: Iterable<string> | InputSet, _what: string): void {
  const set = inputs instanceof Object && 'inodes' in inputs ? (inputs as InputSet) : inputSet(inputs as Iterable<string>);
  const id = inodeOf(output);
  if (set.real.has(realTarget(output)) || (id !== undefined && set.inodes.has(id))) {
    throw new UsageError(`${output} is an input file: it would be overwritten (choose another name)`);
  }
}

function describeFsError(e: unknown, path: string): string {
  const err = e as NodeJS.ErrnoException;
  switch (err.code) {
    case 'ENOENT':
      return `cannot write ${path}: the folder ${dirname(path)} does not exist`;
    case 'EACCES':
    case 'EPERM':
      return `cannot write ${path}: permission denied`;
    case 'ENOSPC':
      return `cannot write ${path}: the disk is full (nothing was written)`;
    case 'ENOTDIR':
      return `cannot write ${path}: ${dirname(path)} is not a folder`;
    case 'EISDIR':
      return `cannot write ${path}: it is a folder`;
    case 'EROFS':
      return `cannot write ${path}: the file system is read-only`;
    default:
      return `cannot write ${path}: ${err.message}`;
  }
}

/** Random hex digits for a temporary name. Math.random, not Web Crypto: the name need not be unguessable, since the
 * file is created exclusively ('wx', which follows no link) and a name taken already is tried again with others; and
 * crypto.getRandomValues loads node's Web Crypto on first use, 6–8 % of the instructions of checking one budget
 * (valgrind, 0.93 G in all). */
function randomHex(digits: number): string {
  let s = '';
  while (s.length < digits)
    s += Math.floor(Math.random() * 0x100000000)
      .toString(16)
      .padStart(8, '0');
  return s.slice(0, digits);
}

/** Opens a new temporary file beside target, exclusively: its name and descriptor. */
function openTemporary(target: string): { tmp: string; fd: number } {
  for (let attempt = 0; ; attempt++) {
    const tmp = join(dirname(target), `.${basename(target)}.${process.pid}.${randomHex(12)}.tmp`);
    try {
      return { tmp, fd: openSync(tmp, 'wx', 0o644) };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST' || attempt >= 9) throw e;
    }
  }
}

/**
 * Where a write to path lands: a link is followed to the file it names (a report written through a link replaces
 * that file, never the link), and `direct` when that is no regular file but a device or a pipe (`-o /dev/stdout`,
 * `-o /dev/null`), which is written into as it is: a temporary file renamed over it would replace the device itself.
 */
function landing(path: string): { target: string; direct: boolean } {
  const abs = resolve(path);
  let st;
  try {
    st = statSync(abs);
  } catch {
    return { target: danglingDestination(abs), direct: false }; // not there yet: created where its name leads
  }
  // opened by its own name: /dev/stdout leads to /proc/self/fd/1, whose link names no path when it is a pipe
  if (!st.isFile() && !st.isDirectory()) return { target: abs, direct: true };
  try {
    return { target: realpathSync(abs), direct: false };
  } catch {
    return { target: abs, direct: false };
  }
}

/** Where a name that does not lead to a file yet would lead: itself, or the end of its chain of links (a link to
 * report.json that is not written yet), as the shell's `>` would create it. */
function danglingDestination(abs: string): string {
  let p = abs;
  for (let hops = 0; hops < 40; hops++) {
    try {
      if (!lstatSync(p).isSymbolicLink()) return p;
      p = resolve(dirname(p), readlinkSync(p));
    } catch {
      return p;
    }
  }
  return abs;
}

/** Throws a WriteError now when path's folder is missing, not a folder, or not writable (checked before the work). */
export function assertWritableFolder(path: string): void {
  const { target, direct } = landing(path);
  if (direct) return;
  const folder = dirname(target);
  try {
    if (!statSync(folder).isDirectory()) throw Object.assign(new Error('not a folder'), { code: 'ENOTDIR' });
    accessSync(folder, constants.W_OK);
  } catch (e) {
    throw new WriteError(describeFsError(e, path));
  }
}

/** Makes the folder (and those above it) when it is not there; a WriteError when it cannot be one (a file has its
 * name, no permission): said before any work, as a missing folder for -o is. */
export function ensureFolder(path: string): void {
  try {
    mkdirSync(path, { recursive: true });
    if (!statSync(path).isDirectory()) throw Object.assign(new Error('not a folder'), { code: 'ENOTDIR' });
    accessSync(path, constants.W_OK);
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    throw new WriteError(err.code === 'EEXIST' || err.code === 'ENOTDIR' ? `cannot write ${path}: not a folder` : describeFsError(err, path));
  }
}

/** The pieces of data, each as bytes, gathered into writes of about a megabyte. */
function writeAll(fd: number, data: string | Uint8Array | Iterable<string | Uint8Array>): void {
  const parts: Iterable<string | Uint8Array> = typeof data === 'string' || data instanceof Uint8Array ? [data] : data;
  const write = (buf: Uint8Array) => {
    let off = 0;
    while (off < buf.length) off += writeSync(fd, buf, off, buf.length - off);
  };
  // pieces (a streamed report) are written as they come
  let pending: string[] = [];
  let size = 0;
  for (const part of parts) {
    if (typeof part !== 'string') {
      if (pending.length) write(Buffer.from(pending.join(''), 'utf8'));
      pending = [];
      size = 0;
      write(part);
      continue;
    }
    pending.push(part);
    size += part.length;
    if (size >= 1 << 20) {
      write(Buffer.from(pending.join(''), 'utf8'));
      pending = [];
      size = 0;
    }
  }
  if (pending.length) write(Buffer.from(pending.join(''), 'utf8'));
}

/** Writes into a device or a pipe as it is (nothing to rename over, nothing left behind). */
function writeDirect(path: string, target: string, data: string | Uint8Array | Iterable<string | Uint8Array>): void {
  let fd: number | undefined;
  try {
    fd = openSync(target, 'w');
    writeAll(fd, data);
  } catch (e) {
    throw new WriteError(describeFsError(e, path));
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/**
 * Writes data to path atomically: into a new temporary file beside it (created exclusively, so two
 * runs never share one), flushed to disk, then renamed over path. On any failure the temporary file
 * is removed, path keeps what it had, and a WriteError says why. A link is followed to the file it names; a device or
 * a pipe is written into directly.
 */
export function writeFileAtomic(path: string, data: string | Uint8Array | Iterable<string | Uint8Array>): void {
  const { target, direct } = landing(path);
  if (direct) return writeDirect(path, target, data);
  let tmp: string | undefined;
  let fd: number | undefined;
  try {
    ({ tmp, fd } = openTemporary(target));
    writeAll(fd, data);
    fsyncSync(fd);
    closeSync(fd);
    fd = undefined;
    renameSync(tmp, target);
  } catch (e) {
    if (fd !== undefined) {
      try {
        closeSync(fd);
      } catch {
        /* already failing */
      }
    }
    try {
      if (tmp !== undefined) unlinkSync(tmp);
    } catch {
      /* already gone */
    }
    throw new WriteError(describeFsError(e, path));
  }
}
