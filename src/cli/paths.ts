// Expands the paths given to `check`: files as given, directories recursively, globs (tinyglobby: *, **, ?, [ae],
// {a,b}; case-insensitive, so *.xlsx finds BUDGET.XLSX). Every file a folder holds that could be a spreadsheet is
// accounted for: the ones it reads are checked, others (.xls, .ods, .fods, .gnumeric, .xlsb, .numbers), folders it cannot read and
// dangling links are passed on too, so that each becomes an input/* finding with its path instead of vanishing.
import { readdir as readdirCb, realpathSync, stat as statCb } from 'node:fs';
import { isAbsolute, join, sep } from 'node:path';
import { promisify } from 'node:util';

/** What the tool reads. */
const READ = /\.(xlsx|xlsm|csv)$/i;
/** Spreadsheets it does not read, found in a folder: reported as input/unsupported-format, never skipped silently. */
const UNSUPPORTED = /\.(xls|xlsb|ods|fods|gnumeric|numbers)$/i;
const SPREADSHEET = new RegExp(`${READ.source}|${UNSUPPORTED.source}`, 'i');

const GLOB = /[*?[{]/;

/** fs's stat and readdir promisified (node:util is loaded with node itself), not node:fs/promises': loading that
 * module (and the readline and stream modules it loads) cost 1.2 ms of every command's start-up on this project's
 * machine (median of 7). */
const stat = promisify(statCb);
const readdir = promisify(readdirCb);

/** The real path (the same libc realpath as fs/promises' realpath), synchronously: awaited one by one, a round trip
 * through libuv's thread pool per file cost 1 s of wall time (34 ms of CPU) before a 3.000-file batch began. */
const realpath = (p: string): string => realpathSync.native(p);
const realOr = (p: string): string => {
  try {
    return realpath(p);
  } catch {
    return p;
  }
};

interface Walk {
  /** Real paths of the folders walked. */
  seen: Set<string>;
  /** Real path of the folder the walk started in: a link to it or above it would leave the folder asked for. */
  root?: string;
  /** Real paths of the files found: a file reached through a link and directly is checked once. */
  files: Set<string>;
  /** Each file found, by the path passed on, its real path (expandPaths dedupes by it without a second realpath). */
  reals: Map<string, string>;
}

/** Office lock files and hidden files are not submissions. */
const ignored = (name: string) => name.startsWith('~$') || name.startsWith('.');

/**
 * Symbolic links are followed (a folder of links to the submitted files is common), but never to the starting
 * folder or above it; a folder is walked once, a file found once. A folder that cannot be read and a link that
 * leads nowhere are passed on as paths (the reader makes them input/unreadable findings).
 */
async function walk(dir: string, out: string[], w: Walk): Promise<void> {
  let entries;
  let realDir: string;
  try {
    const real = (realDir = realpath(dir));
    if (w.seen.has(real)) return;
    w.seen.add(real);
    w.root ??= real;
    entries = await readdir(dir, { withFileTypes: true });
  } catch {
    out.push(dir);
    return;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const e of entries) {
    if (ignored(e.name)) continue;
    const p = join(dir, e.name);
    let dirent: { isDirectory(): boolean; isFile(): boolean } = e;
    let real: string | undefined;
    if (e.isSymbolicLink()) {
      try {
        dirent = await stat(p);
        real = realpath(p);
      } catch {
        out.push(p); // a dangling link (or a loop of links)
        continue;
      }
      if (dirent.isDirectory() && (real === w.root || w.root!.startsWith(real + sep))) continue; // up the tree
    }
    // a folder named as a spreadsheet (a Numbers package, an unpacked .xlsx) is passed on, not walked: the reader
    // says what it is instead of its files vanishing or being checked as a batch of their own
    if (dirent.isDirectory() && !SPREADSHEET.test(e.name)) await walk(p, out, w);
    else if (SPREADSHEET.test(e.name)) {
      // an entry that is no link is where the folder really is: its real path needs no realpath of its own (three
      // syscalls a file, glibc's lstat and readlink of each part of the path)
      real ??= join(realDir, e.name);
      if (w.files.has(real)) continue;
      w.files.add(real);
      w.reals.set(p, real);
      out.push(p); // a Numbers package (a folder) too: the reader says it is not a format it reads
    }
  }
}

async function expandGlob(pattern: string): Promise<string[]> {
  // loaded only for a pattern: its fdir requires picomatch from node_modules as it loads (4 ms of every start)
  const { glob } = await import('tinyglobby');
  const found = await glob(pattern.split(sep).join('/'), {
    absolute: isAbsolute(pattern),
    caseSensitiveMatch: false,
    followSymbolicLinks: true,
    onlyFiles: true,
    expandDirectories: false,
    dot: false,
  });
  const files = found.filter((f) => !ignored(f.slice(f.lastIndexOf('/') + 1)) && SPREADSHEET.test(f)).map((f) => f.split('/').join(sep));
  return files.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/** Files to check, deduplicated, in a deterministic order (as given; directories and glob matches sorted). */
export async function expandPaths(paths: string[]): Promise<string[]> {
  const out: string[] = [];
  const reals = new Map<string, string>();
  for (const p of paths) {
    let st;
    try {
      st = await stat(p);
    } catch {
      if (GLOB.test(p)) for (const f of await expandGlob(p)) out.push(f);
      else out.push(p); // reported as input/unreadable (not found)
      continue;
    }
    if (st.isDirectory() && !SPREADSHEET.test(p.replace(/[\\/]+$/, ''))) await walk(p, out, { seen: new Set(), files: new Set(), reals });
    else out.push(p);
  }
  // a file matched by two globs, or given and found in a folder, is checked once
  const seen = new Set<string>();
  const unique: string[] = [];
  for (const f of out) {
    const key = reals.get(f) ?? realOr(f);
    if (seen.has(key)) continue;
    seen.add(key);
    unique.push(f);
  }
  return unique;
}
