// "Did you mean …?": the nearest known name by edit distance, for unknown rule ids, families and the like.

function distance(a: string, b: string): number {
  const prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0];
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const up = prev[j];
      prev[j] = Math.min(prev[j] + 1, prev[j - 1] + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = up;
    }
  }
  return prev[b.length];
}

/** The known name closest to name, if it is close enough to be a typo (or name is the tail of exactly one). */
export function didYouMean(name: string, known: readonly string[]): string | undefined {
  const n = name.toLowerCase();
  const tail = known.filter((k) => k.endsWith(`/${n}`));
  if (tail.length === 1) return tail[0];
  let best: string | undefined;
  let bestD = Infinity;
  for (const k of known) {
    const d = distance(n, k.toLowerCase());
    if (d < bestD) {
      bestD = d;
      best = k;
    }
  }
  return best !== undefined && bestD <= Math.max(2, Math.floor(n.length / 3)) ? best : undefined;
}
