/**
 * Completion of cmdlet names, parameters and values for the catalogued Cs cmdlets.
 *
 * The context (which command, which token is being typed, which parameter a value belongs to) comes from a
 * tolerant scan of the logical line, so that half-typed commands that do not parse still complete. The
 * parameters already given and the parameter sets still possible come from binding the command: the parsed
 * command when the parser found one starting where the scan did, else a command built from the scan.
 */
import { bindCommand, type BoundCommand } from './bind';
import { availableOn, COMMON_PARAMETERS, type Catalog, type CmdletSpec, type CommonParameter, type ParameterSpec, type TargetVersion } from './catalog';
import { KNOWN_CS_CMDLET_NAMES } from './catalog/data.generated';
import { commonParameterMarkdown, cmdletMarkdown, documentedValues, isDeprecatedValue, parameterMarkdown, requirement } from './describe';
import { isExpandableString, isParameterWord, parameterNameOf, scanCommandAt, scanComments, type CommandScan, type ScanToken } from './line-scan';
import { targetFromComment, type Analysis } from './lint';
import type { ArgumentValue, CommandElement, ScriptCommand } from './parse/commands';
import { LineIndex, type Position, type Range } from './text';

/** What completion and hover need of the linter: the catalogue, and the analysis of a (small) text. */
export interface Analyzer {
  readonly catalog: Catalog;
  analyze(text: string, target?: TargetVersion): Analysis;
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
  /** Ask for completion again after inserting (a parameter whose values can be completed). */
  readonly retrigger?: boolean;
}

export interface CompletionOptions {
  /** The character that triggered the request, when one did. A space only completes values. */
  readonly triggerCharacter?: string;
}

/** Completion candidates at a position of a script. */
export function complete(analyzer: Analyzer, text: string, position: Position, target: TargetVersion = 'any', options: CompletionOptions = {}): CompletionCandidate[] {
  const index = new LineIndex(text);
  const offset = index.offsetAt(position);
  // A position beyond a line's end or the text's: the candidates replace nothing at the nearest place inside.
  const at = index.positionAt(offset);
  const scan = scanCommandAt(text, offset);
  const current = scan.atCursor;
  if (scan.inCommentOrString) return current?.type === 'string' ? stringValueCandidates(analyzer.catalog, text, index, scan, offset, target) : [];
  const trigger = options.triggerCharacter;
  // Right before a token (`New-CsPublicProvider |-Identity`): inserting here would glue two tokens.
  if (!current && offset < text.length && !/[\s|;)}]/.test(text[offset])) return [];
  const nameToken = scan.tokens[0];

  if (!nameToken || nameToken === current) {
    // A space or `$` does not start a command name; nor do a variable, a number, a string or a parameter.
    if (trigger === ' ' || trigger === '$') return [];
    if (current && (current.type !== 'word' || /^[$@\d.'"]/.test(current.text) || isParameterWord(current.text))) return [];
    const range = current ? index.rangeOf(current.start, current.end) : { start: at, end: at };
    return cmdletCandidates(analyzer.catalog, range, effectiveTarget(text, target));
  }

  const cmdlet = nameToken.type === 'word' ? analyzer.catalog.cmdlet(nameToken.text) : undefined;
  if (!cmdlet) return [];

  const valueContext = valueParameterAt(analyzer.catalog, cmdlet, scan, offset);
  // The value of a parameter the catalogue does not know (or that is ambiguous): nothing to offer.
  if (valueContext === 'unknown') return [];
  if (valueContext) {
    const from = current && !current.text.endsWith(':') ? current.start : offset;
    const range = index.rangeOf(from, current && !current.text.endsWith(':') ? current.end : offset);
    return valueCandidates(cmdlet, valueContext, range, text, target);
  }

  if (trigger === ' ' || trigger === '$') return [];
  if (current && !(current.type === 'word' && isParameterWord(current.text))) return [];
  const range = current ? index.rangeOf(current.start, current.end) : { start: at, end: at };
  const bound = bindAround(analyzer, text, index, cmdlet, scan, nameToken, offset);
  return parameterCandidates(cmdlet, bound, effectiveTarget(text, target), range);
}

function cmdletCandidates(catalog: Catalog, range: Range, target: TargetVersion): CompletionCandidate[] {
  const catalogued = catalog.cmdlets.filter((c) => target === 'any' || c.versions.includes(target));
  const names = new Set(catalog.cmdlets.map((c) => c.name.toLowerCase()));
  const candidates: CompletionCandidate[] = catalogued.map((cmdlet) => ({
    label: cmdlet.name,
    kind: 'cmdlet',
    detail: cmdlet.summary,
    documentation: cmdletMarkdown(cmdlet, target),
    insertText: cmdlet.name,
    sortText: `0 ${cmdlet.name}`,
    range,
  }));
  for (const name of KNOWN_CS_CMDLET_NAMES) {
    if (names.has(name.toLowerCase())) continue;
    candidates.push({ label: name, kind: 'cmdlet', detail: 'Skype for Business Server cmdlet (not checked by lync-pic)', insertText: name, sortText: `1 ${name}`, range });
  }
  return candidates;
}

type ValueParameter = { readonly status: 'parameter'; readonly parameter: ParameterSpec } | { readonly status: 'common'; readonly parameter: CommonParameter };

/** The parameter whose value is being typed at the offset; `unknown` when the parameter before it is not resolved. */
function valueParameterAt(catalog: Catalog, cmdlet: CmdletSpec, scan: CommandScan, offset: number): ValueParameter | 'unknown' | undefined {
  const current = scan.atCursor;
  let parameterToken: ScanToken | undefined;
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

function valueCandidates(cmdlet: CmdletSpec, context: ValueParameter, range: Range, text: string, target: TargetVersion): CompletionCandidate[] {
  const candidates: CompletionCandidate[] = [];
  if (context.status === 'common') {
    const detail = `-${context.parameter.name}`;
    if (!context.parameter.takesValue) return booleans(range, detail);
    (context.parameter.enumValues ?? []).forEach((value, i) => candidates.push({ label: value, kind: 'value', valueKind: 'enum', detail, insertText: value, sortText: order(i), range }));
    return candidates;
  }
  const parameter = context.parameter;
  const detail = `${parameter.type} · -${parameter.name}`;
  if (parameter.kind === 'boolean' || parameter.kind === 'switch') return booleans(range, detail);
  documentedValues(cmdlet, parameter).forEach((value, i) => {
    candidates.push({ label: value.text, kind: 'value', valueKind: 'documented', detail: `documented value · -${parameter.name}`, documentation: `Documented value: ${value.note}.`, insertText: value.text, sortText: order(i), range });
  });
  if (parameter.kind === 'enum') {
    const effective = effectiveTarget(text, target);
    (parameter.enumValues ?? []).forEach((value, i) => {
      const deprecated = isDeprecatedValue(cmdlet, parameter, value, effective);
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
function stringValueCandidates(catalog: Catalog, text: string, index: LineIndex, scan: CommandScan, offset: number, target: TargetVersion): CompletionCandidate[] {
  const string = scan.atCursor;
  const nameToken = scan.tokens[0];
  if (!string || nameToken === string || nameToken?.type !== 'word') return [];
  const contentEnd = string.unterminated ? string.end : string.end - 1;
  const content = text.slice(string.start + 1, contentEnd);
  if (offset > contentEnd || /[\r\n]/.test(content) || (isExpandableString(string) && /[$`]/.test(content))) return [];
  const cmdlet = catalog.cmdlet(nameToken.text);
  const context = cmdlet && valueParameterAt(catalog, cmdlet, scan, offset);
  if (!cmdlet || !context || context === 'unknown') return [];
  const range = index.rangeOf(string.start + 1, contentEnd);
  return valueCandidates(cmdlet, context, range, text, target)
    .filter((c) => c.valueKind !== 'boolean')
    .map((c) => ({ ...c, label: unquoted(c.label), insertText: unquoted(c.insertText) }));
}

/** A value written with its quotes (the excluded-domain list is documented as one quoted string), without them. */
function unquoted(value: string): string {
  return /^(["']).*\1$/.test(value) ? value.slice(1, -1) : value;
}

function booleans(range: Range, detail: string): CompletionCandidate[] {
  return ['$true', '$false'].map((value, i) => ({ label: value, kind: 'value', valueKind: 'boolean', detail, insertText: value, filterText: value, sortText: order(i), range }));
}

function order(i: number): string {
  return String(i).padStart(3, '0');
}

/**
 * The target version in force: a `# lync-pic: target=<version>` comment overrides the setting, as in linting.
 * Found with the light lexer rather than a parse, so that completion and hover stay fast on long scripts.
 */
export function effectiveTarget(text: string, target: TargetVersion): TargetVersion {
  if (!/lync-pic:\s*target/i.test(text)) return target;
  const index = new LineIndex(text);
  const comments = scanComments(text)
    .filter((c) => /lync-pic:\s*target/i.test(c.text))
    .map((c) => ({ text: c.text, range: index.rangeOf(c.start, c.end) }));
  return targetFromComment(comments) ?? target;
}

/**
 * Binds the command around the offset without the token being typed. The parser reads the command's own
 * text (from its name to its end; parsing a whole long script for each keystroke would be slow), except when
 * the command has a splat, whose hashtable is found only in the whole script. When the parser finds no
 * command there (half-typed input), the command is built from the scanned tokens.
 */
function bindAround(analyzer: Analyzer, text: string, index: LineIndex, cmdlet: CmdletSpec, scan: CommandScan, nameToken: ScanToken, offset: number): BoundCommand {
  const last = scan.tokens.at(-1) ?? nameToken;
  const commandText = text.slice(nameToken.start, last.end);
  const whole = /(^|\s)@[A-Za-z_]/.test(commandText);
  const analysis: Analysis = analyzer.analyze(whole ? text : commandText);
  const base = whole ? 0 : nameToken.start;
  const parsed = analysis.commands.find((c) => c.startOffset + base === nameToken.start);
  const command = parsed ?? commandFromScan(scan, nameToken, index);
  const rangeIndex = parsed ? analysis.index : index;
  const shift = parsed ? base : 0;
  const touches = (range: Range): boolean => rangeIndex.offsetAt(range.start) + shift < offset && offset <= rangeIndex.offsetAt(range.end) + shift;
  const elements = command.elements.filter((e) => !touches(e.type === 'value' ? e.value.range : e.range));
  return bindCommand({ ...command, elements }, cmdlet, analyzer.catalog);
}

function commandFromScan(scan: CommandScan, nameToken: ScanToken, index: LineIndex): ScriptCommand {
  const elements: CommandElement[] = [];
  for (const token of scan.tokens) {
    if (token === nameToken) continue;
    const range = index.rangeOf(token.start, token.end);
    if (token.type === 'word' && isParameterWord(token.text)) {
      elements.push({ type: 'parameter', name: parameterNameOf(token.text), range, colon: token.text.endsWith(':'), alternativeDash: token.text[0] !== '-' });
    } else if (token.type === 'word' && /^@[A-Za-z_]\w*$/.test(token.text)) {
      elements.push({ type: 'splat', variable: token.text.slice(1), range });
    } else {
      elements.push({ type: 'value', value: scannedValue(token, range) });
    }
  }
  const last = scan.tokens.at(-1) ?? nameToken;
  return {
    name: nameToken.text,
    nameRange: index.rangeOf(nameToken.start, nameToken.end),
    range: index.rangeOf(nameToken.start, last.end),
    elements,
    pipelineInput: scan.pipelineInput,
    startOffset: nameToken.start,
    endOffset: last.end,
  };
}

function scannedValue(token: ScanToken, range: Range): ArgumentValue {
  const text = token.text;
  if (token.type === 'string') return { kind: 'string', text, range, literal: text.slice(1, -1) };
  const lower = text.toLowerCase();
  if (lower === '$true' || lower === '$false') return { kind: 'boolean', text, range, literal: lower };
  if (text.startsWith('$')) return { kind: 'variable', text, range };
  if (/^-?\d+(\.\d+)?$/.test(text)) return { kind: 'number', text, range, literal: text };
  if (text.includes(',')) return { kind: 'array', text, range };
  return { kind: 'bareword', text, range, literal: text };
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
      detail: `${parameter.type} · ${required}`,
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
