// Reads any input path into a raw workbook, or into an input/* finding: never throws on bad input, never writes.
import { open, stat } from 'node:fs/promises';
import type { RawFinding } from '../types.js';
import { readCsv } from './csv.js';
import { DEFAULT_LIMITS, type Limits } from './limits.js';
import { sniffBytes } from './sniff.js';
import type { RawWorkbook } from './types.js';
import { guardZip } from './zipguard.js';

export type { Limits } from './limits.js';

export type ReadResult = { ok: true; workbook: RawWorkbook } | { ok: false; finding: RawFinding };

function problem(rule: string, args: RawFinding['args']): ReadResult {
  return { ok: false, finding: { rule, args } };
}

/** The file's bytes, read through a read-only handle after checking its size (a too-large file is never read). */
async function readBytes(path: string, limits: Limits): Promise<Buffer | ReadResult> {
  try {
    const st = await stat(path);
    if (st.isDirectory()) return problem('input/unreadable', { what: 'is-directory' });
    if (!st.isFile()) return problem('input/unreadable', { what: 'not-a-spreadsheet' });
    if (st.size > limits.maxFileBytes) return problem('input/too-large', { what: 'file-size', limit: limits.maxFileBytes, found: st.size });
    const fh = await open(path, 'r');
    try {
      return await fh.readFile();
    } finally {
      await fh.close();
    }
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return problem('input/unreadable', { what: code === 'ENOENT' ? 'not-found' : code === 'EACCES' || code === 'EPERM' ? 'no-access' : code === 'EISDIR' ? 'is-directory' : 'io-error', error: String((e as Error).message) });
  }
}

export async function readWorkbook(path: string, partial: Partial<Limits> = {}): Promise<ReadResult> {
  const limits = { ...DEFAULT_LIMITS, ...partial };
  const bytes = await readBytes(path, limits);
  if (!Buffer.isBuffer(bytes)) return bytes;
  const sniffed = sniffBytes(bytes);
  if (sniffed.kind === 'problem') return problem(sniffed.rule, { what: sniffed.what });
  try {
    if (sniffed.kind === 'zip') {
      const guard = guardZip(bytes, limits);
      if (!guard.ok) return problem(guard.rule, { what: guard.what, ...guard.args });
      const { readXlsx } = await import('./xlsx.js'); // exceljs loads only when a workbook is read
      return { ok: true, workbook: await readXlsx(path, bytes, limits) };
    }
    return { ok: true, workbook: readCsv(path, bytes, limits) };
  } catch (e) {
    const err = e as { what?: string; limit?: number; found?: number; message?: string };
    if (err.what && err.limit) return problem('input/too-large', { what: err.what, limit: err.limit, found: err.found });
    return problem('input/unreadable', { what: sniffed.kind === 'zip' ? 'corrupt-zip' : 'not-a-spreadsheet', error: String(err.message ?? e).slice(0, 200) });
  }
}
