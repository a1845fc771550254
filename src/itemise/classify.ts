// Classifies a budget line into an expense category: an explicit Kategori wins, then the post text, then the specification.
import { normaliseText, stripNumbering } from './normalise.js';
import { CATEGORIES, GENERIC_WORDS, LUMP_SUMS, type CategoryDef, type LumpSumDef } from './vocabulary.js';

export type CategoryId = string;

export interface Classification {
  category: CategoryId;
  confidence: 'explicit' | 'high' | 'low';
  matched: string;
  from: 'category' | 'post' | 'spec' | 'section';
}

/** A vocabulary pattern compiled when first matched: one file meets few of the ~300 patterns, and compiling them all
 * as the module loaded cost 3–7 ms of every process and worker thread. */
class LazyPattern {
  private compiled?: Pattern;
  constructor(readonly source: string) {}
  get pattern(): Pattern {
    return (this.compiled ??= compilePattern(this.source));
  }
}

class Matcher extends LazyPattern {
  readonly phrase: boolean;
  constructor(
    readonly def: CategoryDef,
    readonly term: string,
  ) {
    super(term);
    this.phrase = term.includes(' ');
  }
}

// A letter or digit of lower-cased Danish text: what may not stand right before a term or right after a whole word.
const L = '[a-z0-9æøåäöüéèáàíóúñ]';

function compile(term: string): RegExp {
  const inner = term.startsWith('*');
  const stem = term.endsWith('*');
  const body = term.replace(/^\*|\*$/g, '');
  const escaped = body.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s+');
  const before = inner ? '' : `(?<!${L})`;
  const after = stem ? `${L}*(?:-${L}+)*` : /[./]$/.test(body) ? '' : `(?!${L})`;
  return new RegExp(`${before}${escaped}${after}`);
}

/** A vocabulary pattern (syntax in vocabulary.ts): parts that must all match, optionally at the start or the end. */
export interface Pattern {
  parts: RegExp[];
  start: boolean;
  end: boolean;
}

export function compilePattern(p: string): Pattern {
  const start = p.startsWith('^');
  const end = p.endsWith('$');
  const body = p.replace(/^\^|\$$/g, '');
  return { parts: body.split(' + ').map((x) => compile(x.trim())), start, end };
}

/** Where a pattern matches in normalised text: the first part's index and the matched texts, or undefined. */
export function matchPattern(p: Pattern, t: string): { index: number; text: string; length: number } | undefined {
  const found: Array<{ index: number; text: string }> = [];
  for (const re of p.parts) {
    const r = re.exec(t);
    if (!r) return undefined;
    if (p.start && p.parts.length === 1 && r.index !== 0) return undefined;
    if (p.end && p.parts.length === 1 && r.index + r[0].length !== t.length) return undefined;
    found.push({ index: r.index, text: r[0] });
  }
  found.sort((a, b) => a.index - b.index);
  const last = found[found.length - 1];
  return { index: found[0].index, text: found.map((x) => x.text).join(' … '), length: last.index + last.text.length };
}

/** The characters of L (all below U+0100), as a table by char code. */
const IS_L = new Uint8Array(256);
for (const ch of 'abcdefghijklmnopqrstuvwxyz0123456789æøåäöüéèáàíóúñ') IS_L[ch.charCodeAt(0)] = 1;
const isL = (code: number) => code < 256 && IS_L[code] === 1;

/** Longest first characters of a word a part is looked up by (a text word's first 1..KEY_LEN characters are tried). */
const KEY_LEN = 3;

/**
 * The vocabulary's patterns indexed by the word they start with, so a text runs only the few patterns that can match
 * it instead of all of them. A part without a leading * matches only where a word starts (nothing of L before it) with
 * its first letters, so a pattern whose part begins with a letter or digit is a candidate only for a text that has a
 * word (a run of L) starting with them: the first up to KEY_LEN of them are the key. The other patterns (an inner
 * term "*koordinator", a part starting with punctuation) are candidates for every text. Candidates are returned in the
 * patterns' order, so whatever runs them finds the same hits, in the same order, as running every pattern.
 */
export class PatternIndex {
  private readonly byKey = new Map<string, number[]>();
  private readonly always: number[] = [];
  private readonly mark: Uint32Array;
  private gen = 0;

  constructor(patterns: string[]) {
    this.mark = new Uint32Array(patterns.length);
    patterns.forEach((p, i) => {
      const key = indexKey(p);
      if (key === undefined) this.always.push(i);
      else {
        const list = this.byKey.get(key);
        if (list) list.push(i);
        else this.byKey.set(key, [i]);
      }
    });
  }

  /** Indices of the patterns that can match the normalised text t, ascending. */
  candidates(t: string): number[] {
    if (++this.gen === 0xffffffff) {
      this.mark.fill(0);
      this.gen = 1;
    }
    const gen = this.gen;
    const out = this.always.slice();
    for (const i of out) this.mark[i] = gen;
    const n = t.length;
    for (let i = 0; i < n; i++) {
      if (!isL(t.charCodeAt(i)) || (i > 0 && isL(t.charCodeAt(i - 1)))) continue;
      // i starts a word: its first 1..KEY_LEN characters
      for (let k = 1; k <= KEY_LEN && i + k <= n && isL(t.charCodeAt(i + k - 1)); k++) {
        const list = this.byKey.get(t.slice(i, i + k));
        if (!list) continue;
        for (const j of list) {
          if (this.mark[j] === gen) continue;
          this.mark[j] = gen;
          out.push(j);
        }
      }
    }
    return out.length > this.always.length ? out.sort((a, b) => a - b) : out;
  }
}

/** The key a pattern is indexed by (its first part's leading letters), or undefined when it must always be run. */
function indexKey(p: string): string | undefined {
  const term = p
    .replace(/^\^|\$$/g, '')
    .split(' + ')[0]
    .trim();
  if (term.startsWith('*')) return undefined;
  const body = term.replace(/\*$/, '');
  let end = 0;
  while (end < body.length && end < KEY_LEN && isL(body.charCodeAt(end))) end++;
  return end === 0 ? undefined : body.slice(0, end);
}

const MATCHERS: Matcher[] = CATEGORIES.flatMap((def) => def.terms.map((term) => new Matcher(def, term)));
const MATCHER_INDEX = new PatternIndex(MATCHERS.map((m) => m.term));
/** A category's exceptions, normalised when first needed. */
const NOT = new Map<string, string[]>();
const notTerms = (d: CategoryDef): string[] => {
  let n = NOT.get(d.id);
  if (!n) NOT.set(d.id, (n = (d.not ?? []).map((t) => normaliseText(t))));
  return n;
};
// the term a word or two after a negation: "ekskl. moms", "ekskl. 25 % moms", "eks. moms", "ekskl.moms"
const NEGATION = /(?<![a-zæøå])(?:ekskl\.?|eksklusiv|eks\.|excl\.?|uden|ikke|ex\.?|fratrukket)(?:\s+|(?<=\.))(?:\S+\s+){0,2}$/i;

export function categoryById(id: string): CategoryDef | undefined {
  return CATEGORIES.find((c) => c.id === id);
}

export function categoryLabel(id: string, lang: 'da' | 'en'): string {
  return categoryById(id)?.[lang] ?? id;
}

interface Hit {
  def: CategoryDef;
  term: string;
  index: number;
  phrase: boolean;
  text: string;
}

const termCache = new Map<string, Hit[]>();

/** Every non-negated category term found in a text (memoised: the same texts recur across rules and files). */
export function findTerms(text: string): Hit[] {
  let hits = termCache.get(text);
  if (!hits) {
    if (termCache.size > 200_000) termCache.clear(); // above any one budget's texts (see memo.ts)
    termCache.set(text, (hits = findTermsUncached(text)));
  }
  return hits;
}

/** Every term found in a text, as findTerms, without the memo; `all` runs every pattern instead of the index's
 * candidates (the reference the index is tested against). */
export function findTermsUncached(text: string, all = false): Hit[] {
  const t = normaliseText(stripNumbering(text));
  if (!t) return [];
  const hits: Hit[] = [];
  for (const m of all ? MATCHERS : MATCHER_INDEX.candidates(t).map((i) => MATCHERS[i])) {
    const r = matchPattern(m.pattern, t);
    if (!r) continue;
    // A term of parts ("husleje* + deltager*") is cancelled by an exception anywhere in the text; a plain term by
    // one around it ("ekskl. moms").
    const parts = m.pattern.parts.length > 1;
    const around = parts ? t : t.slice(Math.max(0, r.index - 20), r.index + r.text.length + 20);
    if (notTerms(m.def).some((n) => around.includes(n))) continue;
    if (NEGATION.test(t.slice(0, r.index))) continue;
    hits.push({ def: m.def, term: m.term, index: r.index, phrase: m.phrase, text: r.text });
  }
  return hits;
}

/** The best hit: a multi-word phrase beats a single word; then the earliest word (Danish posts lead with their head); then priority. */
function best(hits: Hit[]): Hit | undefined {
  // the first of the best, as the first of a stable sort by the same order, without copying and sorting the hits
  let top: Hit | undefined;
  for (const h of hits) if (!top || byBest(h, top) < 0) top = h;
  return top;
}

const byBest = (a: Hit, b: Hit) =>
  Number(b.phrase) - Number(a.phrase) ||
  (a.phrase && b.phrase ? b.text.length - a.text.length : 0) ||
  a.index - b.index ||
  (b.def.priority ?? 0) - (a.def.priority ?? 0) ||
  b.text.length - a.text.length;

function explicit(category: string): CategoryDef | undefined {
  const c = normaliseText(category);
  if (!c) return undefined;
  return CATEGORIES.find((d) => d.id === c || normaliseText(d.da) === c || normaliseText(d.en) === c) ?? best(findTerms(category))?.def;
}

/**
 * An explicit Kategori wins, then the post, then the section the line stands under ("1. Løn", "Lønudgifter": the
 * applicant's own grouping says what its lines are), then the specification.
 */
export function classify(post: string, spec?: string, explicitCategory?: string, section?: string): Classification | undefined {
  if (explicitCategory) {
    const d = explicit(explicitCategory);
    if (d) return { category: d.id, confidence: 'explicit', matched: explicitCategory, from: 'category' };
  }
  const p = best(findTerms(post));
  if (p) return { category: p.def.id, confidence: 'high', matched: p.text, from: 'post' };
  if (section) {
    const h = best(findTerms(section));
    if (h) return { category: h.def.id, confidence: 'high', matched: h.text, from: 'section' };
  }
  if (spec) {
    const s = best(findTerms(spec));
    if (s) return { category: s.def.id, confidence: 'low', matched: s.text, from: 'spec' };
  }
  return undefined;
}

/** Ineligible categories named anywhere in the post (or specification), not negated ("ekskl. moms" is no VAT post). */
export function ineligibleTerms(post: string, spec?: string): Array<{ category: CategoryId; matched: string; from: 'post' | 'spec' }> {
  const out: Array<{ category: CategoryId; matched: string; from: 'post' | 'spec' }> = [];
  for (const [from, text] of [
    ['post', post],
    ['spec', spec ?? ''],
  ] as const) {
    for (const h of findTerms(text)) {
      if (h.def.eligible || out.some((o) => o.category === h.def.id)) continue;
      out.push({ category: h.def.id, matched: h.text, from });
    }
  }
  return out;
}

class LumpMatcher extends LazyPattern {
  constructor(
    readonly def: LumpSumDef,
    term: string,
    readonly weak: boolean,
  ) {
    super(term);
  }
}

const LUMPS: LumpMatcher[] = LUMP_SUMS.flatMap((def) => [
  ...def.terms.map((t) => new LumpMatcher(def, t, false)),
  ...(def.weak ?? []).map((t) => new LumpMatcher(def, t, true)),
]);
const LUMP_INDEX = new PatternIndex(LUMP_SUMS.flatMap((def) => [...def.terms, ...(def.weak ?? [])]));
const LUMP_NOT = new Map(LUMP_SUMS.map((d) => [d.id, (d.not ?? []).map((t) => new LazyPattern(t))]));
const GENERIC = GENERIC_WORDS.map((t) => new LazyPattern(t));
const GENERIC_INDEX = new PatternIndex(GENERIC_WORDS);

/** The generic words that can match the word w or its form without dots, in their order (all of them with `all`). */
function genericFor(w: string, bare: string, all: boolean): Pattern[] {
  if (all) return GENERIC.map((g) => g.pattern);
  const a = GENERIC_INDEX.candidates(w);
  const ids = bare === w ? a : [...new Set([...a, ...GENERIC_INDEX.candidates(bare)])].sort((x, y) => x - y);
  return ids.map((i) => GENERIC[i].pattern);
}

/** Every word of the text is generic (or a number, a percent, punctuation): nothing specific is said. */
function onlyGeneric(rest: string, all: boolean): boolean {
  const words = rest.match(/[\p{L}\p{N}]+(?:[.\-/][\p{L}\p{N}]+)*/gu) ?? [];
  return words.every((w) => {
    if (/^\d/.test(w)) return true;
    const bare = w.replace(/\./g, '');
    return genericFor(w, bare, all).some((g) => matchPattern(g, w)?.text === w || matchPattern(g, bare)?.text === bare);
  });
}

export interface LumpSumHit {
  /** The lump sum's id in the vocabulary (LUMP_SUMS), or "profile" for a term of the pool profile. */
  id: string;
  /** What the post says: the matched words. */
  term: string;
  /** Itemised as units × unit price, it is at most a warning. */
  itemisable: boolean;
}

/** The lump sum a post IS ("Diverse", "Overhead 7 %", "Løn til medarbejdere", "Udgifter, diverse"), or undefined.
 * The national vocabulary (LUMP_SUMS) first; then the pool's own terms, each where the post starts with it. */
export function lumpSumOf(post: string, poolTerms: readonly string[] = NO_TERMS): LumpSumHit | undefined {
  // Memoised: the same posts recur across files of a batch, and the profile's terms are few. By the terms (joined once
  // per list: a profile's lists are never changed), then by post, rather than by a key string built on every call.
  let terms = termsKey.get(poolTerms);
  if (terms === undefined) termsKey.set(poolTerms, (terms = poolTerms.join('\u0001')));
  let byPost = lumpCache.get(terms);
  if (!byPost) lumpCache.set(terms, (byPost = new Map()));
  let hit = byPost.get(post);
  if (hit === undefined && !byPost.has(post)) {
    if (++lumpCount > 200_000) {
      lumpCache.clear();
      lumpCache.set(terms, (byPost = new Map()));
      lumpCount = 1;
    }
    hit = lumpSumUncached(post, poolTerms);
    byPost.set(post, hit);
  }
  return hit;
}

const NO_TERMS: readonly string[] = [];
const termsKey = new WeakMap<readonly string[], string>();
const lumpCache = new Map<string, Map<string, LumpSumHit | undefined>>();
let lumpCount = 0;

/** The lump sum a post is, as lumpSumOf, without the memo; `all` runs every pattern instead of the index's candidates
 * (the reference the index is tested against). */
export function lumpSumUncached(post: string, poolTerms: readonly string[], all = false): LumpSumHit | undefined {
  const p = normaliseText(stripNumbering(post));
  if (!p) return undefined;
  for (const m of all ? LUMPS : LUMP_INDEX.candidates(p).map((i) => LUMPS[i])) {
    const r = matchPattern(m.pattern, p);
    if (!r) continue;
    if (LUMP_NOT.get(m.def.id)!.some((n) => matchPattern(n.pattern, p))) continue;
    if (m.weak && !onlyGeneric(p.slice(0, r.index) + ' ' + p.slice(r.index + r.text.length), all)) continue;
    return { id: m.def.id, term: r.text, itemisable: !!m.def.itemisable };
  }
  for (const term of [...poolTerms].sort((a, b) => b.length - a.length)) {
    const t = normaliseText(term);
    if (!t || knownLumpTerm(t, all)) continue; // the vocabulary knows it, exceptions and all
    const r = matchPattern(compilePattern('^' + t), p);
    if (r) return { id: 'profile', term, itemisable: false };
  }
  return undefined;
}

/** The vocabulary recognises the term itself as a lump sum (a profile listing it adds nothing). */
const knownCache = new Map<string, boolean>();
function knownLumpTerm(t: string, all: boolean): boolean {
  let k = all ? undefined : knownCache.get(t);
  if (k === undefined) {
    k =
      (all ? LUMPS : LUMP_INDEX.candidates(t).map((i) => LUMPS[i])).some((m) => matchPattern(m.pattern, t)) ||
      LUMP_SUMS.some((d) => [...d.terms, ...(d.weak ?? [])].some((x) => normaliseText(x.replace(/[\^$*]/g, '')) === t));
    if (!all) knownCache.set(t, k);
  }
  return k;
}

/** The lump-sum term a post IS, or undefined (see lumpSumOf). */
export function isLumpSum(post: string, terms: readonly string[]): string | undefined {
  return lumpSumOf(post, terms)?.term;
}
