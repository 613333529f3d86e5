import type { ArgumentValue, CommandElement } from '../parse/commands';
import type { Rule } from './rule';

/** The placeholders among a value and its elements (`<a>, <b>`), added to `into`. */
function addPlaceholders(value: ArgumentValue, into: ArgumentValue[]): void {
  if (value.kind === 'placeholder') into.push(value);
  else if (value.elements) for (const element of value.elements) addPlaceholders(element, into);
}

export const unfilledPlaceholder: Rule = {
  meta: {
    id: 'unfilled-placeholder',
    summary: 'A value still written as a placeholder of a documentation template (`-Identity <policy name>`).',
    defaultSeverity: 'warning',
    since: '0.1.0',
  },
  checkCommand(command, context) {
    let parameter: CommandElement | undefined;
    for (const element of command.elements) {
      if (element.type === 'value' && (element.value.kind === 'placeholder' || element.value.elements)) {
        const placeholders: ArgumentValue[] = [];
        addPlaceholders(element.value, placeholders);
        const named = parameter?.type === 'parameter' && parameter.name ? ` for -${parameter.name}` : '';
        for (const placeholder of placeholders) {
          context.report({
            range: placeholder.range,
            message: `${placeholder.text} is a placeholder from a documentation template: replace it with the value${named} (PowerShell reads '<' as a reserved operator).`,
          });
        }
      }
      parameter = element;
    }
  },
};
