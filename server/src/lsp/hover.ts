import { MarkupKind, type Connection, type Hover, type HoverParams, type TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { hover, type Linter } from '../engine';
import { sizeBeyond } from './document-lints';
import type { SettingsCache } from './settings';

/** Answers textDocument/hover from the engine, with the document's target version. Never throws. */
export function registerHover(connection: Connection, documents: TextDocuments<TextDocument>, linter: Linter, settings: SettingsCache): void {
  connection.onHover(async (params: HoverParams): Promise<Hover | null> => {
    try {
      const document = documents.get(params.textDocument.uri);
      if (!document) return null;
      const config = await settings.get(document.uri);
      // A document beyond lyncPic.maxFileSizeKB is not read (docs/performance.md).
      if (!config.enable || sizeBeyond(document.getText(), config.maxFileSizeKB * 1024)) return null;
      const result = hover(linter, document.getText(), params.position, config.targetVersion);
      return result ? { contents: { kind: MarkupKind.Markdown, value: result.markdown }, range: result.range } : null;
    } catch (error) {
      connection.console.error(
        `lync-pic: hover failed on ${params.textDocument.uri}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
      );
      return null;
    }
  });
}
