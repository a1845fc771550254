// The accounts model (regnskab): posts with their budget, actual spending, deviation and explanation, read like budgets.
import type { RawComment, RawSheet } from '../read/types.js';
import { a1, parseA1 } from '../read/address.js';
import { amountCell } from './amount.js';
import type { PreparedWorkbook } from './budget.js';
import { financingKind, isFinancingHeading, isPostHeader, isTotalPost, normLabel } from './labels.js';
import { parseMonthHeader } from './months.js';
import { formulaDate, noResult } from './date-formula.js';
import type { Grid } from './grid.js';
import { compareText } from '../order.js';
import type { AmountCell, Metadata, Month, Period, TextCell } from './types.js';
import { sheetScales } from './scale.js';
import { decimalsOf } from './metadata.js';

export interface AccountsPost {
  sheet: string;
  row: number;
  kind: 'item' | 'total' | 'income';
  post: string;
  postCell: string;
  section?: string;
  budget?: AmountCell;
  actual?: AmountCell;
  deviation?: AmountCell;
  explanation?: TextCell;
  /** Actual spending by month column; a quarter's column (span 3) is keyed by its first month. */
  months: Array<AmountCell & { month: Month; span?: number }>;
}

export interface Accounts {
  kind: 'accounts';
  path: string;
  metadata: Metadata;
  sheet: string;
  headerRow: number;
  /** Expense posts, in sheet order. */
  posts: AccountsPost[];
  totals: AccountsPost[];
  income: AccountsPost[];
  period?: Period & { source: 'metadata' | 'budget' | 'pool' };
  /** Sums over the expense posts (øre). */
  budgetTotal: number;
  actualTotal: number;
  /** Accounts of one sheet per project year (Regnskab 2020, Regnskab 2021 …): the sheets, and every post row as read
   * (`posts` holds each post once, its figures summed over the sheets, at its first row). */
  yearSheets?: { sheets: string[]; rows: AccountsPost[] };
  /** A summary beside the year sheets whose spending is not theirs (so the year sheets were read): its posts and totals,
   * to be reported where they differ from the year sheets. */
  summary?: { sheet: string; posts: AccountsPost[]; totals: AccountsPost[]; income: AccountsPost[] };
}

const BUDGET =
  /^(budget|budgettal|budget i alt|godkendt budget|seneste godkendte budget|senest godkendte budget|bevilget budget|bevilget|bevilling|bevilget beløb|bevillingsbeløb|tilsagn|oprindeligt budget|budget \(kr\.?\)|budget kr\.?|budget \(godkendt\)|budget,? godkendt|budget (?:jf\.?|iflg\.?|ifølge) (?:bevilling|bevillingsbrev|tilsagn|tilsagnsbrev|godkendelse)(?:en|et)?|approved budget)$/;
// "Forbrug i alt" after month columns of spending is the post's actual spending, as "Regnskab i alt" is.
const ACTUAL =
  /^(regnskab|endeligt regnskab|slutregnskab|forbrugt?|samlet forbrug|faktisk forbrug|faktiske udgifter|realiseret|realiserede udgifter|afholdt|afholdte udgifter|actual|actual spending|spent|regnskab \(kr\.?\)|forbrug \(kr\.?\))( i alt| total)?$/;
/** A budget revised since the approval ("Revideret budget", "Korrigeret budget"): the budget column where the sheet has no
 * approved one beside it (its figures are then the accounts' budget, measured against the approved budget as any). */
const REVISED = /^(revideret budget|budget,? revideret|korrigeret budget|justeret budget|ændret budget|revised budget)$/;
const DEVIATION = /^(afvigelse|afvigelse kr\.?|afvigelse i kr\.?|difference|forskel|deviation)$/;
const EXPLANATION = /^(forklaring|forklaring på afvigelse|bemærkning|bemærkninger|begrundelse|kommentar|kommentarer|note|noter|explanation|comment)/;

/** A header's label without what only qualifies it: its unit ("(kr.)", "i kr.", "DKK", "(1.000 kr.)") and the project period it covers
 * ("2020-2022", "(01.01.2020 – 30.09.2022)", "til dato", "i projektperioden", "hele perioden"). */
function baseLabel(label: string): string {
  let l = label;
  for (let i = 0; i < 3; i++) {
    const before = l;
    l = l
      // the unit in thousands ("(1.000 kr.)", "i 1.000 kr.", "t.kr."): the sheet's scale, read by amountScale
      .replace(/\s*[,(]?\s*(?:i\s+)?(?:1\.000|1000|1 000|tusinde?)\s*(?:kr|kroner|dkk)?\.?\s*\)?$|\s*[,(]?\s*(?:i\s+)?t\.?\s?kr\.?\s*\)?$/, '')
      .replace(/\s*\(\s*(?:i\s+)?(?:kr|dkk)\.?\s*\)$|\s*,?\s*(?:i\s+)?(?:kr|dkk)\.?$/, '')
      .replace(/\s*\(?\s*(?:\d{4}\s*[-–/]\s*\d{2,4}|\d{1,2}\.\d{1,2}\.\d{4}\s*[-–]\s*\d{1,2}\.\d{1,2}\.\d{4})\s*\)?$/, '')
      .replace(/\s*,?\s*(?:til dato|(?:i|for)(?: hele)? (?:projekt)?perioden|hele (?:projekt)?perioden)$/, '')
      .trim();
    if (l === before) break;
  }
  return l;
}

// The repayment the result comes to ("Tilbagebetaling af ubrugte midler", "Ubrugte midler til tilbagebetaling",
// "Tilbagebetales til SBST") is the result too: money returned, not spent.
const PART_OR_RESULT =
  /^[-–(\s]*(heraf|deraf|hvoraf|of which)\b|^(årets |periodens )?(resultat|overskud|underskud|over-\/underskud|difference|mindreforbrug|merforbrug|mer-\/mindreforbrug|uforbrugte? midler|ikke forbrugte midler|result)$|tilbagebetal(ing|es|t)\b|^(ubrugte|uforbrugte|ikke forbrugte|uanvendte|ikke anvendte) midler\b|^(repayment|to be repaid)\b/;

/** A line of income among or below the expenses ("Renteindtægter", "Andre indtægter", "Indtægter fra salg"): income, not an
 * expense post, where no income section heads it. An expense that only names income ("Kompensation for tabt indtægt",
 * "Indtægtstab") stays an expense. */
const INCOME_LINE = /^[\p{L}-]*indtægt(?:er)?(?:\s+(?:fra|af|ved)\b.*)?$|^(?:andre|øvrige|diverse) indtægter$|^(?:interest )?income\b/u;

const NOTE_ROW = /^(note|noter|bemærkning|bemærkninger|forklaring|forklaringer)\s*(nr\.?\s*)?\d{0,3}[.:)]?$/;

interface Columns {
  row: number;
  post: number;
  budget: number;
  actual: number;
  deviation?: number;
  explanation?: number;
  months: Array<{ col: number; month: Month; span?: number }>;
}

function findColumns(grid: Grid, sheet: RawSheet): Columns | undefined {
  for (let r = 1; r <= Math.min(30, sheet.maxRow); r++) {
    const cells = sheet.rows.get(r) ?? [];
    let post: number | undefined;
    let budget: number | undefined;
    let actual: number | undefined;
    let deviation: number | undefined;
    let explanation: number | undefined;
    let revised: number | undefined;
    const months: Columns['months'] = [];
    for (const c of cells) {
      // a month formula whose writer left no result (openpyxl keeps none, XlsxWriter caches 0) is the date it computes
      const d = noResult(c) ? formulaDate(grid, sheet, c) : undefined;
      const mh = parseMonthHeader(d ?? c.value, c.numFmt);
      if (mh?.kind === 'month') {
        months.push({ col: c.col, month: mh.month, ...(mh.span ? { span: mh.span } : {}) });
        continue;
      }
      if (typeof c.value !== 'string') continue;
      const l = normLabel(c.value);
      // "Budget 2021" beside "Regnskab 2021" is one year's accounts (a delregnskab), not measured against the project's
      // approved budget: only a unit or the whole period may qualify the label.
      const base = baseLabel(l);
      if (BUDGET.test(l) || BUDGET.test(base)) budget ??= c.col;
      else if (ACTUAL.test(l) || ACTUAL.test(base)) actual ??= c.col;
      else if (DEVIATION.test(l) || DEVIATION.test(base)) deviation ??= c.col;
      else if (EXPLANATION.test(l)) explanation ??= c.col;
      else if (REVISED.test(l) || REVISED.test(base)) revised ??= c.col;
      else if (isPostHeader(c.value)) post ??= c.col;
    }
    budget ??= revised;
    if (budget && actual) return { row: r, post: post ?? Math.min(budget, actual) - 1, budget, actual, deviation, explanation, months };
  }
  return undefined;
}

/** The accounts of a workbook; `approvedExpenses` (øre), the approved budget's, tells year sheets that each repeat the
 * whole budget from year sheets of each year's share. */
export function buildAccounts(
  path: string,
  prepared: PreparedWorkbook,
  fallbackPeriod?: Period & { source: 'budget' | 'pool' },
  approvedExpenses?: number,
): Accounts | undefined {
  const scales = new Map<string, number>();
  const accounts = readAccounts(path, prepared, scales, fallbackPeriod, approvedExpenses);
  return accounts && withGrantInUnit(accounts, prepared.grid, scales);
}

/**
 * The accounts with their granted amount in kroner where it stands on a sheet whose amounts are in thousands and is typed
 * without a unit ('Bevilget beløb | 1.705' under 'Regnskab (1.000 kr.)'): scaled as the sheet's columns are. A grant typed
 * with its unit ('1.705.000 kr.', a number format of "kr.", '1,7 mio. kr.', a label that states its own unit) stays as
 * typed, and so does one that read as kroner is nearer the posts' budget than read in thousands (1705350 typed in full).
 */
function withGrantInUnit(a: Accounts, grid: Grid, scales: ReadonlyMap<string, number>): Accounts {
  const g = a.metadata.granted;
  const scale = g ? scales.get(g.sheet) : undefined;
  if (!g || scale === undefined || scale === 1 || g.rounding !== undefined || g.value <= 0) return a;
  const at = parseA1(g.cell);
  const cell = at && grid.cell(g.sheet, at.row, at.col);
  if (/kr|dkk|kroner|mio|mill|€|eur/i.test(g.raw) || (cell?.numFmt && /kr|dkk|\[\$/i.test(cell.numFmt))) return a;
  const scaled = g.value * scale;
  if (a.budgetTotal > 0 && Math.abs(Math.log(g.value / a.budgetTotal)) < Math.abs(Math.log(scaled / a.budgetTotal))) return a;
  // 1.705 (1.000 kr.) is 1.704.500–1.705.500 kr.: half the last digit typed, as metadata rounds a grant in 1.000 kr.
  const granted = { ...g, value: scaled, rounding: (scale * 100) / 2 / 10 ** decimalsOf(g.value / 100) };
  const metadata = { ...a.metadata, granted };
  return { ...a, metadata };
}

function readAccounts(
  path: string,
  prepared: PreparedWorkbook,
  scales: Map<string, number>,
  fallbackPeriod?: Period & { source: 'budget' | 'pool' },
  approvedExpenses?: number,
): Accounts | undefined {
  const { grid } = prepared;
  const sheets = [...grid.workbook.sheets].sort((a, b) => Number(/^regnskab/i.test(b.name)) - Number(/^regnskab/i.test(a.name)));
  const found: Array<{ sheet: RawSheet; cols: Columns }> = [];
  for (const sheet of sheets) {
    const cols = findColumns(grid, sheet);
    if (cols && cols.post >= 1) found.push({ sheet, cols });
  }
  // amounts in thousands of kroner where the sheet's title or header says so ("Regnskab (1.000 kr.)", "t.kr."), or a
  // sheet it takes plain references from (or that takes them from it) says so: as a budget's sheets are scaled
  for (const [name, scale] of sheetScales(found.map(({ sheet, cols }) => ({ sheet, headerRow: cols.row })))) scales.set(name, scale);
  const read = found.map(({ sheet, cols }) => readSheet(path, prepared, sheet, cols, fallbackPeriod, scales.get(sheet.name) ?? 1));
  if (read.length < 2) return read[0];
  // One sheet per project year (a calendar year, "Regnskab 2021", or the project's own, "Projektår 2"), each its year's
  // accounts: one account of the project. A sheet naming a span of years ("Regnskab 2020-2022") or none ("Samlet
  // regnskab") is no year's.
  const years = read.map((a) => yearOfSheet(a.sheet));
  const yearParts = read.filter((_, i) => years[i]);
  if (yearParts.length < 2 || new Set(years.filter(Boolean)).size !== yearParts.length) return read[0];
  const merged = mergeYearSheets(
    yearParts.sort((a, b) => compareText(a.sheet, b.sheet)),
    approvedExpenses ?? prepared.metadata.granted?.value,
  );
  if (yearParts.length === read.length) return merged;
  // Beside them one summary of the project ("Samlet regnskab", "Regnskab i alt"), whose spending is theirs: the summary
  // is the project's accounts (read alone, its first year's sheet was taken for the whole project); an explanation or
  // months of spending only the year sheets give are its post's. A summary whose spending is not theirs: the year sheets,
  // which hold the detail. Any other set of sheets is read as before: its first.
  const others = read.filter((_, i) => !years[i]);
  if (others.length !== 1) return read[0];
  const s = others[0];
  if (s.actualTotal === merged.actualTotal) return withYearDetail(s, merged);
  return { ...merged, summary: { sheet: s.sheet, posts: s.posts, totals: s.totals, income: s.income } };
}

/**
 * The project year a sheet holds, by its name: a calendar year ("Regnskab 2021") or a project year ("Regnskab år 2",
 * "Projektår 2", "2. år", "År 2", "Year 2"); none for a span of years ("Regnskab 2020-2022", "År 1-3") or no year.
 */
function yearOfSheet(name: string): string | undefined {
  const n = name.toLowerCase();
  if (/(?:19|20)\d{2}\s*[-–]\s*(?:19|20)?\d{2}(?!\d)|(?:år|year)\s*\d\s*[-–]\s*\d/.test(n)) return undefined;
  const calendar = /(?<!\d)(?:19|20)\d{2}(?!\d)/.exec(n)?.[0];
  if (calendar) return calendar;
  const project = /(?<![\p{L}\d])(?:projekt)?(?:år|year)\s*(\d{1,2})(?!\d)|(?<!\d)(\d{1,2})\.\s*(?:projekt)?år(?!\p{L})/u.exec(n);
  return project ? `år ${project[1] ?? project[2]}` : undefined;
}

/** The summary's posts, each given the explanation and months of spending of its post on the year sheets where it has none. */
function withYearDetail(summary: Accounts, years: Accounts): Accounts {
  const detail = new Map(years.posts.map((p) => [postKey(p.post), p]));
  const posts = summary.posts.map((p) => {
    const d = detail.get(postKey(p.post));
    if (!d) return p;
    return {
      ...p,
      explanation: explains(p.explanation?.text) ? p.explanation : (d.explanation ?? p.explanation),
      months: p.months.length ? p.months : d.months,
    };
  });
  return { ...summary, posts };
}

/**
 * Whether year sheets each repeat the project's whole budget beside the year's spending (the form's budget column copied
 * to every year), rather than each year's share: every post's budget the same on every sheet that lists it (a year with
 * nothing spent on a post may leave its row out), some post's on two sheets at least, and the budget, once, nearer the
 * reference — the approved budget's expenses, else the grant, else the spending of all the years — than its sum over the
 * sheets. (Shares alike every year, summed, are the reference; repeated, they are the reference as many times.)
 */
function repeatsWholeBudget(parts: Accounts[], reference: number | undefined): boolean {
  const budgets = new Map<string, number[]>();
  for (const part of parts)
    for (const p of part.posts) {
      if (p.budget && p.budget.status !== 'number' && p.budget.status !== 'blank') return false;
      const k = postKey(p.post);
      const at = budgets.get(k) ?? [];
      at.push(p.budget?.status === 'number' ? p.budget.ore! : 0);
      budgets.set(k, at);
    }
  const all = [...budgets.values()];
  if (!all.every((b) => b.every((x) => x === b[0])) || !all.some((b) => b.length > 1 && b[0] !== 0)) return false;
  const once = all.reduce((s, b) => s + b[0], 0);
  const summed = all.reduce((s, b) => s + b[0] * b.length, 0);
  const ref = reference ?? parts.reduce((s, a) => s + a.actualTotal, 0);
  if (once <= 0 || ref <= 0) return false;
  return Math.abs(Math.log(once / ref)) < Math.abs(Math.log(summed / ref));
}

/** The accounts of year sheets as one: each post once (by its key), its spending and months summed, and its budget — the
 * years' shares summed, or the whole budget each sheet repeats, once. */
function mergeYearSheets(parts: Accounts[], reference?: number): Accounts {
  const repeated = repeatsWholeBudget(parts, reference);
  const byKey = new Map<string, AccountsPost>();
  const posts: AccountsPost[] = [];
  for (const part of parts)
    for (const p of part.posts) {
      const k = postKey(p.post);
      const seen = byKey.get(k);
      if (!seen) {
        const copy = { ...p, months: [...p.months] };
        byKey.set(k, copy);
        posts.push(copy);
        continue;
      }
      if (!repeated) seen.budget = sumCells(seen.budget, p.budget);
      else seen.budget ??= p.budget;
      seen.actual = sumCells(seen.actual, p.actual);
      seen.months.push(...p.months);
      if (!explains(seen.explanation?.text) && explains(p.explanation?.text)) seen.explanation = p.explanation;
    }
  return {
    ...parts[0],
    posts,
    totals: parts.flatMap((a) => a.totals),
    income: parts.flatMap((a) => a.income),
    budgetTotal: repeated ? posts.reduce((s, p) => s + (p.budget?.status === 'number' ? p.budget.ore! : 0), 0) : parts.reduce((s, a) => s + a.budgetTotal, 0),
    actualTotal: parts.reduce((s, a) => s + a.actualTotal, 0),
    yearSheets: { sheets: parts.map((a) => a.sheet), rows: parts.flatMap((a) => a.posts) },
  };
}

/** Two amounts of one post on two sheets as one: their sum where both are numbers (or blank), at the first's cell; else
 * the one that is no number (its own finding speaks of it). */
function sumCells(a: AmountCell | undefined, b: AmountCell | undefined): AmountCell | undefined {
  if (!a || !b) return a ?? b;
  const known = (c: AmountCell) => c.status === 'number' || c.status === 'blank';
  if (!known(a)) return a;
  if (!known(b)) return b;
  if (a.status === 'blank' && b.status === 'blank') return a;
  return { sheet: a.sheet, row: a.row, col: a.col, cell: a.cell, status: 'number', ore: (a.ore ?? 0) + (b.ore ?? 0), hidden: a.hidden || b.hidden };
}

function readSheet(
  path: string,
  prepared: PreparedWorkbook,
  sheet: RawSheet,
  cols: Columns,
  fallbackPeriod?: Period & { source: 'budget' | 'pool' },
  scale = 1,
): Accounts {
  const { grid, metadata } = prepared;
  {
    const out: Accounts = {
      kind: 'accounts',
      path,
      metadata,
      sheet: sheet.name,
      headerRow: cols.row,
      posts: [],
      totals: [],
      income: [],
      period: metadata.period ? { ...metadata.period.value, source: 'metadata' } : fallbackPeriod,
      budgetTotal: 0,
      actualTotal: 0,
    };
    let section: string | undefined;
    let income = false;
    const notes = rowComments(sheet, cols);
    for (let r = cols.row + 1; r <= sheet.maxRow; r++) {
      if (!sheet.rows.has(r)) continue;
      const hidden = sheet.hiddenRows.has(r);
      const post = grid.text(sheet.name, r, cols.post);
      const budget = amountCell(grid, sheet.name, r, cols.budget, hidden, undefined, undefined, scale);
      const actual = amountCell(grid, sheet.name, r, cols.actual, hidden, undefined, undefined, scale);
      const deviation = cols.deviation ? amountCell(grid, sheet.name, r, cols.deviation, hidden, undefined, undefined, scale) : undefined;
      const expl = cols.explanation ? grid.text(sheet.name, r, cols.explanation) : '';
      const months = cols.months.map((m) => {
        const cell = amountCell(grid, sheet.name, r, m.col, hidden, m.month, undefined, scale) as AccountsPost['months'][number];
        return m.span ? Object.assign(cell, { span: m.span }) : cell; // an Amount reads its cell and month by getters: no spread
      });
      const anyAmount = budget.status !== 'blank' || actual.status !== 'blank' || months.some((m) => m.status !== 'blank');
      if (!post && !anyAmount) continue;
      // A part of the post above ("- heraf pension") or the result below the totals ("Resultat", "Mindreforbrug") is no
      // post of its own: counted, it would be spent twice, or be a post nobody approved.
      if (PART_OR_RESULT.test(normLabel(post))) continue;
      // A note below the table ("Note 2 | Evalueringen blev billigere …") is prose, not a post with a budget of text.
      if (NOTE_ROW.test(normLabel(post)) && budget.status !== 'number' && actual.status !== 'number') continue;
      if ((isFinancingHeading(post) || /^(indtægter|tilskud|finansiering)/i.test(normLabel(post).replace(/^[\d.]+\s*/, ''))) && !anyAmount) {
        income = isFinancingHeading(post) || /indtægt|finansiering/i.test(post);
        section = post;
        continue;
      }
      if (!anyAmount) {
        section = post;
        continue;
      }
      const p: AccountsPost = {
        sheet: sheet.name,
        row: r,
        kind: 'item',
        post,
        postCell: a1(r, cols.post),
        section,
        budget,
        actual,
        deviation,
        explanation: explanationOf(sheet.name, r, cols.explanation, expl, notes?.get(r)),
        months,
      };
      if (isTotalPost(post)) {
        p.kind = 'total';
        out.totals.push(p);
        if (/udgift|expense/i.test(post)) income = false;
        continue;
      }
      if (income || financingKind(post) || INCOME_LINE.test(normLabel(post))) {
        p.kind = 'income';
        out.income.push(p);
        continue;
      }
      out.posts.push(p);
      if (budget.status === 'number') out.budgetTotal += budget.ore!;
      if (actual.status === 'number') out.actualTotal += actual.ore!;
    }
    return out;
  }
}

/** The comments (notes) on the table's cells by row: Excel users often explain a deviation in a note on the spending or
 * deviation cell rather than in a Forklaring column. */
function rowComments(sheet: RawSheet, cols: Columns): Map<number, RawComment[]> | undefined {
  if (!sheet.comments?.length) return undefined;
  const used = [cols.post, cols.budget, cols.actual, cols.deviation, cols.explanation, ...cols.months.map((m) => m.col)].filter(
    (c): c is number => c !== undefined,
  );
  const first = Math.min(...used);
  const last = Math.max(...used);
  const out = new Map<number, RawComment[]>();
  for (const c of sheet.comments) {
    if (c.row <= cols.row || c.col < first || c.col > last) continue;
    const at = out.get(c.row);
    if (at) at.push(c);
    else out.set(c.row, [c]);
  }
  return out;
}

/** A post's explanation: its Forklaring cell's text, and the notes on its row's cells (where the cell is blank or there
 * is no such column, a note is the explanation, at the note's cell). */
function explanationOf(sheet: string, row: number, col: number | undefined, text: string, notes: RawComment[] | undefined): TextCell | undefined {
  const noted = notes?.map((n) => n.text).join(' · ');
  if (col !== undefined && text) return { sheet, row, col, cell: a1(row, col), text: noted ? `${text} · ${noted}` : text };
  if (!noted) return undefined;
  const at = col !== undefined ? col : notes![0].col;
  return { sheet, row, col: at, cell: a1(row, at), text: noted };
}

/** Words that alone only acknowledge ("OK", "ok.", "o.k.", "x", "ja", "tjekket"): no explanation of a deviation. */
const ACKNOWLEDGEMENT = new Set(['ok', 'okay', 'o', 'k', 'x', 'ja', 'yes', 'tjek', 'tjekket', 'checked', 'set']);

/** Whether a post's explanation (its Forklaring cell's text and the notes on its row, held to one bar) says anything: a
 * word beyond a bare acknowledgement or a mark ("OK", "✓", "x", "-"). A reference elsewhere ("se ovenfor", "se note 3")
 * says where, so it counts. */
export function explains(text: string | undefined): boolean {
  if (!text) return false;
  const words = text.toLowerCase().match(/[\p{L}\p{N}]+/gu);
  return !!words && words.some((w) => !ACKNOWLEDGEMENT.has(w));
}

/** The key posts are paired by: case, spacing, punctuation, numbering and a trailing "(…)" do not matter. */
export function postKey(post: string): string {
  return normLabel(post)
    .replace(/^(?:\d+(?:\.\d{1,2})*[.)]?|[a-z][.)])\s+/, '')
    .replace(/\s*\([^)]*\)\s*$/, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}
