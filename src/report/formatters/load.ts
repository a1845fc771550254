// Loads one formatter by name, on demand: a run loads only the format it prints (chalk only for text, exceljs only
// for xlsx).
import type { Report } from '../types.js';
import type { BinaryFormatter, FormatOptions, Formatter } from './types.js';

/** The text formats, in the order `--help` lists them. */
export const TEXT_FORMAT_NAMES = ['text', 'json', 'junit', 'sarif', 'csv', 'html'] as const;

/** Formats that are files, not text (written only with -o); loaded when asked for, since exceljs is large. */
export const binaryFormatters: Record<string, () => Promise<BinaryFormatter>> = {
  xlsx: async () => (await import('./xlsx.js')).xlsx,
};

/** Every format name, for --format. */
export const FORMAT_NAMES: readonly string[] = [...TEXT_FORMAT_NAMES, ...Object.keys(binaryFormatters)];

export async function loadFormatter(name: string): Promise<Formatter | undefined> {
  switch (name) {
    case 'text':
      return (await import('./text.js')).text;
    case 'json':
      return (await import('./json.js')).json;
    case 'junit':
      return (await import('./junit.js')).junit;
    case 'sarif':
      return (await import('./sarif.js')).sarif;
    case 'csv':
      return (await import('./csv.js')).csv;
    case 'html':
      return (await import('./html.js')).html;
    default:
      return undefined;
  }
}

/** A format whose report can outgrow one string, given in pieces written to their destination as made (JSON). */
export async function loadChunked(name: string): Promise<((report: Report, options: FormatOptions) => Iterable<string>) | undefined> {
  return name === 'json' ? (await import('./json.js')).jsonChunks : undefined;
}
