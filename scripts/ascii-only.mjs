// Used by scripts/build.mjs on each bundle; tested in test/ascii-only.test.ts.

/**
 * The bundle with every character outside ASCII written as a \uXXXX escape (of its UTF-16 code units), so that
 * bin/load-bundle.cjs can read it as one-byte text: a source string with one character above U+00FF (an en dash in a
 * regex) is stored as two bytes a character, and reading 780 KB as UTF-8 is a decoding pass of its own (17 M
 * instructions of the 0.94 G one budget's check takes). esbuild escapes strings and templates itself but leaves
 * regular expression literals (where \uXXXX means the same character, with or without the u flag, in a class too)
 * and String.raw templates, where an escape would stay as six characters: the build refuses a bundle with a
 * character outside ASCII in a String.raw template rather than changing its text.
 */
export function asciiOnly(file, js) {
  const raw = /String\.raw`[^`]*[^\x00-\x7f][^`]*`/.exec(js);
  if (raw) throw new Error(`${file}: a String.raw template holds a character outside ASCII: ${raw[0].slice(0, 80)}`);
  // an escaped character (a regex's \– ) would become an escaped backslash followed by "u2013"
  const escaped = /\\[^\x00-\x7f]/.exec(js);
  if (escaped) throw new Error(`${file}: a backslash before a character outside ASCII: ${js.slice(escaped.index - 20, escaped.index + 20)}`);
  return js.replace(/[^\x00-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
