import type { BoundCommand } from '../bind';
import type { CmdletSpec } from '../catalog';
import { isCmdlet, isServerCmdlet, parameterNamed } from '../skype';
import type { Rule } from './rule';
import { shown } from '../util/show';

const RETIRED = /yahoo|\baol\b|\baim\b/i;

/** The cmdlets that can create a public provider or switch one on. */
export function mayEnableProvider(cmdlet: CmdletSpec): boolean {
  return isServerCmdlet(cmdlet, 'New-CsPublicProvider') || isServerCmdlet(cmdlet, 'Enable-CsPublicProvider') || isServerCmdlet(cmdlet, 'Set-CsPublicProvider');
}

/** Whether the command creates a public provider or switches one on. */
export function enablesProvider(bound: BoundCommand): boolean {
  if (isCmdlet(bound, 'New-CsPublicProvider') || isCmdlet(bound, 'Enable-CsPublicProvider')) return true;
  if (!isCmdlet(bound, 'Set-CsPublicProvider')) return false;
  const enabled = parameterNamed(bound, 'Enabled')?.value?.literal?.toLowerCase();
  return enabled === '$true' || enabled === '1';
}

export const retiredPublicProvider: Rule = {
  meta: {
    id: 'retired-public-provider',
    summary: 'Creating or enabling a retired public provider: Yahoo! or AOL (AIM).',
    defaultSeverity: 'warning',
    since: '0.1.0',
  },
  appliesTo: mayEnableProvider,
  checkBound(bound, context) {
    const identity = bound.identity;
    if (identity === undefined || !RETIRED.test(identity) || !enablesProvider(bound)) return;
    context.report({
      range: bound.command.nameRange,
      message: `Public IM connectivity with ${shown(identity)} ended on June 30, 2014: this provider connects to nobody. Only Skype (formerly Messenger) is still reachable.`,
    });
  },
};
