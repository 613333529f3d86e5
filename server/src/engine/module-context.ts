/**
 * Which module a command of a script calls: the Skype for Business Server module (Lync before 2015), or Microsoft
 * Teams. Both have Cs cmdlets of the same names (`Set-CsExternalAccessPolicy`) with other parameters. It is decided
 * per command, as PowerShell does: a module-qualified name says it (`MicrosoftTeams\Set-CsUser`); after the script
 * connects to Teams (or with the target `teams`), a cmdlet the Teams module has is the Teams one (the module imported
 * last wins); any other cmdlet is the server's, so that a hybrid script's on-premises commands stay judged as such.
 */
import type { Catalog, CatalogModule, TargetVersion } from './catalog';
import { splitModuleQualifiedName } from './catalog';
import type { ScriptCommand } from './parse/commands';
import { comparePositions } from './text';

/** The cmdlet a command calls: its module and its name without a module qualifier. */
export interface CalledCmdlet {
  readonly module: CatalogModule;
  readonly name: string;
}

/**
 * The cmdlet a command calls, by the rules above; undefined for a name qualified by another module
 * (`ActiveDirectory\Get-CsX`).
 */
export function calledCmdlet(
  command: ScriptCommand,
  catalog: Catalog,
  target: TargetVersion,
  teamsConnection: ScriptCommand | undefined,
): CalledCmdlet | undefined {
  const { name, qualifier, module } = splitModuleQualifiedName(command.name);
  if (qualifier !== undefined) return module ? { module, name } : undefined;
  const inTeams = target === 'teams' || (teamsConnection !== undefined && comparePositions(teamsConnection.range.start, command.range.start) < 0);
  return { module: inTeams && catalog.isKnownCmdletName(name, 'teams') ? 'teams' : 'skype', name };
}

/**
 * The command that connects the script to Microsoft Teams: `Connect-MicrosoftTeams`, `Import-Module MicrosoftTeams`
 * (by name or -Name), or `Import-PSSession` of a session made by `New-CsOnlineSession` (Skype for Business Online,
 * whose cmdlets moved to the Teams module).
 */
export function teamsConnection(commands: readonly ScriptCommand[]): ScriptCommand | undefined {
  let onlineSession = false;
  for (const command of commands) {
    // Lower-casing keeps the length of names that can match: most commands are ruled out without it.
    const length = command.name.length;
    if (length !== CONNECT.length && length !== IMPORT_MODULE.length && length !== IMPORT_SESSION.length && length !== ONLINE_SESSION.length) continue;
    const name = command.name.toLowerCase();
    if (name === CONNECT || (name === IMPORT_MODULE && importsTeams(command)) || (name === IMPORT_SESSION && onlineSession)) return command;
    if (name === ONLINE_SESSION) onlineSession = true;
  }
  return undefined;
}

const CONNECT = 'connect-microsoftteams';
const IMPORT_MODULE = 'import-module';
const IMPORT_SESSION = 'import-pssession';
const ONLINE_SESSION = 'new-csonlinesession';

function importsTeams(command: ScriptCommand): boolean {
  return command.elements.some((e) => e.type === 'value' && e.value.literal?.toLowerCase() === 'microsoftteams');
}

/**
 * Whether a parameter written on a server cmdlet, which that cmdlet lacks (or has on no server version), is one the
 * Teams module's cmdlet of the same name has: the mark of a Teams script that does not say it connects to Teams.
 */
export function onlyTeamsHas(catalog: Catalog, cmdletName: string, written: string): boolean {
  const teams = catalog.cmdlet(cmdletName, 'teams');
  return teams !== undefined && catalog.resolveParameter(teams, written).status === 'parameter';
}

/**
 * Whether a parameter that a server cmdlet lacks is explained by teams-context instead of being reported on the
 * command: the script looks like an unmarked Teams script, the command's name is not module-qualified (a
 * `SkypeForBusiness\` command says it is the server's), and the Teams cmdlet of that name has the parameter.
 */
export function teamsExplains(
  context: TeamsEvidence & { readonly module: CatalogModule; readonly catalog: Catalog },
  command: ScriptCommand,
  cmdletName: string,
  parameterName: string,
): boolean {
  return context.module === 'skype' && teamsUnmarked(context) && !command.name.includes('\\') && onlyTeamsHas(context.catalog, cmdletName, parameterName);
}

/** What `teamsUnmarked` needs to know of the script: whether it connects to Teams or names a target. */
export interface TeamsEvidence {
  readonly target: TargetVersion;
  readonly teamsConnected: boolean;
}

/**
 * Whether Teams-only cmdlets and parameters are the mark of an unmarked Teams script here (the rule teams-context
 * says so once), rather than mistakes of a server script: no Teams connection, and no target version named.
 */
export function teamsUnmarked(script: TeamsEvidence): boolean {
  return !script.teamsConnected && script.target === 'any';
}
