import { replaceFix } from '../fix/edits';
import { hasParameter, isSkypeProvider, literalOf, parameterNamed, SKYPE } from '../skype';
import type { Rule } from './rule';
import { shown } from '../util/show';

function isAbsoluteHttps(text: string): boolean {
  try {
    return new URL(text).protocol === 'https:';
  } catch {
    return false;
  }
}

export const skypeIconUrl: Rule = {
  meta: {
    id: 'skype-icon-url',
    summary: 'A provider icon URL that is not an absolute https URL, or not the documented Messenger icon for Skype.',
    defaultSeverity: 'warning',
    since: '0.1.0',
  },
  appliesTo: (cmdlet) => hasParameter(cmdlet, 'IconUrl'),
  checkBound(bound, context) {
    const binding = parameterNamed(bound, 'IconUrl');
    const url = literalOf(binding);
    if (!binding?.value || url === undefined) return;
    const skype = isSkypeProvider(bound);
    const fixes = skype ? [replaceFix('Use the documented Skype icon URL', binding.value.range, SKYPE.iconUrl, true)] : [];
    if (!isAbsoluteHttps(url)) {
      context.report({ range: binding.value.range, message: `-IconUrl must be an absolute https URL; clients cannot load ${shown(url)}.`, fixes });
    } else if (skype && url !== SKYPE.iconUrl) {
      context.report({ range: binding.value.range, message: `The Skype provider's documented icon is ${shown(SKYPE.iconUrl)}.`, fixes });
    }
  },
};
