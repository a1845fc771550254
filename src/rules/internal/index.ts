// internal/rule-failed: a rule threw on this file; reported as a finding so the batch goes on.
import type { AnyRule } from '../types.js';

export const rules: AnyRule[] = [{ id: 'internal/rule-failed', severity: 'error', scope: 'internal' }];
