import { availableOn, SERVER_VERSION_NAMES } from '../catalog';
import { removeArgumentFix } from '../fix/edits';
import type { Rule } from './rule';

export const versionUnavailableParameter: Rule = {
  meta: {
    id: 'version-unavailable-parameter',
    summary: 'A parameter that the target server version does not have (or that only Microsoft Teams has).',
    defaultSeverity: 'error',
    since: '0.1.0',
  },
  check(context) {
    for (const bound of context.bound) {
      for (const binding of bound.parameters) {
        const { parameter } = binding;
        if (availableOn(parameter, context.target)) continue;
        const where = parameter.versions.map((v) => SERVER_VERSION_NAMES[v]).join(', ');
        const message =
          parameter.versions.length === 0
            ? `-${parameter.name} of ${bound.cmdlet.name} belongs to Microsoft Teams / Skype for Business Online; no Lync or Skype for Business Server version has it.`
            : `-${parameter.name} of ${bound.cmdlet.name} does not exist on ${context.target === 'any' ? 'any server' : SERVER_VERSION_NAMES[context.target]}; it is available on ${where}.`;
        context.report({ range: binding.written.range, message, fixes: [removeArgumentFix(`Remove -${parameter.name}`, context.index, binding, false)] });
      }
    }
  },
};
