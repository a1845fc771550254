// Built-in pool profiles and loading of user profiles (JSON or YAML), validated with zod.
import { readFileSync } from 'node:fs';
import { extname } from 'node:path';
import type { z } from 'zod';
import { UsageError } from '../errors.js';
import type { PoolProfile } from './schema.js';
import recovery2019 from './profiles/recovery-2019.json' with { type: 'json' };
import m15 from './profiles/15m-2013.json' with { type: 'json' };
import isolerede2013 from './profiles/isolerede-2013.json' with { type: 'json' };
import { compareText } from '../order.js';

export type { PoolProfile } from './schema.js';

const builtinData: unknown[] = [recovery2019, m15, isolerede2013];

let cache: PoolProfile[] | undefined;

/**
 * The built-in profiles, sorted by id. They are stored complete (every default spelled out) and a test proves
 * the schema accepts them unchanged, so zod is loaded only for profiles from files.
 */
export function builtinPools(): PoolProfile[] {
  cache ??= (builtinData as PoolProfile[]).slice().sort((a, b) => compareText(a.id, b.id));
  return cache;
}

export function findBuiltinPool(id: string): PoolProfile | undefined {
  return builtinPools().find((p) => p.id === id);
}

function describeZodError(err: z.ZodError): string {
  return err.issues
    .map((i) => `${i.path.length ? i.path.join('.') : '(root)'}: ${i.message}`)
    .join('; ');
}

/** Validates profile data; a bad profile is a usage error naming the field. */
export async function parsePoolProfile(data: unknown, origin: string): Promise<PoolProfile> {
  const { poolProfileSchema } = await import('./schema.js');
  const res = poolProfileSchema.safeParse(data);
  if (!res.success) throw new UsageError(`invalid pool profile ${origin}: ${describeZodError(res.error)}`);
  return res.data;
}

/** Loads a pool by built-in id or from a JSON/YAML file. */
export async function loadPool(idOrFile: string): Promise<PoolProfile> {
  const builtin = findBuiltinPool(idOrFile);
  if (builtin) return builtin;
  const ext = extname(idOrFile).toLowerCase();
  if (!['.json', '.yaml', '.yml'].includes(ext)) {
    const ids = builtinPools().map((p) => p.id).join(', ');
    throw new UsageError(`unknown pool "${idOrFile}" (built-in pools: ${ids}; or give a .json/.yaml profile file)`);
  }
  let text: string;
  try {
    text = readFileSync(idOrFile, 'utf8');
  } catch (e) {
    throw new UsageError(`cannot read pool profile ${idOrFile}: ${(e as Error).message}`);
  }
  let data: unknown;
  try {
    data = ext === '.json' ? JSON.parse(text) : (await import('yaml')).parse(text);
  } catch (e) {
    throw new UsageError(`pool profile ${idOrFile} is not valid ${ext === '.json' ? 'JSON' : 'YAML'}: ${(e as Error).message}`);
  }
  return parsePoolProfile(data, idOrFile);
}

/** Lower-case, accents folded, punctuation and spacing squeezed: for comparing names. */
export function foldName(s: string): string {
  return s
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}§]+/gu, ' ')
    .trim();
}

/** Picks the built-in pool a workbook's "Pulje" field names (id, name or alias), if any. */
export function matchPool(text: string, pools: PoolProfile[] = builtinPools()): PoolProfile | undefined {
  const t = foldName(text);
  if (!t) return undefined;
  for (const p of pools) {
    if (foldName(p.id) === t) return p;
  }
  for (const p of pools) {
    const names = [p.name, p.nameEn ?? '', ...p.aliases].map(foldName).filter(Boolean);
    if (names.some((n) => n === t)) return p;
  }
  for (const p of pools) {
    const names = [p.name, ...p.aliases].map(foldName).filter((n) => n.length >= 6);
    if (names.some((n) => t.includes(n) || (t.length >= 12 && n.includes(t)))) return p;
  }
  return undefined;
}
