import { appendArgumentsFix } from '../fix/edits';
import { isServerCmdlet, isSkypeProvider, parameterNamed } from '../skype';
import type { Rule } from './rule';

const SFB_TARGETS = new Set(['sfb2015', 'sfb2019', 'sfbse']);
const SETTINGS = ['EnableSkypeIdRouting', 'EnableSkypeDirectorySearch'] as const;

export const skypeDirectorySearch: Rule = {
  meta: {
    id: 'skype-directory-search',
    summary: 'On Skype for Business Server, the Skype provider can turn on Skype ID routing and Skype directory search.',
    defaultSeverity: 'info',
    since: '0.1.0',
  },
  appliesTo: (cmdlet) => isServerCmdlet(cmdlet, 'New-CsPublicProvider'),
  checkBound(bound, context) {
    if (!SFB_TARGETS.has(context.target)) return;
    if (bound.openSplat || !isSkypeProvider(bound)) return;
    const missing = SETTINGS.filter((name) => !parameterNamed(bound, name));
    if (missing.length === 0) return;
    context.report({
      range: bound.command.nameRange,
      message: `The Skype for Business Server setup page also sets ${missing.map((m) => `-${m} $true`).join(' and ')}: users can then find Skype users in the directory and reach them by Skype ID.`,
      fixes: [appendArgumentsFix(`Add ${missing.map((m) => `-${m} $true`).join(' ')}`, bound.command, missing.map((m) => `-${m} $true`).join(' '), false)],
    });
  },
};
