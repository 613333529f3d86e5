import { CodeActionKind, TextDocuments, TextDocumentSyncKind, type Connection, type InitializeResult } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { Linter, type LintOptions } from '../engine/lint';
import { codeActions, FIX_ALL_KIND, INSERT_SKYPE_PROVIDER_KIND, type LintedDocument } from './code-actions';
import { registerCompletion } from './completion';
import { registerHover } from './hover';
import { toDiagnostic } from './convert';
import { SettingsCache } from './settings';

/** How long to wait after an edit before linting, so a burst of keystrokes is linted once. */
const DEBOUNCE_MS = 20;

/** Wires the engine to an LSP connection: documents in, diagnostics and code actions out. */
export function startServer(connection: Connection): void {
  const documents = new TextDocuments(TextDocument);
  const settings = new SettingsCache(connection);
  const pending = new Map<string, NodeJS.Timeout>();
  const linted = new Map<string, LintedDocument>();
  const linterReady = Linter.create();
  linterReady.catch((error: unknown) => connection.console.error(`lync-pic: the PowerShell parser failed to load: ${describe(error)}`));

  connection.onInitialize((params): InitializeResult => {
    settings.supportsConfiguration = params.capabilities.workspace?.configuration === true;
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, CodeActionKind.RefactorRewrite, FIX_ALL_KIND, INSERT_SKYPE_PROVIDER_KIND] },
        completionProvider: { triggerCharacters: ['-', ' ', '$', ':'] },
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
    const linter = await linterReady;
    // A newer edit or a close arrived while waiting: that one will be linted instead.
    if (documents.get(uri)?.version !== version || pending.has(uri)) return;
    if (!config.enable) {
      linted.delete(uri);
      void connection.sendDiagnostics({ uri, version, diagnostics: [] });
      return;
    }
    const options: LintOptions = {
      target: config.targetVersion,
      rules: config.rules,
      onRuleError: (id, error) => connection.console.error(`lync-pic: rule ${id} failed on ${uri}: ${describe(error)}`),
    };
    const result = linter.lint(document.getText(), options);
    const diagnostics = result.findings.map(toDiagnostic);
    linted.set(uri, { version, result, diagnostics, options });
    void connection.sendDiagnostics({ uri, version, diagnostics });
  };

  const schedule = (uri: string, delay: number): void => {
    clearTimeout(pending.get(uri));
    pending.set(uri, setTimeout(() => {
      pending.delete(uri);
      lintNow(uri).catch((error: unknown) => {
        // Never let one document's failure take the server down: log it, and publish nothing for it.
        connection.console.error(`lync-pic: linting ${uri} failed: ${describe(error)}`);
        void connection.sendDiagnostics({ uri, diagnostics: [] });
      });
    }, delay));
  };

  // An opened document is linted at once; edits wait for the burst of keystrokes to pause.
  const justOpened = new Set<string>();
  documents.onDidOpen((event) => justOpened.add(event.document.uri));
  documents.onDidChangeContent((event) => {
    const uri = event.document.uri;
    if (justOpened.delete(uri)) schedule(uri, 0);
    else void settings.get(uri).then((config) => config.run === 'onType' && schedule(uri, DEBOUNCE_MS));
  });
  documents.onDidSave((event) => {
    const uri = event.document.uri;
    void settings.get(uri).then((config) => config.run === 'onSave' && schedule(uri, 0));
  });
  documents.onDidClose((event) => {
    const uri = event.document.uri;
    clearTimeout(pending.get(uri));
    pending.delete(uri);
    linted.delete(uri);
    settings.forget(uri);
    void connection.sendDiagnostics({ uri, diagnostics: [] });
  });

  connection.onDidChangeConfiguration(() => {
    settings.forget();
    for (const document of documents.all()) schedule(document.uri, 0);
  });

  connection.onCodeAction(async (params) => {
    const uri = params.textDocument.uri;
    const linter = await linterReady;
    const state = linted.get(uri);
    // Only answer from a lint of the version the editor shows.
    const current = state && documents.get(uri)?.version === state.version ? state : undefined;
    return guard(() => codeActions(params, current, linter), []);
  });

  registerCompletion(connection, documents, linterReady, settings);
  registerHover(connection, documents, linterReady, settings);

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
