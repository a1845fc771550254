// The configuration as the engine reads it (no file access: config.ts finds and loads the file).

// The type is derived from the zod schema (a type-only import: no zod in the engine or the browser page).
import type { Config } from './config-schema.js';

export type { Config };

/** The configuration when no file is given. */
export const DEFAULT_CONFIG: Config = Object.freeze({ rules: {}, pools: {} }) as Config;

/** The effective severity of a rule under the config: the rule id wins over its family. */
export function configuredSeverity(config: Config, ruleId: string, dflt: 'error' | 'warning' | 'info'): 'error' | 'warning' | 'info' | 'off' {
  return config.rules[ruleId] ?? config.rules[ruleId.split('/')[0]] ?? dflt;
}
