// Raw findings into reported ones: severity from the configuration, message in the language, a stable order, and
// the summary of a run. Shared by the engine, the accounts check and the batch (which reports a dead worker).
import { configuredSeverity, type Config } from './config-core.js';
import { renderFinding } from './i18n/index.js';
import { findingOf } from './finding.js';
import { colNumber } from './read/address.js';
import type { RawWorkbook } from './read/types.js';
import type { Metadata } from './model/types.js';
import type { FileChart, FileReport, FileTotals, Report } from './report/types.js';
import { RULES } from './rules/index.js';
import { compareText } from './order.js';
import type { FileKind, Finding, Lang, RawFinding, Severity } from './types.js';

/** A finding with its sort keys, computed once rather than in every comparison (100.000 findings: ~1,7 M comparisons). */
interface Keyed<T> {
  f: T;
  sheet: number;
  row: number;
  col: number;
}

/** The column number of a finding's cell ("AJ2" → 36); 0 without a cell. */
function cellCol(cell: string | undefined): number {
  const m = cell ? /^([A-Z]+)/.exec(cell) : null;
  return m ? colNumber(m[1]) : 0;
}

/** Sorts findings by sheet (workbook order), row, column, rule. */
export function sortFindings<T extends RawFinding>(findings: T[], workbook?: RawWorkbook): T[] {
  const order = new Map((workbook?.sheets ?? []).map((s, i) => [s.name, i]));
  const keyed: Keyed<T>[] = findings.map((f) => ({
    f,
    sheet: f.sheet === undefined ? -1 : (order.get(f.sheet) ?? 1e6),
    row: f.row ?? 0,
    col: cellCol(f.cell),
  }));
  keyed.sort(
    (a, b) =>
      a.sheet - b.sheet ||
      compareText(a.f.sheet ?? '', b.f.sheet ?? '') ||
      a.row - b.row ||
      a.col - b.col ||
      compareText(a.f.rule, b.f.rule) ||
      compareText(a.f.post ?? '', b.f.post ?? '') ||
      compareText(String(a.f.actual ?? ''), String(b.f.actual ?? '')),
  );
  return keyed.map((k) => k.f);
}

/** Each rule's default severity by id (the first rule of an id, as RULES.find gives), made on first use. */
let defaultSeverity: Map<string, Severity> | undefined;

/** Severity from config, then language: raw findings become reported findings (rules set "off" drop out). */
export function finalise(raw: RawFinding[], config: Config, lang: Lang): Finding[] {
  if (!defaultSeverity) {
    defaultSeverity = new Map();
    for (const r of RULES) if (!defaultSeverity.has(r.id)) defaultSeverity.set(r.id, r.severity);
  }
  // a rule's configured severity, for its findings that do not set their own (most): asked once per rule
  const configured = new Map<string, Severity | 'off'>();
  const out: Finding[] = [];
  for (const f of raw) {
    let sev: Severity | 'off' | undefined = f.severity === undefined ? configured.get(f.rule) : undefined;
    if (sev === undefined) {
      sev = configuredSeverity(config, f.rule, f.severity ?? defaultSeverity.get(f.rule) ?? 'error');
      if (f.severity === undefined) configured.set(f.rule, sev);
    }
    if (sev === 'off') continue;
    out.push(renderFinding(f, sev, lang));
  }
  return out;
}

/** What a file's report is made of: the file, its pool, what the workbook says of itself, totals and raw findings. */
export interface FileReportParts {
  path: string;
  kind: FileKind;
  pool?: string;
  /** The workbook's metadata: its applicant and CVR are reported. */
  metadata?: Metadata;
  /** What the report states besides (requested, granted, the approved budget), in that order. */
  stated?: Pick<FileReport, 'requested' | 'granted' | 'approvedBudget'>;
  totals?: FileTotals;
  raw: RawFinding[];
  /** Orders the findings by its sheets. */
  workbook?: RawWorkbook;
  chart?: FileChart;
}

/** A file's report: the one place its fields are put together (the engine, the accounts check, a crashed worker). */
export function fileReport(parts: FileReportParts, config: Config, lang: Lang): FileReport {
  const m = parts.metadata;
  const wb = parts.workbook;
  // a file read by its content but named as another format: said once, whatever else its report holds
  if (wb?.misnamed) parts.raw.push(findingOf('input/misnamed', { what: wb.format === 'csv' ? 'csv-named-xlsx' : 'xlsx-named-csv', named: wb.misnamed }));
  return {
    path: parts.path,
    kind: parts.kind,
    pool: parts.pool,
    ...(m ? { applicant: m.applicant?.value, cvr: m.cvr?.value } : {}),
    ...parts.stated,
    totals: parts.totals ?? {},
    findings: sortFindings(finalise(parts.raw, config, lang), parts.workbook),
    ...(parts.chart ? { chart: parts.chart } : {}),
  };
}

export function summarise(files: FileReport[], poolFindings: Finding[]): Report['summary'] {
  const count = { error: 0, warning: 0, info: 0 };
  const add = (findings: Finding[]) => {
    for (const f of findings) if (f.severity === 'error' || f.severity === 'warning' || f.severity === 'info') count[f.severity]++;
  };
  for (const f of files) add(f.findings);
  add(poolFindings);
  return { files: files.length, errors: count.error, warnings: count.warning, infos: count.info };
}
