// A budget line's sums per month: a read-only Map in two arrays, a fraction of a Map's memory (a 50.000-line
// workbook holds 50.000 of them), with the Map's insertion order and the lookups the rules make.
import type { Month } from './types.js';

export class MonthSums implements ReadonlyMap<Month, number> {
  private readonly ks: Month[] = [];
  private readonly vs: number[] = [];
  /** The months were added in ascending order (as a table's columns run): found by binary search, and a month
   * after the last is new without a search. */
  private sorted = true;
  /** Where the last lookup found its month, when the months are out of order: lookups mostly go month by month. */
  private at = 0;

  get size(): number {
    return this.ks.length;
  }

  private find(m: Month): number {
    const ks = this.ks;
    const n = ks.length;
    if (this.sorted) {
      let lo = 0;
      let hi = n - 1;
      while (lo <= hi) {
        const mid = (lo + hi) >> 1;
        const k = ks[mid];
        if (k === m) return mid;
        if (k < m) lo = mid + 1;
        else hi = mid - 1;
      }
      return -1;
    }
    for (let k = 0, i = this.at; k < n; k++, i = i + 1 === n ? 0 : i + 1) {
      if (ks[i] === m) return (this.at = i);
    }
    return -1;
  }

  /** Adds ore to the month's sum (a month not there yet comes last, as a Map's set puts it). */
  add(m: Month, ore: number): void {
    const n = this.ks.length;
    const i = n === 0 || (this.sorted && m > this.ks[n - 1]) ? -1 : this.find(m);
    if (i >= 0) {
      this.vs[i] += ore;
      return;
    }
    if (n > 0 && m < this.ks[n - 1]) this.sorted = false;
    this.ks.push(m);
    this.vs.push(ore);
    this.at = n;
  }

  get(m: Month): number | undefined {
    const i = this.find(m);
    return i < 0 ? undefined : this.vs[i];
  }

  has(m: Month): boolean {
    return this.find(m) >= 0;
  }

  *entries(): MapIterator<[Month, number]> {
    for (let i = 0; i < this.ks.length; i++) yield [this.ks[i], this.vs[i]];
  }

  keys(): MapIterator<Month> {
    return this.ks.values();
  }

  values(): MapIterator<number> {
    return this.vs.values();
  }

  [Symbol.iterator](): MapIterator<[Month, number]> {
    return this.entries();
  }

  forEach(fn: (value: number, key: Month, map: ReadonlyMap<Month, number>) => void, thisArg?: unknown): void {
    for (let i = 0; i < this.ks.length; i++) fn.call(thisArg, this.vs[i], this.ks[i], this);
  }
}
