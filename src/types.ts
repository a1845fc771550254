// The findings contract shared by reader, rules, report and formatters (SPEC §4).

export type Severity = 'error' | 'warning' | 'info';
export type Lang = 'da' | 'en';
export type FileKind = 'budget' | 'accounts' | 'unknown';

/** Where a finding points. Rows and columns are the spreadsheet's own, 1-based. */
export interface Location {
  sheet?: string;
  row?: number;
  /** A1 address without the sheet, e.g. "AK14". */
  cell?: string;
  /** The post text of the line the finding is about. */
  post?: string;
}

/** Values a message may be built from. Money is always whole øre (integers). */
export type MessageArgs = Record<string, string | number | boolean | undefined | string[]>;

/** One factor of a product a finding rests on ("2 × 1.980 timer × 260 kr."): money in øre, counts as read. */
export interface FindingFactor {
  value: number;
  unit?: string;
  money?: boolean;
}

/** What a rule (or the reader) reports: data, never prose. */
export interface RawFinding extends Location {
  rule: string;
  /** Overrides the rule's default severity for this one finding (rare; e.g. info about a skipped check). */
  severity?: Severity;
  args?: MessageArgs;
  /** Figures behind the finding, in øre when money. */
  expected?: number;
  actual?: number;
  /** Whether expected/actual are money (øre) or plain numbers (e.g. km rates in øre too, counts as-is). */
  unit?: 'ore' | 'count' | 'percent';
  /** The factors behind `expected` when it is a product (itemisation/unit-price-mismatch), in reading order. */
  factors?: FindingFactor[];
}

/** A finding after severity and language have been applied. */
export interface Finding extends RawFinding {
  severity: Severity;
  message: string;
  hint?: string;
}

export interface Bilingual {
  da: string;
  en: string;
}
