import type { Rule } from './rule';

export const duplicateParameter: Rule = {
  meta: {
    id: 'duplicate-parameter',
    summary: 'The same parameter given twice in one command.',
    defaultSeverity: 'error',
    since: '0.1.0',
    scope: 'command',
  },
  check(context) {
    for (const bound of context.bound) {
      const seen = new Set<string>();
      for (const { parameter, written } of [...bound.parameters, ...bound.common]) {
        if (seen.has(parameter.name)) {
          context.report({
            range: written.range,
            message: `-${parameter.name} is given more than once; PowerShell refuses to run ${bound.cmdlet.name} like this.`,
          });
        }
        seen.add(parameter.name);
      }
    }
  },
};
