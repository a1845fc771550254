// Danish numbers in running text: "1.234,50", "1234,5", "1 234", "1,90".
import { parseAmountText } from '../money.js';

/** A Danish number (not money) as a JS number, or undefined. */
export function parseDanishNumber(s: string): number | undefined {
  const t = s.trim().replace(/[\u00a0\u202f]/g, ' ');
  let m: RegExpMatchArray | null;
  if ((m = t.match(/^(-?\d{1,3}(?:[. ]\d{3})+)(?:,(\d+))?$/))) return Number(m[1].replace(/[. ]/g, '') + (m[2] ? '.' + m[2] : ''));
  if ((m = t.match(/^(-?\d+)(?:,(\d+))?$/))) return Number(m[1] + (m[2] ? '.' + m[2] : ''));
  return undefined;
}

/** A Danish amount in kroner as whole øre, or undefined. */
export function parseDanishMoneyOre(s: string): number | undefined {
  const p = parseAmountText(s);
  return p.kind === 'number' ? p.ore : undefined;
}

/** The pattern of one Danish number inside running text. */
export const NUMBER_RE = /\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?/y;
