// Accepted findings (--baseline FILE, --write-baseline), after ESLint's bulk suppressions: each entry names the file
// by its applicant (CVR, else name) or path, and the finding by rule, sheet, cell, post and its figures, so it survives
// a re-save of the workbook but not a changed amount. Entries no longer met are stale and reported.
import { readFileSync } from 'node:fs';
import { relative, sep } from 'node:path';
import { UsageError } from './errors.js';
import type { FileReport, Report } from './report/types.js';
import { summarise } from './findings.js';
import { toKroner } from './money.js';
import type { Finding } from './types.js';

export const DEFAULT_BASELINE = 'budgettjek-baseline.json';

export interface BaselineEntry {
  /** "cvr:29189404", "applicant:roskilde kommune", "path:ansøgninger/x.xlsx", or "pool" for the batch's findings. */
  file: string;
  rule: string;
  sheet?: string;
  cell?: string;
  post?: string;
  /** The finding's figures, as in the JSON report (kroner for money). */
  expected?: number;
  actual?: number;
  /** How many findings of the file share this key (two identical lines, say). */
  count: number;
}

export interface Baseline {
  tool: 'budgettjek';
  version: 1;
  entries: BaselineEntry[];
}

/** Whose findings these are, in a way that does not change when the file is re-saved or renamed. */
export function fileKey(f: Pick<FileReport, 'cvr' | 'applicant' | 'path'>, cwd = process.cwd()): string {
  const cvr = (f.cvr ?? '').replace(/\D/g, '');
  if (cvr.length === 8) return `cvr:${cvr}`;
  const name = (f.applicant ?? '').toLocaleLowerCase('da').replace(/\s+/g, ' ').trim();
  if (name) return `applicant:${name}`;
  const rel = f.path === '-' ? '-' : relative(cwd, f.path) || f.path;
  return `path:${rel.split(sep).join('/')}`;
}

type Keyed = Omit<BaselineEntry, 'count'>;

function entryOf(file: string, f: Finding): Keyed {
  const e: Keyed = { file, rule: f.rule };
  if (f.sheet !== undefined) e.sheet = f.sheet;
  if (f.cell !== undefined) e.cell = f.cell;
  else if (f.row !== undefined) e.cell = `${f.row}:${f.row}`;
  if (f.post !== undefined) e.post = f.post;
  // Figures as the JSON report gives them (kroner for money), so a reader of the file recognises them.
  const money = f.unit === undefined || f.unit === 'ore';
  if (f.expected !== undefined) e.expected = money ? toKroner(f.expected) : f.expected;
  if (f.actual !== undefined) e.actual = money ? toKroner(f.actual) : f.actual;
  return e;
}

const keyOf = (e: Keyed) => JSON.stringify([e.file, e.rule, e.sheet ?? null, e.cell ?? null, e.post ?? null, e.expected ?? null, e.actual ?? null]);

/** The baseline that accepts every finding of the report. */
export function baselineOf(report: Report, cwd = process.cwd()): Baseline {
  const counts = new Map<string, BaselineEntry>();
  const add = (e: Keyed) => {
    const k = keyOf(e);
    const had = counts.get(k);
    if (had) had.count++;
    else counts.set(k, { ...e, count: 1 });
  };
  for (const file of report.files) {
    const fk = fileKey(file, cwd);
    for (const f of file.findings) add(entryOf(fk, f));
  }
  for (const f of report.findings) add(entryOf('pool', f));
  const entries = [...counts.entries()].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)).map(([, e]) => e);
  return { tool: 'budgettjek', version: 1, entries };
}

export function serialiseBaseline(b: Baseline): string {
  return JSON.stringify(b, null, 2) + '\n';
}

/** Reads a baseline file; a missing or malformed one is a usage error naming it. */
export function readBaseline(path: string): Baseline {
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(path, 'utf8'));
  } catch (e) {
    const missing = (e as NodeJS.ErrnoException).code === 'ENOENT';
    throw new UsageError(
      missing ? `baseline ${path} does not exist (write it with --write-baseline)` : `baseline ${path} is not valid JSON: ${(e as Error).message}`,
    );
  }
  const d = data as Partial<Baseline> | null;
  const ok = (e: unknown): e is BaselineEntry => {
    const x = e as BaselineEntry;
    return (
      !!x &&
      typeof x.file === 'string' &&
      typeof x.rule === 'string' &&
      Number.isInteger(x.count) &&
      x.count > 0 &&
      (['sheet', 'cell', 'post'] as const).every((k) => x[k] === undefined || typeof x[k] === 'string') &&
      (['expected', 'actual'] as const).every((k) => x[k] === undefined || typeof x[k] === 'number')
    );
  };
  if (!d || d.tool !== 'budgettjek' || d.version !== 1 || !Array.isArray(d.entries) || !d.entries.every(ok)) {
    throw new UsageError(`baseline ${path} is not a budgettjek baseline (version 1)`);
  }
  return d as Baseline;
}

export interface BaselineResult {
  report: Report;
  /** Findings hidden because the baseline accepts them. */
  suppressed: number;
  /** Entries of files in this run (and of the pool, for a batch) that no finding met any more. */
  stale: BaselineEntry[];
}

/** Hides the findings the baseline accepts; the summary is counted again from what is left. */
export function applyBaseline(report: Report, baseline: Baseline, cwd = process.cwd()): BaselineResult {
  const left = new Map<string, number>();
  for (const e of baseline.entries) left.set(keyOf(e), (left.get(keyOf(e)) ?? 0) + e.count);
  let suppressed = 0;
  const keep = (fk: string) => (f: Finding) => {
    const k = keyOf(entryOf(fk, f));
    const n = left.get(k) ?? 0;
    if (n <= 0) return true;
    left.set(k, n - 1);
    suppressed++;
    return false;
  };
  const seen = new Set<string>();
  const files = report.files.map((file) => {
    const fk = fileKey(file, cwd);
    seen.add(fk);
    return { ...file, findings: file.findings.filter(keep(fk)) };
  });
  if (report.files.length > 1) seen.add('pool');
  const findings = report.findings.filter(keep('pool'));
  const stale: BaselineEntry[] = [];
  const counted = new Set<string>();
  for (const e of baseline.entries) {
    const k = keyOf(e);
    if (!seen.has(e.file) || counted.has(k)) continue;
    counted.add(k);
    const n = left.get(k) ?? 0;
    if (n > 0) stale.push({ ...e, count: n });
  }
  return { report: { ...report, files, findings, summary: summarise(files, findings) }, suppressed, stale };
}

/** Errors only (--quiet): warnings and infos are left out of the report and its summary. */
export function errorsOnly(report: Report): Report {
  const files = report.files.map((f) => ({ ...f, findings: f.findings.filter((x) => x.severity === 'error') }));
  const findings = report.findings.filter((x) => x.severity === 'error');
  return { ...report, files, findings, summary: summarise(files, findings) };
}
