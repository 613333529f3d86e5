import type { Rule } from './rule';
import { shownArgument } from '../util/show';

export const unexpectedArgument: Rule = {
  meta: {
    id: 'unexpected-argument',
    summary: 'A value that no parameter takes (a positional argument the cmdlet does not accept).',
    defaultSeverity: 'error',
    since: '0.1.0',
  },
  checkBound(bound, context) {
    if (bound.openSplat || bound.sets.conflicting.length > 0) return;
    for (const { value, afterSwitch } of bound.sets.surplus) {
      if (afterSwitch) continue; // invalid-value explains a value written after a switch
      context.report({
        range: value.range,
        message: `${bound.cmdlet.name} has no positional parameter for ${shownArgument(value)}; name the parameter it is meant for.`,
      });
    }
  },
};
