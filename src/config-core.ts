// The configuration as the engine reads it (no file access: config.ts finds and loads the file).

export interface Config {
  $schema?: string;
  /** Rule id (or family, e.g. "itemisation") → severity or "off". */
  rules: Record<string, 'off' | 'error' | 'warning' | 'info'>;
  /** Default pool id or profile file, when neither --pool nor the workbook names one. */
  pool?: string;
  /** Per-pool overrides of profile fields (thresholds, caps, word lists), merged over the profile. */
  pools: Record<string, Record<string, unknown>>;
  lang?: 'da' | 'en';
  failOn?: 'error' | 'warning' | 'never';
}

/** The configuration when no file is given. */
export const DEFAULT_CONFIG: Config = Object.freeze({ rules: {}, pools: {} }) as Config;

/** The effective severity of a rule under the config: the rule id wins over its family. */
export function configuredSeverity(config: Config, ruleId: string, dflt: 'error' | 'warning' | 'info'): 'error' | 'warning' | 'info' | 'off' {
  return config.rules[ruleId] ?? config.rules[ruleId.split('/')[0]] ?? dflt;
}
