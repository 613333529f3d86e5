import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { countingIndex, plain } from '../helpers';
import { extractCommands, isCommandOfInterest, readParts, readText, type CommandElement, type ScriptCommand } from '../../server/src/engine/parse/commands';
import { parseScript } from '../../server/src/engine/parse/script-parser';
import { LineIndex } from '../../server/src/engine/text';

function commandsOf(text: string): ScriptCommand[] {
  return extractCommands(text);
}

/** A compact picture of a command's elements: `-Name`, `-Name:` (colon form), values by kind and text, `@splat`. */
function shape(elements: readonly CommandElement[]): string[] {
  return elements.map((e) => {
    if (e.type === 'parameter') return `-${e.name}${e.colon ? ':' : ''}${e.alternativeDash ? ' (dash)' : ''}`;
    if (e.type === 'splat') return `@${e.variable}${e.entries ? `{${e.entries.map((x) => `${x.name}=${x.value.literal ?? x.value.text}`).join(';')}}` : ''}`;
    return `${e.value.kind}:${e.value.literal ?? e.value.text}`;
  });
}

describe('commands of interest', () => {
  it('are those named like a Cs cmdlet, in any case and qualified, and the module commands that tell a Teams script', () => {
    // (A name with `-Cs` is kept for the later stages to judge: Export-Csv is one, and no Cs cmdlet.)
    const kept = [
      'Get-CsUser',
      'get-csuser',
      'SkypeForBusiness\\New-CsPublicProvider',
      'New-CsPublicProvder',
      'Export-Csv',
      'Import-Module',
      'CONNECT-MICROSOFTTEAMS',
      'Import-PSSession',
    ];
    const left = ['Get-Date', 'Write-Host', 'Get-Content', 'Get-Date -csv', 'Get -Cs', 'Get-C', 'Import-Modules', 'Foo-C'];
    assert.deepEqual(
      kept.filter((name) => !isCommandOfInterest(name)),
      [],
    );
    assert.deepEqual(
      left.filter((name) => isCommandOfInterest(name)),
      [],
    );
  });
});

describe('command model', () => {
  it('reads parameters, values and their kinds', () => {
    const [command] = commandsOf(
      `New-CsPublicProvider -Identity Skype -ProxyFqdn "federation.messenger.msn.com" -Enabled $true -VerificationLevel 2 -X $v -Y @('a','b') -Z @{a=1}`,
    );
    assert.equal(command.name, 'New-CsPublicProvider');
    assert.deepEqual(shape(command.elements), [
      '-Identity',
      'bareword:Skype',
      '-ProxyFqdn',
      'string:federation.messenger.msn.com',
      '-Enabled',
      'boolean:$true',
      '-VerificationLevel',
      'number:2',
      '-X',
      'variable:$v',
      '-Y',
      "array:@('a','b')",
      '-Z',
      'hashtable:@{a=1}',
    ]);
  });

  it('reads numbers, here-strings and negated numbers by kind', () => {
    const [command] = commandsOf(`Set-CsX -A 0x1F -B 10kb -C 1.5 -D -1 -G @'\nx\n'@ -H ("a") -I 'it''s'`);
    assert.deepEqual(shape(command.elements), [
      '-A',
      'number:0x1F',
      '-B',
      'number:10kb',
      '-C',
      'number:1.5',
      '-D',
      'expression:-1',
      '-G',
      'string:x',
      '-H',
      'expression:("a")',
      '-I',
      "string:it's",
    ]);
  });

  it('reads $true and $false in any case as booleans, and only those, keeping the text as written', () => {
    const [command] = commandsOf('Set-CsX -A $TRUE -B $False -C $truex -D $tru -E ${true} -F $fAlSe');
    const values = command.elements.flatMap((e) => (e.type === 'value' ? [[e.value.kind, e.value.text, e.value.literal ?? '']] : []));
    assert.deepEqual(values, [
      ['boolean', '$TRUE', '$true'],
      ['boolean', '$False', '$false'],
      ['variable', '$truex', ''],
      ['variable', '$tru', ''],
      ['boolean', '${true}', '$true'],
      ['boolean', '$fAlSe', '$false'],
    ]);
  });

  it('gives a bare word its text as written, escapes and all, and its value without them', () => {
    const [command] = commandsOf('Set-CsX -A federation.messenger.msn.com -B a`-b -C x,y');
    const values = command.elements.flatMap((e) => (e.type === 'value' ? [e.value] : []));
    assert.deepEqual(
      values.map((v) => [v.kind, v.text, v.literal ?? '']),
      [
        ['bareword', 'federation.messenger.msn.com', 'federation.messenger.msn.com'],
        ['bareword', 'a`-b', 'a-b'],
        ['array', 'x,y', ''],
      ],
    );
    assert.deepEqual(
      values[2].elements?.map((v) => [v.kind, v.text, v.literal]),
      [
        ['bareword', 'x', 'x'],
        ['bareword', 'y', 'y'],
      ],
    );
  });

  it('leaves redirections out of the elements, between and after them, and holds nothing else', () => {
    const commands = commandsOf('Set-CsX 2>&1 -A:1 @p > $null -B x *>&1\nGet-CsY 2> err.txt\nGet-CsZ -C:$true 3>&1 -D');
    assert.deepEqual(
      commands.map((command) => shape(command.elements)),
      [['-A:', 'number:1', '@p', '-B', 'bareword:x'], [], ['-C:', 'boolean:$true', '-D']],
    );
    // (The model's arrays are made at the elements' count: no slot is left empty.)
    assert.deepEqual(
      commands.map((command) => command.elements.length),
      [5, 0, 3],
    );
  });

  it('keeps the colon form and unique prefixes as written', () => {
    const [command] = commandsOf('New-CsPublicProvider -Ident Skype -Enabled:$false -Force:$true');
    assert.deepEqual(shape(command.elements), ['-Ident', 'bareword:Skype', '-Enabled:', 'boolean:$false', '-Force:', 'boolean:$true']);
  });

  it('accepts en dash, em dash and horizontal bar before a parameter', () => {
    const [command] = commandsOf('Set-CsPublicProvider \u2013Identity Skype \u2014Enabled $true \u2015VerificationLevel 2');
    assert.deepEqual(shape(command.elements), [
      '-Identity (dash)',
      'bareword:Skype',
      '-Enabled (dash)',
      'boolean:$true',
      '-VerificationLevel (dash)',
      'number:2',
    ]);
  });

  it('follows backtick continuations, CRLF line ends and comments between lines', () => {
    const text =
      'New-CsPublicProvider -Identity Skype `\r\n  -ProxyFqdn federation.messenger.msn.com `\r\n  -Enabled $true # the end\r\nGet-CsPublicProvider\r\n';
    const commands = commandsOf(text);
    assert.deepEqual(
      commands.map((c) => c.name),
      ['New-CsPublicProvider', 'Get-CsPublicProvider'],
    );
    assert.deepEqual(shape(commands[0].elements), [
      '-Identity',
      'bareword:Skype',
      '-ProxyFqdn',
      'bareword:federation.messenger.msn.com',
      '-Enabled',
      'boolean:$true',
    ]);
    assert.deepEqual(commands[0].range.end, { line: 2, character: 16 });
    assert.deepEqual(commands[1].nameRange.start, { line: 3, character: 0 });
  });

  it('reads a script that starts with a UTF-8 byte-order mark, keeping offsets', () => {
    const [command] = commandsOf('\uFEFFGet-CsPublicProvider -Identity Skype');
    assert.equal(command.name, 'Get-CsPublicProvider');
    assert.deepEqual(command.nameRange.start, { line: 0, character: 1 });
  });

  it('never finds commands inside strings, here-strings or comments', () => {
    const text = [
      '# New-CsPublicProvider -Identity InComment',
      '<# New-CsPublicProvider -Identity InBlockComment #>',
      '$a = "New-CsPublicProvider -Identity InString"',
      "$b = @'",
      'New-CsPublicProvider -Identity InHereString',
      "'@",
      'Get-CsPublicProvider',
    ].join('\n');
    assert.deepEqual(
      commandsOf(text).map((c) => c.name),
      ['Get-CsPublicProvider'],
    );
  });

  it('marks commands that take pipeline input', () => {
    const commands = commandsOf('Get-CsPublicProvider | Set-CsPublicProvider -Enabled $false\n$x | Remove-CsPublicProvider');
    assert.deepEqual(
      commands.map((c) => [c.name, c.pipelineInput]),
      [
        ['Get-CsPublicProvider', false],
        ['Set-CsPublicProvider', true],
        ['Remove-CsPublicProvider', true],
      ],
    );
  });

  it('finds commands inside script blocks', () => {
    const commands = commandsOf(
      'Invoke-Command -ScriptBlock { Set-CsPublicProvider -Identity Skype -Enabled $true }\n$sites | ForEach-Object { Get-CsPublicProvider }',
    );
    assert.deepEqual(commands.map((c) => c.name).sort(), ['ForEach-Object', 'Get-CsPublicProvider', 'Invoke-Command', 'Set-CsPublicProvider']);
  });

  it('resolves a splatted hashtable literal assigned once before the call', () => {
    const text = "$p = @{ Identity = 'Skype'; Enabled = $true }\nNew-CsPublicProvider @p -ProxyFqdn federation.messenger.msn.com";
    const [command] = commandsOf(text);
    assert.deepEqual(shape(command.elements), ['@p{Identity=Skype;Enabled=$true}', '-ProxyFqdn', 'bareword:federation.messenger.msn.com']);
  });

  it('does not guess a splat that is assigned twice, changed later, or not a literal', () => {
    const cases = [
      "$p = @{ Identity = 'Skype' }\n$p = @{ Identity = 'Other' }\nNew-CsPublicProvider @p",
      "$p = @{ Identity = 'Skype' }\n$p.Enabled = $true\nNew-CsPublicProvider @p",
      "$p = @{ Identity = 'Skype' }\n$P['Enabled'] = $true\nNew-CsPublicProvider @p",
      "$p = @{ Identity = 'Skype' }\nNew-CsPublicProvider @p\n$p.Add('Enabled', $true)",
      '$p = Get-Params\nNew-CsPublicProvider @p',
      "New-CsPublicProvider @p\n$p = @{ Identity = 'Skype' }",
    ];
    for (const text of cases) {
      const command = commandsOf(text).find((c) => c.name === 'New-CsPublicProvider');
      assert.deepEqual(shape(command?.elements ?? []), ['@p'], text);
    }
  });

  it('reads assignments with comments and continuations before the operator, and only those', () => {
    const resolved = ["$p <# a comment #> = @{ Identity = 'Skype' }\nNew-CsPublicProvider @p", "$p `\n  = @{ Identity = 'Skype' }\nNew-CsPublicProvider @p"];
    for (const text of resolved)
      assert.deepEqual(shape(commandsOf(text).find((c) => c.name === 'New-CsPublicProvider')?.elements ?? []), ['@p{Identity=Skype}'], text);
    // A second assignment hidden behind a comment still counts: the splat is not guessed.
    const twice = "$p = @{ Identity = 'Skype' }\n$p <# = #> += @{ Enabled = $true }\nNew-CsPublicProvider @p";
    assert.deepEqual(shape(commandsOf(twice).find((c) => c.name === 'New-CsPublicProvider')?.elements ?? []), ['@p']);
  });

  it('resolves a splat when only other variables are changed, even one whose name starts with it', () => {
    const text = "$p = @{ Identity = 'Skype' }\n$pp.Enabled = $true\n$q[0] = 1\nNew-CsPublicProvider @p";
    const command = commandsOf(text).find((c) => c.name === 'New-CsPublicProvider');
    assert.deepEqual(shape(command?.elements ?? []), ['@p{Identity=Skype}']);
  });

  it('tells which of many splatted variables are changed', () => {
    const names = ['a', 'b', 'c', 'd', 'e', 'f'];
    const assignments = names.map((n) => `$${n} = @{ Identity = '${n}' }`);
    const uses = names.map((n) => `Set-CsPublicProvider @${n}`);
    const text = [...assignments, '$C.Enabled = $true', '$ee[0] = 1', ...uses].join('\n');
    const shapes = commandsOf(text).map((c) => shape(c.elements)[0]);
    assert.deepEqual(shapes, ['@a{Identity=a}', '@b{Identity=b}', '@c', '@d{Identity=d}', '@e{Identity=e}', '@f{Identity=f}']);
  });

  it('reads a comma list as one array argument, with or without blanks after the commas', () => {
    for (const list of ['a,b', 'a, b', 'a ,`\n  b']) {
      const text = `Set-CsExternalAccessPolicy -Identity ${list} -Foo 1`;
      const [command] = commandsOf(text);
      assert.deepEqual(shape(command.elements), ['-Identity', `array:${list}`, '-Foo', 'number:1'], text);
      const array = command.elements[1].type === 'value' ? command.elements[1].value : undefined;
      assert.deepEqual(
        array?.elements?.map((e) => e.literal),
        ['a', 'b'],
      );
    }
  });

  it('reads a half-typed parameter as a parameter with no name yet', () => {
    const [command] = commandsOf('New-CsPublicProvider -');
    assert.deepEqual(shape(command.elements), ['-']);
    assert.deepEqual(command.elements[0].type === 'parameter' && plain(command.elements[0].range), {
      start: { line: 0, character: 21 },
      end: { line: 0, character: 22 },
    });
  });
});

describe('the command model of a whole script', () => {
  const text = "$x = 1\nNew-CsPublicProvider -Identity 'Skype' `\n  -ProxyFqdn federation.messenger.msn.com -Enabled $TRUE -Port 5061 -Names a,`b\n";

  it('works out no range of a command when read, and each one once, when first read', () => {
    const { index, asked } = countingIndex(text);
    const [command] = readText(text, index).parts.commands;
    const before = asked.length; // (the assignment's positions, which splats need)
    const parameter = command.elements[2];
    assert.equal(parameter.type, 'parameter');
    for (let i = 0; i < 2; i++) {
      assert.deepEqual(plain(parameter.range), { start: { line: 2, character: 2 }, end: { line: 2, character: 12 } });
      assert.deepEqual(plain(command.nameRange), { start: { line: 1, character: 0 }, end: { line: 1, character: 20 } });
    }
    assert.equal(asked.length - before, 4, 'two ranges, two positions each, worked out once');
    assert.ok(
      asked.slice(0, before).every((offset) => offset <= 6),
      'nothing of the command worked out when read',
    );
  });

  it('tells the same values, texts, literals and ranges placed lazily as placed at once', () => {
    const lazily = readText(text, new LineIndex(text), { all: true }).parts.commands;
    const atOnce = readParts(parseScript(text), new LineIndex(text), { all: true }).commands;
    assert.deepStrictEqual(plain(lazily), plain(atOnce));
    const values = lazily[0].elements.flatMap((e) => (e.type === 'value' ? [e.value] : []));
    assert.deepEqual(
      values.map((v) => `${v.kind} ${v.text} ${v.literal}`),
      [
        "string 'Skype' Skype",
        'bareword federation.messenger.msn.com federation.messenger.msn.com',
        'boolean $TRUE $true',
        'number 5061 5061',
        'array a,`b undefined',
      ],
    );
    assert.deepEqual(
      values[4].elements?.map((v) => `${v.text} ${v.literal}`),
      ['a a', '`b b'],
    );
    const valueElements = lazily[0].elements.filter((e) => e.type === 'value');
    assert.ok(valueElements.length === 5 && valueElements.every((e) => Object.is(e.value, e)), 'a value is its own element');
  });
});
