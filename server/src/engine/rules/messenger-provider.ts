import type { BoundCommand } from '../bind';
import { indentationAt } from '../fix/edits';
import { documentedSkypeProviderCommand, guardedRemoveCommand } from '../skype';
import { enablesProvider, mayEnableProvider } from './retired-public-provider';
import type { CommandContext, Fix, Rule } from './rule';

/** Replaces the Messenger command with the guarded removal of Messenger and the documented Skype provider. */
function renameFix(context: CommandContext, bound: BoundCommand): Fix {
  const indentation = indentationAt(context.index, bound.command.range.start.line);
  return {
    title: 'Replace Messenger with the documented Skype provider',
    edits: [{ range: bound.command.range, newText: `${guardedRemoveCommand('Messenger')}\n${indentation}${documentedSkypeProviderCommand(context.target)}` }],
    safe: false,
  };
}

export const messengerProvider: Rule = {
  meta: {
    id: 'messenger-provider',
    summary: 'The Messenger provider already reaches Skype users; renaming it to Skype is optional.',
    defaultSeverity: 'info',
    since: '0.1.0',
  },
  appliesTo: mayEnableProvider,
  checkBound(bound, context) {
    if (bound.identity?.toLowerCase() !== 'messenger' || !enablesProvider(bound)) return;
    context.report({
      range: bound.command.nameRange,
      message:
        'Windows Live Messenger users moved to Skype in 2013 and the Messenger provider already reaches them. Renaming it to Skype (remove it, then create Skype) is optional.',
      fixes: [renameFix(context, bound)],
    });
  },
};
