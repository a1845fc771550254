// The configuration file (budgettjek.config.json or --config): rule severities, rules off, pool overrides.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, extname, join, resolve } from 'node:path';
import { UsageError } from './errors.js';

export { configuredSeverity, DEFAULT_CONFIG, type Config } from './config-core.js';
import { DEFAULT_CONFIG, type Config } from './config-core.js';

export const DEFAULT_CONFIG_FILES = ['budgettjek.config.json', 'budgettjek.config.yaml', 'budgettjek.config.yml'];

/** The configuration file that applies in cwd: --config FILE, else the nearest budgettjek.config.* in cwd or a folder
 * above it (as ESLint and Ruff find theirs), else none. */
export function findConfigFile(file?: string, cwd = process.cwd()): string | undefined {
  if (file) return resolve(cwd, file);
  for (let dir = resolve(cwd); ; dir = dirname(dir)) {
    const hit = DEFAULT_CONFIG_FILES.map((f) => join(dir, f)).find((f) => existsSync(f));
    if (hit) return hit;
    if (dirname(dir) === dir) return undefined;
  }
}

/** Loads --config FILE, or the nearest budgettjek.config.* from the working directory upward, or the empty config. */
export async function loadConfig(file?: string, cwd = process.cwd()): Promise<Config> {
  const path = findConfigFile(file, cwd);
  if (!path) return DEFAULT_CONFIG;
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    throw new UsageError(`cannot read configuration ${path}: ${(e as Error).message}`);
  }
  let data: unknown;
  try {
    data = extname(path) === '.json' ? JSON.parse(text) : (await import('yaml')).parse(text);
  } catch (e) {
    throw new UsageError(`configuration ${path} is not valid: ${(e as Error).message}`);
  }
  const { parseConfig } = await import('./config-schema.js');
  return parseConfig(data ?? {}, path);
}
