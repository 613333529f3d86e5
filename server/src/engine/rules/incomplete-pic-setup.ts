import type { BoundCommand } from '../bind';
import { parameterNamed } from '../skype';
import type { Fix, Rule } from './rule';

function setsTrue(bound: BoundCommand, parameter: string): boolean {
  const value = parameterNamed(bound, parameter)?.value;
  return value?.kind === 'variable' || value?.kind === 'expression' || value?.literal === '$true' || value?.literal === '1';
}

const FEDERATION_COMMAND = 'Set-CsAccessEdgeConfiguration -AllowFederatedUsers $true';
const POLICY_COMMAND = 'Set-CsExternalAccessPolicy -Identity Global -EnablePublicCloudAccess $true';

export const incompletePicSetup: Rule = {
  meta: {
    id: 'incomplete-pic-setup',
    summary: 'A script that creates a public provider but neither turns on federation at the Access Edge nor allows public IM in any external access policy.',
    defaultSeverity: 'hint',
    since: '0.1.0',
  },
  checkScript(context) {
    const [creation] = context.boundOf('New-CsPublicProvider');
    if (!creation) return;
    const federation = context.boundOf('Set-CsAccessEdgeConfiguration').some((b) => b.openSplat || setsTrue(b, 'AllowFederatedUsers'));
    const allowsPublicIm = (b: BoundCommand): boolean => b.openSplat || setsTrue(b, 'EnablePublicCloudAccess');
    const publicIm = context.boundOf('Set-CsExternalAccessPolicy').some(allowsPublicIm) || context.boundOf('New-CsExternalAccessPolicy').some(allowsPublicIm);
    const missing = [federation ? undefined : FEDERATION_COMMAND, publicIm ? undefined : POLICY_COMMAND].filter((c): c is string => c !== undefined);
    if (missing.length === 0) return;
    const end = context.index.positionAt(context.text.length);
    const lead = context.text.length === 0 || /\n$/.test(context.text) ? '' : '\n';
    const fix: Fix = {
      title: missing.length === 2 ? 'Append the commands that turn on federation and public IM' : `Append ${missing[0]}`,
      edits: [{ range: { start: end, end }, newText: `${lead}${missing.join('\n')}\n` }],
      safe: false,
    };
    const what = [
      federation ? undefined : 'federation is never turned on at the Access Edge (Set-CsAccessEdgeConfiguration -AllowFederatedUsers $true)',
      publicIm ? undefined : 'no external access policy allows public IM (-EnablePublicCloudAccess $true)',
    ].filter(Boolean);
    context.report({
      range: creation.command.nameRange,
      message: `Users still cannot reach Skype contacts if ${what.join(' and ')}, unless another script does it.`,
      fixes: [fix],
    });
  },
};
