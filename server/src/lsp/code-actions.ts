import { CodeAction, CodeActionKind, Command, type CodeActionParams, type Diagnostic } from 'vscode-languageserver';
import {
  disableRuleFix,
  type Fix,
  fixAllEdit,
  insertSkypeProviderFixes,
  type Linter,
  type LintOptions,
  type LintResult,
  replaceSkypeProviderFixes,
} from '../engine';
import { docsUri, fixToEdit, SOURCE } from './convert';

export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.lyncPic`;
export const INSERT_SKYPE_PROVIDER_KIND = `${CodeActionKind.Source}.lyncPic.insertSkypeProvider`;
export const SHOW_DOCUMENTATION_COMMAND = 'lyncPic.showDocumentation';

/** The last lint of a document, kept to answer code-action requests for that version. */
export interface LintedDocument {
  readonly version: number;
  /** The whole lint of that version (kept for the documents edited last, made again for the others). */
  result(): LintResult;
  readonly diagnostics: readonly Diagnostic[];
  readonly options: LintOptions;
}

/** Whether the client asked for this kind of action (no `only`: everything but source actions, as VS Code's light bulb does). */
function wanted(params: CodeActionParams, kind: string): boolean {
  const only = params.context.only;
  if (!only) return !kind.startsWith(CodeActionKind.Source);
  return only.some((requested) => kind === requested || kind.startsWith(`${requested}.`));
}

function action(title: string, kind: string, uri: string, fix: Fix, diagnostic?: Diagnostic): CodeAction {
  const result = CodeAction.create(title, fixToEdit(uri, fix), kind);
  if (diagnostic) result.diagnostics = [diagnostic];
  if (fix.safe) result.isPreferred = true;
  return result;
}

/** Quick fixes, "disable for this line" and "show documentation" for the diagnostics in the request. */
function quickFixes(params: CodeActionParams, linted: LintedDocument): CodeAction[] {
  const uri = params.textDocument.uri;
  const actions: CodeAction[] = [];
  for (const diagnostic of params.context.diagnostics) {
    if (diagnostic.source !== SOURCE) continue;
    const index = linted.diagnostics.findIndex((d) => sameDiagnostic(d, diagnostic));
    if (index < 0) continue;
    const result = linted.result();
    const finding = result.findings[index];
    for (const fix of finding.fixes) actions.push(action(fix.title, CodeActionKind.QuickFix, uri, fix, diagnostic));
    const disable = disableRuleFix(result, finding);
    actions.push(action(disable.title, CodeActionKind.QuickFix, uri, disable, diagnostic));
    const docs = CodeAction.create(
      `Show documentation for ${finding.ruleId}`,
      Command.create(`Show documentation for ${finding.ruleId}`, SHOW_DOCUMENTATION_COMMAND, docsUri(finding.ruleId)),
      CodeActionKind.QuickFix,
    );
    docs.diagnostics = [diagnostic];
    actions.push(docs);
  }
  return actions;
}

/** Answers a code-action request from the last lint of the document (nothing when the document changed since). */
export function codeActions(params: CodeActionParams, linted: LintedDocument | undefined, linter: Linter): CodeAction[] {
  if (!linted) return [];
  const uri = params.textDocument.uri;
  const actions: CodeAction[] = [];
  if (wanted(params, CodeActionKind.QuickFix)) actions.push(...quickFixes(params, linted));
  if (wanted(params, CodeActionKind.RefactorRewrite)) {
    for (const fix of replaceSkypeProviderFixes(linted.result(), params.range)) actions.push(action(fix.title, CodeActionKind.RefactorRewrite, uri, fix));
  }
  if (wanted(params, INSERT_SKYPE_PROVIDER_KIND)) {
    for (const fix of insertSkypeProviderFixes(linted.result(), params.range.start))
      actions.push(action(fix.title, INSERT_SKYPE_PROVIDER_KIND, uri, { ...fix, safe: false }));
  }
  if (wanted(params, FIX_ALL_KIND)) {
    const edit = fixAllEdit(linted.result(), (text) => linter.lint(text, linted.options).findings);
    if (edit) actions.push(CodeAction.create('Fix all safe lync-pic problems', { changes: { [uri]: [edit] } }, FIX_ALL_KIND));
  }
  return actions;
}

function sameDiagnostic(a: Diagnostic, b: Diagnostic): boolean {
  return (
    a.code === b.code &&
    a.message === b.message &&
    a.range.start.line === b.range.start.line &&
    a.range.start.character === b.range.start.character &&
    a.range.end.line === b.range.end.line &&
    a.range.end.character === b.range.end.character
  );
}
