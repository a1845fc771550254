// Inflation of zip parts in the browser: fflate's streaming inflater, fed in slices and stopped as soon as the output
// passes the declared size, so a lying entry costs neither memory nor time beyond its cap.
import { Inflate } from 'fflate';
import { InflatedTooLarge, type InflateRaw } from './inflate-cap.js';

// small slices: deflate inflates at most ~1032× its input, so one slice overshoots the cap by at most ~4 MB
const SLICE = 4 * 1024;

export const inflateRaw: InflateRaw = (data, cap) => {
  const chunks: Uint8Array[] = [];
  let total = 0;
  const inflater = new Inflate((chunk) => {
    total += chunk.length;
    if (total > cap) throw new InflatedTooLarge(cap);
    chunks.push(chunk);
  });
  if (data.length === 0) inflater.push(new Uint8Array(0), true);
  for (let i = 0; i < data.length; i += SLICE) inflater.push(data.subarray(i, i + SLICE), i + SLICE >= data.length);
  if (chunks.length === 1) return chunks[0];
  const out = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
};
