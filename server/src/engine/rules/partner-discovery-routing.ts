import type { BoundCommand } from '../bind';
import { parameterNamed } from '../skype';
import { comparePositions, type Position } from '../text';
import type { Rule } from './rule';

export const partnerDiscoveryRouting: Rule = {
  meta: {
    id: 'partner-discovery-routing',
    summary: 'EnablePartnerDiscovery set without -UseDnsSrvRouting: partner discovery works only with DNS SRV routing.',
    defaultSeverity: 'warning',
    since: '0.1.0',
  },
  checkScript(context) {
    // The first command that turns on DNS SRV routing (found once, when needed; the bound commands are in document order).
    const edges = context.boundOf('Set-CsAccessEdgeConfiguration');
    let firstDnsSrvRouting: BoundCommand | null | undefined;
    const dnsSrvRoutingEarlier = (position: Position): boolean => {
      if (firstDnsSrvRouting === undefined) firstDnsSrvRouting = edges.find((b) => parameterNamed(b, 'UseDnsSrvRouting') !== undefined) ?? null;
      return firstDnsSrvRouting !== null && comparePositions(firstDnsSrvRouting.command.range.start, position) < 0;
    };
    for (const bound of edges) {
      if (bound.openSplat) continue;
      const discovery = parameterNamed(bound, 'EnablePartnerDiscovery');
      if (!discovery || parameterNamed(bound, 'UseDnsSrvRouting') || dnsSrvRoutingEarlier(bound.command.range.start)) continue;
      const at = discovery.written.range.start;
      context.report({
        range: discovery.written.range,
        message: 'Partner discovery needs DNS SRV routing: add -UseDnsSrvRouting to this command (Skype federation relies on partner discovery).',
        fixes: [{ title: 'Add -UseDnsSrvRouting', edits: [{ range: { start: at, end: at }, newText: '-UseDnsSrvRouting ' }], safe: false }],
      });
    }
  },
};
