// Real-VS-Code checks of `Lync PIC: Generate Skype connectivity script`, run without UI: the command takes the
// answers as its argument, opens the script in a new untitled PowerShell editor and returns the document.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { SERVER_VERSIONS } from '../../../server/src/engine/catalog/types';
import { documentedSkypeProviderCommand } from '../../../server/src/engine/skype';

const COMMAND = 'lyncPic.generateScript';
const EXTENSION_ID = 'lync-pic.lync-pic';

suite('lync-pic generator in VS Code', () => {
  suiteSetup(async () => {
    // The command's activation event activates the extension; activating it here makes a failure explicit.
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext, `extension ${EXTENSION_ID} is not loaded`);
    await ext.activate();
  });

  suiteTeardown(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  test('is a contributed command', async () => {
    assert.ok((await vscode.commands.getCommands(true)).includes(COMMAND));
  });

  for (const target of SERVER_VERSIONS) {
    test(`opens the ${target} script in a new untitled PowerShell editor`, async () => {
      const answers = {
        target,
        edgeFqdn: 'sip.contoso.com',
        sipDomains: ['contoso.com', 'fabrikam.com'],
        partnerDiscovery: true,
        audioVideo: true,
        policy: { kind: 'user', name: 'SkypeUsers', grantTo: ['kenmyer@contoso.com'] },
        replace: 'Messenger',
      };
      const document = await vscode.commands.executeCommand<vscode.TextDocument | undefined>(COMMAND, answers);
      assert.ok(document, 'the command returned no document');
      assert.equal(document.languageId, 'powershell');
      assert.equal(document.isUntitled, true);
      const text = document.getText();
      assert.ok(text.includes(documentedSkypeProviderCommand(target)), `no documented New-CsPublicProvider line for ${target} in:\n${text}`);
      assert.ok(text.includes(`# lync-pic: target=${target}`));
      assert.ok(text.includes('_sipfederationtls._tcp.fabrikam.com'));
      assert.ok(text.includes("Grant-CsExternalAccessPolicy -Identity 'kenmyer@contoso.com' -PolicyName 'SkypeUsers'"));
      assert.equal(vscode.window.activeTextEditor?.document, document, 'the script is shown');
    });
  }

  test('refuses invalid answers without opening anything', async () => {
    const document = await vscode.commands.executeCommand<vscode.TextDocument | undefined>(COMMAND, {
      target: 'sfb2019',
      edgeFqdn: 'sip.contoso.com',
      sipDomains: ['contoso.com; Remove-CsUser'],
    });
    assert.equal(document, undefined);
    assert.ok(!vscode.workspace.textDocuments.some((d) => d.getText().includes('Remove-CsUser')), 'no script was opened');
  });
});
