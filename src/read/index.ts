// Reads any input path into a raw workbook, or into an input/* finding: never throws on bad input.
import { readFile, stat } from 'node:fs/promises';
import type { RawFinding } from '../types.js';
import { readCsv } from './csv.js';
import type { RawWorkbook } from './types.js';


export interface ReadLimits {
  maxFileBytes: number;
  maxRows: number;
  maxCols: number;
  maxCells: number;
}

export type ReadResult = { ok: true; workbook: RawWorkbook } | { ok: false; finding: RawFinding };

function problem(rule: string, args: RawFinding['args']): ReadResult {
  return { ok: false, finding: { rule, args } };
}

export async function readWorkbook(path: string, limits: ReadLimits): Promise<ReadResult> {
  let bytes: Buffer;
  try {
    const st = await stat(path);
    if (st.isDirectory()) return problem('input/unreadable', { what: 'is-directory' });
    if (st.size > limits.maxFileBytes) return problem('input/too-large', { what: 'file-size', limit: limits.maxFileBytes, found: st.size });
    bytes = await readFile(path, { flag: 'r' });
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return problem('input/unreadable', { what: code === 'ENOENT' ? 'not-found' : code === 'EACCES' ? 'no-access' : 'io-error', error: String((e as Error).message) });
  }
  if (bytes.length === 0) return problem('input/unreadable', { what: 'empty' });
  const isZip = bytes[0] === 0x50 && bytes[1] === 0x4b;
  try {
    if (isZip) {
      const { readXlsx } = await import('./xlsx.js'); // exceljs loads only when a workbook is read
      return { ok: true, workbook: await readXlsx(path, bytes, limits) };
    }
    if (bytes.subarray(0, 8).equals(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]))) return problem('input/unsupported-format', { what: 'xls' });
    if (bytes.subarray(0, 8192).includes(0)) return problem('input/unreadable', { what: 'binary' });
    return { ok: true, workbook: readCsv(path, bytes, limits) };
  } catch (e) {
    const err = e as { what?: string; limit?: number; found?: number; message?: string };
    if (err.what && err.limit) return problem('input/too-large', { what: err.what, limit: err.limit, found: err.found });
    return problem('input/unreadable', { what: isZip ? 'corrupt-zip' : 'not-a-spreadsheet', error: String(err.message ?? e).slice(0, 200) });
  }
}
