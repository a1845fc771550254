// The build's ASCII escaping of a bundle (scripts/ascii-only.mjs): the escaped code means what the code did.
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a build script in plain JavaScript, without types
import { asciiOnly } from '../scripts/ascii-only.mjs';

const escape = (js: string): string => asciiOnly('bundle.js', js) as string;
/** Evaluates an expression of source code. */
const run = (js: string): unknown => new Function(`return (${js});`)();

describe('asciiOnly', () => {
  it('leaves no character outside ASCII', () => {
    expect(escape('const s = /[‐–—]/g, t = "æøå", u = `Ændring`;')).toMatch(/^[\x00-\x7f]*$/);
  });

  it('keeps what regular expression literals match, with and without the u and i flags, in classes and astral', () => {
    const cases: Array<[string, string[]]> = [
      ['/[‐‑‒–—]/g', ['a–b', 'a-b', 'x—', '‒']],
      ['/bevilget ændring/i', ['Bevilget ÆNDRING', 'bevilget aendring', 'bevilget ændring']],
      ['/^(md|mdr|måned)$/u', ['måned', 'maaned', 'MÅNED']],
      ['/[a-zæøå]+/iu', ['Ærø', 'abc', '123']],
      ['/(?<!\\p{L})år(?!\\p{L})/u', ['1. år', 'året', 'år']],
      ['/😀+/u', ['😀😀', 'x']],
      ['/[😀-😂]/u', ['😁', 'a']],
    ];
    for (const [re, inputs] of cases) {
      const before = run(re) as RegExp;
      const after = run(escape(re)) as RegExp;
      expect(after.flags).toBe(before.flags);
      for (const s of inputs) expect([re, s, after.test(s)]).toEqual([re, s, before.test(s)]);
    }
  });

  it('refuses a String.raw template with a character outside ASCII, and a backslash before one', () => {
    expect(() => escape('const r = String.raw`bekræftet\\s+af`;')).toThrow(/String\.raw/);
    expect(() => escape('const r = /a\\–b/;')).toThrow(/backslash/);
    expect(escape('const r = String.raw`plain\\s+ascii`;')).toBe('const r = String.raw`plain\\s+ascii`;');
  });
});
