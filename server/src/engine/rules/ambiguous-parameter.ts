import { replaceFix } from '../fix/edits';
import { orList } from '../util/distance';
import type { Rule } from './rule';

export const ambiguousParameter: Rule = {
  meta: {
    id: 'ambiguous-parameter',
    summary: 'A shortened parameter name that matches more than one parameter.',
    defaultSeverity: 'error',
    since: '0.1.0',
  },
  checkBound(bound, context) {
    for (const { written, ambiguousWith } of bound.unresolved) {
      if (!ambiguousWith) continue;
      context.report({
        range: written.range,
        message: `-${written.name} is ambiguous for ${bound.cmdlet.name}: it could be ${orList(ambiguousWith)}. Write the full name.`,
        fixes: ambiguousWith.map((name) =>
          replaceFix(`Change to -${name}`, written.range, written.viaSplat ? name : `-${name}${written.colon ? ':' : ''}`, false),
        ),
      });
    }
  },
};
