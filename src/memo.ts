// Memoisation of pure text functions: the same labels, posts and specifications recur across the files of a batch.

/** Wraps a pure function of a string in a bounded cache (cleared when full). Results are shared: never mutate them.
 * The bound is above the posts of the largest budget the cell limit lets in (54.000 lines): at 50.000 it thrashed on a
 * 50.000-line workbook — each rule found the texts of the lines cleared by the one before and made them again — which
 * cost 0.5–1 s and 60 MB more there (7.7–8.2 s against 6.9–7.3 s, 920 against 856 MB; npm run bench's workbook). */
export function memoise<T>(fn: (s: string) => T, max = 200_000): (s: string) => T {
  const cache = new Map<string, T>();
  return (s: string) => {
    let v = cache.get(s);
    if (v === undefined && !cache.has(s)) {
      if (cache.size >= max) cache.clear();
      v = fn(s);
      cache.set(s, v);
    }
    return v as T;
  };
}
