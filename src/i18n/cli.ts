// The command line's language: --lang on the command line picks it, and its usage and write errors are translated
// from the English they are raised in by the language table's patterns (i18n/<lang>.ts `cli.errors`); its help texts
// are the table's `cli.help`. A command file never changes for a language, and a new option is one line there.
import type { Lang } from '../types.js';
import { isLang, labelsFor } from './languages.js';

/** The language of the command line's own texts: --lang (-l) on the command line, else Danish. */
export function cliLang(argv: readonly string[]): Lang {
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--') break;
    const v = a === '--lang' || a === '-l' ? argv[i + 1] : a.startsWith('--lang=') ? a.slice(7) : /^-l[a-z]{2}$/.test(a) ? a.slice(2) : undefined;
    if (isLang(v)) return v;
  }
  return 'da';
}

/** A usage or write error's message in the language of the command line (as it is when no pattern matches). */
export function localiseError(message: string, lang: Lang): string {
  for (const [re, f] of labelsFor(lang).cli.errors) {
    const m = re.exec(message);
    if (m) return f(...m.slice(1).map((x) => x ?? ''));
  }
  return message;
}
