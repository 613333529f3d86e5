/**
 * What the extension (client/src/extension.ts) tells the server in `initializationOptions`, shared with the protocol
 * tests and the benchmark (scripts/bench.mjs), so that they speak to the server as the extension does. No VS Code
 * API here, nor anything heavy: the client bundle loads this file.
 */

export interface InitializationOptions {
  /** The client runs the PowerShell extension, which shows PowerShell's own syntax errors. */
  readonly powerShellExtensionActive?: boolean;
  /**
   * The client adds each lync-pic diagnostic's `source` and documentation link itself (`completeDiagnostic`), so the
   * server leaves both out of publishDiagnostics. The link is a `file://` URI of a page in the installed extension,
   * often longer than the message: with thousands of diagnostics a third of each message, encoded by the server and
   * decoded and parsed by the client again on every keystroke (docs/performance.md, "Keystroke latency").
   */
  readonly compactDiagnostics?: boolean;
  /**
   * The client takes diagnostics as splices of the list it holds (server/src/lsp/diagnostic-splices.ts) instead of
   * publishDiagnostics: a keystroke then sends the few diagnostics that changed, not all of them.
   */
  readonly diagnosticSplices?: boolean;
}

/** The options of the extension that do not depend on the editor: what the tests and the benchmark send too. */
export const EXTENSION_INITIALIZATION_OPTIONS = { compactDiagnostics: true, diagnosticSplices: true } as const satisfies InitializationOptions;

/** The `source` of lync-pic's diagnostics. */
export const SOURCE = 'lync-pic';

/**
 * Where the client finds a rule's page, relative to the package root: the engine's `docsPath`, which the client does
 * not load (test/unit/rule-fixtures.test.ts checks that they agree).
 */
export function docsPagePath(ruleId: string): string {
  return `docs/rules/${ruleId}.md`;
}

/** The parts of a diagnostic the client completes, as the LSP client library converts them for VS Code. */
export interface CompletableDiagnostic<Target> {
  source?: string;
  code?: string | number | { value: string | number; target: Target };
}

/**
 * Adds, to a compact diagnostic (`compactDiagnostics`), its source and its documentation link
 * (`target`: the link of a rule id, the URI of its page, made once per rule by the caller). A diagnostic that has a
 * source is someone else's, or already complete, and is left alone.
 */
export function completeDiagnostic<Target>(diagnostic: CompletableDiagnostic<Target>, target: (ruleId: string) => Target): void {
  if (diagnostic.source !== undefined) return;
  diagnostic.source = SOURCE;
  if (typeof diagnostic.code === 'string') diagnostic.code = { value: diagnostic.code, target: target(diagnostic.code) };
}
