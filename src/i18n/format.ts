// Helpers for message texts: money, months and lists in the report's language.
import { addMonth, quarterOf } from '../model/months.js';
import { formatKr, groupDigits } from '../money.js';
import type { FindingFactor, Lang } from '../types.js';
import { LOCALES } from './locale.js';

export function krText(ore: unknown, lang: Lang): string {
  return typeof ore === 'number' ? formatKr(ore, lang) : '?';
}

/** Each language's month texts made so far (a report names the same few months in thousands of messages). */
const MONTH_TEXTS = new Map<Lang, Map<string, string>>();

/** "2020-01" → "januar 2020"; a run "2020-01–2020-03" → "januar 2020–marts 2020". */
export function month(m: unknown, lang: Lang): string {
  if (typeof m !== 'string') return '?';
  let texts = MONTH_TEXTS.get(lang);
  if (!texts) MONTH_TEXTS.set(lang, (texts = new Map()));
  let t = texts.get(m);
  if (t === undefined) {
    if (texts.size >= 10_000) texts.clear();
    texts.set(m, (t = monthText(m, lang)));
  }
  return t;
}

function monthText(m: string, lang: Lang): string {
  return m
    .split('–')
    .map((x) => {
      const mm = /^(\d{4})-(\d{2})$/.exec(x);
      return mm ? `${LOCALES[lang].months[Number(mm[2]) - 1]} ${mm[1]}` : x;
    })
    .join('–');
}

/**
 * A quarter column's month (its first) as the quarter it stands for: "2025-04" → "2. kvartal 2025" ("Q2 2025"); a
 * quarter that is not a calendar quarter (a project year's, from August) as its three months ("august 2024–oktober
 * 2024"). A run of quarter columns "2025-01–2025-10" → "1. kvartal 2025–4. kvartal 2025".
 */
export function quarter(m: unknown, lang: Lang): string {
  if (typeof m !== 'string') return '?';
  const ends = m.split('–');
  if (ends.length === 2) return `${quarterText(ends[0], lang, false)}–${quarterText(ends[1], lang, true)}`;
  return quarterText(m, lang, undefined);
}

/** One quarter; of a run's first (`end` false) or last (`end` true) column, a non-calendar quarter is its first or
 * last month only, so that the run reads from the first month to the last. */
function quarterText(m: string, lang: Lang, end: boolean | undefined): string {
  const mm = /^(\d{4})-(\d{2})$/.exec(m);
  if (!mm) return m;
  const year = Number(mm[1]);
  const mo = Number(mm[2]);
  if ((mo - 1) % 3 === 0) return lang === 'da' ? `${(mo - 1) / 3 + 1}. kvartal ${year}` : `Q${(mo - 1) / 3 + 1} ${year}`;
  const last = addMonth(m, 2);
  if (end === false) return monthText(m, lang);
  if (end === true) return monthText(last, lang);
  return `${monthText(m, lang)}–${monthText(last, lang)}`;
}

/** Months of a period (a run "2024-11–2025-06" or one month) as the calendar quarters they fall in: "4. kvartal
 * 2024–2. kvartal 2025" ("Q4 2024–Q2 2025"); a run within one quarter is that quarter. */
export function quarterOfMonths(m: unknown, lang: Lang): string {
  if (typeof m !== 'string') return '?';
  const ends = m.split('–');
  const q = (x: string) => (/^\d{4}-\d{2}$/.test(x) ? quarterOf(x) : x);
  const a = q(ends[0]);
  const b = q(ends[ends.length - 1]);
  return a === b ? quarterText(a, lang, undefined) : `${quarterText(a, lang, undefined)}–${quarterText(b, lang, undefined)}`;
}

/** A month, or with span 3 the quarter column it heads (quarter()). */
export function monthOrQuarter(m: unknown, lang: Lang, span: unknown): string {
  return span === 3 ? quarter(m, lang) : month(m, lang);
}

/** A label inside a sentence: its first letter in lower case, the rest as written ("Aktiviteter i udlandet, Grønland
 * eller Færøerne" → "aktiviteter i udlandet, Grønland eller Færøerne"); an acronym stays ("VAT"). */
export function inSentence(label: string): string {
  return label.length > 1 && label[1] === label[1].toUpperCase() && label[1] !== label[1].toLowerCase()
    ? label
    : label.charAt(0).toLowerCase() + label.slice(1);
}

export function list(items: unknown, lang: Lang, map: (s: string) => string = (s) => s): string {
  const arr = Array.isArray(items) ? items.map(String).map(map) : [];
  if (arr.length <= 1) return arr.join('');
  return `${arr.slice(0, -1).join(', ')} ${LOCALES[lang].and} ${arr[arr.length - 1]}`;
}

export function diff(expected: unknown, actual: unknown, lang: Lang): string {
  if (typeof expected !== 'number' || typeof actual !== 'number') return '';
  const d = actual - expected;
  return `${d > 0 ? '+' : ''}${formatKr(d, lang)}`;
}

/** A plain number the report's way: "1.980", "18,5" (Danish); "1,980", "18.5" (English). */
export function num(v: number, lang: Lang): string {
  const [int, dec] = String(Math.abs(v)).split('.');
  const { group, decimal } = LOCALES[lang];
  const grouped = groupDigits(int, group);
  return `${v < 0 ? '-' : ''}${grouped}${dec ? decimal + dec : ''}`;
}

/** The text without a final " kr." (as .replace(/ kr\.$/, '')). */
const withoutKr = (t: string) => (t.endsWith(' kr.') ? t.slice(0, -4) : t);

/** Factors as a product: "2 × 1.980 timer × 260 kr."; undefined without factors. */
export function product(factors: FindingFactor[] | undefined, lang: Lang): string | undefined {
  if (!factors?.length) return undefined;
  return factors
    .map((f) => (f.money ? `${withoutKr(krText(f.value, lang))} ${f.unit ?? 'kr.'}` : `${num(f.value, lang)}${f.unit ? ` ${f.unit}` : ''}`))
    .join(' × ');
}

/** The product and " = " before the result it gives ("2 × 1.980 timer × 260 kr. = "); '' without factors. */
export function productEquals(factors: FindingFactor[] | undefined, lang: Lang): string {
  const p = product(factors, lang);
  return p ? `${p} = ` : '';
}
