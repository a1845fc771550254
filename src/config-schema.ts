// The configuration file's zod schema and validation (loaded only when a configuration file is read).
import { z } from 'zod';
import { UsageError } from './errors.js';
import { didYouMean } from './did-you-mean.js';
import { LANGS } from './i18n/languages.js';
import { RULES } from './rules/index.js';
import { FAMILIES } from './rules/types.js';

const severityOrOff = z.enum(['off', 'error', 'warning', 'info']);

export const configSchema = z
  .object({
    $schema: z.string().optional(),
    /** Rule id (or family, e.g. "itemisation") → severity or "off". */
    rules: z.record(z.string(), severityOrOff).default({}),
    /** Default pool id or profile file, when neither --pool nor the workbook names one. */
    pool: z.string().optional(),
    /** Per-pool overrides of profile fields (thresholds, caps, word lists), merged over the profile. */
    pools: z.record(z.string(), z.record(z.string(), z.unknown())).default({}),
    lang: z.enum(LANGS).optional(),
    failOn: z.enum(['error', 'warning', 'never']).optional(),
  })
  .strict();

/** The configuration, as the schema yields it (config.ts re-exports it: one type, derived from one schema). */
export type Config = z.output<typeof configSchema>;

export function parseConfig(data: unknown, origin: string): Config {
  const res = configSchema.safeParse(data);
  if (!res.success) {
    const msg = res.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ');
    throw new UsageError(`invalid configuration ${origin}: ${msg}`);
  }
  checkRuleNames(Object.keys(res.data.rules), origin);
  return res.data;
}

/** A rule id or family the tool does not have is a usage error, as in ESLint and Ruff: a typo must not switch nothing off. */
function checkRuleNames(names: string[], origin: string): void {
  const ids = RULES.map((r) => r.id);
  const known = new Set<string>([...ids, ...FAMILIES]);
  for (const name of names) {
    if (known.has(name)) continue;
    const guess = didYouMean(name, name.includes('/') ? ids : [...FAMILIES, ...ids]);
    throw new UsageError(
      `invalid configuration ${origin}: rules.${name}: no rule or family of that name${guess ? ` (did you mean "${guess}"?)` : ''}; see \`budgettjek rules\``,
    );
  }
}
