import type { Catalog } from '../catalog';
import { replaceFix } from '../fix/edits';
import { KeyedCache } from '../util/cache';
import { nearest, typoTolerance } from '../util/distance';
import type { Rule } from './rule';

const CS_CMDLET_SHAPE = /^[a-z]+-cs[a-z0-9]+$/i;

/** Suggestions per misspelt name, per catalogue: a script often repeats the same typo. */
const suggestionCache = new KeyedCache(
  (catalog: Catalog, name: string): readonly string[] =>
    nearest(
      name,
      catalog.cmdlets.map((c) => c.name),
      typoTolerance(name),
    ).slice(0, 3),
  1_000,
);

export const unknownCmdlet: Rule = {
  meta: {
    id: 'unknown-cmdlet',
    summary: 'A Cs cmdlet name that does not exist but is close to one that does (a typo).',
    defaultSeverity: 'warning',
    since: '0.1.0',
  },
  checkCommand(command, context) {
    if (context.teamsScript) return;
    const name = command.name;
    if (!CS_CMDLET_SHAPE.test(name) || context.catalog.isKnownCmdletName(name) || context.definedFunctions.has(name.toLowerCase())) return;
    const suggestions = suggestionCache.get(context.catalog, name);
    if (suggestions.length === 0) return;
    context.report({
      range: command.nameRange,
      message: `${name} is not a Lync or Skype for Business Server cmdlet. Did you mean ${suggestions.join(' or ')}?`,
      fixes: suggestions.map((s, i) => replaceFix(`Change to ${s}`, command.nameRange, s, i === 0 && suggestions.length === 1)),
    });
  },
};
