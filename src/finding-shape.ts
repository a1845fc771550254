// The shape of a finding whichever rules exist: the leaf the rules build on. src/types.ts completes it with the
// registry's rule ids (a rule cannot import that without closing an import cycle through the registry).

export type Severity = 'error' | 'warning' | 'info';
export type { Lang } from './i18n/locale.js';
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

/** One factor of a product a finding rests on ("2 × 1.980 timer × 260 kr."): money in øre, counts as read. */
export interface FindingFactor {
  value: number;
  unit?: string;
  money?: boolean;
}

/** Figures behind a finding, in øre when money; messages are rendered from them with the finding's args. */
export interface Figures {
  expected?: number;
  actual?: number;
  /** The factors behind `expected` when it is a product (itemisation/unit-price-mismatch), in reading order. */
  factors?: FindingFactor[];
}

/** The args of a rule whose findings carry none. */
export type NoArgs = Record<never, never>;

/** What a rule reports, less its id (the rule's `finding` adds that): data, never prose. */
export type FindingBody<A extends object> = Location &
  Figures & {
    /** Overrides the rule's default severity for this one finding (rare; e.g. info about a skipped check). */
    severity?: Severity;
    /** Whether expected/actual are money (øre) or plain numbers (e.g. km rates in øre too, counts as-is). */
    unit?: 'ore' | 'count' | 'percent';
  } & (NoArgs extends A ? { args?: A } : { args: A });

/** A finding of the rule `Id`, whose args are `A`. */
export type FindingOf<Id extends string, A extends object> = { rule: Id } & FindingBody<A>;

/** How a rule reports: its findings' data, to which the function adds the rule's own id. */
export type Report<Id extends string, A extends object> = (f: FindingBody<A>) => FindingOf<Id, A>;

/** The function that gives the rule `id`'s findings their id. */
export function reporter<Id extends string, A extends object>(id: Id): Report<Id, A> {
  return (f) => ({ rule: id, ...f });
}
