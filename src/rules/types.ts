// What a rule is: an id, a default severity, the file kinds it applies to, a pure check function, and the type of its
// findings' args (the registry derives RuleId and each rule's args from these, for the message tables to follow).
import type { Budget } from '../model/types.js';
import type { PoolProfile } from '../pools/schema.js';
import type { RawWorkbook } from '../read/types.js';
import { reporter, type FileKind, type FindingOf, type Location, type NoArgs, type Report, type Severity } from '../finding-shape.js';

export const FAMILIES = ['input', 'structure', 'distribution', 'itemisation', 'eligibility', 'cap', 'arithmetic', 'accounts', 'internal', 'pool'] as const;
export type Family = (typeof FAMILIES)[number];

export interface BudgetContext {
  kind: 'budget';
  workbook: RawWorkbook;
  budget: Budget;
  pool: PoolProfile;
}

/**
 * Accounts checks get the accounts model and, when given with --budget, the approved budget.
 * The accounts model lives in model/accounts; typed loosely here so rule families stay independent.
 */
export interface AccountsContext<A = unknown> {
  kind: 'accounts';
  workbook: RawWorkbook;
  accounts: A;
  approved?: Budget;
  pool: PoolProfile;
}

/** What a batch rule reads of each checked file (a report's FileReport is one). */
export interface BatchFile {
  path: string;
  kind: FileKind;
  pool?: string;
  applicant?: string;
  cvr?: string;
  requested?: number;
  totals: { expenses?: number };
}

/** The batch as a whole: every file's report and the pools they were checked against. */
export interface BatchContext {
  kind: 'batch';
  files: BatchFile[];
  pools: Map<string, PoolProfile>;
}

export type RuleContext = BudgetContext | AccountsContext;

/** Type only: the key under which a rule's type carries its findings' args (never set at run time). */
export declare const ARGS: unique symbol;

export interface Rule<Id extends string = string, A extends object = object, C = RuleContext> {
  readonly id: Id;
  readonly severity: Severity;
  /** 'budget'/'accounts' rules run on each file of their kind; 'input' rules are emitted by the reader, 'internal' ones
   * by the engine; 'batch' rules run on the batch. */
  readonly scope: 'budget' | 'accounts' | 'input' | 'batch' | 'internal';
  /** The rule's findings on a context (a method, so the registry can hold rules of every context). */
  check?(ctx: C): FindingOf<Id, A>[];
  readonly [ARGS]?: A;
}

/** A rule of any id, args and context, as the runner takes them (its findings' args are its own business). */
export interface AnyRule {
  readonly id: string;
  readonly severity: Severity;
  readonly scope: Rule['scope'];
  check?(ctx: never): Array<{ rule: string } & Location>;
}

/** The args type of a rule's findings. */
export type RuleArgs<R> = R extends { readonly [ARGS]?: infer A } ? (A extends object ? A : never) : never;

/** The findings a rule (or any of a union of rules) reports. */
export type FindingOfRule<R> = R extends { readonly id: infer Id extends string } ? FindingOf<Id, RuleArgs<R>> : never;

export function familyOf(id: string): Family {
  return id.split('/')[0] as Family;
}

/** A rule's definition: its check reports through `finding`, which adds the rule's own id. */
interface Definition<Id extends string, A extends object, C> {
  id: Id;
  severity: Severity;
  /** NoInfer: the id is the one given, never widened by what check returns (a finding of another id is an error). */
  check: (ctx: C, finding: Report<NoInfer<Id>, A>) => FindingOf<NoInfer<Id>, A>[];
}

function define<Id extends string, A extends object, C>(def: Definition<Id, A, C>, scope: Rule['scope']): Rule<Id, A, C> {
  const finding = reporter<Id, A>(def.id);
  return { id: def.id, severity: def.severity, scope, check: (ctx: C) => def.check(ctx, finding) };
}

/** A budget rule whose findings carry args `A`: `budgetRule<Args>()({ id, severity, check: (ctx, finding) => … })`. */
export function budgetRule<A extends object = NoArgs>() {
  return <Id extends string>(def: Definition<Id, A, BudgetContext>): Rule<Id, A, BudgetContext> => define(def, 'budget');
}

/** An accounts rule over the accounts model `M` (the registry holds it as a rule of the loosely typed context). */
export function accountsRule<A extends object = NoArgs, M = unknown>() {
  return <Id extends string>(def: Definition<Id, A, AccountsContext<M>>): Rule<Id, A, AccountsContext> =>
    define(def, 'accounts') as unknown as Rule<Id, A, AccountsContext>;
}

/** A rule of the batch as a whole. */
export function batchRule<A extends object = NoArgs>() {
  return <Id extends string>(def: Definition<Id, A, BatchContext>): Rule<Id, A, BatchContext> => define(def, 'batch');
}

/** A rule whose findings others emit (the reader, the engine, the accounts check): listed for the catalogue, with the
 * args its emitters must give (src/finding.ts). */
export function emittedRule<A extends object = NoArgs>() {
  return <Id extends string>(def: { id: Id; severity: Severity; scope: 'input' | 'internal' | 'accounts' }): Rule<Id, A, never> => ({ ...def });
}
