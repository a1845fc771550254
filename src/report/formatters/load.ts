// Loads one formatter by name, on demand: a run loads only the format it prints (chalk only for text).
import type { Formatter } from './types.js';

/** The format names, in the order `--help` lists them. */
export const FORMAT_NAMES = ['text', 'json', 'junit', 'sarif', 'csv', 'html'] as const;

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
