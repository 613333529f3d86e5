/**
 * Hover on the catalogued Cs cmdlets, their parameters, and VerificationLevel numbers, read from the command around
 * the position in the syntax tree (as completion does).
 */
import { effectiveTarget, skypeCmdlet, type Analyzer } from './complete';
import { cmdletMarkdown, commonParameterMarkdown, parameterMarkdown, verificationLevelNumberMarkdown, VERIFICATION_LEVEL_TYPE } from './describe';
import { isParameterWord, parameterNameOf, ScriptAtPositions, type ScanToken } from './command-at';
import type { Position, Range } from './text';
import type { TargetVersion } from './catalog';

export interface HoverResult {
  /** Markdown. */
  readonly markdown: string;
  /** The token described. */
  readonly range: Range;
}

/** What to show when hovering at a position, or undefined when there is nothing to say. */
export function hover(analyzer: Analyzer, text: string, position: Position, target: TargetVersion = 'any'): HoverResult | undefined {
  const script = new ScriptAtPositions(text);
  const index = script.index;
  const offset = index.offsetAt(position);
  // Hovering the first character of a token: the command is the one the next character is in.
  const scan = script.commandAt(Math.min(offset + 1, text.length));
  const token = scan.tokens.find((t) => t.start <= offset && offset < t.end);
  if (!token || token.type !== 'word' || scan.inCommentOrString) return undefined;
  const nameToken = scan.tokens[0];
  if (nameToken.type !== 'word') return undefined;
  const catalog = analyzer.catalog;
  const range = index.rangeOf(token.start, token.end);
  const inForce = (): TargetVersion => effectiveTarget(script, target);

  if (token === nameToken) {
    const cmdlet = skypeCmdlet(catalog, token.text);
    if (cmdlet) return { markdown: cmdletMarkdown(cmdlet, inForce()), range };
    if (catalog.isKnownCmdletName(token.text)) {
      return { markdown: `**${token.text}**\n\nA Skype for Business Server cmdlet that lync-pic does not describe or check.`, range };
    }
    return undefined;
  }

  const cmdlet = skypeCmdlet(catalog, nameToken.text);
  if (!cmdlet) return undefined;

  if (isParameterWord(token.text)) {
    const name = parameterNameOf(token.text);
    if (!name) return undefined;
    const resolution = catalog.resolveParameter(cmdlet, name);
    const paramRange = index.rangeOf(token.start, token.text.endsWith(':') ? token.end - 1 : token.end);
    if (resolution.status === 'parameter') return { markdown: parameterMarkdown(cmdlet, resolution.parameter, inForce()), range: paramRange };
    if (resolution.status === 'common') return { markdown: commonParameterMarkdown(resolution.parameter), range: paramRange };
    if (resolution.status === 'ambiguous') {
      return {
        markdown: `**-${name}** is ambiguous on ${cmdlet.name}: it could be ${resolution.candidates.map((c) => `\`-${c}\``).join(', ')}.`,
        range: paramRange,
      };
    }
    return undefined;
  }

  // A value: only VerificationLevel numbers get a hover.
  const parameterToken = parameterBefore(scan.tokens, token);
  if (!parameterToken) return undefined;
  const resolution = catalog.resolveParameter(cmdlet, parameterNameOf(parameterToken.text));
  if (resolution.status !== 'parameter' || resolution.parameter.type !== VERIFICATION_LEVEL_TYPE || !/^\d+$/.test(token.text)) return undefined;
  return { markdown: verificationLevelNumberMarkdown(resolution.parameter, token.text), range };
}

/** The parameter token a value token belongs to: right before it (with a blank or, in the colon form, nothing between). */
function parameterBefore(tokens: readonly ScanToken[], value: ScanToken): ScanToken | undefined {
  const i = tokens.indexOf(value);
  const previous = i > 0 ? tokens[i - 1] : undefined;
  if (previous?.type !== 'word' || !isParameterWord(previous.text)) return undefined;
  if (previous.text.endsWith(':') ? previous.end !== value.start : previous.end === value.start) return undefined;
  return previous;
}
