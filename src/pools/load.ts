// Loading a pool by built-in id or from a JSON/YAML profile file (the CLI's side: reads files).
import { readFileSync } from 'node:fs';
import { extname } from 'node:path';
import { UsageError } from '../errors.js';
import { builtinPools, findBuiltinPool, parsePoolProfile, type PoolProfile } from './index.js';

/** Reads a JSON/YAML profile file as data, not yet validated. */
export async function readProfileFile(file: string): Promise<unknown> {
  const ext = extname(file).toLowerCase();
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new UsageError(`cannot read pool profile ${file}: ${(e as Error).message}`);
  }
  try {
    return ext === '.json' ? JSON.parse(text) : (await import('yaml')).parse(text);
  } catch (e) {
    throw new UsageError(`pool profile ${file} is not valid ${ext === '.json' ? 'JSON' : 'YAML'}: ${(e as Error).message}`);
  }
}

/** Loads a pool by built-in id or from a JSON/YAML file. */
export async function loadPool(idOrFile: string): Promise<PoolProfile> {
  const builtin = findBuiltinPool(idOrFile);
  if (builtin) return builtin;
  const ext = extname(idOrFile).toLowerCase();
  if (!['.json', '.yaml', '.yml'].includes(ext)) {
    const ids = builtinPools()
      .map((p) => p.id)
      .join(', ');
    throw new UsageError(`unknown pool "${idOrFile}" (built-in pools: ${ids}; or give a .json/.yaml profile file)`);
  }
  return parsePoolProfile(await readProfileFile(idOrFile), idOrFile);
}
