// Every language budgettjek speaks, each one table (i18n/<lang>.ts) of its rule wording and its fixed texts: a new
// language is its file, one line here, and its code with its number and month conventions in i18n/locale.ts (`Lang`
// is derived from that record, which the record below must match key for key). The compiler proves each table
// complete: `Language` requires both halves, each typed over every key.
import type { Lang } from '../types.js';
import * as da from './da.js';
import * as en from './en.js';
import type { Labels } from './labels.js';
import type { RuleMessages } from './rule-messages.js';

/** One language: the wording of every rule and the fixed texts of the reports and the command line. */
export interface Language {
  rules: RuleMessages;
  labels: Labels;
}

export const LANGUAGES: Record<Lang, Language> = { da, en };

/** The language codes, in the record's order (for --lang's choices). */
export const LANGS = Object.keys(LANGUAGES) as Lang[];

/** The fixed texts of a language. */
export function labelsFor(lang: Lang): Labels {
  return LANGUAGES[lang].labels;
}

export function isLang(s: unknown): s is Lang {
  return typeof s === 'string' && Object.hasOwn(LANGUAGES, s);
}
