// Input limits, checked before and while reading, so hostile files are refused quickly with bounded memory.
import type { InputDetail } from '../rules/input/index.js';
import type { InputRuleId } from '../types.js';

export interface Limits {
  maxFileBytes: number;
  maxZipEntries: number;
  /** Inflated size of one zip entry. */
  maxEntryBytes: number;
  /** Inflated size of all entries together. */
  maxTotalInflatedBytes: number;
  /** Inflated/compressed ratio allowed for entries larger than 10 MB inflated. */
  maxCompressionRatio: number;
  maxRows: number;
  maxCols: number;
  maxCells: number;
  maxXmlDepth: number;
}

export const DEFAULT_LIMITS: Limits = {
  maxFileBytes: 50 * 1024 * 1024,
  maxZipEntries: 5_000,
  maxEntryBytes: 300 * 1024 * 1024,
  maxTotalInflatedBytes: 600 * 1024 * 1024,
  maxCompressionRatio: 1_000,
  maxRows: 200_000,
  maxCols: 2_000,
  maxCells: 2_000_000, // a real budget has a few thousand; 2 million check in about 1.4 GB
  maxXmlDepth: 100,
};

export function mergeLimits(partial: Partial<Limits> = {}): Limits {
  const out = { ...DEFAULT_LIMITS };
  for (const [k, v] of Object.entries(partial)) if (typeof v === 'number' && Number.isFinite(v) && v > 0) (out as Record<string, number>)[k] = v;
  return out;
}

/** A sheet past the rows/columns/cells limits; becomes an input/too-large finding. */
export class SheetTooLargeError extends Error {
  constructor(
    readonly sheet: string,
    readonly what: 'rows' | 'columns' | 'cells' | 'formulas',
    readonly limit: number,
    readonly found: number,
  ) {
    super(`sheet ${sheet}: more ${what} than ${limit}`);
  }
}

/** A file refused while it is read (a zip entry or an XML part past a limit, a DOCTYPE): becomes the finding
 * `rule` with args `{ what, ...args }`, exactly as when the zip guard refuses it before reading. */
export class InputRefusal extends Error {
  constructor(
    readonly rule: InputRuleId,
    readonly what: string,
    readonly args: InputDetail = {},
  ) {
    super(what);
  }
}
