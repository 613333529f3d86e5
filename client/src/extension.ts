import * as path from 'node:path';
import { commands, extensions, Uri, type Diagnostic, type ExtensionContext } from 'vscode';
import {
  LanguageClient,
  TransportKind,
  type Diagnostic as ProtocolDiagnostic,
  type LanguageClientOptions,
  type ServerOptions,
} from 'vscode-languageclient/node';
import { DIAGNOSTIC_SPLICES_METHOD, RESEND_DIAGNOSTICS_METHOD, SplicedDiagnostics, type DiagnosticSplices } from '../../server/src/lsp/diagnostic-splices';
import { completeDiagnostic, docsPagePath, EXTENSION_INITIALIZATION_OPTIONS, type InitializationOptions } from '../../server/src/lsp/initialization';
import { SERVER_EXEC_ARGV, SERVER_MODULE, serverEnvironment } from '../../server/src/lsp/launch';
import { registerGeneratorCommand } from './generator';
import { registerTargetVersionStatus } from './status';

/** The PowerShell extension (ms-vscode.powershell); VS Code lists only installed and enabled extensions. */
const POWERSHELL_EXTENSION = 'ms-vscode.powershell';

let client: LanguageClient | undefined;

/** Opens a rule's documentation page (shipped in docs/rules/) as a rendered Markdown preview. */
async function showDocumentation(uri: string): Promise<void> {
  await commands.executeCommand('markdown.showPreview', Uri.parse(uri));
}

export async function activate(context: ExtensionContext): Promise<void> {
  registerGeneratorCommand(context);
  registerTargetVersionStatus(context);
  context.subscriptions.push(commands.registerCommand('lyncPic.showDocumentation', showDocumentation));
  const serverModule = context.asAbsolutePath(SERVER_MODULE);
  // The server leaves each diagnostic's source and docs link to us (compactDiagnostics): one link object per rule.
  const docsLinks = new Map<string, Uri>();
  const docsLink = (ruleId: string): Uri => {
    let link = docsLinks.get(ruleId);
    if (!link) {
      link = Uri.joinPath(context.extensionUri, docsPagePath(ruleId));
      docsLinks.set(ruleId, link);
    }
    return link;
  };
  const initializationOptions: InitializationOptions = {
    ...EXTENSION_INITIALIZATION_OPTIONS,
    powerShellExtensionActive: extensions.getExtension(POWERSHELL_EXTENSION) !== undefined,
  };
  // The server keeps its compiled code in the extension's storage between starts (server/src/lsp/boot.ts).
  const env = serverEnvironment(path.join(context.globalStorageUri.fsPath, 'code-cache'));
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: [...SERVER_EXEC_ARGV], env } },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: [...SERVER_EXEC_ARGV, '--nolazy', '--inspect=6029'], env } },
  };
  const clientOptions: LanguageClientOptions = {
    // Every scheme: the server reads documents through the protocol only, so virtual workspaces work too.
    documentSelector: [{ language: 'powershell' }],
    synchronize: { configurationSection: 'lyncPic' },
    // The PowerShell extension shows PowerShell's own syntax errors: with lyncPic.syntaxErrors "auto", ours stay hidden.
    initializationOptions,
  };
  client = new LanguageClient('lyncPic', 'Lync PIC', serverOptions, clientOptions);
  // Diagnostics come as splices of the list each document has (diagnosticSplices), into the client's collection.
  const languageClient = client;
  const spliced = new SplicedDiagnostics<Diagnostic>();
  const convert = (diagnostic: ProtocolDiagnostic): Diagnostic => {
    const converted = languageClient.protocol2CodeConverter.asDiagnostic(diagnostic);
    completeDiagnostic(converted, docsLink);
    return converted;
  };
  languageClient.onNotification(DIAGNOSTIC_SPLICES_METHOD, (update: DiagnosticSplices<ProtocolDiagnostic>) => {
    const uri = languageClient.protocol2CodeConverter.asUri(update.uri);
    const diagnostics = spliced.apply(update, convert);
    if (diagnostics) {
      languageClient.diagnostics?.set(uri, diagnostics);
      return;
    }
    // Out of step with the server (never seen, but then the document would show wrong squiggles): ask for all again.
    languageClient.diagnostics?.delete(uri);
    void languageClient.sendNotification(RESEND_DIAGNOSTICS_METHOD, { uri: update.uri });
  });
  await client.start();
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
