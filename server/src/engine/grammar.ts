/**
 * Builds the TextMate injection grammar (syntaxes/lync-pic.injection.tmLanguage.json) from the catalogue.
 *
 * The grammar is injected into `source.powershell` (outside comments and strings) and marks, with scopes
 * that themes already colour:
 * - the cmdlet names of the module (`support.function.cmdlet.lync-pic`);
 * - inside a catalogued cmdlet's command (up to `|`, `;`, `)`, `}`, `&&` or the end of a line that does not
 *   end with a backtick), its parameters and the common parameters, full names and aliases, with any of the
 *   dashes PowerShell accepts (`variable.parameter.lync-pic`);
 * - right after such a parameter: the enum names of enum parameters (`constant.language.enum.lync-pic`) and
 *   the documented values (`string.unquoted.documented.lync-pic`, `string.quoted.*.documented.lync-pic`).
 * Everything else inside the command is left to the PowerShell grammar.
 *
 * `scripts/build-grammar.mjs` writes the file; a unit test fails when the file and the catalogue drift apart.
 */
import { COMMON_PARAMETERS, csCmdletNames, type Catalog, type CmdletSpec, type ParameterSpec } from './catalog';
import { documentedValues } from './describe';

export const GRAMMAR_SCOPE_NAME = 'lync-pic.injection';
export const GRAMMAR_PATH = 'syntaxes/lync-pic.injection.tmLanguage.json';
export const INJECTION_SELECTOR = 'L:source.powershell -comment -string';

const SCOPE = {
  cmdlet: 'support.function.cmdlet.lync-pic',
  command: 'meta.command.lync-pic',
  parameter: 'variable.parameter.lync-pic',
  colon: 'punctuation.separator.colon.lync-pic',
  enumValue: 'constant.language.enum.lync-pic',
  unquoted: 'string.unquoted.documented.lync-pic',
  doubleQuoted: 'string.quoted.double.documented.lync-pic',
  singleQuoted: 'string.quoted.single.documented.lync-pic',
} as const;

/** The dashes PowerShell accepts before a parameter name (hyphen-minus, en dash, em dash, horizontal bar). */
const DASH = '[-\\x{2013}\\x{2014}\\x{2015}]';
/** Not part of a longer word, path, variable or member name. */
const WORD_BEFORE = '(?<![\\w.$@\\\\/-])';
const WORD_AFTER = '(?![\\w.\\\\/-])';
/** What may follow a parameter or a value: a blank, the end of the command, or the end of the line. */
const TOKEN_END = '(?=[\\s;|)}]|$)';
/** Between a parameter and its value: a colon (and optional blanks) or blanks. */
const SEPARATOR = '(?:(:)\\s*|\\s+)';

type Rule = Record<string, unknown>;

export interface InjectionGrammar {
  readonly [key: string]: unknown;
  readonly scopeName: string;
  readonly injectionSelector: string;
  readonly patterns: readonly Rule[];
  readonly repository: Readonly<Record<string, Rule>>;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
}

/** An alternation, longest first, so that no alternative hides a longer one. */
function alternation(words: readonly string[]): string {
  const unique = [...new Set(words)].sort((a, b) => b.length - a.length || a.localeCompare(b));
  return unique.map(escapeRegExp).join('|');
}

function ruleKey(cmdlet: CmdletSpec): string {
  return `cmdlet-${cmdlet.name.toLowerCase()}`;
}

function parameterNames(parameter: { readonly name: string; readonly aliases?: readonly string[] }): string[] {
  return [parameter.name, ...(parameter.aliases ?? [])];
}

/** `-Parameter value` (or `-Parameter:value`) for the given value alternatives, each with its scope. */
function parameterValueRule(parameter: { readonly name: string; readonly aliases?: readonly string[] }, values: string, valueScope: string): Rule {
  return {
    match: `(?i)${WORD_BEFORE}(${DASH}(?:${alternation(parameterNames(parameter))}))${SEPARATOR}(${values})${TOKEN_END}`,
    captures: { 1: { name: SCOPE.parameter }, 2: { name: SCOPE.colon }, 3: { name: valueScope } },
  };
}

function valueRules(cmdlet: CmdletSpec, parameter: ParameterSpec): Rule[] {
  const rules: Rule[] = [];
  const documented = documentedValues(cmdlet, parameter).map((v) => v.text);
  const quoted = documented.filter((v) => /^(["']).*\1$/.test(v)).map((v) => v.slice(1, -1));
  const bare = documented.filter((v) => !/^(["']).*\1$/.test(v));
  if (bare.length > 0) rules.push(parameterValueRule(parameter, alternation(bare), SCOPE.unquoted));
  const anyQuoted = [...bare, ...quoted];
  if (anyQuoted.length > 0) {
    rules.push(parameterValueRule(parameter, `"(?:${alternation(anyQuoted)})"`, SCOPE.doubleQuoted));
    rules.push(parameterValueRule(parameter, `'(?:${alternation(anyQuoted)})'`, SCOPE.singleQuoted));
  }
  if (parameter.kind === 'enum' && parameter.enumValues?.length) {
    rules.push(parameterValueRule(parameter, `(?:${alternation(parameter.enumValues)})(?![\\w-])`, SCOPE.enumValue));
  }
  return rules;
}

function cmdletRule(cmdlet: CmdletSpec): Rule {
  const parameters = cmdlet.parameters.filter((p) => p.versions.length > 0);
  const names = parameters.flatMap(parameterNames);
  return {
    begin: `(?i)${WORD_BEFORE}(${escapeRegExp(cmdlet.name)})${WORD_AFTER}`,
    beginCaptures: { 1: { name: SCOPE.cmdlet } },
    // The command ends at a pipe, a semicolon, a closing bracket, `&&`, or a line end without a backtick before it.
    // vscode-textmate feeds each line with its line break: `$` also matches after it, hence `\n` in the look-behind.
    end: '(?=[|;)}]|&&)|(?<![`\n])$',
    name: SCOPE.command,
    patterns: [
      ...parameters.flatMap((p) => valueRules(cmdlet, p)),
      {
        match: `(?i)${WORD_BEFORE}(${DASH}(?:${alternation(names)}))(?:(:)|${TOKEN_END})`,
        captures: { 1: { name: SCOPE.parameter }, 2: { name: SCOPE.colon } },
      },
      { include: '#common-parameters' },
      { include: 'source.powershell' },
    ],
  };
}

/** The other Cs cmdlets of the module, grouped by verb to keep the expression short. */
function knownCmdletsRule(catalog: Catalog): Rule {
  const byVerb = new Map<string, string[]>();
  const described = new Set(catalog.cmdlets.map((c) => c.name.toLowerCase()));
  for (const name of csCmdletNames(catalog)) {
    if (described.has(name.toLowerCase())) continue;
    const dash = name.indexOf('-');
    const verb = name.slice(0, dash);
    const list = byVerb.get(verb) ?? [];
    list.push(name.slice(dash + 1));
    byVerb.set(verb, list);
  }
  const groups = [...byVerb.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([verb, nouns]) => `${escapeRegExp(verb)}-(?:${alternation(nouns)})`);
  return { match: `(?i)${WORD_BEFORE}(?:${groups.join('|')})${WORD_AFTER}`, name: SCOPE.cmdlet };
}

/** The injection grammar for the catalogue, as a JSON-ready object. */
export function buildInjectionGrammar(catalog: Catalog): InjectionGrammar {
  const cmdlets = [...catalog.cmdlets].sort((a, b) => a.name.localeCompare(b.name));
  const repository: Record<string, Rule> = {};
  for (const cmdlet of cmdlets) repository[ruleKey(cmdlet)] = cmdletRule(cmdlet);
  repository['common-parameters'] = {
    patterns: [
      ...COMMON_PARAMETERS.flatMap((p) => (p.enumValues ? [parameterValueRule(p, `(?:${alternation(p.enumValues)})(?![\\w-])`, SCOPE.enumValue)] : [])),
      {
        match: `(?i)${WORD_BEFORE}(${DASH}(?:${alternation(COMMON_PARAMETERS.flatMap(parameterNames))}))(?:(:)|${TOKEN_END})`,
        captures: { 1: { name: SCOPE.parameter }, 2: { name: SCOPE.colon } },
      },
    ],
  };
  repository['known-cmdlets'] = knownCmdletsRule(catalog);
  return {
    comment: 'Generated from the lync-pic cmdlet catalogue by scripts/build-grammar.mjs (server/src/engine/grammar.ts). Do not edit by hand.',
    scopeName: GRAMMAR_SCOPE_NAME,
    injectionSelector: INJECTION_SELECTOR,
    patterns: [...cmdlets.map((c) => ({ include: `#${ruleKey(c)}` })), { include: '#known-cmdlets' }],
    repository,
  };
}

/** The grammar file's text: two-space JSON and a final line break. */
export function injectionGrammarText(catalog: Catalog): string {
  return `${JSON.stringify(buildInjectionGrammar(catalog), null, 2)}\n`;
}
