import { splitModuleQualifiedName } from '../catalog';
import type { BoundCommand } from '../bind';
import { onlyTeamsHas, teamsUnmarked } from '../module-context';
import type { Range } from '../text';
import type { Rule, RuleContext } from './rule';

const MARK = '# lync-pic: target=teams';

/** The first Teams-only thing of the script: a cmdlet only the Teams module has, or such a parameter of a server cmdlet. */
function firstTeamsMark(context: RuleContext): { readonly range: Range; readonly what: string } | undefined {
  let next = 0;
  for (const command of context.commands) {
    const bound: BoundCommand | undefined = context.bound[next]?.command === command ? context.bound[next++] : undefined;
    const { name, qualifier } = splitModuleQualifiedName(command.name);
    if (qualifier !== undefined || context.definedFunctions.has(command.name.toLowerCase())) continue;
    if (!bound) {
      if (!context.catalog.isKnownCmdletName(name) && context.catalog.isKnownCmdletName(name, 'teams'))
        return { range: command.nameRange, what: `${name} is a cmdlet of the MicrosoftTeams module only` };
      continue;
    }
    const written = [...bound.unresolved.map((u) => u.written), ...bound.parameters.filter((p) => p.parameter.versions.length === 0).map((p) => p.written)];
    const teamsOnly = written.find((w) => onlyTeamsHas(context.catalog, bound.cmdlet.name, w.name));
    if (teamsOnly) return { range: teamsOnly.range, what: `-${teamsOnly.name} is a parameter of ${bound.cmdlet.name} in the MicrosoftTeams module only` };
  }
  return undefined;
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
