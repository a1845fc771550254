// A formatter turns a Report into the text of one output format; pure, deterministic.
import type { Lang } from '../../types.js';
import type { Report } from '../types.js';

export interface FormatOptions {
  lang: Lang;
  /** Colour for the text format (off for NO_COLOR, non-TTY and files). */
  color: boolean;
  /** The text format: the summary alone (--summary), no details per file. */
  summaryOnly?: boolean;
}

export type Formatter = (report: Report, options: FormatOptions) => string;

/** A format whose output is a file's bytes (xlsx). */
export type BinaryFormatter = (report: Report, options: FormatOptions) => Promise<Uint8Array>;
