// Expands the paths given to `check`: files as given, directories recursively (.xlsx, .xlsm, .csv), simple globs.
import { readdir, realpath, stat } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';

const EXT = /\.(xlsx|xlsm|csv)$/i;

interface Walk {
  /** Real paths of the folders walked. */
  seen: Set<string>;
  /** Real path of the folder the walk started in: a link to it or above it would leave the folder asked for. */
  root?: string;
  /** Real paths of the files found: a file reached through a link and directly is checked once. */
  files: Set<string>;
}

/**
 * Symbolic links are followed (a folder of links to the submitted files is common), but never to the starting
 * folder or above it; a folder is walked once, a file found once.
 */
async function walk(dir: string, out: string[], w: Walk = { seen: new Set(), files: new Set() }): Promise<void> {
  let entries;
  try {
    const real = await realpath(dir);
    if (w.seen.has(real)) return;
    w.seen.add(real);
    w.root ??= real;
    entries = await readdir(dir, { withFileTypes: true });
  } catch {
    return;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const e of entries) {
    if (e.name.startsWith('~$') || e.name.startsWith('.')) continue; // Office lock files, hidden files
    const p = join(dir, e.name);
    let dirent: { isDirectory(): boolean; isFile(): boolean } = e;
    let real: string | undefined;
    if (e.isSymbolicLink()) {
      try {
        dirent = await stat(p);
        real = await realpath(p);
      } catch {
        continue; // a dangling link
      }
      if (dirent.isDirectory() && (real === w.root || w.root!.startsWith(real + sep))) continue; // up the tree
    }
    if (dirent.isDirectory()) await walk(p, out, w);
    else if (dirent.isFile() && EXT.test(e.name)) {
      real ??= await realpath(p).catch(() => p);
      if (w.files.has(real)) continue;
      w.files.add(real);
      out.push(p);
    }
  }
}

function globToRegex(glob: string): RegExp {
  let re = '';
  for (let i = 0; i < glob.length; i++) {
    const ch = glob[i];
    if (ch === '*') {
      if (glob[i + 1] === '*') {
        re += '.*';
        i++;
        if (glob[i + 1] === '/') i++;
      } else re += '[^/]*';
    } else if (ch === '?') re += '[^/]';
    else re += ch.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${re}$`);
}

/** Files to check, deduplicated, in a deterministic order (as given; directories sorted). */
export async function expandPaths(paths: string[]): Promise<string[]> {
  const out: string[] = [];
  for (const p of paths) {
    if (/[*?]/.test(p)) {
      const firstWild = p.search(/[*?]/);
      const base = p.slice(0, firstWild).replace(/[^/]*$/, '') || '.';
      const all: string[] = [];
      await walk(base, all);
      const re = globToRegex(p.split(sep).join('/'));
      const norm = (f: string) => (base === '.' ? relative('.', f) : f).split(sep).join('/');
      out.push(...all.filter((f) => re.test(norm(f)) || re.test(f.split(sep).join('/'))));
      continue;
    }
    let st;
    try {
      st = await stat(p);
    } catch {
      out.push(p); // reported as input/unreadable (not found)
      continue;
    }
    if (st.isDirectory()) await walk(p, out);
    else out.push(p);
  }
  return [...new Set(out)];
}
