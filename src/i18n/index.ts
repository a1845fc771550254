// All message tables merged, and rendering of a finding's message and hint in the chosen language.
import type { Finding, Lang, RawFinding, Severity } from '../types.js';
import { messages as accounts } from './accounts.js';
import { messages as arithmetic } from './arithmetic.js';
import { messages as cap } from './cap.js';
import { messages as distribution } from './distribution.js';
import { messages as eligibility } from './eligibility.js';
import { messages as input } from './input.js';
import { messages as internal } from './internal.js';
import { messages as itemisation } from './itemisation.js';
import { messages as pool } from './pool.js';
import { messages as structure } from './structure.js';
import type { MessageTable, MsgInput, RuleText, Text } from './types.js';

export const MESSAGES: MessageTable = {
  ...input,
  ...structure,
  ...distribution,
  ...itemisation,
  ...eligibility,
  ...cap,
  ...arithmetic,
  ...accounts,
  ...internal,
  ...pool,
};

export function ruleText(id: string): RuleText | undefined {
  return MESSAGES[id];
}

function renderText(t: Text | undefined, input: MsgInput, lang: Lang): string | undefined {
  if (t === undefined) return undefined;
  return typeof t === 'string' ? t : t(input, lang);
}

export function renderFinding(f: RawFinding, severity: Severity, lang: Lang): Finding {
  const text = MESSAGES[f.rule];
  const input: MsgInput = { ...(f.args ?? {}), expected: f.expected, actual: f.actual, post: f.post, factors: f.factors };
  let message: string;
  let hint: string | undefined;
  if (!text) {
    message = f.rule;
  } else {
    try {
      message = renderText(text.message[lang], input, lang) ?? f.rule;
      hint = renderText(text.hint?.[lang], input, lang);
    } catch {
      message = text.title[lang];
    }
  }
  // An abbreviation ("1.234 kr.", "CVR-nr.") ending a sentence must not get a second full stop.
  message = message.replace(/([^.])\.\.(?=\s|$|\))/g, '$1.');
  if (hint) hint = hint.replace(/([^.])\.\.(?=\s|$|\))/g, '$1.');
  const out: Finding = { ...f, severity, message };
  if (hint) out.hint = hint;
  return out;
}
