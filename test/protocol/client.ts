import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import {
  ConfigurationRequest,
  DiagnosticSeverity,
  createProtocolConnection,
  DidOpenTextDocumentNotification,
  ExitNotification,
  InitializedNotification,
  InitializeRequest,
  PublishDiagnosticsNotification,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
  type ProtocolConnection,
  type Diagnostic,
  type PublishDiagnosticsParams,
  type ServerCapabilities,
} from 'vscode-languageserver-protocol/node';
import { DIAGNOSTIC_SPLICES_METHOD, SplicedDiagnostics, type DiagnosticSplices } from '../../server/src/lsp/diagnostic-splices';
import { SERVER_EXEC_ARGV, SERVER_MODULE, serverEnvironment } from '../../server/src/lsp/launch';
import { REPO_ROOT } from '../helpers';

/** The diagnostics that are problems: hints are suggestions (the editor shows them faintly, not in its problem list). */
export function problems<T extends { severity?: number }>(diagnostics: readonly T[]): T[] {
  return diagnostics.filter((d) => d.severity !== DiagnosticSeverity.Hint);
}

/** The built language server (dist/server.js) spoken to over stdio, as an editor would. */
export class ServerUnderTest {
  private readonly waiters: { uri: string; version?: number; resolve: (p: PublishDiagnosticsParams) => void }[] = [];
  readonly published: PublishDiagnosticsParams[] = [];
  /** The splices received, when the server sends them (`diagnosticSplices`): each update is also applied to `published`. */
  readonly splices: DiagnosticSplices<Diagnostic>[] = [];
  private readonly spliced = new SplicedDiagnostics<Diagnostic>();
  readonly logs: string[] = [];
  /** What the server announced in its initialize result. */
  capabilities: ServerCapabilities = {};

  private constructor(
    readonly process: ChildProcess,
    readonly connection: ProtocolConnection,
  ) {}

  /**
   * Starts the server; `settings` answers its workspace/configuration requests (none: the client does not support
   * them); `initializationOptions` go with the initialize request, as the extension sends them. The process starts as
   * the extension starts it (V8 options, environment), with its code cache in `codeCacheFolder` when given.
   */
  static async start(settings?: Record<string, unknown>, initializationOptions?: Record<string, unknown>, codeCacheFolder?: string): Promise<ServerUnderTest> {
    const child = spawn(process.execPath, [...SERVER_EXEC_ARGV, join(REPO_ROOT, SERVER_MODULE), '--stdio'], {
      stdio: ['pipe', 'pipe', 'pipe'],
      env: { ...process.env, ...serverEnvironment(codeCacheFolder) },
    });
    const connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
    const server = new ServerUnderTest(child, connection);
    child.stderr.on('data', (chunk: Buffer) => server.logs.push(chunk.toString()));
    connection.onNotification('window/logMessage', (params: { message: string }) => server.logs.push(params.message));
    connection.onNotification(PublishDiagnosticsNotification.type, (params) => server.onPublish(params));
    connection.onNotification(DIAGNOSTIC_SPLICES_METHOD, (update: DiagnosticSplices<Diagnostic>) => server.onSplices(update));
    connection.onRequest(ConfigurationRequest.type, (params) => params.items.map(() => settings ?? {}));
    connection.listen();
    const initialized = await connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri: null,
      initializationOptions,
      capabilities: { workspace: { configuration: settings !== undefined }, textDocument: { publishDiagnostics: { versionSupport: true } } },
    });
    server.capabilities = initialized.capabilities;
    await connection.sendNotification(InitializedNotification.type, {});
    return server;
  }

  /** Splices, applied to the list held as the extension does; splices that do not fit are a failure the log shows. */
  private onSplices(update: DiagnosticSplices<Diagnostic>): void {
    this.splices.push(update);
    const diagnostics = this.spliced.apply(update, (diagnostic) => diagnostic);
    if (!diagnostics) {
      this.logs.push(`splices that do not fit the ${update.held} diagnostics held for ${update.uri}\n`);
      return;
    }
    this.onPublish({ uri: update.uri, version: update.version, diagnostics: [...diagnostics] });
  }

  private onPublish(params: PublishDiagnosticsParams): void {
    this.published.push(params);
    for (let i = this.waiters.length - 1; i >= 0; i--) {
      const waiter = this.waiters[i];
      if (waiter.uri === params.uri && (waiter.version === undefined || waiter.version === params.version)) {
        this.waiters.splice(i, 1);
        waiter.resolve(params);
      }
    }
  }

  /** Resolves with the next diagnostics published for `uri` (for that version, when given). */
  nextDiagnostics(uri: string, version?: number, timeoutMs = 10_000): Promise<PublishDiagnosticsParams> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no diagnostics for ${uri} within ${timeoutMs} ms; server log:\n${this.logs.join('')}`)), timeoutMs);
      this.waiters.push({ uri, version, resolve: (p) => (clearTimeout(timer), resolve(p)) });
    });
  }

  async open(uri: string, text: string, version = 1): Promise<PublishDiagnosticsParams> {
    const diagnostics = this.nextDiagnostics(uri, version);
    await this.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'powershell', version, text } });
    return diagnostics;
  }

  async stop(): Promise<void> {
    await this.connection.sendRequest(ShutdownRequest.type);
    await this.connection.sendNotification(ExitNotification.type);
    this.connection.dispose();
    if (this.process.exitCode === null) await new Promise((resolve) => this.process.once('exit', resolve));
  }
}
