import { replaceFix } from '../fix/edits';
import type { Rule } from './rule';

const POLICY_NEW = /^New-(CsExternalAccessPolicy|CsClientPolicy)$/i;

export const newGlobalPolicy: Rule = {
  meta: {
    id: 'new-global-policy',
    summary: 'New-CsExternalAccessPolicy (or New-CsClientPolicy) for the global policy, which exists already and can only be changed.',
    defaultSeverity: 'error',
    since: '0.1.0',
  },
  appliesTo: (cmdlet) => POLICY_NEW.test(cmdlet.name),
  checkBound(bound, context) {
    const noun = POLICY_NEW.exec(bound.cmdlet.name)?.[1];
    if (!noun || bound.identity?.toLowerCase() !== 'global') return;
    context.report({
      range: bound.command.nameRange,
      message: `The global policy always exists: New-${noun} cannot create it. Change it with Set-${noun} -Identity Global.`,
      fixes: [replaceFix(`Change to Set-${noun}`, bound.command.nameRange, `Set-${noun}`, false)],
    });
  },
};
