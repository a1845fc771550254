// What a checked file asks of the pool: shared by the pool rules and the report formats (neither imports the other).

/** What one file asks for: its stated requested amount, else its budget's expenses. */
export function askedFor(f: { requested?: number; totals: { expenses?: number }; kind: string }): number | undefined {
  if (f.kind !== 'budget') return undefined;
  return f.requested ?? f.totals.expenses;
}
