// structure/unknown-pool: no --pool, and the workbook names no known pool; emitted by the check pipeline for that
// file (the pool decides every threshold, so no other rule can run), and the batch goes on.
import type { AnyRule } from '../types.js';

const rule: AnyRule = { id: 'structure/unknown-pool', severity: 'error', scope: 'internal' };
export default rule;
