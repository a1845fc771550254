// Message tables: every rule's wording in Danish and English lives here, never inline in rules.
import type { FindingFactor, Lang } from '../types.js';

type MessageArgs = Record<string, string | number | boolean | undefined | string[]>;

/** Arguments a message is rendered from: the finding's args plus its figures and post. */
export type MsgInput = Record<string, MessageArgs[string] | FindingFactor[]> & { expected?: number; actual?: number; post?: string; factors?: FindingFactor[] };

export type Text = string | ((a: MsgInput, lang: Lang) => string);

export interface RuleText {
  /** One-line description for the catalogue. */
  title: { da: string; en: string };
  message: { da: Text; en: Text };
  hint?: { da: Text; en: Text };
  /** Why the rule exists and how to fix it (for `budgettjek explain`). */
  why: { da: string; en: string };
  /** Source paragraph(s) the rule rests on, e.g. "BEK 614 § 9; SBST Håndbog om tilskudsregler". */
  source: string;
}

export type MessageTable = Record<string, RuleText>;
