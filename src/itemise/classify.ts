// Classifies a budget line into an expense category: an explicit Kategori wins, then the post text, then the specification.
import { normaliseText, stripNumbering } from './normalise.js';
import { CATEGORIES, type CategoryDef } from './vocabulary.js';

export type CategoryId = string;

export interface Classification {
  category: CategoryId;
  confidence: 'explicit' | 'high' | 'low';
  matched: string;
  from: 'category' | 'post' | 'spec';
}

interface Matcher {
  def: CategoryDef;
  term: string;
  /** The term without its stars: matched literally (the text is normalised: one space between words). */
  body: string;
  /** "*kursus*": anywhere in a word, not only at its start. */
  inner: boolean;
  /** "kursus*": the rest of the word (and hyphenated continuations) belongs to the match. */
  stem: boolean;
  phrase: boolean;
}

// A letter or digit of lower-cased Danish text: what may not stand right before a term or right after a whole word.
const LETTERS = 'abcdefghijklmnopqrstuvwxyz0123456789æøåäöüéèáàíóúñ';
const IS_LETTER = new Uint8Array(256);
for (const ch of LETTERS) IS_LETTER[ch.charCodeAt(0)] = 1;
const isLetter = (c: number) => c < 256 && IS_LETTER[c] === 1;
const HYPHEN = 45;

const MATCHERS: Matcher[] = CATEGORIES.flatMap((def) =>
  def.terms.map((term) => ({ def, term, body: term.replace(/^\*|\*$/g, ''), inner: term.startsWith('*'), stem: term.endsWith('*'), phrase: term.includes(' ') })),
);
const NOT = new Map(CATEGORIES.map((d) => [d.id, (d.not ?? []).map((t) => normaliseText(t))]));
const NEGATION = /(?:ekskl\.?|eksklusiv|excl\.?|uden|ikke|ex\.?|fratrukket)\s+(?:\S+\s+)?$/i;

/** The terms that start a word, as a trie of their characters; terms found inside words are searched one by one. */
interface Node {
  next: Map<number, Node>;
  /** Matchers (indexes into MATCHERS) whose term ends here. */
  ends: number[];
}

let lookup: { root: Node; inner: number[] } | undefined;

function termIndex(): { root: Node; inner: number[] } {
  if (lookup) return lookup;
  const root: Node = { next: new Map(), ends: [] };
  const inner: number[] = [];
  MATCHERS.forEach((m, k) => {
    if (m.inner) return void inner.push(k);
    let node = root;
    for (let i = 0; i < m.body.length; i++) {
      const c = m.body.charCodeAt(i);
      let nx = node.next.get(c);
      if (!nx) node.next.set(c, (nx = { next: new Map(), ends: [] }));
      node = nx;
    }
    node.ends.push(k);
  });
  return (lookup = { root, inner });
}

/** End of a stem's match from q: the rest of the word, then any "-word" continuations. */
function stemEnd(t: string, q: number): number {
  let e = q;
  while (e < t.length && isLetter(t.charCodeAt(e))) e++;
  while (e + 1 < t.length && t.charCodeAt(e) === HYPHEN && isLetter(t.charCodeAt(e + 1))) {
    e += 2;
    while (e < t.length && isLetter(t.charCodeAt(e))) e++;
  }
  return e;
}

/** Where each term first occurs in t (start and end), found by one walk of the trie from each word start. */
function firstMatches(t: string): Array<{ k: number; start: number; end: number }> {
  const { root, inner } = termIndex();
  const n = t.length;
  const seen = new Set<number>();
  const found: Array<{ k: number; start: number; end: number }> = [];
  const accept = (k: number, start: number, q: number): boolean => {
    const m = MATCHERS[k];
    if (!m.stem && q < n && isLetter(t.charCodeAt(q))) return false; // a whole word: no letter may follow
    seen.add(k);
    found.push({ k, start, end: m.stem ? stemEnd(t, q) : q });
    return true;
  };
  for (let p = 0; p <= n; p++) {
    if (p > 0 && isLetter(t.charCodeAt(p - 1))) continue; // not a word start
    let node: Node | undefined = root;
    for (let q = p; node; q++) {
      for (const k of node.ends) if (!seen.has(k)) accept(k, p, q);
      if (q >= n) break;
      node = node.next.get(t.charCodeAt(q));
    }
  }
  for (const k of inner) {
    const body = MATCHERS[k].body;
    for (let i = t.indexOf(body); i >= 0; i = t.indexOf(body, i + 1)) if (accept(k, i, i + body.length)) break;
  }
  return found.sort((a, b) => a.k - b.k); // in vocabulary order, as the tie-breaks of best() expect
}

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
    if (termCache.size > 20_000) termCache.clear();
    termCache.set(text, (hits = findTermsUncached(text)));
  }
  return hits;
}

function findTermsUncached(text: string): Hit[] {
  const t = normaliseText(stripNumbering(text));
  if (!t) return [];
  const hits: Hit[] = [];
  for (const { k, start, end } of firstMatches(t)) {
    const m = MATCHERS[k];
    const around = t.slice(Math.max(0, start - 20), end + 20);
    if (NOT.get(m.def.id)!.some((n) => around.includes(n))) continue;
    if (NEGATION.test(t.slice(0, start))) continue;
    hits.push({ def: m.def, term: m.term, index: start, phrase: m.phrase, text: t.slice(start, end) });
  }
  return hits;
}

/** The best hit: a multi-word phrase beats a single word; then the earliest word (Danish posts lead with their head); then priority. */
function best(hits: Hit[]): Hit | undefined {
  return [...hits].sort(
    (a, b) => Number(b.phrase) - Number(a.phrase) || (a.phrase && b.phrase ? b.text.length - a.text.length : 0) || a.index - b.index || (b.def.priority ?? 0) - (a.def.priority ?? 0) || b.text.length - a.text.length,
  )[0];
}

function explicit(category: string): CategoryDef | undefined {
  const c = normaliseText(category);
  if (!c) return undefined;
  return (
    CATEGORIES.find((d) => d.id === c || normaliseText(d.da) === c || normaliseText(d.en) === c) ??
    best(findTerms(category))?.def
  );
}

export function classify(post: string, spec?: string, explicitCategory?: string): Classification | undefined {
  if (explicitCategory) {
    const d = explicit(explicitCategory);
    if (d) return { category: d.id, confidence: 'explicit', matched: explicitCategory, from: 'category' };
  }
  const p = best(findTerms(post));
  if (p) return { category: p.def.id, confidence: 'high', matched: p.text, from: 'post' };
  if (spec) {
    const s = best(findTerms(spec));
    if (s) return { category: s.def.id, confidence: 'low', matched: s.text, from: 'spec' };
  }
  return undefined;
}

/** Ineligible categories named anywhere in the post (or specification), not negated ("ekskl. moms" is no VAT post). */
export function ineligibleTerms(post: string, spec?: string): Array<{ category: CategoryId; matched: string; from: 'post' | 'spec' }> {
  const out: Array<{ category: CategoryId; matched: string; from: 'post' | 'spec' }> = [];
  for (const [from, text] of [['post', post], ['spec', spec ?? '']] as const) {
    for (const h of findTerms(text)) {
      if (h.def.eligible || out.some((o) => o.category === h.def.id)) continue;
      out.push({ category: h.def.id, matched: h.text, from });
    }
  }
  return out;
}

/** Lump-sum words that also start ordinary posts: only a lump sum when nothing specific follows. */
const WEAK_LUMP = new Set(['andet', 'andre', 'andre udgifter', 'øvrige', 'øvrige udgifter', 'div.', 'div', 'diverse']);

const LUMP_REST = /^[\s,.:;()\-–%\d]*(?:(?:udgifter|omkostninger|poster|mv|m\.?v|m\.?m|etc|og lign\w*|i alt|i projektet|til projektet|projektudgifter)[\s,.:;()\-–%\d]*)*$/u;

/** The lump-sum term a post IS ("Diverse", "Overhead 7 %", "Løn til medarbejdere"), or undefined. */
export function isLumpSum(post: string, terms: string[]): string | undefined {
  const p = normaliseText(stripNumbering(post));
  if (!p) return undefined;
  for (const term of [...terms].sort((a, b) => b.length - a.length)) {
    const t = normaliseText(term);
    if (!t || !p.startsWith(t)) continue;
    const next = p.slice(t.length, t.length + 1);
    if (next && /[\p{L}\p{N}]/u.test(next) && !t.endsWith('.')) continue; // "Reservedele", "Diversitet"
    // "Overhead (10 % af lønudgifter)" is a lump sum whatever follows; "Andet møde i styregruppen" is not.
    if (!WEAK_LUMP.has(t) || LUMP_REST.test(p.slice(t.length))) return term;
  }
  return undefined;
}
