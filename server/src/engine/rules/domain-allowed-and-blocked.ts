import type { BoundCommand } from '../bind';
import { literalOf, parameterNamed } from '../skype';
import type { Rule } from './rule';
import { shown } from '../util/show';

/** The domain a New-CsAllowedDomain / New-CsBlockedDomain command adds (its -Domain or its Identity). */
function domainOf(bound: BoundCommand): string | undefined {
  return (literalOf(parameterNamed(bound, 'Domain')) ?? bound.identity)?.toLowerCase();
}

export const domainAllowedAndBlocked: Rule = {
  meta: {
    id: 'domain-allowed-and-blocked',
    summary: 'A domain added to both the allowed and the blocked federation lists in the same script.',
    defaultSeverity: 'warning',
    since: '0.1.0',
  },
  checkScript(context) {
    const blocked = context.boundOf('New-CsBlockedDomain');
    if (blocked.length === 0) return;
    const allowed = new Map<string, BoundCommand>();
    for (const bound of context.boundOf('New-CsAllowedDomain')) {
      const domain = domainOf(bound);
      if (domain && !allowed.has(domain)) allowed.set(domain, bound);
    }
    for (const bound of blocked) {
      const domain = domainOf(bound);
      const other = domain ? allowed.get(domain) : undefined;
      if (!domain || !other) continue;
      context.report({
        range: bound.command.nameRange,
        message: `${shown(domain)} is also added to the allowed domains (line ${other.command.range.start.line + 1}); a domain belongs on one list only.`,
      });
    }
  },
};
