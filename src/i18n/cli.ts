// The command line's own texts (help, usage errors, messages on stderr) in Danish and English: one table per
// language, so a command's wording is found, and changed, in one place.
import type { Lang } from '../types.js';

type Why = 'not-read' | 'too-large' | 'not-ooxml' | 'failed';

const da = {
  watching: 'Holder øje med filerne; tjekker igen, hver gang en gemmes (Ctrl-C stopper).',
  again: '— tjekket igen —',
  notAnnotated: (path: string, why: Why, detail?: string) =>
    `${path}: ingen kommenteret kopi (${
      { 'not-read': 'filen kunne ikke læses', 'too-large': 'filen er over grænserne for hvad der tjekkes', 'not-ooxml': 'filens opbygning er ikke som i en .xlsx-fil', failed: 'kopien kunne ikke skrives' }[why]
    }${detail ? `: ${detail}` : ''})`,
};

const en: typeof da = {
  watching: 'Watching the files; checking again each time one is saved (Ctrl-C stops).',
  again: '— checked again —',
  notAnnotated: (path, why, detail) =>
    `${path}: no annotated copy (${
      { 'not-read': 'the file could not be read', 'too-large': 'the file is past the limits of what is checked', 'not-ooxml': 'the file is not built as an .xlsx file is', failed: 'the copy could not be written' }[why]
    }${detail ? `: ${detail}` : ''})`,
};

const TEXTS: Record<Lang, typeof da> = { da, en };

export function cliText(lang: Lang): typeof da {
  return TEXTS[lang];
}
