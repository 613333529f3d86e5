/**
 * The engine's one entry point: what the language server, the CLI, the VS Code client and the tools use. The pipeline
 * behind it: text -> tokens (parse/tokenizer) -> syntax tree (parse/script-parser) -> commands (parse/commands) ->
 * bound commands (bind) -> findings (rules/) -> fixes (fix/). The lint configuration keeps the front doors to this file.
 */
export { LINT_TARGETS, SERVER_VERSION_NAMES, SERVER_VERSIONS, type ServerVersion, type TargetVersion } from './catalog/types';
export { complete, resolveCompletion, type CompletionCandidate, type CompletionResolveData } from './complete';
export { disableRuleFix, fixAllEdit, insertSkypeProviderFixes, replaceSkypeProviderFixes } from './fix/actions';
export { fixAll } from './fix/apply';
export * from './generate';
export { hover } from './hover';
export { Linter, type LinterOptions, type LintOptions, type LintResult, type RuleSetting } from './lint';
export { docsPath, RULES, type Finding, type Fix, type Severity } from './rules';
export { measured, Timings } from './util/timing';
