// Every language budgettjek speaks, each one table of fixed texts (i18n/<lang>.ts): a new language is its file
// and one line here (and its code in `Lang`, src/types.ts, which the record below must match key for key).
import type { Lang } from '../types.js';
import { labels as da } from './da.js';
import { labels as en } from './en.js';
import type { Labels } from './labels.js';

export const LANGUAGES: Record<Lang, Labels> = { da, en };

/** The language codes, in the record's order (for --lang's choices). */
export const LANGS = Object.keys(LANGUAGES) as Lang[];

/** The fixed texts of a language. */
export function labelsFor(lang: Lang): Labels {
  return LANGUAGES[lang];
}

export function isLang(s: unknown): s is Lang {
  return typeof s === 'string' && Object.hasOwn(LANGUAGES, s);
}
