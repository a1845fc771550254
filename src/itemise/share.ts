// A line priced as a percent of another post of the budget ("25 % af forplejning", "Pension 12 % af løn til
// projektleder"): that post's specification applied to this line.
import type { BudgetLine } from '../model/types.js';
import { normaliseText, stripNumbering } from './normalise.js';

const SHARE_OF = /^(?:[\p{L}-]+\s+)?(?:ca\.?\s*)?\d+(?:,\d+)?\s*(?:%|pct\.?|procent)\s+(?:af|of)\s+(?:posten\s+|post\s+)?(.+)$/u;

/** The salary as a whole ("12 % af lønnen", "af lønsummen"): a base wherever the budget has salary lines. */
const SALARY_BASE = /^(?:løn|lønnen|lønninger|lønningerne|lønsum|lønsummen|lønudgift|lønudgifter|lønudgifterne|bruttoløn|bruttolønnen|grundløn|grundlønnen)$/u;

/**
 * Whether `text` prices the line as a share of another post of the budget, named by its post ("forplejning",
 * "forplejningen", "Forplejning til deltagere", "løn til projektleder", "projektlederens løn"), among the lines `base`
 * accepts; or of the salary as a whole ("lønnen") where `base` accepts a salary line and `salaryBase` says so. A share
 * of something that is no post ("10 % af budgettet") specifies nothing.
 */
export function shareOfPost(
  text: string,
  self: BudgetLine,
  lines: readonly BudgetLine[],
  base: (l: BudgetLine) => boolean = () => true,
  salaryBase = false,
): boolean {
  const m = SHARE_OF.exec(normaliseText(stripNumbering(text)));
  if (!m) return false;
  const named = normaliseText(m[1]);
  if (named.length < 3) return false;
  const others = lines.filter((l) => l !== self && base(l));
  if (salaryBase && SALARY_BASE.test(named)) return others.length > 0;
  if (named.length < 4) return false;
  return others.some((l) => {
    const post = normaliseText(stripNumbering(l.post));
    if (post.length < 4) return false;
    return (
      post === named ||
      post.startsWith(`${named} `) ||
      named.startsWith(post) ||
      // "løn til projektleder", "lønnen for projektleder" / "projektlederens løn": the post named with its salary
      (salaryBase && (new RegExp(`^løn(?:nen)? (?:til|for|af) ${escape(post)}$`, 'u').test(named) || named === `${post}ens løn` || named === `${post}s løn`))
    );
  });
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** "15,3 % af 1.728.000 kr.", "25 % af lønsummen på 24.000 kr.": a percent of an amount the text states. */
const SHARE_OF_AMOUNT =
  /(?<![\d,.])\d+(?:,\d+)?\s*(?:%|pct\.?|procent)\s+(?:af|of)\s+(?:[\p{L}-]+\s+){0,3}(?:kr\.?\s*)?\d{1,3}(?:\.\d{3})*(?:,\d+)?\s*(?:kr\b|kroner|dkk|,-)/u;

/**
 * Whether `text` prices the line as a percent of an amount it states ("Lønsumsafgift 15,3 % af 1.728.000 kr."): the
 * line is specified, as a share of another post is. Its arithmetic is not checked (the amount may be a base the line
 * states apart from the budget's lines).
 */
export function shareOfAmount(text: string): boolean {
  return SHARE_OF_AMOUNT.test(normaliseText(stripNumbering(text)));
}
