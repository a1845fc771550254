// A finding made outside a rule (the reader, the engine, the accounts check, the batch): a rule id of the registry with
// that rule's args, so an emitter can neither mistype the id nor give it another rule's args.
import type { Figures, Location } from './finding-shape.js';
import type { ArgsOf, RawFinding, RuleId } from './types.js';

export function findingOf<K extends RuleId>(rule: K, args: ArgsOf<K>, at: Location & Figures = {}): RawFinding<K> {
  // RawFinding<K> is a conditional type the compiler cannot resolve for an unresolved K; for each K it is exactly this
  return { rule, ...at, args } as unknown as RawFinding<K>;
}
