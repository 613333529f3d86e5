import { availableOn, splitModuleQualifiedName } from '../catalog';
import { teamsUnmarked } from '../module-context';
import type { Rule } from './rule';
import { availability, targetName } from './version-unavailable-parameter';

export const versionUnavailableCmdlet: Rule = {
  meta: {
    id: 'version-unavailable-cmdlet',
    summary: 'A cmdlet that the target server version does not have (or that no Lync or Skype for Business Server version has).',
    defaultSeverity: 'error',
    since: '0.1.0',
  },
  checkBound(bound, context) {
    const cmdlet = bound.cmdlet;
    if (cmdlet.module === 'teams' || availableOn(cmdlet, context.target)) return;
    const name = cmdlet.name;
    if (cmdlet.versions.length === 0) {
      // A cmdlet of Teams too, in a script that does not say it is a Teams script: teams-context says so once.
      if (teamsUnmarked(context) && context.catalog.isKnownCmdletName(name, 'teams')) return;
      context.report({
        range: bound.command.nameRange,
        message: `${name} exists on no Lync or Skype for Business Server version: the reference lists it for Skype for Business Online only.`,
      });
      return;
    }
    context.report({
      range: bound.command.nameRange,
      message: `${name} does not exist on ${targetName(context.target)}; it is available on ${availability(cmdlet)}.`,
    });
  },
  checkCommand(command, context) {
    // A cmdlet only the Teams module has, in a script that says it targets a server version.
    if (context.isBound || context.target === 'any') return;
    const { name, module } = splitModuleQualifiedName(command.name);
    if (context.module === 'teams' || module === 'teams' || context.teamsConnected) return;
    if (
      context.catalog.isKnownCmdletName(name) ||
      !context.catalog.isKnownCmdletName(name, 'teams') ||
      context.definedFunctions.has(command.name.toLowerCase())
    )
      return;
    context.report({
      range: command.nameRange,
      message: `${name} is a cmdlet of the MicrosoftTeams module: ${targetName(context.target)} does not have it.`,
    });
  },
};
