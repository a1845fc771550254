// Classifies a budget line into an expense category: an explicit Kategori wins, then the post text, then the specification.
import { normaliseText, stripNumbering } from './normalise.js';
import { CATEGORIES, type CategoryDef } from './vocabulary.js';

export type CategoryId = string;

export interface Classification {
  category: CategoryId;
  confidence: 'explicit' | 'high' | 'low';
  matched: string;
  from: 'category' | 'post' | 'spec' | 'section';
}

interface Matcher {
  def: CategoryDef;
  term: string;
  re: RegExp;
  phrase: boolean;
}

// A letter or digit of lower-cased Danish text; plain classes compile far faster than \p{L} with the u flag.
const L = '[a-z0-9æøåäöüéèáàíóúñ]';

function compile(term: string): RegExp {
  const inner = term.startsWith('*');
  const stem = term.endsWith('*');
  const body = term.replace(/^\*|\*$/g, '');
  const escaped = body.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s+');
  const before = inner ? '' : `(?<!${L})`;
  const after = stem ? `${L}*(?:-${L}+)*` : `(?!${L})`;
  return new RegExp(`${before}${escaped}${after}`);
}

const MATCHERS: Matcher[] = CATEGORIES.flatMap((def) => def.terms.map((term) => ({ def, term, re: compile(term), phrase: term.includes(' ') })));
const NOT = new Map(CATEGORIES.map((d) => [d.id, (d.not ?? []).map((t) => normaliseText(t))]));
const NEGATION = /(?:ekskl\.?|eksklusiv|excl\.?|uden|ikke|ex\.?|fratrukket)\s+(?:\S+\s+)?$/i;

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
  for (const m of MATCHERS) {
    const r = m.re.exec(t);
    if (!r) continue;
    const around = t.slice(Math.max(0, r.index - 20), r.index + r[0].length + 20);
    if (NOT.get(m.def.id)!.some((n) => around.includes(n))) continue;
    if (NEGATION.test(t.slice(0, r.index))) continue;
    hits.push({ def: m.def, term: m.term, index: r.index, phrase: m.phrase, text: r[0] });
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
