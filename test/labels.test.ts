// Each language is one table of fixed texts that the type checker proves complete: a language missing a label, or
// giving one the wrong shape, does not compile (the @ts-expect-error lines below are checked by `tsc -p
// tsconfig.json`, which `npm test` and `npm run typecheck` run: an error that stops happening fails them).
import { describe, expect, expectTypeOf, it } from 'vitest';
import { labels as da } from '../src/i18n/da.js';
import { labels as en } from '../src/i18n/en.js';
import type { Labels } from '../src/i18n/labels.js';
import { LOCALES, type Locale } from '../src/i18n/locale.js';
import { isLang, labelsFor, LANGS, LANGUAGES, type Language } from '../src/i18n/languages.js';
import type { Lang } from '../src/types.js';

/** Every leaf of a table by its path ("cli.help.options.--lang"), functions as "function". */
function leaves(x: unknown, path = ''): Map<string, unknown> {
  const out = new Map<string, unknown>();
  if (x && typeof x === 'object' && !Array.isArray(x) && !(x instanceof RegExp)) {
    for (const [k, v] of Object.entries(x)) for (const [p, l] of leaves(v, path ? `${path}.${k}` : k)) out.set(p, l);
  } else out.set(path, typeof x === 'function' ? 'function' : x);
  return out;
}

describe('the language tables', () => {
  it('are Labels, each of them', () => {
    expectTypeOf(da).toEqualTypeOf<Labels>();
    expectTypeOf(en).toEqualTypeOf<Labels>();
    expectTypeOf(LANGUAGES).toEqualTypeOf<Record<Lang, Language>>();
    expectTypeOf(labelsFor).returns.toEqualTypeOf<Labels>();
  });

  it('a stub language missing one label, or with a label of the wrong shape, does not compile', () => {
    // A third language made from English with one text taken away (cli.again) ...
    const { again: _gone, ...cliLackingOne } = en.cli;
    // @ts-expect-error — ... lacks `cli.again`
    const lacking: Labels = { ...en, cli: cliLackingOne };
    // ... or with a whole section taken away,
    const { charts: _charts, ...withoutCharts } = en;
    // @ts-expect-error — ... lacks `charts`
    const sectionless: Labels = withoutCharts;
    // ... or with a text that needs its parameters given as a plain string.
    // @ts-expect-error — `text.summary` is a function of the counts
    const misshapen: Labels = { ...en, text: { ...en.text, summary: 'files checked' } };
    // A language the record does not list is not a language.
    // @ts-expect-error — the record needs every `Lang`
    const partial: Record<Lang, Language> = { da: LANGUAGES.da };
    // A language without its number, list and month conventions (i18n/locale.ts) does not compile either.
    // @ts-expect-error — the locales need every `Lang`
    const noLocale: Record<Lang, Locale> = { da: LOCALES.da };
    expect([lacking, sectionless, misshapen, partial, noLocale].length).toBe(5);
    // The complete stub compiles.
    const stub: Labels = { ...en, cli: { ...en.cli, again: '— nochmals geprüft —' } };
    expect(stub.cli.again).not.toBe(en.cli.again);
  });

  it('give every text in every language (no empty string where the other language has a word)', () => {
    const keys = LANGS.map((l) => [...leaves(labelsFor(l)).keys()].filter((k) => !k.startsWith('cli.help.') && !k.startsWith('cli.errors')));
    for (const k of keys.slice(1)) expect(k).toEqual(keys[0]);
    for (const l of LANGS)
      for (const [path, v] of leaves(labelsFor(l))) if (typeof v === 'string' && !path.startsWith('cli.help.extras')) expect(v, `${l} ${path}`).not.toBe('');
  });

  it('are looked up by language code, and only the listed codes are languages', () => {
    expect(LANGS).toEqual(['da', 'en']);
    expect(labelsFor('da').severity.error).toBe('fejl');
    expect(labelsFor('en').severity.error).toBe('error');
    expect(isLang('en')).toBe(true);
    expect(isLang('de')).toBe(false);
    expect(isLang('toString')).toBe(false);
    expect(isLang(undefined)).toBe(false);
  });

  it('have functions for texts with parameters (plurals follow the count)', () => {
    expect(da.text.summary({ files: 1, errors: 2, warnings: 1, infos: 0 })).toBe('1 fil tjekket: 2 fejl, 1 advarsel, 0 info.');
    expect(en.text.summary({ files: 2, errors: 1, warnings: 2, infos: 0 })).toBe('2 files checked: 1 error, 2 warnings, 0 info.');
    expect(da.html.applications(2)).toBe('2 ansøgninger');
    expect(en.html.applications(1)).toBe('1 application');
    expect(en.cli.baselineStale(1)).toMatch(/^1 baseline entry matches/);
  });
});
