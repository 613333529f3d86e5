import { readFileSync } from 'node:fs';
import { before, describe, it } from 'node:test';
import { strict as assert } from 'node:assert';
import { walkStatements } from '../../server/src/engine/parse/commands';
import { PowerShellParser } from '../../server/src/engine/parse/parser';
import { LineIndex } from '../../server/src/engine/text';
import { fixturesAndExamples } from '../helpers';
import { assertWalksAgree, withTree } from '../walk-check';

let parser: PowerShellParser;
before(async () => {
  parser = await PowerShellParser.create();
});

describe('the statement walk', () => {
  it('finds what the full walk finds in every test fixture and example', () => {
    const files = fixturesAndExamples();
    assert.ok(files.length > 50, `${files.length} scripts`);
    for (const file of files) assertWalksAgree(parser, readFileSync(file, 'utf8'));
  });

  it('finds what the full walk finds where marks sit at the edges of statements and regions', () => {
    const cases = [
      'Write-Host x\nNew-CsPublicProvider -Identity Skype',
      '$p = @{ Identity = "Skype" }; Write-Host $p\nNew-CsPublicProvider @p -ProxyFqdn a',
      '$p = @{ Identity = "Skype" }\n$p = @{ Identity = "Other" }\nNew-CsPublicProvider @p',
      '$p <# c #> = @{ Identity = "Skype" }\nNew-CsPublicProvider @p',
      'Get-CsPublicProvider | Where-Object { $_.Identity -eq "Skype" } | Remove-CsPublicProvider',
      'function F {\n  Write-Host a\n  # lync-pic-disable-next-line\n  Set-CsPublicProvider -Identity Skype -ProxyFqdn x\n}',
      'Invoke-Command -ScriptBlock { New-CsAllowedDomain -Identity a.com } # lync-pic-disable-line',
      '& New-CsPublicProvider -Identity Skype\n. Get-CsPublicProvider',
      'Import-Module MicrosoftTeams\nConnect-MicrosoftTeams\nNew-CsPublicProvider -Identity Skype',
      'Write-Host "-cs" New-CsX ; Write-Output lync-pic=1',
      '\r\n\r\n  New-CsPublicProvider -Identity `\r\n  Skype -ProxyFqdn é.com # lync-pic: target=sfb2019\r\n',
      'if ($x -eq (Get-CsPublicProvider)) {\n  $y = 1\n} else { New-CsPublicProvider -Identity (Get-Date) }',
      "$p <# c #> = @{ Identity = 'Skype' }\n$q `\n  += @{ A = 1 }\nNew-CsPublicProvider @p @q",
      "$p = @{ Identity = 'Skype' }\nif ($x) { $p <# = #> ??= @{ Enabled = $true } }\nNew-CsPublicProvider @p",
      "$p=@{Identity='Skype'};$p.X=1;[Parameter(Mandatory = $true)] $q = 1\nNew-CsPublicProvider @p @q",
    ];
    for (const text of cases) assertWalksAgree(parser, text);
  });

  it('looks for assignments in linear time after a variable followed by many comments', { timeout: 20_000 }, () => {
    // Each of these made the search for assignments backtrack exponentially: a line comment of many `#`, and block
    // comments that a lazy pattern could end at any later `#>`.
    const text = `$x ${'#'.repeat(64)}\n$y ${'<# c #> '.repeat(3000)}\nSet-CsPublicProvider -Identity a\n$z <# never closed ${'x'.repeat(50_000)}`;
    withTree(parser, text, (tree) => {
      assert.deepEqual(walkStatements(tree, new LineIndex(text)).commands.map((c) => c.name), ['Set-CsPublicProvider']);
    });
  });

  it('keeps the Cs commands and leaves out the ordinary ones around them', () => {
    const text = 'Write-Host a\nGet-ChildItem | Where-Object { $_.Length -gt 0 }\nNew-CsPublicProvider -Identity Skype\n';
    withTree(parser, text, (tree) => {
      const parts = walkStatements(tree, new LineIndex(text));
      assert.deepEqual(parts.commands.map((c) => c.name), ['New-CsPublicProvider']);
    });
  });
});
