// A file's name without folder and extension, as node:path's basename(p, extname(p)) gives it on POSIX, without Node.

export function fileStem(path: string): string {
  const base = path.replace(/\/+$/, '').split('/').pop() ?? '';
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(0, dot) : base;
}
