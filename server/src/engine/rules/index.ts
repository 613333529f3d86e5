import { ambiguousParameter } from './ambiguous-parameter';
import { domainAllowedAndBlocked } from './domain-allowed-and-blocked';
import { incompletePicSetup } from './incomplete-pic-setup';
import { newGlobalPolicy } from './new-global-policy';
import { partnerDiscoveryRouting } from './partner-discovery-routing';
import { teamsContext } from './teams-context';
import { createOnlyParameter } from './create-only-parameter';
import { deprecatedVerificationLevel } from './deprecated-verification-level';
import { messengerProvider } from './messenger-provider';
import { retiredPublicProvider } from './retired-public-provider';
import { skypeDirectorySearch } from './skype-directory-search';
import { skypeExcludedDomains } from './skype-excluded-domains';
import { skypeIconUrl } from './skype-icon-url';
import { unguardedNewProvider } from './unguarded-new-provider';
import { duplicateNewProvider } from './duplicate-new-provider';
import { publicProviderDefaultRouting } from './public-provider-default-routing';
import { versionUnavailableCmdlet } from './version-unavailable-cmdlet';
import { versionUnavailableParameter } from './version-unavailable-parameter';
import { duplicateParameter } from './duplicate-parameter';
import { invalidValue } from './invalid-value';
import { missingParameterValue } from './missing-parameter-value';
import { missingRequiredParameter } from './missing-required-parameter';
import { parameterSetConflict } from './parameter-set-conflict';
import type { Rule } from './rule';
import { skypeProxyFqdn } from './skype-proxy-fqdn';
import { skypeRoutingDomain } from './skype-routing-domain';
import { syntaxError } from './syntax-error';
import { unexpectedArgument } from './unexpected-argument';
import { unfilledPlaceholder } from './unfilled-placeholder';
import { unknownCmdlet } from './unknown-cmdlet';
import { unknownParameter } from './unknown-parameter';

/** Every rule, in the order their findings are listed for one position. */
export const RULES: readonly Rule[] = [
  syntaxError,
  unknownCmdlet,
  unknownParameter,
  ambiguousParameter,
  duplicateParameter,
  missingParameterValue,
  missingRequiredParameter,
  parameterSetConflict,
  unexpectedArgument,
  unfilledPlaceholder,
  invalidValue,
  versionUnavailableCmdlet,
  versionUnavailableParameter,
  createOnlyParameter,
  skypeProxyFqdn,
  skypeRoutingDomain,
  skypeExcludedDomains,
  skypeIconUrl,
  deprecatedVerificationLevel,
  skypeDirectorySearch,
  duplicateNewProvider,
  unguardedNewProvider,
  retiredPublicProvider,
  messengerProvider,
  newGlobalPolicy,
  partnerDiscoveryRouting,
  publicProviderDefaultRouting,
  domainAllowedAndBlocked,
  incompletePicSetup,
  teamsContext,
];

export * from './rule';
