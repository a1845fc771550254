// Money as whole øre (integers): conversion, parsing of Danish amounts, and formatting.
import { memoise } from './memo.js';
import { LOCALES, type Lang } from './i18n/locale.js';

/** The largest amount read as money: 10^13 kr. is a thousand times the state's yearly budget, so anything above it
 * (1e308, or a number that overflows to Infinity) is a typing or file error, not an amount; øre stay exact below it. */
export const MAX_AMOUNT_KRONER = 1e13;

/** A finite amount within MAX_AMOUNT_KRONER. */
export function saneAmount(kroner: number): boolean {
  return Number.isFinite(kroner) && Math.abs(kroner) <= MAX_AMOUNT_KRONER;
}

/** Kroner (number, possibly fractional) to whole øre. */
export function oreFromKroner(amount: number): number {
  return Math.round(amount * 100);
}

/** Øre to kroner as a number with at most two decimals (for JSON). */
export function toKroner(ore: number): number {
  return Math.round(ore) / 100;
}

const THOUSANDS = /\B(?=(\d{3})+(?!\d))/g;

/** Digits with `sep` between each group of three from the right ("1234567" → "1.234.567"): the regex's result, by
 * slicing where the text is only digits (a report's 100.000 findings format ~400.000 amounts). */
export function groupDigits(s: string, sep: string): string {
  const n = s.length;
  if (n <= 3) return s;
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) return s.replace(THOUSANDS, sep);
  }
  let out = s.slice(0, n % 3 || 3);
  for (let i = n % 3 || 3; i < n; i += 3) out += sep + s.slice(i, i + 3);
  return out;
}

/** Formats øre as Danish "1.234.567,50 kr." (decimals only when not whole kroner). */
export function formatKr(ore: number, lang: Lang = 'da'): string {
  const neg = ore < 0;
  const abs = Math.abs(Math.round(ore));
  const kroner = Math.floor(abs / 100);
  const rest = abs % 100;
  const { group: sep, decimal: dec } = LOCALES[lang];
  const grouped = groupDigits(kroner.toString(), sep);
  const body = rest === 0 ? grouped : `${grouped}${dec}${rest.toString().padStart(2, '0')}`;
  return `${neg ? '-' : ''}${body} kr.`;
}

export type ParsedAmount = { kind: 'blank' } | { kind: 'number'; ore: number } | { kind: 'text' };

/**
 * Parses an amount written as text the way Danes write it: "1.234,50", "1.234 kr.", "kr. 1.234,50",
 * "1 234", "1.234,-", "-" (zero), "÷ 2.000" (negative). English "1,234.50" is accepted when unambiguous.
 * Returns kind 'text' when the text is not an amount (e.g. "ca. 5000", "se note").
 */
export const parseAmountText = memoise(parseAmountTextUncached);

function parseAmountTextUncached(input: string): ParsedAmount {
  let s = input
    .normalize('NFC')
    .replace(/[\u00a0\u202f\u2007\s]+/g, ' ')
    .trim();
  if (s === '') return { kind: 'blank' };
  if (/^[-–—]+$/.test(s)) return { kind: 'number', ore: 0 };
  let negative = false;
  if (/^\(.*\)$/.test(s)) {
    negative = true;
    s = s.slice(1, -1).trim();
  }
  s = s
    .replace(/^(kr\.?|dkk)\s*/i, '')
    .replace(/\s*(kr\.?|dkk|,-|\.-)$/i, '')
    .trim();
  s = s.replace(/\s*(kr\.?|dkk)$/i, '').trim();
  // '÷' is the minus sign of Danish bookkeeping ("÷ 2.000 kr.")
  if (/^[-–−÷]/.test(s)) {
    negative = !negative;
    s = s.slice(1).trim();
  }
  if (s.startsWith('+')) s = s.slice(1).trim();
  let kroner: number | undefined;
  let m: RegExpMatchArray | null;
  if ((m = s.match(/^(\d{1,3}(?:[. ]\d{3})+)(?:,(\d{1,2}))?$/))) {
    kroner = Number(m[1].replace(/[. ]/g, '')) + (m[2] ? Number(m[2].padEnd(2, '0')) / 100 : 0);
  } else if ((m = s.match(/^(\d+)(?:,(\d{1,2}))?$/))) {
    kroner = Number(m[1]) + (m[2] ? Number(m[2].padEnd(2, '0')) / 100 : 0);
  } else if ((m = s.match(/^(\d{1,3}(?:,\d{3})+)(?:\.(\d{1,2}))?$/))) {
    kroner = Number(m[1].replace(/,/g, '')) + (m[2] ? Number(m[2].padEnd(2, '0')) / 100 : 0);
  } else if ((m = s.match(/^(\d+)\.(\d{1,2})$/))) {
    kroner = Number(m[1]) + Number(m[2].padEnd(2, '0')) / 100;
  } else if ((m = s.match(/^(\d+)[.,](\d{4,})$/))) {
    // A number a program wrote in full ('20879.100000000013', Python's csv module, a sum of floats): more than three
    // digits after the one separator cannot be a thousands group, so it is the decimal part, rounded to øre.
    kroner = Number(`${m[1]}.${m[2]}`);
  }
  if (kroner === undefined || !saneAmount(kroner)) return { kind: 'text' };
  const ore = Math.round(kroner * 100);
  return { kind: 'number', ore: negative ? -ore : ore };
}
