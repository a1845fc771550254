// The compiler proves the message tables and the rules' findings: a language missing a rule id, a message using args its
// rule does not have, a finding with another rule's id or args, fail to compile. Checked by `tsc -p tsconfig.json` (npm test).
import { describe, expectTypeOf, it } from 'vitest';
import { findingOf } from '../src/finding.js';
import { rules as en } from '../src/i18n/en.js';
import type { MessageInput, RuleMessages } from '../src/i18n/rule-messages.js';
import { budgetRule } from '../src/rules/types.js';
import type { ArgsOf, RawFinding, RuleId } from '../src/types.js';

describe('a language table', () => {
  it('must have every rule id', () => {
    // a stub third language: the English table less one rule
    const { 'cap/pool-exceeded': _dropped, ...stub } = en;
    // @ts-expect-error -- a table without cap/pool-exceeded is no RuleMessages
    const missing: RuleMessages = stub;
    expectTypeOf(missing).toEqualTypeOf<RuleMessages>();
  });

  it('may use only the args of its rule, as typed', () => {
    const wrongArg: RuleMessages = {
      ...en,
      'cap/pool-exceeded': {
        ...en['cap/pool-exceeded'],
        // @ts-expect-error -- cap/pool-exceeded's findings have no year (cap/annual-exceeded's do)
        message: (a) => `${a.year}`,
      },
    };
    const wrongValue: RuleMessages = {
      ...en,
      'cap/pool-exceeded': {
        ...en['cap/pool-exceeded'],
        // @ts-expect-error -- basis is 'requested' or 'expenses', never 'annual'
        message: (a) => (a.basis === 'annual' ? 'x' : 'y'),
      },
    };
    expectTypeOf(wrongArg).toEqualTypeOf(wrongValue);
    expectTypeOf<MessageInput<'cap/pool-exceeded'>['basis']>().toEqualTypeOf<'requested' | 'expenses'>();
    expectTypeOf<MessageInput<'cap/pool-exceeded'>['actual']>().toEqualTypeOf<number | undefined>();
  });
});

describe('a finding', () => {
  it('names a rule id of the registry, with that rule’s args', () => {
    expectTypeOf<'cap/pool-exceeded'>().toExtend<RuleId>();
    expectTypeOf<ArgsOf<'cap/annual-exceeded'>>().toEqualTypeOf<{ year: number }>();
    // @ts-expect-error -- no such rule id
    findingOf('cap/pool-exceed', { pool: 'p', basis: 'expenses' });
    // @ts-expect-error -- another rule's args
    findingOf('cap/pool-exceeded', { year: 2022 });
    // @ts-expect-error -- a mistyped id is no raw finding
    const raw: RawFinding = { rule: 'cap/pool-exceed', args: { pool: 'p', basis: 'expenses' } };
    expectTypeOf(raw).toExtend<RawFinding>();
  });

  it('of a rule gets the rule’s own id from finding(), typed with the rule’s args', () => {
    budgetRule<{ pool: string }>()({
      id: 'cap/pool-exceeded',
      severity: 'error',
      check: (_ctx, finding) => {
        expectTypeOf(finding({ args: { pool: 'p' } }).rule).toEqualTypeOf<'cap/pool-exceeded'>();
        // @ts-expect-error -- pool is a string
        return [finding({ args: { pool: 1 } })];
      },
    });
    budgetRule<{ pool: string }>()({
      id: 'cap/pool-exceeded',
      severity: 'error',
      // @ts-expect-error -- a rule cannot report under another id
      check: () => [{ rule: 'cap/annual-exceeded', args: { pool: 'p' } }],
    });
  });
});
