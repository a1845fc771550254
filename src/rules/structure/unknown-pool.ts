// structure/unknown-pool: no --pool, and the workbook names no known pool; emitted by the check pipeline for that
// file (the pool decides every threshold, so no other rule can run), and the batch goes on.
import { emittedRule } from '../types.js';

/** The built-in pools' ids, and the pool the workbook named, if it named one. */
export type UnknownPoolArgs = { pools: string[]; named?: string };

export default emittedRule<UnknownPoolArgs>()({ id: 'structure/unknown-pool', severity: 'error', scope: 'internal' });
