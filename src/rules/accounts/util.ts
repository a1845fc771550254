// Shared by the accounts rules: the grant, pairing with the approved budget, deviations.
import { oreFromKroner } from '../../money.js';
import { explains, postKey, type Accounts, type AccountsPost } from '../../model/accounts.js';
import type { Budget, BudgetLine } from '../../model/types.js';
import type { RawWorkbook } from '../../read/types.js';
import type { PoolProfile } from '../../pools/schema.js';
import type { NoArgs } from '../../finding-shape.js';
import { accountsRule as anyAccountsRule, type AccountsContext } from '../types.js';
import { requestedFromFinancing } from '../../model/requested.js';
import { classify } from '../../itemise/index.js';
import { financingKind } from '../../model/labels.js';

export type Ctx = AccountsContext<Accounts>;

/** An accounts rule over the accounts model, whose findings carry args `A`; the registry holds it as a rule of the
 * (loosely typed) accounts context. */
export function accountsRule<A extends object = NoArgs>() {
  return anyAccountsRule<A, Accounts>();
}

/** The granted amount: Bevilget beløb in the accounts, else what the approved budget asked for. */
export function grantOf(
  a: Accounts,
  approved?: Budget,
): { ore: number; source: 'accounts' | 'budget'; sheet?: string; row?: number; cell?: string } | undefined {
  const g = a.metadata.granted;
  if (g) return { ore: g.value, source: 'accounts', sheet: g.sheet, row: g.row, cell: g.cell };
  if (approved) {
    const ore = requestedFromFinancing(approved) ?? approved.metadata.requested?.value ?? approved.expenses;
    return { ore, source: 'budget' };
  }
  return undefined;
}

/**
 * What the project's spending may reach beside the grant: its own and other financing (egenfinansiering,
 * medfinansiering, andre tilskud) — the accounts' income of those kinds, else the approved budget's financing of them
 * (a grant of 80 % of the costs: the spending is the whole project, the grant its share) (øre).
 */
export function otherFinancing(a: Accounts, approved?: Budget): number {
  const isOther = (post: string) => {
    const k = financingKind(post);
    return k !== undefined && k !== 'requested';
  };
  const income = a.income.filter((p) => isOther(p.post) && p.actual?.status === 'number');
  if (income.length) return income.reduce((s, p) => s + p.actual!.ore!, 0);
  return (approved?.financing ?? []).filter((f) => f.kind !== 'requested').reduce((s, f) => s + f.ore, 0);
}

/**
 * What the accounts' spending may exceed an amount by through rounding alone (øre): the pool's tolerance, or, for accounts
 * whose every post with spending is in whole kroner (a finance system's report of a budget in øre), half a krone a post,
 * the most its rounding adds — so 1.705.354 kr. of posts rounded from 1.705.352,80 kr. is no spending over the grant.
 */
export function roundingAllowance(a: Accounts, pool: PoolProfile): number {
  const tolerance = oreFromKroner(pool.thresholds.tolerance);
  const spent = a.posts.filter((p) => p.actual?.status === 'number' && p.actual.ore !== 0);
  if (!spent.length || !spent.every((p) => p.actual!.ore! % 100 === 0)) return tolerance;
  return Math.max(tolerance, spent.length * 50);
}

/** The accounts' total of their expenses (the last total row with spending above the income section), for a finding
 * about the whole spending. */
export function expenseTotal(a: Accounts): AccountsPost | undefined {
  const firstIncome = (sheet: string) => a.income.find((p) => p.sheet === sheet)?.row ?? Infinity;
  return a.totals.filter((t) => t.actual?.status === 'number' && t.row < firstIncome(t.sheet)).pop();
}

/** Words that join a post's name ("Forplejning til møder", "Revision af regnskab") and say nothing of what it is. */
const JOINING = new Set(['af', 'til', 'og', 'for', 'med', 'i', 'på', 'ved', 'om', 'the', 'of', 'and']);
const words = (key: string) => key.split(' ').filter((w) => w && !JOINING.has(w));
/** Two words are one: equal, or one begins the other's compound ("kørsel" in "kørselsudgifter"), five letters at least. */
const sameWord = (a: string, b: string) => a === b || (a.length >= 5 && b.startsWith(a)) || (b.length >= 5 && a.startsWith(b));
/** One name's words are all in the other's ("Kørsel" in "Kørsel i egen bil", "Løn projektleder" in "Projektleder, løn"). */
function nameWithin(a: string[], b: string[]): boolean {
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  return short.length > 0 && short.every((w) => long.some((x) => sameWord(w, x)));
}

/** Approved lines by post key; `posts` pairs the accounts posts whose key several approved lines share (the same post
 * under two main lines: "Forplejning" of the workshops and of the conference). */
export type ApprovedIndex = Map<string, BudgetLine> & { posts?: Map<AccountsPost, BudgetLine> };

const indexes = new WeakMap<Budget, WeakMap<Accounts, ApprovedIndex>>();

/**
 * Approved budget lines by post key; with the accounts, also each accounts post renamed slightly from an approved one
 * ("Kørsel i egen bil" for "Kørsel", "Revision af regnskab" for "Revision"): a post that pairs by no key, whose name holds
 * the other's words (or the other its), when that approved line and that post are each other's only such match, and the
 * post's budget column, if it has one, is the line's approved total (within the pool's tolerance). Cached per budget and
 * accounts (one pool per check).
 */
export function approvedIndex(b: Budget, accounts?: Accounts, pool?: PoolProfile): ApprovedIndex {
  const cached = accounts ? indexes.get(b)?.get(accounts) : undefined;
  if (cached) return cached;
  const m: ApprovedIndex = new Map<string, BudgetLine>();
  const shared = new Map<string, BudgetLine[]>();
  for (const l of b.lines) {
    const k = postKey(l.post);
    if (!m.has(k)) m.set(k, l);
    else shared.set(k, [...(shared.get(k) ?? [m.get(k)!]), l]);
  }
  if (!accounts) return m;
  if (shared.size) m.posts = pairShared(shared, accounts);
  const accountKeys = new Set(accounts.posts.map((p) => postKey(p.post)));
  const openLines = [...m.entries()].filter(([k]) => !accountKeys.has(k));
  const openPosts = accounts.posts.filter((p) => !m.has(postKey(p.post)));
  const tolerance = pool ? oreFromKroner(pool.thresholds.tolerance) : 0; // the budget column states the approved total
  const fits = (p: AccountsPost, [k, l]: [string, BudgetLine]) =>
    namesMatch(p, k) && (p.budget?.status !== 'number' || Math.abs(p.budget.ore! - l.total) <= tolerance);
  const aliases: Array<[string, BudgetLine]> = [];
  for (const p of openPosts) {
    const lines = openLines.filter((e) => fits(p, e));
    if (lines.length !== 1) continue;
    if (openPosts.filter((q) => fits(q, lines[0])).length !== 1) continue;
    aliases.push([postKey(p.post), lines[0][1]]);
  }
  for (const [k, l] of aliases) m.set(k, l);
  let byAccounts = indexes.get(b);
  if (!byAccounts) indexes.set(b, (byAccounts = new WeakMap()));
  byAccounts.set(accounts, m);
  return m;
}

/** An accounts post's name and an approved line's key name the same post, one's words all in the other's. */
function namesMatch(p: AccountsPost, lineKey: string): boolean {
  return nameWithin(words(postKey(p.post)), words(lineKey));
}

/**
 * The approved lines no accounts post stands for (an approved post left out of the accounts: its spending is a 100 %
 * deviation that needed approval). Only where the accounts follow the approved structure — at least half their posts
 * pair with a line —, only lines with money approved, and not a line whose name an unpaired accounts post shares
 * ("Revision" beside "Revisionsydelser" with another budget: one root cause, accounts/unbudgeted-post). Per main line,
 * only a line whose whole main line is missing (else its main line's figures speak), or a salary line where any change
 * to a salary line needs approval.
 */
export function missingApprovedLines(b: Budget, accounts: Accounts, pool: PoolProfile, index: ApprovedIndex): BudgetLine[] {
  const rule = deviationRule(pool);
  const paired = new Set<BudgetLine>();
  const unpaired: AccountsPost[] = [];
  for (const p of accounts.posts) {
    const l = pair(p, index);
    if (l) paired.add(l);
    else unpaired.push(p);
  }
  if (!accounts.posts.length || unpaired.length * 2 > accounts.posts.length) return [];
  const sections = new Set(accounts.posts.map((p) => (p.section ? postKey(p.section) : '')));
  const open = b.lines.filter((l) => !paired.has(l) && Math.abs(l.total) > rule.tolerance && !unpaired.some((p) => namesMatch(p, postKey(l.post))));
  const merged = mergedLines(unpaired, open, rule.tolerance);
  return open.filter((l) => {
    if (merged.has(l)) return false;
    if (rule.per === 'post' || !l.section) return true;
    if (rule.salaryLineChanges && isSalary(l.post, l.section)) return true;
    return !sections.has(postKey(l.section));
  });
}

/**
 * The open approved lines that unpaired accounts posts stand for by their budget column: a post whose budget column
 * states exactly the approved total of one open line (renamed: "Personale" for "Projektleder") or of several together
 * (merged: "Personale og arrangementer" for "Projektleder" and "Aktiviteter"), the only such choice of lines. That post is
 * accounts/unbudgeted-post; its lines are no missing posts besides (one root cause).
 */
function mergedLines(unpaired: AccountsPost[], open: BudgetLine[], tolerance: number): Set<BudgetLine> {
  const out = new Set<BudgetLine>();
  if (!open.length || open.length > 12) return out; // subsets of at most 12 lines (4.096): beyond, not confidently
  for (const p of unpaired) {
    if (p.budget?.status !== 'number' || p.budget.ore === 0) continue;
    const lines = open.filter((l) => !out.has(l));
    let hit: BudgetLine[] | undefined;
    let hits = 0;
    for (let mask = 1; mask < 1 << lines.length && hits < 2; mask++) {
      const pick = lines.filter((_, i) => mask & (1 << i));
      if (Math.abs(pick.reduce((s, l) => s + l.total, 0) - p.budget.ore!) > tolerance) continue;
      hits++;
      hit = pick;
    }
    if (hits === 1) for (const l of hit!) out.add(l);
  }
  return out;
}

export function pair(p: AccountsPost, index: ApprovedIndex): BudgetLine | undefined {
  return index.posts?.get(p) ?? index.get(postKey(p.post));
}

/**
 * The accounts posts of a key that several approved lines share, each with its own line: the one under the same main
 * line (section), else the one whose approved total its budget column states, else, as many posts as lines, in order.
 * A post none of these places keeps the key's first line.
 */
function pairShared(shared: Map<string, BudgetLine[]>, accounts: Accounts): Map<AccountsPost, BudgetLine> {
  const out = new Map<AccountsPost, BudgetLine>();
  const sectionKey = (s: string | undefined) => (s ? postKey(s) : '');
  for (const [k, lines] of shared) {
    const posts = accounts.posts.filter((p) => postKey(p.post) === k);
    const open = new Set(lines);
    const place = (p: AccountsPost, pick: (l: BudgetLine) => boolean) => {
      const hit = [...open].filter(pick);
      if (hit.length !== 1) return false;
      out.set(p, hit[0]);
      open.delete(hit[0]);
      return true;
    };
    const rest = posts.filter((p) => !(sectionKey(p.section) && place(p, (l) => sectionKey(l.section) === sectionKey(p.section))));
    const left = rest.filter((p) => !(p.budget?.status === 'number' && place(p, (l) => l.total === p.budget!.ore)));
    if (left.length === open.size) left.forEach((p, i) => out.set(p, [...open][i]));
  }
  return out;
}

/** The pool's deviation rule, in øre: the thresholds, per post or per main line, salary lines, new posts. */
export function deviationRule(pool: PoolProfile) {
  return {
    percent: pool.thresholds.deviationPercent,
    amount: pool.thresholds.deviationAmount === null ? Infinity : oreFromKroner(pool.thresholds.deviationAmount),
    tolerance: oreFromKroner(pool.thresholds.tolerance),
    per: pool.deviation.per,
    salaryLineChanges: pool.deviation.salaryLineChanges,
    newPosts: pool.deviation.newPosts,
  };
}

export interface Deviation {
  diff: number;
  pct: number;
  /** Budget and actual of the post, or of its main line when the pool's rule applies per main line (øre). */
  budget: number;
  actual: number;
  /** The explanation given for it (on the post, or on any post of the main line). */
  explanation?: AccountsPost['explanation'];
  /** Why it counts: over the thresholds, or a salary line changed where any change needs approval. */
  reason: 'threshold' | 'salary-line';
  /** The main line (section) whose posts were summed, when the rule applies per main line. */
  mainLine?: string;
}

/** A post (of the accounts or the approved budget) of salary: its words, or the section it sits under ("1. Løn"). */
function isSalary(post: string, section: string | undefined): boolean {
  const c = classify(post);
  return (c?.category === 'salary' && c.confidence !== 'low') || /(^|[\s.])(løn|lønninger|lønudgifter|salaries|salary)\b/i.test(section ?? '');
}

export const isSalaryPost = (p: AccountsPost): boolean => isSalary(p.post, p.section);

/**
 * The approved total of a main line's lines that no accounts post stands for (a post left out, its money spent on the
 * line's other posts): part of the main line's budget. Not when an unpaired post of the main line states a budget of its
 * own (it may be those lines renamed: counted once, by its column).
 */
function leftOutOfMainLine(section: string, group: AccountsPost[], accounts: Accounts, index: ApprovedIndex): number {
  if (group.some((x) => !pair(x, index) && x.budget?.status === 'number' && x.budget.ore !== 0)) return 0;
  const paired = new Set(accounts.posts.map((x) => pair(x, index)));
  const key = postKey(section);
  let sum = 0;
  for (const l of new Set([...index.values(), ...(index.posts?.values() ?? [])]))
    if (!paired.has(l) && l.section !== undefined && postKey(l.section) === key) sum += l.total;
  return sum;
}

/** The posts of one main line: those under the same section; a post under no section is its own main line. */
function mainLinePosts(p: AccountsPost, accounts: Accounts): AccountsPost[] {
  return p.section === undefined ? [p] : accounts.posts.filter((x) => x.section === p.section && x.sheet === p.sheet);
}

/** A post's budget: the approved budget's line where there is one (an accounts' budget column that differs from it is
 * accounts/budget-mismatch; the deviation is the spending's from what was approved), else the accounts' own column. */
function budgetOf(x: AccountsPost, index: ApprovedIndex | undefined): number | undefined {
  const line = index ? pair(x, index) : undefined;
  if (line) return line.total;
  return x.budget?.status === 'number' ? x.budget.ore! : undefined;
}

/** What a post spent (øre): its spending cell; a blank one, and no month of spending either, is nothing spent — for a post
 * of the approved budget, where the accounts are filled in (some post on its sheet has spending), as a post left out
 * altogether is. (A row that pairs with no approved line and leaves its spending blank may be a heading that carries its
 * section's budget: no figure.) */
function spentOf(x: AccountsPost, index: ApprovedIndex | undefined, accounts: Accounts | undefined): number | undefined {
  if (x.actual?.status === 'number') return x.actual.ore!;
  if (!accounts || !index || x.actual?.status !== 'blank' || x.months.some((m) => m.status !== 'blank') || !pair(x, index)) return undefined;
  return accounts.posts.some((q) => q.sheet === x.sheet && q.actual?.status === 'number') ? 0 : undefined;
}

function figures(posts: AccountsPost[], index?: ApprovedIndex, accounts?: Accounts): { budget: number; actual: number } | undefined {
  const known = posts.filter((x) => budgetOf(x, index) !== undefined && spentOf(x, index, accounts) !== undefined);
  if (!known.length) return undefined;
  return { budget: known.reduce((s, x) => s + budgetOf(x, index)!, 0), actual: known.reduce((s, x) => s + spentOf(x, index, accounts)!, 0) };
}

/**
 * A deviation needing approval under the pool's rule (SBST: over 10 % of the post's budget or over 100.000 kr.),
 * or undefined. Per main line, the line is reported once, at its first post; with `salaryLineChanges`, any change
 * to a salary post counts. Without `accounts` the rule applies per post.
 */
export function significantDeviation(p: AccountsPost, pool: PoolProfile, accounts?: Accounts, index?: ApprovedIndex): Deviation | undefined {
  const rule = deviationRule(pool);
  const own = figures([p], index, accounts);
  if (!own) return undefined;
  const over = (f: { budget: number; actual: number }) => {
    const diff = f.actual - f.budget;
    if (Math.abs(diff) <= rule.tolerance) return undefined;
    const pct = f.budget === 0 ? Infinity : (Math.abs(diff) / Math.abs(f.budget)) * 100;
    return { diff, pct, significant: pct > rule.percent || Math.abs(diff) > rule.amount };
  };
  const o = over(own);
  if (o && rule.salaryLineChanges && isSalaryPost(p)) return { ...own, diff: o.diff, pct: o.pct, explanation: p.explanation, reason: 'salary-line' };
  if (rule.per === 'post' || !accounts || p.section === undefined)
    return o?.significant ? { ...own, diff: o.diff, pct: o.pct, explanation: p.explanation, reason: 'threshold' } : undefined;
  const group = mainLinePosts(p, accounts);
  if (group.find((x) => figures([x], index, accounts)) !== p) return undefined; // reported once, at the main line's first post
  const f = figures(group, index, accounts)!;
  const g = { budget: f.budget + (index ? leftOutOfMainLine(p.section, group, accounts, index) : 0), actual: f.actual };
  const go = over(g);
  if (!go?.significant) return undefined;
  return {
    ...g,
    diff: go.diff,
    pct: go.pct,
    explanation: group.find((x) => explains(x.explanation?.text))?.explanation,
    reason: 'threshold',
    mainLine: p.section,
  };
}

/** Whether a post missing from the approved budget needs approval: always (SBST), or only above the deviation amount. */
export function newPostNeedsApproval(pool: PoolProfile, spentOre: number): boolean {
  const rule = deviationRule(pool);
  return rule.newPosts || Math.abs(spentOre) > rule.amount;
}

/** A post that is not in the approved budget (without one: spending with no budget). accounts/unbudgeted-post alone
 * speaks of it; a deviation from a budget it never had ("∞ %") is the same root cause. */
export function isUnbudgeted(p: AccountsPost, index: ApprovedIndex | undefined): boolean {
  if (index) return !pair(p, index);
  const spent = p.actual?.status === 'number' ? p.actual.ore! : 0;
  return spent !== 0 && (p.budget?.status === 'blank' || (p.budget?.status === 'number' && p.budget.ore === 0));
}

/** A sheet an explanation refers to ("Se arket Noter", "jf. fanen Bemærkninger", or by its name alone) and a note it
 * names ("se note 3"). */
const SHEET_REF = /\b(?:se|jf\.?|jævnfør|see)\s+(?:arket|ark|fanen|fane|sheet)\s+['"«“]?([^'"»”.,;:()]+?)['"»”]?\s*(?:[.,;:()]|$)/i;
const NOTE_REF = /\b(?:note|bemærkning)\s*(?:nr\.?\s*)?(\d{1,3})\b/i;
/** A note's number alone, as a 'Note' column gives it ("2", "(2)", "2)"): a reference to that note. */
const BARE_NOTE = /^\(?(\d{1,3})[.)]?$/;
/** A reference by the sheet's name alone ("Se Bemærkninger", "jf. 'Noter'"): it counts only when a sheet has that name. */
const BARE_REF = /\b(?:se|jf\.?|jævnfør|see)\s+['"«“]?([^'"»”.,;:()]+?)['"»”]?\s*(?:[.,;:()]|$)/i;
/** Sheets that hold notes, where a note named by number is looked for. */
const NOTES_SHEET = /^(noter|note|bemærkninger|forklaringer|notes|budgetnoter|regnskabsnoter)\b/i;

/**
 * The text an explanation refers to elsewhere in the workbook: on the sheet it names ("Se arket Noter", "Se
 * Bemærkninger"), the rows that name the post; on that sheet or a notes sheet, the row of the note it names by number
 * ("se note 3", or "3" alone in a 'Note' column: a row beginning "Note 3", "3" or "(3)"). Undefined when it refers to
 * nothing found.
 */
export function referredText(workbook: RawWorkbook, text: string | undefined, post: string, below?: { sheet: string; row: number }): string | undefined {
  if (!text) return undefined;
  const bare = BARE_REF.exec(text)?.[1]?.trim().toLowerCase();
  const sheetRef =
    SHEET_REF.exec(text)?.[1]?.trim().toLowerCase() ?? (bare && workbook.sheets.some((s) => s.name.trim().toLowerCase() === bare) ? bare : undefined);
  const note = NOTE_REF.exec(text)?.[1] ?? BARE_NOTE.exec(text.trim())?.[1];
  if (!sheetRef && !note) return undefined;
  const named = sheetRef ? workbook.sheets.find((s) => s.name.trim().toLowerCase() === sheetRef) : undefined;
  const sheets = named ? [named] : note ? workbook.sheets.filter((s) => NOTES_SHEET.test(s.name.trim())) : [];
  // a note named by number may also stand below the accounts on their own sheet ("Noter" under the table)
  const own = !named && note !== undefined && below ? workbook.sheets.find((s) => s.name === below.sheet) : undefined;
  const key = postKey(post);
  const noteRow = note !== undefined ? new RegExp(`^\\(?(?:note\\s*(?:nr\\.?\\s*)?)?${note}\\b`, 'i') : undefined;
  const out: string[] = [];
  for (const s of own && !sheets.includes(own) ? [...sheets, own] : sheets) {
    for (const [r, cells] of s.rows) {
      if (s === own && r <= below!.row) continue;
      const texts = cells.map((c) => (typeof c.value === 'string' ? c.value.trim() : typeof c.value === 'number' ? String(c.value) : '')).filter(Boolean);
      if (!texts.length) continue;
      const byNote = !!noteRow && noteRow.test(texts[0]);
      const byPost = !!named && key.length >= 3 && texts.some((t) => postKey(t).includes(key));
      if (byNote || byPost) out.push(texts.join(' '));
    }
  }
  return out.length ? out.join(' · ') : undefined;
}

/** An explanation that says the change was approved ("godkendt", "jf. godkendelse af 12.3.2021", "approved"). */
export function saysApproved(text: string | undefined): boolean {
  return !!text && APPROVED.test(text) && !NOT_APPROVED.test(text);
}

/** Who grants a change: the administering agency (by any of its names), the caseworker, the pool or the funder. */
const GRANTOR = String.raw`(?:socialstyrelsen|social- og boligstyrelsen|sbst|styrelsen|sagsbehandler(?:en)?|puljen|fonden|tilskudsgiver(?:en)?|ministeriet|agency|caseworker|funder)`;
/** An approval noted: "godkendt", "approved", "bevilget ændring", "tilladelse", or a change accepted, granted or agreed
 * by or with the grantor ("Ændringen er bevilget af Socialstyrelsen", "Aftalt med SBST", "agreed with the agency"; not
 * "aftalt med leverandøren", "agreed with the supplier"). */
const APPROVED = new RegExp(
  `${/godkend|approved|bevilget ændring|tilladelse|samtykke|permission|(?:accepteret|bevilget|aftalt|bekræftet|agreed)\s+(?:af|med|hos|by|with)\s+(?:\S+\s+)?/.source}${GRANTOR}`,
  'i',
);
/** Not (yet) approved: "ikke godkendt", "afventer godkendelse", "søgt om tilladelse" (asked for, not granted). */
const NOT_APPROVED =
  /\b(?:ikke|endnu ikke|afventer|ingen|uden|not|not yet|awaiting|no|without)\s+(?:\S+\s+)?(?:godkend|tilladelse|samtykke|aftalt|bevilget|accepteret|approved|agreed)|(?:søgt|ansøgt|anmodet|anmoder|spurgt)\s+(?:\S+\s+)?om\s+(?:\S+\s+)?(?:godkend|tilladelse|samtykke)|(?:asked|applied)\s+for\s+(?:\S+\s+)?(?:approval|permission)/i;
