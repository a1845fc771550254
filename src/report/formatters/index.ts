// The formatter registry: format name -> pure function from Report to string.
import type { Report } from '../types.js';
import type { FormatOptions, Formatter } from './types.js';
import { csv } from './csv.js';
import { html } from './html.js';
import { json, jsonChunks } from './json.js';
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

/** Formats whose report can outgrow one string are also given in pieces, written to their destination as made. */
export const chunkedFormatters: Record<string, (report: Report, options: FormatOptions) => Iterable<string>> = {
  json: (report) => jsonChunks(report),
};

export { binaryFormatters, FORMAT_NAMES } from './load.js';

export type { Formatter, FormatOptions, BinaryFormatter } from './types.js';
