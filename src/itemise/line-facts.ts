// Per-line understanding shared by the itemisation and eligibility rules (what each line is, its units × unit price),
// computed once per budget and pool.
import {
  classify,
  columnsStateHoursOrRate,
  isLumpSum,
  lumpSumOf,
  parseUnitPrice,
  unitPriceFromColumns,
  type Classification,
  type LumpSumHit,
  type UnitPrice,
} from './index.js';
import { monthsSum } from '../model/budget.js';
import type { Budget, BudgetLine, BudgetRow } from '../model/types.js';
import { oreFromKroner } from '../money.js';
import { OVERHEAD_TERMS } from '../pools/constants.js';
import type { PoolProfile } from '../pools/schema.js';

export interface LineFacts {
  line: BudgetLine;
  /** The lump-sum term the post is ("diverse", "løn til medarbejdere"), if it is one. */
  lumpSum?: string;
  /** The overhead term the post starts with, where the pool allows overhead (then it is not a lump sum). */
  overhead?: string;
  lump?: LumpSumHit;
  /** A lump sum the line itemises as units × unit price ("Diverse materialer: 20 stk. à 150 kr."): at most a warning,
   * and its arithmetic is checked like any line's. */
  lumpItemised?: boolean;
  category?: Classification;
  /**
   * Units × unit price: from the quantity columns (Antal × Enhedspris, Timer × Timeløn, Km × Kr. pr. km) when every row
   * of the line has them, else from the specification, the post or the note. `row` is where a column product
   * differs from its row's total (else the first row); `text` says the columns' figures ("2 × 1.980 timer × 260 kr.").
   */
  unitPrice?: UnitPrice & { from: 'spec' | 'post' | 'note' | 'columns'; row?: BudgetRow; text?: string };
  /** The line's quantity columns state hours or a pay rate (Timer, Timeløn, Månedsløn). */
  columnsStateHoursOrRate: boolean;
  /** All the line's words: post, specification and note. */
  text: string;
  /** The line's texts, shared by every line of the same texts (see textFacts). */
  texts: LineTexts;
}

/**
 * A line's texts (post, specification, note, section, Kategori) and what is read from them alone, shared by every line
 * of the same texts under one pool (across the files of a batch): what a rule derives from the texts alone it asks
 * once per distinct texts (textFacts) instead of once per line, each time through the memoised text functions' Map
 * lookups on strings (the 600-file pile: 20.686 lines, 2.266 distinct texts; runRules in-process, warm rounds ~405 → ~360 ms CPU).
 */
export interface LineTexts {
  readonly post: string;
  readonly spec: string | undefined;
  readonly note: string | undefined;
  readonly section: string | undefined;
  readonly category: string | undefined;
  /** Post, specification and note, those that are there, joined by " · " (LineFacts.text). */
  readonly text: string;
  readonly overhead: string | undefined;
  readonly lump: LumpSumHit | undefined;
  readonly classification: Classification | undefined;
  /** parseUnitPrice of the specification, post and note. */
  readonly specPrice: UnitPrice | undefined;
  readonly postPrice: UnitPrice | undefined;
  readonly notePrice: UnitPrice | undefined;
  /** What rules derived from these texts (textFacts), by the function that derived it. */
  readonly derived: Map<(t: LineTexts) => unknown, unknown>;
}

/** What `of` derives from the line's texts alone, computed once per distinct texts: `of` must be a pure function of
 * them, and one function object (a module-level function, never a closure made per call). The answer is shared: never
 * change it. */
export function textFacts<T>(f: LineFacts, of: (t: LineTexts) => T): T {
  const d = f.texts.derived;
  let v = d.get(of) as T | undefined;
  if (v === undefined && !d.has(of)) d.set(of, (v = of(f.texts)));
  return v as T;
}

const cache = new WeakMap<Budget, WeakMap<PoolProfile, LineFacts[]>>();

export function lineFacts(budget: Budget, pool: PoolProfile): LineFacts[] {
  let byPool = cache.get(budget);
  if (!byPool) cache.set(budget, (byPool = new WeakMap()));
  const hit = byPool.get(pool);
  if (hit) return hit;
  const tol = oreFromKroner(pool.thresholds.tolerance);
  const facts = budget.lines.map((line): LineFacts => {
    const texts = lineTexts(line, pool);
    const { overhead, lump, classification: category } = texts;
    const unitPrice: LineFacts['unitPrice'] =
      fromColumns(line, tol) ?? fromText(line, 'spec', texts.specPrice) ?? fromText(line, 'post', texts.postPrice) ?? fromText(line, 'note', texts.notePrice);
    // (indexed loops over the rows here and in fromColumns: for…of allocates an iterator object per step in code V8
    // has not optimised, for each of the pile's 20.686 lines)
    let statesHours = false;
    for (let i = 0; i < line.rows.length; i++) if ((statesHours = columnsStateHoursOrRate(line.rows[i].quantities))) break;
    return {
      line,
      lumpSum: lump?.term,
      lump,
      lumpItemised: !!lump?.itemisable && !!unitPrice,
      overhead,
      category,
      unitPrice,
      columnsStateHoursOrRate: statesHours,
      text: texts.text,
      texts,
    };
  });
  byPool.set(pool, facts);
  return facts;
}

/** Units × unit price as the line's specification, post or note says it (u: parseUnitPrice of that text). A year's
 * price ("4 kurser à 6.000 kr. pr. år") is the line's only where the line spends in one calendar year. */
function fromText(line: BudgetLine, from: 'spec' | 'post' | 'note', u: UnitPrice | undefined): LineFacts['unitPrice'] {
  // A year's price ("4 kurser à 6.000 kr. pr. år") is the line's only where the line spends in one calendar year;
  // a period's days ("91 nætter à 450 kr.") price one month, quarter or year: the line's only within one of them.
  if (!u || (u.perYear && spendingYears(line) > 1) || (u.periodDays && spendingPeriods(line, u.periodDays) > 1)) return undefined;
  // parseUnitPrice's answers are shared (memoised), and so are these: copying one per line cost 40 ms of 850 on the
  // 600-file pile
  let byFrom = withFrom.get(u);
  if (!byFrom) withFrom.set(u, (byFrom = {}));
  return (byFrom[from] ??= { ...u, from });
}

const withFrom = new WeakMap<UnitPrice, Partial<Record<'spec' | 'post' | 'note', UnitPrice & { from: 'spec' | 'post' | 'note' }>>>();

/** The line's post, specification and note, those that are there, joined by " · ". */
function words(line: BudgetLine): string {
  let s = line.post;
  if (line.spec) s = s ? `${s} · ${line.spec}` : line.spec;
  if (line.note) s = s ? `${s} · ${line.note}` : line.note;
  return s;
}

/** Each text a line field holds, as a small number (0: none), so a line's five texts make numeric keys: looking the
 * texts up in one Map of strings and the records by number touches less memory than a Map per field of strings
 * (measured: nested string Maps cost more than they saved). */
const textIds = new Map<string, number>();
const idOf = (t: string | undefined): number => {
  if (t === undefined) return 0;
  let id = textIds.get(t);
  if (id === undefined) textIds.set(t, (id = textIds.size + 1));
  return id;
};

/** The shared texts of lines, by pool, then by the ids of post and specification, then of note, section and Kategori. */
let textsCache = new WeakMap<PoolProfile, Map<number, Map<number, LineTexts>>>();
let textsCount = 0;
/** Ids stay below 2^16 (the caches are cleared before), so two and three of them make exact numeric keys. */
const MAX_IDS = 65_000;

/** The line's shared texts under the pool (made when first met). */
function lineTexts(line: BudgetLine, pool: PoolProfile): LineTexts {
  // bounded, as the memoised text functions are: cleared when full (every pool's records, as the ids start again)
  if (textIds.size > MAX_IDS - 5 || textsCount > 50_000) {
    textIds.clear();
    textsCache = new WeakMap();
    textsCount = 0;
  }
  let root = textsCache.get(pool);
  if (!root) textsCache.set(pool, (root = new Map()));
  const { post, spec, note, section, category } = line;
  const k1 = idOf(post) * 65_536 + idOf(spec);
  const k2 = (idOf(note) * 65_536 + idOf(section)) * 65_536 + idOf(category);
  let byRest = root.get(k1);
  if (!byRest) root.set(k1, (byRest = new Map()));
  const hit = byRest.get(k2);
  if (hit) return hit;
  textsCount++;
  const overheadTerms = pool.overhead === 'none' ? undefined : (pool.overhead.terms ?? OVERHEAD_TERMS);
  const overhead = overheadTerms ? isLumpSum(post, overheadTerms) : undefined;
  const t: LineTexts = {
    post,
    spec,
    note,
    section,
    category,
    text: words(line),
    overhead,
    lump: overhead ? undefined : lumpSumOf(post, pool.lumpSumTerms), // allowed overhead is no lump sum
    classification: classify(post, spec, category, section),
    specPrice: spec ? parseUnitPrice(spec) : undefined,
    postPrice: post ? parseUnitPrice(post) : undefined,
    notePrice: note ? parseUnitPrice(note) : undefined,
    derived: new Map(),
  };
  byRest.set(k2, t);
  return t;
}

/** How many calendar years the line spends money in. */
function spendingYears(line: BudgetLine): number {
  return new Set([...line.months.keys()].map((m) => m.slice(0, 4))).size;
}

/** How many calendar months, quarters or years the line spends money in. */
function spendingPeriods(line: BudgetLine, period: 'month' | 'quarter' | 'year'): number {
  const of = (m: string) => (period === 'month' ? m : period === 'year' ? m.slice(0, 4) : `${m.slice(0, 4)}-${Math.ceil(Number(m.slice(5, 7)) / 3)}`);
  return new Set([...line.months.keys()].map(of)).size;
}

/** The line's units × unit price from its rows' quantity columns (every row must state them), summed over the rows. */
function fromColumns(line: BudgetLine, tol: number): LineFacts['unitPrice'] {
  // most lines have no quantity columns: unitPriceFromColumns would say undefined for each row
  for (let i = 0; i < line.rows.length; i++) if (!line.rows[i].quantities?.length) return undefined;
  const prices = line.rows.map((r) => unitPriceFromColumns(r.quantities));
  if (!prices.length || prices.some((p) => !p)) return undefined;
  const rowTotal = (r: BudgetRow) => (r.total?.status === 'number' ? r.total.ore! : monthsSum(r));
  const at = Math.max(
    0,
    line.rows.findIndex((r, i) => Math.abs(prices[i]!.totalOre - rowTotal(r)) > Math.max(tol, Math.round(prices[i]!.totalOre * 0.005))),
  );
  const p = prices[at]!;
  const totalOre = prices.reduce((s, x) => s + x!.totalOre, 0);
  // A post on several year sheets whose columns say the same on each ("Antal måneder 33, Månedsløn 45.000" beside
  // every year's months) states the whole line once per sheet, as a specification text speaks of the whole line: its
  // product is the line's, not one per sheet — where that reads the line's total closer than the sum over the sheets.
  const first = prices[0]!;
  if (prices.length > 1 && prices.every((x) => sameStatement(x!, first)) && Math.abs(first.totalOre - line.total) < Math.abs(totalOre - line.total))
    return { ...first, from: 'columns', row: line.rows[0], text: describe(first) };
  return { ...p, totalOre, from: 'columns', row: line.rows[at], text: describe(p) };
}

/** Whether two rows' columns state the same units × unit price. */
function sameStatement(a: UnitPrice, b: UnitPrice): boolean {
  return (
    a.totalOre === b.totalOre &&
    a.unitPriceOre === b.unitPriceOre &&
    a.factors.length === b.factors.length &&
    a.factors.every((f, i) => f.value === b.factors[i].value && f.unit === b.factors[i].unit)
  );
}

const num = (n: number) => n.toLocaleString('da-DK', { maximumFractionDigits: 2 });

/** "2 × 1.980 timer × 260 kr.": the factors and the price as the columns state them. */
function describe(u: UnitPrice): string {
  const price = `${num(u.unitPriceOre / 100)} kr.`;
  return [...u.factors.map((f) => `${num(f.value)}${f.unit ? ` ${f.unit}` : ''}`), price].join(' × ');
}

/** Where a line finding points: the first row of the line, at the given cell kind. */
export function lineAt(line: BudgetLine, what: 'post' | 'spec' | 'total' = 'post') {
  const row = line.rows[0];
  const cell = what === 'spec' ? (row.spec?.cell ?? row.postCell) : what === 'total' ? (row.total?.cell ?? row.postCell) : row.postCell;
  return { sheet: row.sheet, row: row.row, cell, post: line.post };
}
