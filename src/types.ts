// The findings contract shared by reader, rules, report and formatters (SPEC §4): a finding's rule id is one of the
// registry's, and its args are that rule's.
import type { FindingOf } from './finding-shape.js';
import type { ArgsOf, RuleId } from './rules/index.js';

export type { FileKind, FindingFactor, Lang, Location, Severity } from './finding-shape.js';
export type { ArgsOf, RuleId } from './rules/index.js';

/** The ids of the reader's findings of a file it did not read (input/misnamed is of a file it read). */
export type InputRuleId = Exclude<Extract<RuleId, `input/${string}`>, 'input/misnamed'>;
import type { Severity } from './finding-shape.js';

/** What a rule (or the reader) reports: data, never prose. One type per rule id, so `rule` tells `args` apart. */
export type RawFinding<K extends RuleId = RuleId> = K extends RuleId ? FindingOf<K, ArgsOf<K>> : never;

/** What rendering adds to a raw finding: its severity and its message in the language. */
export interface Rendered {
  severity: Severity;
  message: string;
  hint?: string;
}

/** A finding after severity and language have been applied. */
export type Finding<K extends RuleId = RuleId> = K extends RuleId ? FindingOf<K, ArgsOf<K>> & Rendered : never;

export interface Bilingual {
  da: string;
  en: string;
}
