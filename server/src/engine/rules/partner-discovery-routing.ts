import { isCmdlet, parameterNamed } from '../skype';
import type { Rule } from './rule';

export const partnerDiscoveryRouting: Rule = {
  meta: {
    id: 'partner-discovery-routing',
    summary: 'EnablePartnerDiscovery set without -UseDnsSrvRouting: partner discovery works only with DNS SRV routing.',
    defaultSeverity: 'warning',
    since: '0.1.0',
  },
  check(context) {
    // The offset of the first command that turns on DNS SRV routing (found once, when needed).
    let firstDnsSrvRouting: number | undefined;
    const dnsSrvRoutingEarlier = (offset: number): boolean => {
      firstDnsSrvRouting ??= context.bound.reduce(
        (first, b) =>
          isCmdlet(b, 'Set-CsAccessEdgeConfiguration') && parameterNamed(b, 'UseDnsSrvRouting') !== undefined ? Math.min(first, b.command.startOffset) : first,
        Infinity,
      );
      return firstDnsSrvRouting < offset;
    };
    for (const bound of context.bound) {
      if (!isCmdlet(bound, 'Set-CsAccessEdgeConfiguration') || bound.openSplat) continue;
      const discovery = parameterNamed(bound, 'EnablePartnerDiscovery');
      if (!discovery || parameterNamed(bound, 'UseDnsSrvRouting') || dnsSrvRoutingEarlier(bound.command.startOffset)) continue;
      const at = discovery.written.range.start;
      context.report({
        range: discovery.written.range,
        message: 'Partner discovery needs DNS SRV routing: add -UseDnsSrvRouting to this command (Skype federation relies on partner discovery).',
        fixes: [{ title: 'Add -UseDnsSrvRouting', edits: [{ range: { start: at, end: at }, newText: '-UseDnsSrvRouting ' }], safe: false }],
      });
    }
  },
};
