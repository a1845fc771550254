// The formatter registry: format name -> pure function from Report to string.
import type { Formatter } from './types.js';
import { csv } from './csv.js';
import { html } from './html.js';
import { json } from './json.js';
import { junit } from './junit.js';
import { sarif } from './sarif.js';
import { text } from './text.js';

export const formatters: Record<string, Formatter> = {
  text,
  json,
  junit,
  sarif,
  csv,
  html,
};

export { binaryFormatters, FORMAT_NAMES } from './load.js';

export type { Formatter, FormatOptions, BinaryFormatter } from './types.js';
