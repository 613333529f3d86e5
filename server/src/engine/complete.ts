/**
 * Completion of cmdlet names, parameters and values for the catalogued Cs cmdlets.
 *
 * The context (which command, which token is being typed, which parameter a value belongs to) comes from the syntax
 * tree (`ScriptAtPositions`): a half-typed command is a command there too. The parameters already given and the
 * parameter sets still possible come from binding the command, without the token being typed.
 */
import { bindCommand, type BoundCommand } from './bind';
import {
  availableOn,
  COMMON_PARAMETERS,
  csCmdletNames,
  type Catalog,
  type CmdletSpec,
  type CommonParameter,
  type ParameterSpec,
  type TargetVersion,
} from './catalog';
import { commonParameterMarkdown, cmdletMarkdown, documentedValues, isDeprecatedValue, parameterDetail, parameterMarkdown, requirement } from './describe';
import { isExpandableString, isParameterWord, parameterNameOf, ScriptAtPositions, type CommandScan } from './command-at';
import { targetFromComment } from './lint';
import type { LineIndex, Position, Range } from './text';
import type { ScriptCommand } from './parse/commands';

/** What completion and hover need of the linter: the catalogue. */
export interface Analyzer {
  readonly catalog: Catalog;
}

export type CandidateKind = 'cmdlet' | 'parameter' | 'value';

export interface CompletionCandidate {
  readonly label: string;
  readonly kind: CandidateKind;
  /** What sort of value: an enum name, `$true`/`$false`, or a value the setup pages document. */
  readonly valueKind?: 'enum' | 'boolean' | 'documented';
  /** One short line, e.g. `Boolean · required`. */
  readonly detail?: string;
  /** Markdown. */
  readonly documentation?: string;
  readonly insertText: string;
  readonly filterText?: string;
  readonly sortText: string;
  /** The text the candidate replaces (the token being typed; empty at the position when none). */
  readonly range: Range;
  readonly deprecated?: boolean;
  /** Set when `documentation` is left out to keep the list cheap: what `resolveCompletion` describes. */
  readonly resolve?: CompletionResolveData;
  /** Ask for completion again after inserting (a parameter whose values can be completed). */
  readonly retrigger?: boolean;
}

export interface CompletionOptions {
  /** The character that triggered the request, when one did. A space only completes values. */
  readonly triggerCharacter?: string;
}

/** Completion candidates at a position of a script. */
export function complete(
  analyzer: Analyzer,
  text: string,
  position: Position,
  target: TargetVersion = 'any',
  options: CompletionOptions = {},
): CompletionCandidate[] {
  const script = new ScriptAtPositions(text);
  const index = script.index;
  const offset = index.offsetAt(position);
  // A position beyond a line's end or the text's: the candidates replace nothing at the nearest place inside.
  const at = index.positionAt(offset);
  const scan = script.commandAt(offset);
  const current = scan.atCursor;
  const inForce = effectiveTarget(script, target);
  if (scan.inCommentOrString) return current?.type === 'string' ? stringValueCandidates(analyzer.catalog, text, index, scan, offset, inForce) : [];
  if (scan.inExpression) return [];
  const trigger = options.triggerCharacter;
  // Right before a token (`New-CsPublicProvider |-Identity`): inserting here would glue two tokens.
  if (!current && offset < text.length && !/[\s|;)}]/.test(text[offset])) return [];
  const nameToken = scan.tokens[0];

  if (!nameToken || nameToken === current) {
    // A space or `$` does not start a command name; nor do a variable, a number, a string or a parameter.
    if (trigger === ' ' || trigger === '$') return [];
    if (current && (current.type !== 'word' || /^[$@\d.'"]/.test(current.text) || isParameterWord(current.text))) return [];
    const range = current ? index.rangeOf(current.start, current.end) : { start: at, end: at };
    return cmdletCandidates(analyzer.catalog, range, inForce, current ? text.slice(current.start, offset) : '');
  }

  const cmdlet = nameToken.type === 'word' ? skypeCmdlet(analyzer.catalog, nameToken.text) : undefined;
  if (!cmdlet) return [];

  const valueContext = valueParameterAt(analyzer.catalog, cmdlet, scan, offset);
  // The value of a parameter the catalogue does not know (or that is ambiguous): nothing to offer.
  if (valueContext === 'unknown') return [];
  if (valueContext) {
    const from = current && !current.text.endsWith(':') ? current.start : offset;
    const range = index.rangeOf(from, current && !current.text.endsWith(':') ? current.end : offset);
    return valueCandidates(cmdlet, valueContext, range, inForce);
  }

  if (trigger === ' ' || trigger === '$') return [];
  if (current && !(current.type === 'word' && isParameterWord(current.text))) return [];
  const range = current ? index.rangeOf(current.start, current.end) : { start: at, end: at };
  const bound = bindAround(analyzer.catalog, index, cmdlet, scan, offset);
  return parameterCandidates(cmdlet, bound, inForce, range);
}

/**
 * The Skype for Business Server cmdlet a command name stands for, written with a module qualifier
 * (`SkypeForBusiness\Set-CsUser`, `Lync\Set-CsUser`) or not; not a cmdlet of the Teams module, which completion and
 * hover do not describe yet.
 */
export function skypeCmdlet(catalog: Catalog, written: string): CmdletSpec | undefined {
  const cmdlet = catalog.resolveCommandName(written);
  return cmdlet?.module === 'teams' ? undefined : cmdlet;
}

/** Cmdlets matching the typed prefix are described in the list itself up to this many; the others when resolved. */
const DESCRIBED_MATCHES = 30;

/** What a cmdlet candidate without documentation needs for it to be described later (JSON: it travels as LSP `data`). */
export interface CompletionResolveData {
  readonly cmdlet: string;
  readonly target: TargetVersion;
}

/**
 * Cmdlet names: the catalogued federation cmdlets (with their summary) first, then every other Cs cmdlet of the
 * module. The list is built without decoding the other cmdlets' specs (their versions are read cheaply): only those
 * matching the typed prefix, when few, are decoded and described; the others carry what `resolveCompletion` needs.
 */
function cmdletCandidates(catalog: Catalog, range: Range, target: TargetVersion, typed: string): CompletionCandidate[] {
  const catalogued = catalog.cmdlets.filter((c) => target === 'any' || c.versions.includes(target));
  const names = new Set(catalog.cmdlets.map((c) => c.name.toLowerCase()));
  const candidates: CompletionCandidate[] = catalogued.map((cmdlet) => ({
    label: cmdlet.name,
    kind: 'cmdlet',
    detail: cmdlet.summary,
    documentation: describedCmdlet(cmdlet, target),
    insertText: cmdlet.name,
    sortText: `0 ${cmdlet.name}`,
    range,
  }));
  const others = csCmdletNames(catalog).filter(
    (name) => !names.has(name.toLowerCase()) && (target === 'any' || (catalog.cmdletVersions(name)?.includes(target) ?? false)),
  );
  const prefix = typed.toLowerCase();
  const matching = prefix ? others.filter((name) => name.toLowerCase().startsWith(prefix)) : [];
  const describeNow = new Set(matching.length <= DESCRIBED_MATCHES ? matching : []);
  for (const name of others) {
    const spec = describeNow.has(name) ? catalog.cmdlet(name) : undefined;
    candidates.push({
      label: name,
      kind: 'cmdlet',
      detail: OTHER_CMDLET_DETAIL,
      ...(spec ? { documentation: describedCmdlet(spec, target) } : { resolve: { cmdlet: name, target } }),
      insertText: name,
      sortText: `1 ${name}`,
      range,
    });
  }
  return candidates;
}

const cmdletDescriptions = new WeakMap<CmdletSpec, Map<TargetVersion, string>>();

/** A cmdlet's Markdown for a target, built once: the federation cmdlets' is in every list of names. */
function describedCmdlet(cmdlet: CmdletSpec, target: TargetVersion): string {
  let byTarget = cmdletDescriptions.get(cmdlet);
  if (!byTarget) cmdletDescriptions.set(cmdlet, (byTarget = new Map<TargetVersion, string>()));
  let markdown = byTarget.get(target);
  if (markdown === undefined) byTarget.set(target, (markdown = cmdletMarkdown(cmdlet, target)));
  return markdown;
}

/** The detail of the cmdlets the project does not describe in its own words. */
const OTHER_CMDLET_DETAIL = 'Skype for Business Server cmdlet';

/** The documentation of a candidate whose description was left for later (`CompletionCandidate.resolve`): the cmdlet's syntax, versions and page. */
export function resolveCompletion(analyzer: Analyzer, data: CompletionResolveData): string | undefined {
  const cmdlet = analyzer.catalog.cmdlet(data.cmdlet);
  return cmdlet && cmdletMarkdown(cmdlet, data.target);
}

type ValueParameter = { readonly status: 'parameter'; readonly parameter: ParameterSpec } | { readonly status: 'common'; readonly parameter: CommonParameter };

/** The parameter whose value is being typed at the offset; `unknown` when the parameter before it is not resolved. */
function valueParameterAt(catalog: Catalog, cmdlet: CmdletSpec, scan: CommandScan, offset: number): ValueParameter | 'unknown' | undefined {
  const current = scan.atCursor;
  let parameterToken: CommandScan['tokens'][number] | undefined;
  let colon = false;
  if (current?.type === 'word' && isParameterWord(current.text)) {
    // `-Enabled:` with the position right after the colon.
    if (!current.text.endsWith(':') || current.end !== offset) return undefined;
    parameterToken = current;
    colon = true;
  } else {
    const previous = scan.before.at(-1);
    if (previous?.type !== 'word' || !isParameterWord(previous.text)) return undefined;
    parameterToken = previous;
    colon = previous.text.endsWith(':');
    // `-Enabled:$true` is one argument; `-Force $true` gives $true to nobody.
    if (colon && current && current.start !== previous.end) return undefined;
  }
  const resolution = catalog.resolveParameter(cmdlet, parameterNameOf(parameterToken.text));
  if (resolution.status === 'parameter') {
    if (resolution.parameter.kind === 'switch' && !colon) return undefined;
    return resolution;
  }
  if (resolution.status === 'common') {
    if (!resolution.parameter.takesValue && !colon) return undefined;
    return resolution;
  }
  return 'unknown';
}

function valueCandidates(cmdlet: CmdletSpec, context: ValueParameter, range: Range, target: TargetVersion): CompletionCandidate[] {
  const candidates: CompletionCandidate[] = [];
  if (context.status === 'common') {
    const detail = `-${context.parameter.name}`;
    if (!context.parameter.takesValue) return booleans(range, detail);
    (context.parameter.enumValues ?? []).forEach((value, i) =>
      candidates.push({ label: value, kind: 'value', valueKind: 'enum', detail, insertText: value, sortText: order(i), range }),
    );
    return candidates;
  }
  const parameter = context.parameter;
  const detail = `${parameter.type} · -${parameter.name}`;
  if (parameter.kind === 'boolean' || parameter.kind === 'switch') return booleans(range, detail);
  documentedValues(cmdlet, parameter).forEach((value, i) => {
    candidates.push({
      label: value.text,
      kind: 'value',
      valueKind: 'documented',
      detail: `documented value · -${parameter.name}`,
      documentation: `Documented value: ${value.note}.`,
      insertText: value.text,
      sortText: order(i),
      range,
    });
  });
  if (parameter.kind === 'enum') {
    (parameter.enumValues ?? []).forEach((value, i) => {
      const deprecated = isDeprecatedValue(cmdlet, parameter, value, target);
      candidates.push({
        label: value,
        kind: 'value',
        valueKind: 'enum',
        detail,
        documentation: deprecated ? `${value} is deprecated for public providers on Skype for Business Server.` : undefined,
        insertText: value,
        sortText: order(deprecated ? 50 + i : 10 + i),
        range,
        ...(deprecated ? { deprecated } : {}),
      });
    });
  }
  return candidates;
}

/**
 * Inside a quoted value of a parameter (`-VerificationLevel "Al|"`, `-ProxyFqdn '|'`): the values the parameter
 * takes, written between the quotes. Not $true or $false (a quoted Boolean is a string), and not in a string that
 * PowerShell computes (a variable or an escape in double quotes) or that runs over a line.
 */
function stringValueCandidates(
  catalog: Catalog,
  text: string,
  index: LineIndex,
  scan: CommandScan,
  offset: number,
  target: TargetVersion,
): CompletionCandidate[] {
  const string = scan.atCursor;
  const nameToken = scan.tokens[0];
  if (!string || nameToken === string || nameToken?.type !== 'word') return [];
  const contentEnd = string.unterminated ? string.end : string.end - 1;
  const content = text.slice(string.start + 1, contentEnd);
  if (offset > contentEnd || /[\r\n]/.test(content) || (isExpandableString(string) && /[$`]/.test(content))) return [];
  const cmdlet = skypeCmdlet(catalog, nameToken.text);
  const context = cmdlet && valueParameterAt(catalog, cmdlet, scan, offset);
  if (!cmdlet || !context || context === 'unknown') return [];
  const range = index.rangeOf(string.start + 1, contentEnd);
  return valueCandidates(cmdlet, context, range, target)
    .filter((c) => c.valueKind !== 'boolean')
    .map((c) => ({ ...c, label: unquoted(c.label), insertText: unquoted(c.insertText) }));
}

/** A value written with its quotes (the excluded-domain list is documented as one quoted string), without them. */
function unquoted(value: string): string {
  return /^(["']).*\1$/.test(value) ? value.slice(1, -1) : value;
}

function booleans(range: Range, detail: string): CompletionCandidate[] {
  return ['$true', '$false'].map((value, i) => ({
    label: value,
    kind: 'value',
    valueKind: 'boolean',
    detail,
    insertText: value,
    filterText: value,
    sortText: order(i),
    range,
  }));
}

function order(i: number): string {
  return String(i).padStart(3, '0');
}

/** The target version in force: a `# lync-pic: target=<version>` comment overrides the setting, as in linting. */
export function effectiveTarget(script: ScriptAtPositions, target: TargetVersion): TargetVersion {
  return targetFromComment(script.comments) ?? target;
}

/** Binds the command around the offset without the token being typed (its splats resolved over the whole script). */
function bindAround(catalog: Catalog, index: LineIndex, cmdlet: CmdletSpec, scan: CommandScan, offset: number): BoundCommand {
  const command = scan.command;
  const touches = (range: Range): boolean => index.offsetAt(range.start) < offset && offset <= index.offsetAt(range.end);
  const elements = command ? command.elements.filter((e) => !touches(e.type === 'value' ? e.value.range : e.range)) : [];
  const name = scan.tokens[0];
  const nameRange = command?.nameRange ?? index.rangeOf(name.start, name.end);
  // (Written out, not spread: the command's ranges are getters of its class, which a spread leaves out.)
  const written: ScriptCommand = {
    name: command?.name ?? name.text,
    nameRange,
    range: command?.range ?? nameRange,
    elements,
    pipelineInput: command?.pipelineInput ?? scan.pipelineInput,
    splatted: elements.some((e) => e.type === 'splat'),
  };
  return bindCommand(written, cmdlet, catalog);
}

function parameterCandidates(cmdlet: CmdletSpec, bound: BoundCommand, target: TargetVersion, range: Range): CompletionCandidate[] {
  const used = new Set<ParameterSpec>(bound.parameters.map((p) => p.parameter));
  const usedCommon = new Set(bound.common.map((c) => c.parameter.name));
  const sets = possibleSets(cmdlet, bound);
  const candidates: CompletionCandidate[] = [];
  for (const parameter of cmdlet.parameters) {
    if (used.has(parameter) || !availableOn(parameter, target)) continue;
    if (!parameter.sets.some((s) => sets.includes(s.set))) continue;
    const required = requirement(parameter, sets);
    const hasValues = parameter.kind === 'boolean' || parameter.kind === 'enum' || documentedValues(cmdlet, parameter).length > 0;
    candidates.push({
      label: `-${parameter.name}`,
      kind: 'parameter',
      detail: parameterDetail(parameter, sets),
      documentation: parameterMarkdown(cmdlet, parameter, target),
      insertText: hasValues ? `-${parameter.name} ` : `-${parameter.name}`,
      filterText: `-${parameter.name}`,
      sortText: `${required === 'required' ? 0 : 1} ${parameter.name}`,
      range,
      ...(hasValues ? { retrigger: true } : {}),
    });
  }
  for (const parameter of COMMON_PARAMETERS) {
    if (usedCommon.has(parameter.name)) continue;
    candidates.push({
      label: `-${parameter.name}`,
      kind: 'parameter',
      detail: 'common parameter',
      documentation: commonParameterMarkdown(parameter),
      insertText: parameter.enumValues ? `-${parameter.name} ` : `-${parameter.name}`,
      filterText: `-${parameter.name}`,
      sortText: `2 ${parameter.name}`,
      range,
      ...(parameter.enumValues ? { retrigger: true } : {}),
    });
  }
  return candidates;
}

/** The parameter sets the arguments written so far still allow; when they conflict, those the named parameters allow. */
function possibleSets(cmdlet: CmdletSpec, bound: BoundCommand): readonly string[] {
  if (bound.sets.candidates.length > 0) return bound.sets.candidates;
  const named = cmdlet.parameterSets.filter((set) => bound.parameters.every((p) => p.parameter.sets.some((s) => s.set === set)));
  return named.length > 0 ? named : cmdlet.parameterSets;
}
