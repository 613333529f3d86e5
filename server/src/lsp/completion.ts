import {
  CompletionItemKind,
  CompletionItemTag,
  InsertTextFormat,
  MarkupKind,
  type CompletionItem,
  type CompletionParams,
  type Connection,
  type TextDocuments,
} from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { complete, resolveCompletion, SERVER_VERSIONS, type CompletionCandidate, type CompletionResolveData, type Linter } from '../engine';
import { sizeBeyond } from './document-lints';
import type { SettingsCache } from './settings';

const VALUE_KINDS: Readonly<Record<NonNullable<CompletionCandidate['valueKind']>, CompletionItemKind>> = {
  enum: CompletionItemKind.EnumMember,
  boolean: CompletionItemKind.Constant,
  documented: CompletionItemKind.Value,
};

/** Converts an engine candidate to an LSP completion item (engine ranges are LSP positions already). */
export function toCompletionItem(candidate: CompletionCandidate): CompletionItem {
  const kind =
    candidate.kind === 'cmdlet'
      ? CompletionItemKind.Function
      : candidate.kind === 'parameter'
        ? CompletionItemKind.Property
        : VALUE_KINDS[candidate.valueKind ?? 'documented'];
  const item: CompletionItem = {
    label: candidate.label,
    kind,
    sortText: candidate.sortText,
    filterText: candidate.filterText ?? candidate.label,
    insertTextFormat: InsertTextFormat.PlainText,
    textEdit: { range: candidate.range, newText: candidate.insertText },
  };
  if (candidate.detail) item.detail = candidate.detail;
  if (candidate.documentation) item.documentation = { kind: MarkupKind.Markdown, value: candidate.documentation };
  if (candidate.deprecated) item.tags = [CompletionItemTag.Deprecated];
  if (candidate.resolve) item.data = candidate.resolve;
  if (candidate.retrigger) item.command = { title: 'Suggest values', command: 'editor.action.triggerSuggest' };
  return item;
}

const TARGETS: ReadonlySet<unknown> = new Set(['any', 'teams', ...SERVER_VERSIONS]);

/** The `data` of an item this server left to be resolved, or undefined for anything else. */
function resolveData(data: unknown): CompletionResolveData | undefined {
  if (typeof data !== 'object' || data === null) return undefined;
  const { cmdlet, target } = data as Record<string, unknown>;
  return typeof cmdlet === 'string' && TARGETS.has(target) ? { cmdlet, target: target as CompletionResolveData['target'] } : undefined;
}

/** Answers completionItem/resolve: the documentation (syntax, versions, page) of a cmdlet the list left undescribed. Never throws. */
export function registerCompletionResolve(connection: Connection, linter: Linter): void {
  connection.onCompletionResolve((item: CompletionItem): CompletionItem => {
    try {
      const data = resolveData(item.data);
      const documentation = data && !item.documentation ? resolveCompletion(linter, data) : undefined;
      return documentation ? { ...item, documentation: { kind: MarkupKind.Markdown, value: documentation } } : item;
    } catch (error) {
      connection.console.error(
        `lync-pic: completion resolve failed for ${item.label}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
      );
      return item;
    }
  });
}

/** Answers textDocument/completion from the engine, with the document's target version. Never throws. */
export function registerCompletion(connection: Connection, documents: TextDocuments<TextDocument>, linter: Linter, settings: SettingsCache): void {
  connection.onCompletion(async (params: CompletionParams): Promise<CompletionItem[]> => {
    try {
      const document = documents.get(params.textDocument.uri);
      if (!document) return [];
      const config = await settings.get(document.uri);
      // A document beyond lyncPic.maxFileSizeKB is not read (docs/performance.md).
      if (!config.enable || sizeBeyond(document.getText(), config.maxFileSizeKB * 1024)) return [];
      const candidates = complete(linter, document.getText(), params.position, config.targetVersion, {
        triggerCharacter: params.context?.triggerCharacter,
      });
      return candidates.map(toCompletionItem);
    } catch (error) {
      connection.console.error(
        `lync-pic: completion failed on ${params.textDocument.uri}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
      );
      return [];
    }
  });
}
