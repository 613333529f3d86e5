import type { Rule } from './rule';

export const teamsContext: Rule = {
  meta: {
    id: 'teams-context',
    summary: 'A Microsoft Teams script: its Cs cmdlets share names with the on-premises ones but not their parameters, so they are not judged.',
    defaultSeverity: 'info',
    since: '0.1.0',
  },
  checkScript(context) {
    if (!context.teamsContext) return;
    context.report({
      range: context.teamsContext.nameRange,
      message:
        'This script uses the MicrosoftTeams module, whose Cs cmdlets differ from those of Lync and Skype for Business Server: lync-pic does not check its Cs commands.',
    });
  },
};
