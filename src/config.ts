// The configuration file (budgettjek.config.json or --config): rule severities, rules off, pool overrides.
import { existsSync, readFileSync } from 'node:fs';
import { extname, resolve } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { UsageError } from './errors.js';

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
    lang: z.enum(['da', 'en']).optional(),
    failOn: z.enum(['error', 'warning', 'never']).optional(),
  })
  .strict();

export type Config = z.output<typeof configSchema>;

export const DEFAULT_CONFIG_FILES = ['budgettjek.config.json', 'budgettjek.config.yaml', 'budgettjek.config.yml'];

export function parseConfig(data: unknown, origin: string): Config {
  const res = configSchema.safeParse(data);
  if (!res.success) {
    const msg = res.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ');
    throw new UsageError(`invalid configuration ${origin}: ${msg}`);
  }
  return res.data;
}

/** Loads --config FILE, or budgettjek.config.* in the working directory, or the empty config. */
export function loadConfig(file?: string, cwd = process.cwd()): Config {
  const path = file ? resolve(cwd, file) : DEFAULT_CONFIG_FILES.map((f) => resolve(cwd, f)).find((f) => existsSync(f));
  if (!path) return parseConfig({}, '(defaults)');
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    throw new UsageError(`cannot read configuration ${path}: ${(e as Error).message}`);
  }
  let data: unknown;
  try {
    data = extname(path) === '.json' ? JSON.parse(text) : parseYaml(text);
  } catch (e) {
    throw new UsageError(`configuration ${path} is not valid: ${(e as Error).message}`);
  }
  return parseConfig(data ?? {}, path);
}

/** The effective severity of a rule under the config: the rule id wins over its family. */
export function configuredSeverity(config: Config, ruleId: string, dflt: 'error' | 'warning' | 'info'): 'error' | 'warning' | 'info' | 'off' {
  return config.rules[ruleId] ?? config.rules[ruleId.split('/')[0]] ?? dflt;
}
