// The formatter registry: format name -> pure function from Report to string.
import type { Formatter } from './types.js';
import { json } from './json.js';

export const formatters: Record<string, Formatter> = {
  json,
};

export type { Formatter, FormatOptions } from './types.js';
