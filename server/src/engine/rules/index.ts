import { ambiguousParameter } from './ambiguous-parameter';
import { duplicateParameter } from './duplicate-parameter';
import { invalidValue } from './invalid-value';
import { missingParameterValue } from './missing-parameter-value';
import { missingRequiredParameter } from './missing-required-parameter';
import { parameterSetConflict } from './parameter-set-conflict';
import type { Rule } from './rule';
import { skypeProxyFqdn } from './skype-proxy-fqdn';
import { skypeRoutingDomain } from './skype-routing-domain';
import { unexpectedArgument } from './unexpected-argument';
import { unknownCmdlet } from './unknown-cmdlet';
import { unknownParameter } from './unknown-parameter';

/** Every rule, in the order their findings are listed for one position. */
export const RULES: readonly Rule[] = [
  unknownCmdlet,
  unknownParameter,
  ambiguousParameter,
  duplicateParameter,
  missingParameterValue,
  missingRequiredParameter,
  parameterSetConflict,
  unexpectedArgument,
  invalidValue,
  skypeProxyFqdn,
  skypeRoutingDomain,
];

export * from './rule';
