import type { Catalog, CatalogModule } from '../catalog';
import { splitModuleQualifiedName } from '../catalog';
import { replaceFix } from '../fix/edits';
import { KeyedCache } from '../util/cache';
import { nearest, typoTolerance } from '../util/distance';
import type { Rule } from './rule';

const CS_CMDLET_SHAPE = /^[a-z]+-cs[a-z0-9]+$/i;

const MODULE_NAMES: Readonly<Record<CatalogModule, string>> = {
  skype: 'a Lync or Skype for Business Server cmdlet',
  teams: 'a Lync, Skype for Business Server or Microsoft Teams cmdlet',
};

/** Suggestions per misspelt name and module, per catalogue: a script often repeats the same typo. */
const suggestionCache = new KeyedCache((catalog: Catalog, key: string): readonly string[] => {
  const [module, name] = key.split(' ') as [CatalogModule, string];
  // In a Teams context, a name may be meant for either module.
  const names = module === 'teams' ? [...catalog.cmdletNames('teams'), ...catalog.cmdletNames('skype')] : catalog.cmdletNames('skype');
  return [...new Set(nearest(name, names, typoTolerance(name)))].slice(0, 3);
}, 1_000);

export const unknownCmdlet: Rule = {
  meta: {
    id: 'unknown-cmdlet',
    summary: 'A Cs cmdlet name that does not exist but is close to one that does (a typo).',
    defaultSeverity: 'warning',
    since: '0.1.0',
  },
  checkCommand(command, context) {
    if (context.isBound) return;
    const { name, qualifier } = splitModuleQualifiedName(command.name);
    if (!CS_CMDLET_SHAPE.test(name) || context.definedFunctions.has(command.name.toLowerCase())) return;
    // A Teams cmdlet in a script that does not connect to Teams is teams-context's to explain.
    if (context.catalog.isKnownCmdletName(name) || context.catalog.isKnownCmdletName(name, 'teams')) return;
    const module = context.teamsConnected ? 'teams' : 'skype';
    const retired = module === 'teams' ? context.catalog.retiredCmdlet(name, 'teams') : undefined;
    if (retired) {
      context.report({
        range: command.nameRange,
        message: `The MicrosoftTeams module dropped ${retired.name}: Microsoft's reference removed its page on ${retired.removed} (commit ${retired.commit}).`,
      });
      return;
    }
    const suggestions = suggestionCache.get(context.catalog, `${module} ${name}`);
    if (suggestions.length === 0) return;
    const prefix = qualifier === undefined ? '' : `${qualifier}\\`;
    context.report({
      range: command.nameRange,
      message: `${name} is not ${MODULE_NAMES[module]}. Did you mean ${suggestions.join(' or ')}?`,
      fixes: suggestions.map((s, i) => replaceFix(`Change to ${s}`, command.nameRange, prefix + s, i === 0 && suggestions.length === 1)),
    });
  },
};
