// Expands the paths given to `check`: files as given, directories recursively (.xlsx, .xlsm, .csv), simple globs.
import { readdir, realpath, stat } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';

const EXT = /\.(xlsx|xlsm|csv)$/i;

/** Symbolic links are followed (a folder of links to the submitted files is common); a folder is walked once. */
async function walk(dir: string, out: string[], seen = new Set<string>()): Promise<void> {
  let entries;
  try {
    const real = await realpath(dir);
    if (seen.has(real)) return; // a link back up the tree
    seen.add(real);
    entries = await readdir(dir, { withFileTypes: true });
  } catch {
    return;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const e of entries) {
    if (e.name.startsWith('~$') || e.name.startsWith('.')) continue; // Office lock files, hidden files
    const p = join(dir, e.name);
    let dirent: { isDirectory(): boolean; isFile(): boolean } = e;
    if (e.isSymbolicLink()) {
      try {
        dirent = await stat(p);
      } catch {
        continue; // a dangling link
      }
    }
    if (dirent.isDirectory()) await walk(p, out, seen);
    else if (dirent.isFile() && EXT.test(e.name)) out.push(p);
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
