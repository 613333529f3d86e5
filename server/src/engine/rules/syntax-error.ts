import type { Rule } from './rule';

export const syntaxError: Rule = {
  meta: {
    id: 'syntax-error',
    summary: 'A part of the script that PowerShell cannot parse: it says what is missing or unexpected, and where.',
    defaultSeverity: 'error',
    since: '0.1.0',
  },
  checkScript(context) {
    for (const error of context.syntaxErrors) context.report({ range: error.range, message: error.message });
  },
};
