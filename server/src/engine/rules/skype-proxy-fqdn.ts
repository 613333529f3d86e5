import { replaceFix } from '../fix/edits';
import { hasParameter, isSkypeProvider, literalOf, parameterNamed, SKYPE } from '../skype';
import type { Rule } from './rule';
import { shown } from '../util/show';

export const skypeProxyFqdn: Rule = {
  meta: {
    id: 'skype-proxy-fqdn',
    summary: `The Skype (Messenger) public provider must use the ProxyFqdn ${SKYPE.proxyFqdn}.`,
    defaultSeverity: 'error',
    since: '0.1.0',
  },
  appliesTo: (cmdlet) => hasParameter(cmdlet, 'ProxyFqdn'),
  checkBound(bound, context) {
    const proxy = parameterNamed(bound, 'ProxyFqdn');
    const fqdn = literalOf(proxy);
    if (!proxy?.value || fqdn === undefined || !isSkypeProvider(bound)) return;
    if (fqdn.toLowerCase().replace(/\.$/, '') === SKYPE.proxyFqdn) return;
    context.report({
      range: proxy.value.range,
      message: `The Skype provider's ProxyFqdn must be ${shown(SKYPE.proxyFqdn)}, not ${shown(fqdn)}: with any other value, messages to Skype users go nowhere and nothing tells you.`,
      fixes: [replaceFix(`Change to ${SKYPE.proxyFqdn}`, proxy.value.range, SKYPE.proxyFqdn, true)],
    });
  },
};
