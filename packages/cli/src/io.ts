/** The streams a command talks to, injectable for tests. */
export interface Io {
  out(text: string): void;
  err(text: string): void;
  /** True when stderr is a terminal (progress bars only then). */
  isTTY: boolean;
  /** Raw binary output (e.g. xlsx to stdout). */
  outBytes?(bytes: Uint8Array): void;
}

export function processIo(): Io {
  return {
    out: (t) => process.stdout.write(t),
    err: (t) => process.stderr.write(t),
    outBytes: (b) => process.stdout.write(b),
    isTTY: Boolean(process.stderr.isTTY),
  };
}

/** An Io that records everything, for tests. */
export function memoryIo(): Io & { stdout: string; stderr: string } {
  const io = {
    stdout: "",
    stderr: "",
    isTTY: false,
    out(t: string) {
      io.stdout += t;
    },
    err(t: string) {
      io.stderr += t;
    },
  };
  return io;
}
