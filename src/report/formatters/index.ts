// The formatter registry: format name -> pure function from Report to string.
import type { BinaryFormatter, Formatter } from './types.js';
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

/** Formats that are files, not text (written only with -o); loaded when asked for, since exceljs is large. */
export const binaryFormatters: Record<string, () => Promise<BinaryFormatter>> = {
  xlsx: async () => (await import('./xlsx.js')).xlsx,
};

/** Every format name, for --format. */
export const FORMAT_NAMES = [...Object.keys(formatters), ...Object.keys(binaryFormatters)];

export type { Formatter, FormatOptions, BinaryFormatter } from './types.js';
