// Helpers for message texts: money, months and lists in the report's language.
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
