// Built-in pool profiles, matching a workbook's Pulje field, validating profile data with zod (no file access: profile
// files are read by load.ts, so the browser page can bundle this module).
import type { z } from 'zod';
import { UsageError } from '../errors.js';
import { NATIONAL_FIELDS } from './constants.js';
import type { ApplicantType, MileageRate, PoolProfile, PoolProfileData, PoolSource } from './schema.js';
import national from './national.json' with { type: 'json' };
import recovery2019 from './profiles/recovery-2019.json' with { type: 'json' };
import m15 from './profiles/15m-2013.json' with { type: 'json' };
import isolerede2013 from './profiles/isolerede-2013.json' with { type: 'json' };
import puf2024 from './profiles/puf-2024.json' with { type: 'json' };
import lokalplejehjem2025 from './profiles/lokalplejehjem-2025.json' with { type: 'json' };
import familiehuse2024 from './profiles/familiehuse-2024.json' with { type: 'json' };
import noedovernatning2024 from './profiles/noedovernatning-2024.json' with { type: 'json' };
import retshjaelp2025 from './profiles/retshjaelp-2025.json' with { type: 'json' };
import { compareText } from '../order.js';

export type { PoolProfile, PoolProfileData } from './schema.js';

const builtinData: unknown[] = [recovery2019, m15, isolerede2013, puf2024, lokalplejehjem2025, familiehuse2024, noedovernatning2024, retshjaelp2025];

/** National data: the state's low km rates and SBST's standard lists, for every profile that does not set its own. */
export interface NationalData {
  mileageRates: MileageRate[];
  ineligibleCategories: string[];
  lumpSumTerms: string[];
  recurringTerms: string[];
  sources: PoolSource[];
  notes: string[];
}
export const NATIONAL = national as NationalData;

/** VAT is eligible only where the recipient bears it: not for a municipality (VAT refunded), else yes. */
export function vatEligibleFor(type: ApplicantType): boolean {
  return type !== 'municipality';
}

/** The profile as stored, for each resolved profile (what `pools show --format json` prints and a file round-trips to). */
const stored = new WeakMap<PoolProfile, PoolProfileData>();

/** A profile as the rules read it: each national field it leaves out taken from the national data (with its sources). */
export function resolveProfile(data: PoolProfileData): PoolProfile {
  const inherited = NATIONAL_FIELDS.filter((f) => data[f] === undefined);
  const sources = [...data.sources];
  for (const s of NATIONAL.sources) {
    if (sources.some((x) => x.id === s.id)) continue;
    const covers = s.covers.filter((c) => inherited.some((f) => c === f || c.startsWith(`${f} `)));
    if (covers.length) sources.push({ ...s, covers });
  }
  const p: PoolProfile = {
    ...data,
    vatEligible: data.vatEligible ?? vatEligibleFor(data.applicants.type),
    mileageRates: data.mileageRates ?? NATIONAL.mileageRates,
    ineligibleCategories: data.ineligibleCategories ?? NATIONAL.ineligibleCategories,
    lumpSumTerms: data.lumpSumTerms ?? NATIONAL.lumpSumTerms,
    recurringTerms: data.recurringTerms ?? NATIONAL.recurringTerms,
    sources,
    notes: inherited.includes('mileageRates') ? [...data.notes, ...NATIONAL.notes.filter((n) => !data.notes.includes(n))] : data.notes,
  };
  stored.set(p, data);
  return p;
}

/** The stored form of a profile: without the national data it inherits (so a copy keeps inheriting it). */
export function storedProfile(p: PoolProfile): PoolProfileData {
  return stored.get(p) ?? (p as unknown as PoolProfileData);
}

/** Which national fields a profile takes from the national data. */
export function inheritedFields(p: PoolProfile): string[] {
  const d = storedProfile(p);
  return NATIONAL_FIELDS.filter((f) => d[f] === undefined);
}

let cache: PoolProfile[] | undefined;

/**
 * The built-in profiles, sorted by id, national data merged in. They are stored complete (every default spelled
 * out) and a test proves the schema accepts them unchanged, so zod is loaded only for profiles from files.
 */
export function builtinPools(): PoolProfile[] {
  cache ??= (builtinData as PoolProfileData[]).map(resolveProfile).sort((a, b) => compareText(a.id, b.id));
  return cache;
}

export function findBuiltinPool(id: string): PoolProfile | undefined {
  return builtinPools().find((p) => p.id === id);
}

function describeZodError(err: z.ZodError): string {
  return err.issues.map((i) => `${i.path.length ? i.path.join('.') : '(root)'}: ${i.message}`).join('; ');
}

/** Validates profile data; a bad profile is a usage error naming the field. */
export async function parsePoolProfile(data: unknown, origin: string): Promise<PoolProfile> {
  const { poolProfileSchema } = await import('./schema.js');
  const res = poolProfileSchema.safeParse(data);
  if (!res.success) throw new UsageError(`invalid pool profile ${origin}: ${describeZodError(res.error)}`);
  return resolveProfile(res.data);
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

/** The grant size above which an audit requirement applies (the lowest tier naming it), kroner; undefined if none does. */
export function auditAbove(pool: PoolProfile, requirement: PoolProfile['audit'][number]['requirement']): number | undefined {
  const tiers = pool.audit.filter((t) => t.requirement === requirement).map((t) => t.above);
  return tiers.length ? Math.min(...tiers) : undefined;
}
