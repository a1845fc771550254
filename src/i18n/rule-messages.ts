// The type of one language's rule messages: an entry for every rule id of the registry, each message and hint a text
// or a function of that rule's args and figures, so a missing or mistyped message is a compile error.
import type { ArgsOf, FindingFactor, RuleId } from '../types.js';

/** What a rule's message is made from: the finding's args, its figures and its post. */
export type MessageInput<K extends RuleId> = ArgsOf<K> & { expected?: number; actual?: number; post?: string; factors?: FindingFactor[] };

/** A fixed text, or one made from the finding. */
export type Text<A> = string | ((a: A) => string);

export interface RuleMessage<A> {
  /** One-line description for the catalogue. */
  title: string;
  message: Text<A>;
  hint?: Text<A>;
  /** Why the rule exists and how to fix it (for `budgettjek explain`). */
  why: string;
}

/** One language's wording of every rule (src/i18n/da.ts, en.ts; a third language is a third such table). */
export type RuleMessages = { [K in RuleId]: RuleMessage<MessageInput<K>> };
