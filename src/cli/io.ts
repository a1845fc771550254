// What the CLI alone touches: stdout/stderr, output files and colour detection.
import { writeFileAtomic } from './safe-write.js';

export interface Io {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  isTTY: boolean;
  stderrTTY: boolean;
  env: NodeJS.ProcessEnv;
  /** Standard input as bytes, for `check -` (default: process.stdin). */
  stdin?: () => Promise<Buffer>;
}

export const processIo: Io = {
  stdout: (s) => process.stdout.write(s),
  stderr: (s) => process.stderr.write(s),
  isTTY: !!process.stdout.isTTY,
  stderrTTY: !!process.stderr.isTTY,
  env: process.env,
};

/** Colour only on a terminal, and never with NO_COLOR set (https://no-color.org) or when writing to a file. */
export function useColor(io: Io, toFile: boolean, flag?: boolean): boolean {
  if (flag === false || toFile) return false;
  if (io.env.NO_COLOR !== undefined && io.env.NO_COLOR !== '') return false;
  if (io.env.FORCE_COLOR && io.env.FORCE_COLOR !== '0') return true;
  return io.isTTY;
}

export function writeOutput(text: string | Iterable<string>, file: string | undefined, io: Io): void {
  if (file)
    writeFileAtomic(file, text); // whole or not at all
  else if (typeof text === 'string') io.stdout(text);
  else {
    // pieces gathered into writes of about a megabyte: a report of any size, never one string
    let buf: string[] = [];
    let size = 0;
    for (const piece of text) {
      buf.push(piece);
      size += piece.length;
      if (size >= 1 << 20) {
        io.stdout(buf.join(''));
        buf = [];
        size = 0;
      }
    }
    if (buf.length) io.stdout(buf.join(''));
  }
}
