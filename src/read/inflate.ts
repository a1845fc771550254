// Inflation of zip parts in Node: zlib with a hard output cap. The browser build replaces this module with
// inflate.browser.ts (scripts/build.mjs), so no Node API reaches the page.
import { inflateRawSync } from 'node:zlib';
import { InflatedTooLarge, type InflateRaw } from './inflate-cap.js';

const MAX_CHUNK = 8 * 1024 * 1024;

export const inflateRaw: InflateRaw = (data, cap) => {
  let out: Uint8Array;
  try {
    // output in one piece of the declared size (at most 8 MiB a piece) instead of 16 KiB pieces joined after: a
    // quarter less CPU inflating the pile's parts (123 -> 92 ms for its 3.780 parts)
    out = inflateRawSync(data, { maxOutputLength: Math.max(1, cap) + 1, chunkSize: Math.min(Math.max(64, cap + 1), MAX_CHUNK) });
  } catch (err) {
    if (/maxOutputLength|Cannot create a Buffer larger|RangeError/i.test(String((err as Error)?.message) + String((err as Error)?.name)))
      throw new InflatedTooLarge(cap);
    throw err;
  }
  if (out.length > cap) throw new InflatedTooLarge(cap);
  return out;
};
