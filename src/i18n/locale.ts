// The languages budgettjek speaks, and how each writes numbers, lists and months. `Lang` is derived from this record,
// and every table over `Lang` (LANGUAGES in i18n/languages.ts: each language's rule wording and fixed texts) must then
// have the new code, so a language added here without its table, or a table without its conventions, does not
// compile. A leaf module: the money and message helpers read it, and the language tables use those helpers.

export interface Locale {
  /** Thousands separator and decimal mark: "1.234,50" (da), "1,234.50" (en). */
  group: string;
  decimal: string;
  /** The word joining a list's last item: "a, b og c". */
  and: string;
  /** January … December. */
  months: readonly string[];
  /** The BCP 47 tag for Intl's number formatting (toLocaleString). */
  tag: string;
}

export const LOCALES = {
  da: {
    group: '.',
    decimal: ',',
    and: 'og',
    tag: 'da-DK',
    months: ['januar', 'februar', 'marts', 'april', 'maj', 'juni', 'juli', 'august', 'september', 'oktober', 'november', 'december'],
  },
  en: {
    group: ',',
    decimal: '.',
    and: 'and',
    tag: 'en-GB',
    months: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
  },
} as const satisfies Record<string, Locale>;

/** A language code: 'da', 'en'. */
export type Lang = keyof typeof LOCALES;
