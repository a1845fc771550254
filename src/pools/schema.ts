// The pool profile schema (zod): what a pool is, in data. Amounts in profiles are kroner; code converts to øre.
import { z } from 'zod';
import { NATIONAL_FIELDS, OVERHEAD_TERMS } from './constants.js';
export { NATIONAL_FIELDS, OVERHEAD_TERMS };

const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'a month as YYYY-MM');
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD');
const kroner = z.number().nonnegative();
const percent = z.number().min(0).max(100);

export const sourceSchema = z.object({
  id: z.string().min(1),
  title: z.string().min(1),
  url: z.string().optional(),
  /** The fields this source backs, by name or path ("funds", "period", "thresholds.deviationPercent", "mileageRates"). */
  covers: z.array(z.string()).default([]),
});

export const mileageRateSchema = z.object({
  /** First day the rate applies (inclusive). */
  from: isoDate,
  /** Kroner per km, the state's low rate (statens lave takst). */
  rate: z.number().positive(),
  source: z.string().min(1),
});

export const APPLICANT_TYPES = ['municipality', 'association', 'organisation', 'partnership', 'any'] as const;
export type ApplicantType = (typeof APPLICANT_TYPES)[number];

export const AUDIT_REQUIREMENTS = ['declaration', 'independent-accountant', 'registered-auditor', 'performance-audit'] as const;

/** SBST's audit tiers (Håndbog om tilskudsregler, revision): the requirement applies to grants above `above` kroner. */
export const SBST_AUDIT_TIERS = [
  { above: 0, requirement: 'independent-accountant' as const },
  { above: 100000, requirement: 'registered-auditor' as const },
  { above: 500000, requirement: 'performance-audit' as const },
];

/** Words that name an overhead post: a lump sum where the pool allows no overhead, limited by percent where it allows some. */

export const poolProfileSchema = z.object({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'lowercase letters, digits and dashes'),
  name: z.string().min(1),
  nameEn: z.string().optional(),
  /** Other names the workbook's "Pulje" field may use (e.g. the finance-law account). */
  aliases: z.array(z.string()).default([]),
  administrator: z.string().optional(),
  financeLawAccount: z.string().optional(),
  /** Total funds of the pool, kroner; absent where the funder does not publish them (then cap/pool-exceeded is not checked). */
  funds: kroner.optional(),
  /** The project period; absent when the sources do not give it (then the application's stated period bounds the checks). */
  period: z.object({ start: month, end: month }).optional(),
  /** The columns a budget must be distributed over: months (default) or quarters (SBST's pools from 2022). A monthly budget satisfies a quarterly pool. */
  granularity: z.enum(['month', 'quarter']).default('month'),
  deadline: z.string().optional(),
  applicants: z.object({
    type: z.enum(APPLICANT_TYPES),
    /** Named applicants where the pool is closed to others. */
    named: z.array(z.string()).default([]),
    description: z.string().optional(),
    /** One grant per applicant across the pool's rounds (e.g. Familiehuse: one per municipality). */
    oneGrantPerApplicant: z.boolean().default(false),
    /** The most one applicant may get, kroner (e.g. Lokalplejehjem: 4,0 mio. kr. per municipality). */
    maxPerApplicant: kroner.optional(),
  }),
  /** Whether VAT is an eligible cost; absent = by applicant type (a municipality gets VAT refunded, others bear it). */
  vatEligible: z.boolean().optional(),
  /** Fondsmoms, percent: what a municipality taking a private foundation's grant pays back (17,5 %). */
  fondsmomsPercent: percent.optional(),
  /** Cap on expenses per calendar year of one application, kroner. */
  annualCap: kroner.optional(),
  application: z.object({ min: kroner.optional(), max: kroner.optional() }).default({}),
  thresholds: z
    .object({
      /** Equipment purchases above this per project year are not eligible. */
      equipmentPerYear: kroner.default(50000),
      /** Equipment bought for up to this may be kept without approval. */
      equipmentKeepWithoutApproval: kroner.default(10000),
      /** A line above this wants a budget note. */
      noteAbove: kroner.default(100000),
      /** Accounts: a deviation above this percent of the budget needs prior approval. */
      deviationPercent: percent.default(10),
      /** Accounts: a deviation above this many kroner needs prior approval; null = no amount limit (only the percent). */
      deviationAmount: kroner.nullable().default(100000),
      /** Accounts: unspent funds below this are not collected. */
      repayDeMinimis: kroner.default(500),
      /** Tolerance for arithmetic comparisons. */
      tolerance: kroner.default(1),
    })
    .prefault({}),
  /** How the accounts' deviation rule applies (the percent and amount are thresholds.deviationPercent/Amount). */
  deviation: z
    .object({
      /** Per budget post (SBST) or per main line, i.e. a section such as "1. Løn" (DH Handicappuljen). */
      per: z.enum(['post', 'main-line']).default('post'),
      /** Any change to a salary line needs approval, whatever its size (DH Handicappuljen). */
      salaryLineChanges: z.boolean().default(false),
      /** A post not in the approved budget needs approval whatever its size (SBST). */
      newPosts: z.boolean().default(true),
    })
    .prefault({}),
  /** Audit tiers: grants above `above` kroner need the requirement (the highest tier that applies, and those below). */
  audit: z
    .array(z.object({ above: kroner, requirement: z.enum(AUDIT_REQUIREMENTS), description: z.string().optional() }))
    .default(() => SBST_AUDIT_TIERS.map((t) => ({ ...t }))),
  /** Overhead: "none" (SBST: a lump sum), or allowed up to a percent of a base. */
  overhead: z
    .union([
      z.literal('none'),
      z.object({
        percent,
        base: z.enum(['salaries', 'direct-costs']),
        /** Words that name an overhead post; absent = the standard list (OVERHEAD_TERMS). */
        terms: z.array(z.string()).optional(),
      }),
    ])
    .default('none'),
  /** Co-financing: a minimum own share, or the most the grant may cover, each as a percent of the budget's expenses. */
  coFinancing: z.object({ minOwnSharePercent: percent.optional(), subsidyPercent: percent.optional() }).optional(),
  /** Expense categories (ids of the vocabulary) that are eligible / not eligible in this pool; absent = SBST's standard list. */
  eligibleCategories: z.array(z.string()).default([]),
  ineligibleCategories: z.array(z.string()).optional(),
  /** Words that mark an undivided lump-sum post (overhead, diverse, …); absent = SBST's standard list. */
  lumpSumTerms: z.array(z.string()).optional(),
  /** Posts that recur monthly (salary, rent): putting them in one month is suspicious; absent = the standard list. */
  recurringTerms: z.array(z.string()).optional(),
  /** The state's low km rates; absent = the national data (2017 on). */
  mileageRates: z.array(mileageRateSchema).optional(),
  sources: z.array(sourceSchema).min(1),
  notes: z.array(z.string()).default([]),
});

export type PoolProfileInput = z.input<typeof poolProfileSchema>;
/** A profile as stored or written by a user: fields left out take the national data at load. */
export type PoolProfileData = z.output<typeof poolProfileSchema>;
export type MileageRate = z.output<typeof mileageRateSchema>;
export type PoolSource = z.output<typeof sourceSchema>;

/** A profile as the rules read it: national data merged in, VAT eligibility decided. */
export type PoolProfile = Omit<PoolProfileData, (typeof NATIONAL_FIELDS)[number] | 'vatEligible'> & {
  vatEligible: boolean;
  mileageRates: MileageRate[];
  ineligibleCategories: string[];
  lumpSumTerms: string[];
  recurringTerms: string[];
};
