// The pool profile schema (zod): what a pool is, in data. Amounts in profiles are kroner; code converts to øre.
import { z } from 'zod';

const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'a month as YYYY-MM');
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD');
const kroner = z.number().nonnegative();

export const sourceSchema = z.object({
  id: z.string().min(1),
  title: z.string().min(1),
  url: z.string().optional(),
  /** What this source backs, e.g. "funds", "period", "§ 14 nr. 1". */
  covers: z.array(z.string()).default([]),
});

export const mileageRateSchema = z.object({
  /** First day the rate applies (inclusive). */
  from: isoDate,
  /** Kroner per km, the state's low rate (statens lave takst). */
  rate: z.number().positive(),
  source: z.string().min(1),
});

export const poolProfileSchema = z.object({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'lowercase letters, digits and dashes'),
  name: z.string().min(1),
  nameEn: z.string().optional(),
  /** Other names the workbook's "Pulje" field may use (e.g. the finance-law account). */
  aliases: z.array(z.string()).default([]),
  administrator: z.string().optional(),
  financeLawAccount: z.string().optional(),
  /** Total funds of the pool, kroner. */
  funds: kroner,
  period: z.object({ start: month, end: month }),
  /** The columns a budget must be distributed over: months (default) or quarters (SBST's pools from 2022). A monthly budget satisfies a quarterly pool. */
  granularity: z.enum(['month', 'quarter']).default('month'),
  deadline: z.string().optional(),
  applicants: z.object({
    type: z.enum(['municipality', 'organisation', 'partnership', 'any']),
    /** Named applicants where the pool is closed to others. */
    named: z.array(z.string()).default([]),
    description: z.string().optional(),
  }),
  /** Whether VAT is an eligible cost for this pool's applicants (municipalities get VAT refunded). */
  vatEligible: z.boolean(),
  /** Cap on expenses per calendar year of one application, kroner. */
  annualCap: kroner.optional(),
  application: z
    .object({ min: kroner.optional(), max: kroner.optional() })
    .default({}),
  thresholds: z
    .object({
      /** Equipment purchases above this per project year are not eligible. */
      equipmentPerYear: kroner.default(50000),
      /** A line above this wants a budget note. */
      noteAbove: kroner.default(100000),
      /** Accounts: deviation per post needing prior approval. */
      deviationPercent: z.number().nonnegative().default(10),
      deviationAmount: kroner.default(100000),
      /** Accounts: unspent funds below this are not collected. */
      repayDeMinimis: kroner.default(500),
      /** Tolerance for arithmetic comparisons. */
      tolerance: kroner.default(1),
      /** Audit: grants above these need a registered auditor / a performance audit. */
      auditRegisteredAbove: kroner.default(100000),
      auditPerformanceAbove: kroner.default(500000),
    })
    .prefault({}),
  /** Expense categories (ids of the vocabulary) that are eligible / not eligible in this pool. */
  eligibleCategories: z.array(z.string()).default([]),
  ineligibleCategories: z.array(z.string()).default([]),
  /** Words that mark an undivided lump-sum post (overhead, diverse, …). */
  lumpSumTerms: z.array(z.string()).default([]),
  /** Posts that recur monthly (salary, rent): putting them in one month is suspicious. */
  recurringTerms: z.array(z.string()).default([]),
  mileageRates: z.array(mileageRateSchema).default([]),
  sources: z.array(sourceSchema).min(1),
  notes: z.array(z.string()).default([]),
});

export type PoolProfileInput = z.input<typeof poolProfileSchema>;
export type PoolProfile = z.output<typeof poolProfileSchema>;
