// Inflation of zip parts in Node: zlib with a hard output cap. The browser build replaces this module with
// inflate.browser.ts (scripts/build.mjs), so no Node API reaches the page.
import { inflateRawSync } from 'node:zlib';
import { InflatedTooLarge, type InflateRaw } from './inflate-cap.js';

export const inflateRaw: InflateRaw = (data, cap) => {
  let out: Uint8Array;
  try {
    out = inflateRawSync(data, { maxOutputLength: Math.max(1, cap) + 1 });
  } catch (err) {
    if (/maxOutputLength|Cannot create a Buffer larger|RangeError/i.test(String((err as Error)?.message) + String((err as Error)?.name)))
      throw new InflatedTooLarge(cap);
    throw err;
  }
  if (out.length > cap) throw new InflatedTooLarge(cap);
  return out;
};
