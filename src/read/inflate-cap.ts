// The one interface through which zip parts are inflated (node's zlib in Node, fflate in the browser): raw deflate in,
// never more than the size the entry declares out.

/** Inflates raw deflate data; throws InflatedTooLarge as soon as the output would pass `cap` bytes, another error when
 * the data is not deflate. */
export type InflateRaw = (data: Uint8Array, cap: number) => Uint8Array;

export class InflatedTooLarge extends Error {
  constructor(readonly cap: number) {
    super(`inflated data larger than ${cap} bytes`);
  }
}
