import { CodeActionKind, TextDocuments, TextDocumentSyncKind, type Connection, type Diagnostic, type InitializeResult } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { Linter, type Finding, type LintOptions, type LintResult } from '../engine';
import { codeActions, FIX_ALL_KIND, INSERT_SKYPE_PROVIDER_KIND, type LintedDocument } from './code-actions';
import { registerCompletion, registerCompletionResolve } from './completion';
import { registerHover } from './hover';
import { diagnosticConverter, type DiagnosticConverter } from './convert';
import { sizeBeyond, tooLargeDiagnostic } from './document-lints';
import type { InitializationOptions } from './initialization';
import { KeptLints } from './kept-lints';
import { diagnosticPublisher, type DiagnosticPublisher } from './publisher';
import { RESEND_DIAGNOSTICS_METHOD, spliced, splicesBetween, type ResendDiagnosticsParams } from './diagnostic-splices';
import { effectiveRules, SettingsCache } from './settings';

/** Changes closer together than this are a burst (faster than anyone types: 40 characters a second). */
const BURST_MS = 25;
/** How long a burst must pause before it is linted. */
const BURST_DELAY_MS = 20;
/** How many documents keep their whole lint for the next edit (`KeptLints`). */
const KEPT_LINTS = 8;
/** How long a document must stay unchanged before its last lint, made from the one before, is checked from scratch. */
const SETTLE_MS = 500;

/** Wires the engine to an LSP connection: documents in, diagnostics and code actions out. */
export function startServer(connection: Connection): void {
  const documents = new TextDocuments(TextDocument);
  const settings = new SettingsCache(connection);
  /** The scheduled lint of each document, as the function that cancels it. */
  const pending = new Map<string, () => void>();
  const linted = new Map<string, LintedDocument>();
  const kept = new KeptLints(KEPT_LINTS);
  const linter = new Linter();

  /** Whether the client runs the PowerShell extension, which shows PowerShell's own syntax errors. */
  let powerShellExtensionActive = false;
  let toDiagnostic: DiagnosticConverter = diagnosticConverter(false);
  let publisher: DiagnosticPublisher = diagnosticPublisher(connection, false);

  connection.onInitialize((params): InitializeResult => {
    settings.supportsConfiguration = params.capabilities.workspace?.configuration === true;
    const options = params.initializationOptions as { [K in keyof InitializationOptions]?: unknown } | undefined;
    powerShellExtensionActive = options?.powerShellExtensionActive === true;
    toDiagnostic = diagnosticConverter(options?.compactDiagnostics === true);
    publisher = diagnosticPublisher(connection, options?.diagnosticSplices === true);
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, CodeActionKind.RefactorRewrite, FIX_ALL_KIND, INSERT_SKYPE_PROVIDER_KIND] },
        completionProvider: { triggerCharacters: ['-', ' ', '$', ':', '"', "'"], resolveProvider: true },
        hoverProvider: true,
      },
      serverInfo: { name: 'lync-pic' },
    };
  });

  const lintNow = async (uri: string): Promise<void> => {
    const document = documents.get(uri);
    if (!document) return;
    const version = document.version;
    const config = await settings.get(uri);
    // A newer edit or a close arrived while waiting: that one will be linted instead.
    if (documents.get(uri)?.version !== version || pending.has(uri)) return;
    if (!config.enable) {
      linted.delete(uri);
      kept.delete(uri);
      publisher.publish(uri, version, []);
      return;
    }
    const text = document.getText();
    const tooLarge = sizeBeyond(text, config.maxFileSizeKB * 1024);
    if (tooLarge) {
      // Not linted: one Information diagnostic says so (docs/performance.md).
      linted.delete(uri);
      kept.delete(uri);
      publisher.publish(uri, version, [tooLargeDiagnostic(tooLarge, config.maxFileSizeKB)]);
      return;
    }
    const options: LintOptions = {
      target: config.targetVersion,
      rules: effectiveRules(config, powerShellExtensionActive),
      onRuleError: (id, error) => connection.console.error(`lync-pic: rule ${id} failed on ${uri}: ${describe(error)}`),
    };
    // With the lint of the version before, only what the edit touched is read and checked again.
    const previous = kept.get(uri);
    publish(uri, version, text, options, linter.lint(text, options, previous));
    if (previous) settleLater(uri, version, text, options);
  };

  /**
   * The diagnostics of a lint's findings. Those it shares with the lint before (`previous`, whose diagnostics are
   * `published`) are found by comparing the two lists, not looked up one by one: a keystroke in a script with 2,000
   * findings changes a few.
   */
  const diagnosticsOf = (findings: readonly Finding[], previous: LintResult | undefined, published: LintedDocument | undefined): Diagnostic[] => {
    const reused = previous && published && previous.findings.length === published.diagnostics.length;
    return (reused && spliced(published.diagnostics, splicesBetween(previous.findings, findings), toDiagnostic)) || findings.map(toDiagnostic);
  };

  /** Keeps a lint of a version and sends its diagnostics, unless the same were sent for that version. */
  const publish = (uri: string, version: number, text: string, options: LintOptions, result: LintResult): void => {
    const before = linted.get(uri);
    const diagnostics = diagnosticsOf(result.findings, kept.get(uri), before);
    kept.set(uri, result);
    linted.set(uri, { version, result: () => kept.get(uri) ?? linter.lint(text, options), diagnostics, options });
    if (before?.version !== version || JSON.stringify(before.diagnostics) !== JSON.stringify(diagnostics)) publisher.publish(uri, version, diagnostics);
  };

  /**
   * Once the document has stayed unchanged for SETTLE_MS, lints it from scratch and publishes that lint if it differs:
   * a lint made from the one before is meant to be the same (a property test checks it), and this bounds how long a
   * difference could stay on screen.
   */
  const settleTimers = new Map<string, NodeJS.Timeout>();
  const settleLater = (uri: string, version: number, text: string, options: LintOptions): void => {
    clearTimeout(settleTimers.get(uri));
    const timer = setTimeout(() => {
      settleTimers.delete(uri);
      if (documents.get(uri)?.version !== version || pending.has(uri)) return;
      guard(() => {
        const fresh = linter.lint(text, options);
        if (JSON.stringify(fresh.findings) === JSON.stringify(kept.get(uri)?.findings)) return;
        connection.console.info(`lync-pic: the lint of ${uri} made from its previous version differed from a lint from scratch; published the latter`);
        publish(uri, version, text, options, fresh);
      }, undefined);
    }, SETTLE_MS);
    timer.unref();
    settleTimers.set(uri, timer);
  };

  /**
   * Lints a document after the messages already received, or `delay` ms later: a newer change of the document
   * cancels it, so a burst of edits is linted once, at its last version.
   */
  const schedule = (uri: string, delay = 0): void => {
    pending.get(uri)?.();
    const run = (): void => {
      pending.delete(uri);
      lintNow(uri).catch((error: unknown) => {
        // Never let one document's failure take the server down: log it, and publish nothing for it.
        connection.console.error(`lync-pic: linting ${uri} failed: ${describe(error)}`);
        publisher.publish(uri, undefined, []);
      });
    };
    if (delay === 0) {
      const immediate = setImmediate(run);
      pending.set(uri, () => clearImmediate(immediate));
    } else {
      const timer = setTimeout(run, delay);
      pending.set(uri, () => clearTimeout(timer));
    }
  };

  /**
   * The delay before linting a change: none after a pause (typing), BURST_DELAY_MS when the last change came less
   * than BURST_MS before (a paste replayed as keystrokes, an undo chain, a formatter: their messages can arrive apart).
   */
  const lastChange = new Map<string, number>();
  const delayAfterChange = (uri: string): number => {
    // (Date.now, not performance.now: the latter loads perf_hooks, 12 of Node's modules, on the first edit of a start.)
    const now = Date.now();
    const last = lastChange.get(uri);
    lastChange.set(uri, now);
    return last !== undefined && now - last < BURST_MS ? BURST_DELAY_MS : 0;
  };

  // An opened document is linted at once; an edited one when linting as you type.
  const justOpened = new Set<string>();
  documents.onDidOpen((event) => justOpened.add(event.document.uri));
  documents.onDidChangeContent((event) => {
    const uri = event.document.uri;
    const delay = delayAfterChange(uri);
    if (justOpened.delete(uri)) schedule(uri);
    else void settings.get(uri).then((config) => config.run === 'onType' && schedule(uri, delay));
  });
  documents.onDidSave((event) => {
    const uri = event.document.uri;
    void settings.get(uri).then((config) => config.run === 'onSave' && schedule(uri));
  });
  documents.onDidClose((event) => {
    const uri = event.document.uri;
    pending.get(uri)?.();
    pending.delete(uri);
    linted.delete(uri);
    kept.delete(uri);
    clearTimeout(settleTimers.get(uri));
    settleTimers.delete(uri);
    lastChange.delete(uri);
    settings.forget(uri);
    publisher.clear(uri);
  });

  connection.onDidChangeConfiguration(() => {
    settings.forget();
    for (const document of documents.all()) schedule(document.uri);
  });

  connection.onNotification(RESEND_DIAGNOSTICS_METHOD, (params: Partial<ResendDiagnosticsParams> | undefined) => {
    if (typeof params?.uri === 'string') publisher.resend(params.uri);
  });

  connection.onCodeAction((params) => {
    const uri = params.textDocument.uri;
    const state = linted.get(uri);
    // Only answer from a lint of the version the editor shows.
    const current = state && documents.get(uri)?.version === state.version ? state : undefined;
    return guard(() => codeActions(params, current, linter), []);
  });

  registerCompletion(connection, documents, linter, settings);
  registerCompletionResolve(connection, linter);
  registerHover(connection, documents, linter, settings);

  documents.listen(connection);
  connection.listen();

  function guard<T>(work: () => T, fallback: T): T {
    try {
      return work();
    } catch (error) {
      connection.console.error(`lync-pic: request failed: ${describe(error)}`);
      return fallback;
    }
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}
