// The caseworker's desk on the command line (issue 16): a workbook read from standard input, a folder of approved
// budgets, accepted findings (--baseline), --quiet, --max-warnings, --print-config and binary formats. Kept apart from
// commands/check.ts so the command stays a short list of steps.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { indexApprovedBudgets, type ApprovedBudgetRef } from '../accounts/pair.js';
import { applyBaseline, baselineOf, DEFAULT_BASELINE, errorsOnly, readBaseline, serialiseBaseline } from '../baseline.js';
import { findConfigFile, type Config } from '../config.js';
import { UsageError } from '../errors.js';
import { renderFinding } from '../i18n/index.js';
import { labelsFor } from '../i18n/languages.js';
import type { Limits } from '../read/index.js';
import { terminalSafe } from '../report/escape.js';
import type { Report } from '../report/types.js';
import type { InputRuleId, RawFinding } from '../types.js';
import type { Io } from './io.js';
import { assertNotInput, writeFileAtomic } from './safe-write.js';

/** The name a workbook read from standard input has in the report. */
export const STDIN = '-';

export interface StdinInput {
  /** The paths with `-` replaced by a temporary copy of standard input. */
  paths: string[];
  /** The file to read for a path of the report (the temporary copy for `-`). */
  source: (path: string) => string;
  /** The report with the temporary copy named `-` again. */
  rename: (report: Report) => Report;
  dispose: () => void;
}

async function readAll(stream: NodeJS.ReadableStream): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const chunk of stream) parts.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
  return Buffer.concat(parts);
}

/** `-` reads one workbook from standard input (as Ruff and ESLint read a file); it is checked from a private temporary copy. */
export async function stdinInput(paths: string[], io: Io): Promise<StdinInput> {
  const none: StdinInput = { paths, source: (p) => p, rename: (r) => r, dispose: () => undefined };
  if (!paths.includes(STDIN)) return none;
  if (paths.filter((p) => p === STDIN).length > 1) throw new UsageError('standard input (-) can be given once');
  const bytes = await (io.stdin ? io.stdin() : readAll(process.stdin));
  const dir = mkdtempSync(join(tmpdir(), 'budgettjek-stdin-'));
  // The name only helps the annotated copy's name; the reader decides the format by content.
  const tmp = join(dir, bytes.subarray(0, 2).toString('latin1') === 'PK' ? 'stdin.xlsx' : 'stdin.csv');
  writeFileSync(tmp, bytes, { mode: 0o600 });
  return {
    paths: paths.map((p) => (p === STDIN ? tmp : p)),
    source: (p) => (p === STDIN ? tmp : p),
    rename: (r) => ({
      ...r,
      files: r.files.map((f) => (f.path === tmp ? { ...f, path: STDIN } : f)),
      findings: r.findings.map((f) =>
        f.rule === 'pool/duplicate-applicant' ? { ...f, args: { ...f.args, files: f.args.files.map((x) => (x === tmp ? STDIN : x)) } } : f,
      ),
    }),
    dispose: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** --budget FILE is the approved budget of every accounts file; --budget DIR holds approved budgets to pair them with
 * (`inFolder`: the folder's spreadsheets, as the run expanded them to keep its output off them). */
export async function approvedBudgets(
  budget: string | undefined,
  inFolder: string[] | undefined,
  limits: Partial<Limits>,
  io?: Io,
  lang: 'da' | 'en' = 'da',
): Promise<{ budget?: string; approvedBudgets?: ApprovedBudgetRef[] }> {
  if (!budget) return {};
  if (!inFolder) return { budget }; // a file (or not there: the accounts check says so)
  // a file in the folder that cannot be read is said on stderr, with what it is and what to do: the accounts it was
  // meant for would otherwise only be told that no approved budget matches
  const unread = (path: string, f: RawFinding<InputRuleId>) => {
    const r = renderFinding(f, 'error', lang);
    io?.stderr(`budgettjek: ${terminalSafe(labelsFor(lang).cli.approvedNotRead(path, `${r.rule}: ${r.message}${r.hint ? ` ${r.hint}` : ''}`))}\n`);
  };
  return { approvedBudgets: await indexApprovedBudgets(inFolder, limits, unread) };
}

export interface DeskOptions {
  /** The language of what is said on stderr. */
  lang?: 'da' | 'en';
  baseline?: string;
  writeBaseline?: boolean;
  quiet?: boolean;
  maxWarnings?: string;
}

/** Accepted findings and --quiet, applied to the report; --write-baseline first writes what the run found. */
export function deskFilter(report: Report, opts: DeskOptions, inputs: string[], io: Io): Report {
  let out = report;
  if (opts.writeBaseline || opts.baseline) {
    const file = opts.baseline ?? DEFAULT_BASELINE;
    if (opts.writeBaseline) {
      assertNotInput(file, inputs, 'the baseline');
      writeFileAtomic(file, serialiseBaseline(baselineOf(report)));
    }
    const res = applyBaseline(report, readBaseline(file));
    out = res.report;
    const t = labelsFor(opts.lang ?? 'da').cli;
    if (opts.writeBaseline) io.stderr(`budgettjek: ${t.baselineWritten(terminalSafe(file), res.suppressed)}\n`);
    else if (res.suppressed) io.stderr(`budgettjek: ${t.baselineHidden(res.suppressed, terminalSafe(file))}\n`);
    if (res.stale.length) {
      io.stderr(`budgettjek: ${t.baselineStale(res.stale.length)}\n`);
      for (const e of res.stale.slice(0, 50)) {
        const where = [e.sheet && `${e.sheet}${e.cell ? `!${e.cell}` : ''}`, e.post].filter(Boolean).join(' ');
        io.stderr(`  ${terminalSafe(`${e.file}  ${e.rule}${where ? `  ${where}` : ''}${e.count > 1 ? `  ×${e.count}` : ''}`)}\n`);
      }
      if (res.stale.length > 50) io.stderr(`  ${t.more(res.stale.length - 50)}\n`);
    }
  }
  return opts.quiet ? errorsOnly(out) : out;
}

/** --max-warnings N: more warnings than N is exit 1 (as in ESLint), whatever --fail-on says. */
export function tooManyWarnings(report: Report, maxWarnings: string | undefined): boolean {
  const n = parseMaxWarnings(maxWarnings);
  return n !== undefined && report.summary.warnings > n;
}

/** --max-warnings as a number; checked before any file is read. */
export function parseMaxWarnings(maxWarnings: string | undefined): number | undefined {
  if (maxWarnings === undefined) return undefined;
  const n = Number(maxWarnings);
  if (maxWarnings.trim() === '' || !Number.isInteger(n) || n < 0) throw new UsageError(`--max-warnings must be a whole number ≥ 0, not "${maxWarnings}"`);
  return n;
}

/** --print-config: the configuration a run would use, merged from the file found and the options given. */
export function printConfig(
  config: Config,
  opts: { config?: string; pool?: string; lang?: string; failOn?: string; format: string },
  cwd = process.cwd(),
): string {
  const merged = {
    configFile: findConfigFile(opts.config, cwd) ?? null,
    pool: opts.pool ?? config.pool ?? null,
    lang: opts.lang ?? config.lang ?? 'da',
    failOn: opts.failOn ?? config.failOn ?? 'error',
    format: opts.format,
    rules: Object.fromEntries(Object.entries(config.rules).sort((a, b) => a[0].localeCompare(b[0]))),
    pools: config.pools,
  };
  return JSON.stringify(merged, null, 2) + '\n';
}
