// The input/* rules: emitted by the reader when a file cannot be read; listed here for the catalogue.
import type { AnyRule } from '../types.js';

export const rules: AnyRule[] = [
  { id: 'input/unreadable', severity: 'error', scope: 'input' },
  { id: 'input/unsupported-format', severity: 'error', scope: 'input' },
  { id: 'input/too-large', severity: 'error', scope: 'input' },
];
