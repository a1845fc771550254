// The report of one run: files with their findings, pool-level findings, and a summary (SPEC §4).
import type { FileKind, Finding, Lang } from '../types.js';

export interface FileTotals {
  /** Budget: total expenses (øre). */
  expenses?: number;
  /** Budget: total financing, when the budget has a financing section (øre). */
  financing?: number;
  /** Accounts: the budget column, actual spending, and unspent grant (øre). */
  budget?: number;
  actual?: number;
  unspent?: number;
}

export interface FileReport {
  /** The path as given on the command line (or found under a directory given). */
  path: string;
  kind: FileKind;
  /** Pool id used for the checks, when one was found. */
  pool?: string;
  applicant?: string;
  cvr?: string;
  /** Requested amount (Ansøgt beløb) as stated in the workbook (øre). */
  requested?: number;
  /** Granted amount (Bevilget beløb) from an accounts workbook (øre). */
  granted?: number;
  /** Accounts: the approved budget they were checked against (--budget FILE, or the one paired from --budget DIR). */
  approvedBudget?: string;
  totals: FileTotals;
  /** Sorted by sheet, row, column, rule. */
  findings: Finding[];
  /** What the HTML charts draw (not part of the JSON contract). */
  chart?: FileChart;
}

/** A budget's expenses per month, or an accounts file's budget against actual per post (øre). */
export interface FileChart {
  /** Budget: [month "YYYY-MM", øre] for every month of the budget's span, in order. */
  months?: Array<[string, number]>;
  /** The pool's reporting granularity: quarters are drawn summed. */
  granularity?: 'month' | 'quarter';
  /** Accounts: each expense post's budget and actual spending. */
  posts?: Array<{ post: string; budget: number; actual: number }>;
}

export interface Summary {
  files: number;
  errors: number;
  warnings: number;
  infos: number;
}

export interface Report {
  tool: { name: string; version: string };
  lang: Lang;
  /** Sorted by path. */
  files: FileReport[];
  /** Findings about the run as a whole (pool/*). */
  findings: Finding[];
  summary: Summary;
  /** The pool the batch was checked against, when the same for all files. */
  pool?: { id: string; name: string; funds: number };
}
