// internal/rule-failed: a rule threw on this file; reported as a finding so the batch goes on.
import { emittedRule } from '../types.js';

/** The rule that failed ("(model)" when the model could not be built) and its error message, shortened. */
export type RuleFailedArgs = { failedRule: string; error: string };

export const rules = [emittedRule<RuleFailedArgs>()({ id: 'internal/rule-failed', severity: 'error', scope: 'internal' })];
