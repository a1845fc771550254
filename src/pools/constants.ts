// Constant lists of the pool profiles, apart from schema.ts so that the rules and the built-in profiles need no zod
// (the browser page bundles them without it).

/** The fields national data fills in when a profile leaves them out. */
export const NATIONAL_FIELDS = ['mileageRates', 'ineligibleCategories', 'lumpSumTerms', 'recurringTerms'] as const;

/** Words that name an overhead post, when a profile gives none. */
export const OVERHEAD_TERMS = [
  'overhead',
  'administrationsbidrag',
  'indirekte omkostninger',
  'indirekte udgifter',
  'fællesomkostninger',
  'administrationsomkostninger',
];
