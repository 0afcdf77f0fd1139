/** The process edges a command touches, passed in so tests can run commands in-process. */
export interface CliIo {
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly stdout: NodeJS.WritableStream & { isTTY?: boolean };
  readonly stderr: NodeJS.WriteStream | (NodeJS.WritableStream & { isTTY?: boolean });
  /** Injected by tests to reach fakes; the real program uses the global fetch. */
  readonly fetch?: typeof fetch;
}
