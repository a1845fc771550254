// Memoisation of pure text functions: the same labels, posts and specifications recur across the files of a batch.

/** Wraps a pure function of a string in a bounded cache (cleared when full). Results are shared: never mutate them. */
export function memoise<T>(fn: (s: string) => T, max = 50_000): (s: string) => T {
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
