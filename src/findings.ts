// Raw findings into reported ones: severity from the configuration, message in the language, a stable order, and
// the summary of a run. Shared by the engine, the accounts check and the batch (which reports a dead worker).
import { configuredSeverity, type Config } from './config-core.js';
import { renderFinding } from './i18n/index.js';
import { colNumber } from './read/address.js';
import type { RawWorkbook } from './read/types.js';
import type { Metadata } from './model/types.js';
import type { FileChart, FileReport, FileTotals, Report } from './report/types.js';
import { RULES } from './rules/index.js';
import { compareText } from './order.js';
import type { FileKind, Finding, Lang, RawFinding } from './types.js';

/** Sorts findings by sheet (workbook order), row, column, rule. */
export function sortFindings<T extends RawFinding>(findings: T[], workbook?: RawWorkbook): T[] {
  const order = new Map((workbook?.sheets ?? []).map((s, i) => [s.name, i]));
  const sheetIdx = (f: RawFinding) => (f.sheet === undefined ? -1 : (order.get(f.sheet) ?? 1e6));
  const col = (f: RawFinding) => {
    const m = f.cell ? /^([A-Z]+)/.exec(f.cell) : null;
    return m ? colNumber(m[1]) : 0;
  };
  return [...findings].sort(
    (a, b) =>
      sheetIdx(a) - sheetIdx(b) ||
      compareText(a.sheet ?? '', b.sheet ?? '') ||
      (a.row ?? 0) - (b.row ?? 0) ||
      col(a) - col(b) ||
      compareText(a.rule, b.rule) ||
      compareText(a.post ?? '', b.post ?? '') ||
      compareText(String(a.actual ?? ''), String(b.actual ?? '')),
  );
}

/** Severity from config, then language: raw findings become reported findings (rules set "off" drop out). */
export function finalise(raw: RawFinding[], config: Config, lang: Lang): Finding[] {
  const out: Finding[] = [];
  for (const f of raw) {
    const rule = RULES.find((r) => r.id === f.rule);
    const sev = configuredSeverity(config, f.rule, f.severity ?? rule?.severity ?? 'error');
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
  const all = [...files.flatMap((f) => f.findings), ...poolFindings];
  return {
    files: files.length,
    errors: all.filter((f) => f.severity === 'error').length,
    warnings: all.filter((f) => f.severity === 'warning').length,
    infos: all.filter((f) => f.severity === 'info').length,
  };
}
