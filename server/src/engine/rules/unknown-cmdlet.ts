import { replaceFix } from '../fix/edits';
import { nearest, typoTolerance } from '../util/distance';
import type { Rule } from './rule';

const CS_CMDLET_SHAPE = /^[a-z]+-cs[a-z0-9]+$/i;

export const unknownCmdlet: Rule = {
  meta: {
    id: 'unknown-cmdlet',
    summary: 'A Cs cmdlet name that does not exist but is close to one that does (a typo).',
    defaultSeverity: 'warning',
    since: '0.1.0',
  },
  check(context) {
    if (context.teamsContext) return;
    const names = context.catalog.cmdlets.map((c) => c.name);
    for (const command of context.commands) {
      const name = command.name;
      if (!CS_CMDLET_SHAPE.test(name) || context.catalog.isKnownCmdletName(name)) continue;
      const suggestions = nearest(name, names, typoTolerance(name)).slice(0, 3);
      if (suggestions.length === 0) continue;
      context.report({
        range: command.nameRange,
        message: `${name} is not a Lync or Skype for Business Server cmdlet. Did you mean ${suggestions.join(' or ')}?`,
        fixes: suggestions.map((s, i) => replaceFix(`Change to ${s}`, command.nameRange, s, i === 0 && suggestions.length === 1)),
      });
    }
  },
};
