// The formatter registry: format name -> pure function from Report to string.
import type { Formatter } from './types.js';
import { json } from './json.js';
import { text } from './text.js';

export const formatters: Record<string, Formatter> = {
  text,
  json,
};

export type { Formatter, FormatOptions } from './types.js';
