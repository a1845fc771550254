// `check --watch`: checks again each time a budget is saved, until Ctrl-C. Excel and LibreOffice save by writing a
// new file and renaming it over the old one, so the folders are watched (a watch on the file would follow the old,
// replaced file and never fire again).
import { watch, statSync, type FSWatcher } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import { UsageError } from '../errors.js';
import { terminalSafe } from '../report/escape.js';
import type { Io } from './io.js';
import { WriteError } from './safe-write.js';

/** The folders to watch for the given paths: a folder itself (with its sub-folders), else the folder a file or glob is in. */
export function watchedFolders(paths: string[]): Array<{ dir: string; recursive: boolean }> {
  const out = new Map<string, boolean>();
  for (const p of paths) {
    const plain = p.split(/[*?[{]/)[0];
    let dir = dirname(resolve(p));
    let recursive = false;
    try {
      if (statSync(p).isDirectory()) {
        dir = resolve(p);
        recursive = true;
      }
    } catch {
      // a glob or a file that is not there (yet): its folder
      if (plain !== p) {
        dir = plain.endsWith('/') ? resolve(plain) : dirname(resolve(plain || '.'));
        recursive = /\*\*/.test(p);
      }
    }
    out.set(dir, (out.get(dir) ?? false) || recursive);
  }
  return [...out].map(([dir, recursive]) => ({ dir, recursive }));
}

/** A file a spreadsheet program saves, not one of its lock or temporary files (~$budget.xlsx, .~lock.budget.xlsx#). */
export function isSpreadsheetSave(name: string | null): boolean {
  if (!name) return true; // some platforms do not say which file changed
  const base = basename(name);
  return /\.(xlsx|xlsm|csv)$/i.test(base) && !base.startsWith('~$') && !base.startsWith('.~lock');
}

export async function watchCheck(
  run: () => Promise<number>,
  paths: string[],
  io: Io,
  labels: { watching: string; again: string },
  signal?: AbortSignal,
): Promise<number> {
  const clear = io.isTTY ? '\x1b[2J\x1b[3J\x1b[H' : '';
  let last = 2;
  const once = async (first: boolean) => {
    if (!first) io.stdout(clear || `\n${labels.again}\n\n`);
    try {
      last = await run();
    } catch (e) {
      if (!(e instanceof UsageError || e instanceof WriteError)) throw e;
      io.stderr(`budgettjek: ${terminalSafe(e.message)}\n`);
      last = 2;
    }
    io.stderr(`${labels.watching}\n`);
  };
  await once(true);
  const watchers: FSWatcher[] = [];
  return new Promise<number>((done, fail) => {
    let timer: NodeJS.Timeout | undefined;
    let running = Promise.resolve();
    const stop = () => {
      for (const w of watchers) w.close();
      if (timer) clearTimeout(timer);
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      running.then(() => done(last), fail);
    };
    const changed = (_event: string, name: string | Buffer | null) => {
      if (!isSpreadsheetSave(name === null ? null : String(name))) return;
      if (timer) clearTimeout(timer);
      // a save is several events (write, rename, attributes): one check after they settle
      timer = setTimeout(() => {
        running = running
          .then(() => once(false))
          .catch((e) => {
            stop();
            fail(e);
          });
      }, 250);
    };
    for (const { dir, recursive } of watchedFolders(paths)) {
      try {
        watchers.push(watch(dir, { recursive }, changed));
      } catch (e) {
        io.stderr(`budgettjek: ${terminalSafe(`${dir}: ${(e as Error).message}`)}\n`);
      }
    }
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
    signal?.addEventListener('abort', stop);
  });
}
