import { ConfigurationTarget, StatusBarAlignment, commands, window, workspace, type ExtensionContext, type QuickPickItem } from 'vscode';

const VERSIONS: readonly { id: string; label: string }[] = [
  { id: 'any', label: 'Any server version' },
  { id: 'lync2010', label: 'Lync Server 2010' },
  { id: 'lync2013', label: 'Lync Server 2013' },
  { id: 'sfb2015', label: 'Skype for Business Server 2015' },
  { id: 'sfb2019', label: 'Skype for Business Server 2019' },
  { id: 'sfbse', label: 'Skype for Business Server Subscription Edition' },
  { id: 'teams', label: 'Microsoft Teams' },
];

const PICK_COMMAND = 'lyncPic.selectTargetVersion';

function labelOf(id: string): string {
  return VERSIONS.find((v) => v.id === id)?.label ?? id;
}

/** Asks for the target version and stores it in the workspace settings (user settings when no folder is open). */
async function pickTargetVersion(): Promise<void> {
  const current = workspace.getConfiguration('lyncPic').get<string>('targetVersion', 'any');
  const items: (QuickPickItem & { id: string })[] = VERSIONS.map((v) => ({ id: v.id, label: v.label, description: v.id === current ? 'current' : v.id }));
  const choice = await window.showQuickPick(items, { title: 'Lync PIC: target server version', placeHolder: 'The server version your scripts run on' });
  if (!choice) return;
  const target = workspace.workspaceFolders ? ConfigurationTarget.Workspace : ConfigurationTarget.Global;
  await workspace.getConfiguration('lyncPic').update('targetVersion', choice.id, target);
}

/** A status bar item, shown with PowerShell editors, that tells the target version and changes it on click. */
export function registerTargetVersionStatus(context: ExtensionContext): void {
  const item = window.createStatusBarItem('lyncPic.targetVersion', StatusBarAlignment.Right, 100);
  item.name = 'Lync PIC target version';
  item.command = PICK_COMMAND;
  const refresh = (): void => {
    const version = workspace.getConfiguration('lyncPic').get<string>('targetVersion', 'any');
    item.text = `$(server) ${version === 'any' ? 'Lync/SfB: any' : labelOf(version)}`;
    item.tooltip = 'Lync PIC lints for this server version. Click to change it (a "# lync-pic: target=…" comment in a script wins).';
    if (window.activeTextEditor?.document.languageId === 'powershell') item.show();
    else item.hide();
  };
  context.subscriptions.push(
    item,
    commands.registerCommand(PICK_COMMAND, pickTargetVersion),
    window.onDidChangeActiveTextEditor(refresh),
    workspace.onDidChangeConfiguration((e) => e.affectsConfiguration('lyncPic.targetVersion') && refresh()),
  );
  refresh();
}
