import type { Rule } from './rule';

export const missingParameterValue: Rule = {
  meta: {
    id: 'missing-parameter-value',
    summary: 'A parameter that needs a value but has none.',
    defaultSeverity: 'error',
    since: '0.1.0',
  },
  checkBound(bound, context) {
    for (const binding of bound.parameters) {
      if (binding.parameter.kind === 'switch' || binding.value) continue;
      context.report({
        range: binding.written.range,
        message: `-${binding.parameter.name} needs a value (${binding.parameter.type}).`,
      });
    }
    for (const binding of bound.common) {
      if (!binding.parameter.takesValue || binding.value) continue;
      context.report({ range: binding.written.range, message: `-${binding.parameter.name} needs a value.` });
    }
  },
};
