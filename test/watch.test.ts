// check --watch: a save as Excel makes it (a new file renamed over the old one) gives a second report; Ctrl-C ends it.
import { spawn } from 'node:child_process';
import { mkdtempSync, renameSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { budgetWorkbook, CLEAN_LINES } from './helpers/budget.js';
import { writeXlsx } from './helpers/xlsx.js';
import { isSpreadsheetSave, watchedFolders } from '../src/cli/watch.js';

const until = async (cond: () => boolean, ms = 20_000) => {
  const end = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 50));
  }
};

describe('check --watch', () => {
  it('checks again when a new file is renamed over the watched one, and ends on Ctrl-C', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bt-watch-'));
    const budget = join(dir, 'budget.xlsx');
    await writeXlsx(budgetWorkbook({ lines: CLEAN_LINES }).wb, budget);
    const p = spawn(process.execPath, [resolve('bin/budgettjek.js'), 'check', budget, '--watch', '--lang', 'en', '--format', 'json'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    p.stdout.on('data', (d) => (out += d));
    p.stderr.on('data', (d) => (err += d));
    const exited = new Promise<number | null>((r) => p.on('close', (code) => r(code)));
    try {
      await until(() => (err.match(/Watching/g) ?? []).length === 1);
      expect(JSON.parse(out).summary.errors).toBe(0);
      // Excel's save: the new content goes to a temporary file, which is then renamed over the budget
      const tmp = join(dir, 'A1B2C3D4.tmp');
      await writeXlsx(budgetWorkbook({ lines: [{ ...CLEAN_LINES[0], total: 1 }, ...CLEAN_LINES.slice(1)] }).wb, tmp);
      renameSync(tmp, budget);
      await until(() => (err.match(/Watching/g) ?? []).length === 2);
      const second = out.slice(out.indexOf('— checked again —') + '— checked again —'.length);
      const report = JSON.parse(second);
      expect(report.files[0].findings.map((f: { rule: string; row: number }) => [f.rule, f.row])).toContainEqual(['distribution/sum-mismatch', 2]);
      p.kill('SIGINT');
      expect(await exited).toBe(1); // the last check had an error
    } finally {
      p.kill('SIGKILL');
    }
  }, 60_000);

  it('watches the folder of a file, a folder with its sub-folders, and skips lock and temporary files', () => {
    expect(watchedFolders(['/a/b/budget.xlsx'])).toEqual([{ dir: '/a/b', recursive: false }]);
    expect(watchedFolders([tmpdir()])).toEqual([{ dir: resolve(tmpdir()), recursive: true }]);
    expect(watchedFolders(['/x/ans/*.xlsx'])).toEqual([{ dir: '/x/ans', recursive: false }]);
    expect(isSpreadsheetSave('budget.xlsx')).toBe(true);
    expect(isSpreadsheetSave('~$budget.xlsx')).toBe(false);
    expect(isSpreadsheetSave('.~lock.budget.xlsx#')).toBe(false);
    expect(isSpreadsheetSave('A1B2C3D4.tmp')).toBe(false);
  });
});
