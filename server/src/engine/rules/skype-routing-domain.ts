import { availableOn } from '../catalog';
import { replaceFix } from '../fix/edits';
import { isServerCmdlet, isSkypeProvider, literalOf, parameterNamed, SKYPE } from '../skype';
import type { Rule } from './rule';
import { shown } from '../util/show';

export const skypeRoutingDomain: Rule = {
  meta: {
    id: 'skype-routing-domain',
    summary: `New-CsPublicProvider for Skype needs -NameDecorationRoutingDomain ${SKYPE.routingDomain}.`,
    defaultSeverity: 'warning',
    since: '0.1.0',
  },
  appliesTo: (cmdlet) => isServerCmdlet(cmdlet, 'New-CsPublicProvider'),
  checkBound(bound, context) {
    if (bound.openSplat || !isSkypeProvider(bound)) return;
    const spec = bound.cmdlet.parameters.find((p) => p.name === 'NameDecorationRoutingDomain');
    if (!spec || !availableOn(spec, context.target)) return;
    const routing = parameterNamed(bound, 'NameDecorationRoutingDomain');
    if (!routing) {
      const end = bound.command.range.end;
      context.report({
        range: bound.command.nameRange,
        message: `The Skype provider needs -NameDecorationRoutingDomain ${SKYPE.routingDomain}: without it, Skype users whose addresses are name-decorated (user(outlook.com)@msn.com) cannot be reached.`,
        fixes: [
          replaceFix(
            `Add -NameDecorationRoutingDomain ${SKYPE.routingDomain}`,
            { start: end, end },
            ` -NameDecorationRoutingDomain ${SKYPE.routingDomain}`,
            true,
          ),
        ],
      });
      return;
    }
    const domain = literalOf(routing);
    if (!routing.value || domain === undefined || domain.toLowerCase() === SKYPE.routingDomain) return;
    context.report({
      range: routing.value.range,
      message: `The Skype provider's NameDecorationRoutingDomain must be ${shown(SKYPE.routingDomain)}, not ${shown(domain)}.`,
      fixes: [replaceFix(`Change to ${SKYPE.routingDomain}`, routing.value.range, SKYPE.routingDomain, true)],
    });
  },
};
