import type { BoundCommand } from '../bind';
import { parameterNamed } from '../skype';
import type { Rule } from './rule';
import { createsProvider } from './unguarded-new-provider';
import { shown } from '../util/show';

export const publicProviderDefaultRouting: Rule = {
  meta: {
    id: 'public-provider-default-routing',
    summary: 'Set-CsAccessEdgeConfiguration -UseDefaultRouting in a script that creates a public provider: public providers need DNS SRV routing.',
    defaultSeverity: 'warning',
    since: '0.1.0',
  },
  checkScript(context) {
    let provider: BoundCommand | undefined | null;
    for (const bound of context.boundOf('Set-CsAccessEdgeConfiguration')) {
      const routing = parameterNamed(bound, 'UseDefaultRouting');
      if (!routing) continue;
      // The first public provider the script creates, anywhere in it (looked for once, when needed).
      if (provider === undefined) provider = context.boundOf('New-CsPublicProvider').find(createsProvider) ?? null;
      if (provider === null) return;
      const name = provider.identity === undefined ? 'a public provider' : `the public provider ${shown(provider.identity)}`;
      context.report({
        range: routing.written.range,
        message: `This script creates ${name} (line ${provider.command.range.start.line + 1}), but an Edge with default routing cannot federate with public providers: use DNS SRV routing (-UseDnsSrvRouting) instead.`,
      });
    }
  },
};
