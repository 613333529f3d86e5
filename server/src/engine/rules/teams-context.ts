import { splitModuleQualifiedName, type CmdletSpec } from '../catalog';
import type { BoundCommand, WrittenParameter } from '../bind';
import type { ScriptCommand } from '../parse/commands';
import { onlyTeamsHas, teamsUnmarked } from '../module-context';
import type { Range } from '../text';
import type { Rule, RuleContext } from './rule';

const MARK = '# lync-pic: target=teams';

interface TeamsMark {
  readonly range: Range;
  readonly what: string;
}

/** The first Teams-only thing of the script: a cmdlet only the Teams module has, or such a parameter of a server cmdlet. */
function firstTeamsMark(context: RuleContext): TeamsMark | undefined {
  // (Indexed loops over lists read once: this runs over every command of a script, and most give nothing.)
  const { commands, bound } = context;
  let next = 0;
  for (let i = 0; i < commands.length; i++) {
    const command = commands[i];
    const binding = next < bound.length && bound[next].command === command ? bound[next++] : undefined;
    // (Kept with the command: an edit elsewhere does not look it up in the catalogue again. Most bound commands can
    // have no such parameter, which is told without that look-up.)
    const mark = binding
      ? mayHaveTeamsOnlyParameter(binding)
        ? context.perCommand(binding, teamsOnlyParameter)
        : undefined
      : context.perCommand(command, teamsOnlyCmdlet);
    if (mark) return mark;
  }
  return undefined;
}

function teamsOnlyCmdlet(command: ScriptCommand, context: RuleContext): TeamsMark | undefined {
  const { name, qualifier } = splitModuleQualifiedName(command.name);
  if (qualifier !== undefined || context.definedFunctions.has(command.name.toLowerCase())) return undefined;
  if (context.catalog.isKnownCmdletName(name) || !context.catalog.isKnownCmdletName(name, 'teams')) return undefined;
  return { range: command.nameRange, what: `${name} is a cmdlet of the MicrosoftTeams module only` };
}

/**
 * Whether a command may have a parameter that its server cmdlet lacks or has on no server version: one it could not
 * resolve, or one of a cmdlet with such parameters (59 of the 898 server cmdlets).
 */
function mayHaveTeamsOnlyParameter(bound: BoundCommand): boolean {
  return bound.unresolved.length > 0 || hasVersionlessParameters(bound.cmdlet);
}

const versionless = new WeakMap<CmdletSpec, boolean>();

function hasVersionlessParameters(cmdlet: CmdletSpec): boolean {
  let has = versionless.get(cmdlet);
  if (has === undefined) versionless.set(cmdlet, (has = cmdlet.parameters.some((parameter) => parameter.versions.length === 0)));
  return has;
}

/** A parameter that the server cmdlet lacks (or has on no server version) and the Teams one has. */
function teamsOnlyParameter(bound: BoundCommand, context: RuleContext): TeamsMark | undefined {
  // (Most commands have neither kind of parameter: nothing is allocated for them.)
  if (bound.cmdlet.module === 'teams' || bound.command.name.includes('\\')) return undefined;
  for (const { written } of bound.unresolved) if (onlyTeamsHas(context.catalog, bound.cmdlet.name, written.name)) return teamsParameterMark(bound, written);
  for (const { parameter, written } of bound.parameters) {
    if (parameter.versions.length === 0 && onlyTeamsHas(context.catalog, bound.cmdlet.name, written.name)) return teamsParameterMark(bound, written);
  }
  return undefined;
}

function teamsParameterMark(bound: BoundCommand, written: WrittenParameter): TeamsMark {
  return { range: written.range, what: `-${written.name} is a parameter of ${bound.cmdlet.name} in the MicrosoftTeams module only` };
}

export const teamsContext: Rule = {
  meta: {
    id: 'teams-context',
    summary: 'A script that uses Microsoft Teams cmdlets or parameters without connecting to Teams or naming Teams as its target.',
    defaultSeverity: 'info',
    since: '0.1.0',
  },
  checkScript(context) {
    if (!teamsUnmarked({ target: context.target, teamsConnected: context.teamsContext !== undefined })) return;
    const mark = firstTeamsMark(context);
    if (!mark) return;
    const top = { line: 0, character: 0 };
    context.report({
      range: mark.range,
      message: `This looks like a Microsoft Teams script: ${mark.what}. Connect to Teams first (Connect-MicrosoftTeams), or put "${MARK}" at the top, and its Cs commands are checked against the Teams module.`,
      fixes: [{ title: `Add "${MARK}" at the top`, edits: [{ range: { start: top, end: top }, newText: `${MARK}\n` }], safe: false }],
    });
  },
};
