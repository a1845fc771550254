// Reads a file's bytes (with its name) into a raw workbook, or into an input/* finding: the read path the CLI and the
// browser page share. Never throws on bad input, touches no file and no Node API.
import { findingOf } from '../finding.js';
import type { InputArgs } from '../rules/input/index.js';
import type { InputRuleId, RawFinding } from '../types.js';
import { readCsv } from './csv.js';
import { DEFAULT_LIMITS, InputRefusal, type Limits } from './limits.js';
import { readOoxml } from './ooxml.js';
import { sniffBytes } from './sniff.js';
import type { RawWorkbook } from './types.js';
import { guardZip } from './zipguard.js';

export type ReadResult = { ok: true; workbook: RawWorkbook } | { ok: false; finding: RawFinding<InputRuleId> };

export function readProblem(rule: InputRuleId, args: InputArgs): ReadResult {
  return { ok: false, finding: findingOf(rule, args) };
}

/** The extensions of each format a file may be named with; any other name (none, .txt) says nothing. */
const NAMED: Record<RawWorkbook['format'], RegExp> = { xlsx: /\.(xlsx|xlsm)$/i, csv: /\.(csv)$/i };

/** A workbook read by its content notes the extension of the other format it is named with (a CSV export named .xlsx,
 * a workbook named .csv): input/misnamed. */
function named(r: { ok: true; workbook: RawWorkbook }): ReadResult {
  const other = r.workbook.format === 'xlsx' ? 'csv' : 'xlsx';
  const m = NAMED[other].exec(r.workbook.path);
  if (m) r.workbook.misnamed = m[1].toLowerCase();
  return r;
}

/** The workbook in `bytes`; `name` is its path (or file name in the browser), reported as the workbook's path. */
export function readWorkbookBytes(name: string, bytes: Uint8Array, partial: Partial<Limits> = {}): ReadResult {
  const limits = { ...DEFAULT_LIMITS, ...partial };
  if (bytes.length > limits.maxFileBytes) return readProblem('input/too-large', { what: 'file-size', limit: limits.maxFileBytes, found: bytes.length });
  const sniffed = sniffBytes(bytes);
  if (sniffed.kind === 'problem') return readProblem(sniffed.rule, { what: sniffed.what });
  try {
    if (sniffed.kind === 'zip') {
      const guard = guardZip(bytes, limits);
      if (!guard.ok) return readProblem(guard.rule, { what: guard.what, ...guard.args });
      return named({ ok: true, workbook: readOoxml(name, guard.parts, limits) });
    }
    return named({ ok: true, workbook: readCsv(name, bytes, limits) });
  } catch (e) {
    // a part refused as it is inflated or tokenized: the same finding the guard gives before reading
    if (e instanceof InputRefusal) return readProblem(e.rule, { what: e.what, ...e.args });
    const err = e as { what?: string; limit?: number; found?: number; message?: string };
    if (err.what && err.limit) return readProblem('input/too-large', { what: err.what, limit: err.limit, found: err.found });
    return readProblem('input/unreadable', {
      what: sniffed.kind === 'zip' ? 'corrupt-zip' : 'not-a-spreadsheet',
      error: String(err.message ?? e).slice(0, 200),
    });
  }
}
