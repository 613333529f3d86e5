import type { Connection, Diagnostic } from 'vscode-languageserver';
import { DIAGNOSTIC_SPLICES_METHOD, splicesBetween, type DiagnosticSplices } from './diagnostic-splices';

/** How the server sends the diagnostics of a document: publishDiagnostics, or splices to a client that takes them. */
export interface DiagnosticPublisher {
  publish(uri: string, version: number | undefined, diagnostics: readonly Diagnostic[]): void;
  /** The document was closed: its diagnostics go, and nothing is kept of it. */
  clear(uri: string): void;
  /** The client asks for all the diagnostics of a document again. */
  resend(uri: string): void;
}

/** The publisher for a client that takes splices (`diagnosticSplices` of initialization.ts) or not. */
export function diagnosticPublisher(connection: Connection, splices: boolean): DiagnosticPublisher {
  return splices ? new SplicePublisher(connection) : new WholeListPublisher(connection);
}

class WholeListPublisher implements DiagnosticPublisher {
  constructor(private readonly connection: Connection) {}

  publish(uri: string, version: number | undefined, diagnostics: readonly Diagnostic[]): void {
    void this.connection.sendDiagnostics({ uri, version, diagnostics: diagnostics as Diagnostic[] });
  }

  clear(uri: string): void {
    this.publish(uri, undefined, []);
  }

  resend(): void {
    // Every publishDiagnostics carries the whole list already.
  }
}

class SplicePublisher implements DiagnosticPublisher {
  /** What the client holds for each document: the last list sent. */
  private readonly sent = new Map<string, { version?: number; diagnostics: readonly Diagnostic[] }>();

  constructor(private readonly connection: Connection) {}

  publish(uri: string, version: number | undefined, diagnostics: readonly Diagnostic[]): void {
    const before = this.sent.get(uri)?.diagnostics ?? [];
    this.sent.set(uri, { version, diagnostics });
    const update: DiagnosticSplices<Diagnostic> = { uri, version, held: before.length, splices: splicesBetween(before, diagnostics) };
    void this.connection.sendNotification(DIAGNOSTIC_SPLICES_METHOD, update);
  }

  clear(uri: string): void {
    this.publish(uri, undefined, []);
    this.sent.delete(uri);
  }

  resend(uri: string): void {
    const last = this.sent.get(uri);
    // Forgotten first, so that the list goes whole (held 0), replacing whatever the client has.
    this.sent.delete(uri);
    this.publish(uri, last?.version, last?.diagnostics ?? []);
  }
}
