/** What a CLI command may touch of the outside world (so tests can run commands in-process). */
export interface Io {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  /** Bytes are decoded as a script file is (see decode.ts); text is taken as it is. */
  readonly readStdin: () => string | Uint8Array;
}

/** A mistake in how the command was called: reported with the usage, exit code 2. */
export class UsageError extends Error {
  constructor(
    message: string,
    readonly usage?: string,
  ) {
    super(message);
  }
}

/** Thrown for `<command> --help`: the message (the usage) goes to standard output, exit code 0. */
export class HelpRequested extends Error {}
