import type { Rule } from './rule';

export const duplicateParameter: Rule = {
  meta: {
    id: 'duplicate-parameter',
    summary: 'The same parameter given twice in one command.',
    defaultSeverity: 'error',
    since: '0.1.0',
  },
  checkBound(bound, context) {
    const given = bound.common.length === 0 ? bound.parameters : [...bound.parameters, ...bound.common];
    // A command gives a handful of parameters: comparing each with those before it allocates nothing.
    for (let i = 1; i < given.length; i++) {
      const { parameter, written } = given[i];
      if (!givenBefore(given, i, parameter.name)) continue;
      context.report({
        range: written.range,
        message: `-${parameter.name} is given more than once; PowerShell refuses to run ${bound.cmdlet.name} like this.`,
      });
    }
  },
};

function givenBefore(given: readonly { parameter: { name: string } }[], end: number, name: string): boolean {
  for (let i = 0; i < end; i++) if (given[i].parameter.name === name) return true;
  return false;
}
