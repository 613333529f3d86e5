import { readFileSync } from 'node:fs';
import { before, describe, it } from 'node:test';
import { strict as assert } from 'node:assert';
import { firstReaderThatReads, PowerShellParser, readTree, readTreeByCalls } from '../../server/src/engine/parse/parser';
import { MemoryTreeReader } from '../../server/src/engine/parse/memory-reader';
import { checkReader, type TreeReader } from '../../server/src/engine/parse/reader';
import { fixturesAndExamples } from '../helpers';
import { assertElementFacts, assertReaderAgrees, assertUnwrapShortcutAgrees, withTree } from '../walk-check';

let parser: PowerShellParser;
before(async () => {
  parser = await PowerShellParser.create();
});

describe('the tree reader', () => {
  it('reads every node of every test fixture and example as web-tree-sitter does', () => {
    const files = fixturesAndExamples();
    assert.ok(files.length > 50, `${files.length} scripts`);
    for (const file of files) assertReaderAgrees(parser, readFileSync(file, 'utf8'));
  });

  it('finds that a command element starting with a space is a separator, and elements apart only by padding, in every test fixture and example', () => {
    for (const file of fixturesAndExamples()) assertElementFacts(parser, readFileSync(file, 'utf8'));
    assertElementFacts(parser, "Set-CsUser  -Identity  a\t -Enabled :$true `\n  -X 'y' # c\n");
    assertElementFacts(parser, "Set-CsUser -A:1 -B `\n  'x'\u00A0-C\u200B2 <# c #>-D @{a=1;b=(2)}|Out-Null");
  });

  it('finds through expression wrappers what the step-by-step unwrapping finds, in every test fixture and example', () => {
    for (const file of fixturesAndExamples()) assertUnwrapShortcutAgrees(parser, readFileSync(file, 'utf8'));
    assertUnwrapShortcutAgrees(parser, "X -A 0x1F -B 10kb -C 1.5 -D -1 -E @'\nx\n'@ -F \"a$b\" -G ('a') -H @{a=1} -I { 1 } -J @(1) -K $a.b -L [int]3");
  });

  it('reads offsets in UTF-16 code units and trees with errors and missing nodes as web-tree-sitter does', () => {
    const cases = [
      '\uFEFFNew-CsPublicProvider \u2013Identity Skype # \u00e9t\u00e9 \uD83D\uDE00\r\nGet-CsPublicProvider',
      "Set-CsPublicProvider -Identity 'Sky\uD83D\uDE00pe' -ProxyFqdn (",
      'if ($a) { New-CsAllowedDomain -Identity "a.com" ',
      '@{ a = ; b = @( 1, , 2 ) }',
      '\u0000\u0001\uFFFD garbage ))) ]]] }}}',
    ];
    for (const text of cases) assertReaderAgrees(parser, text);
  });

  it('reads as web-tree-sitter does after WebAssembly memory grew (a tree of 40,000 lines)', () => {
    const script = readFileSync(fixturesAndExamples().find((file) => file.endsWith('enable-skype-connectivity.ps1')) ?? '', 'utf8');
    const lines = script.split('\n').length;
    const text = Array.from({ length: Math.ceil(40_000 / lines) }, () => script).join('\n');
    withTree(parser, text, (tree) => {
      // The last statement, read after the parse grew the module's memory (and replaced its views).
      const list = tree.rootNode.lastChild;
      const last = list?.type === 'statement_list' ? list.lastChild : list;
      assert.ok(last && last.endIndex > text.length - 200, 'the tree reaches the end of the text');
      checkReader(readTree(tree), tree, last);
    });
  });

  it('reads from WebAssembly memory with the web-tree-sitter this project pins', () => {
    withTree(parser, 'Get-CsPublicProvider', (tree) => {
      // (Fails when an update of web-tree-sitter changed tree-sitter's layout: the engine then falls back to calls.)
      assert.ok(readTree(tree) instanceof MemoryTreeReader, 'the memory reader read the load-time sample as web-tree-sitter does');
      assert.ok(!(readTreeByCalls(tree) instanceof MemoryTreeReader));
    });
  });

  it('is told apart from web-tree-sitter when it reads a node differently, and the next reader is taken', () => {
    withTree(parser, "New-CsPublicProvider -Identity Skype -ProxyFqdn 'federation.messenger.msn.com'", (tree) => {
      const reader = readTree(tree);
      // A reader whose node ends are one code unit off: what a change in tree-sitter's layout or marshalling would do.
      const offByOne = new Proxy(reader, {
        get(target, property) {
          if (property === 'end') return (ref: number) => target.end(ref) + 1;
          const value: unknown = Reflect.get(target, property);
          return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
        },
      });
      assert.throws(() => checkReader(offByOne, tree), /disagrees with web-tree-sitter on the end of root/);
      assert.doesNotThrow(() => checkReader(reader, tree));
      const byCalls = readTreeByCalls(tree);
      assert.equal(firstReaderThatReads([offByOne, byCalls], tree), byCalls);
      assert.equal(firstReaderThatReads([reader, byCalls], tree), reader);
      assert.throws(() => firstReaderThatReads([offByOne], tree), /disagrees with web-tree-sitter on the end of root/);
      assert.throws(() => firstReaderThatReads([] as TreeReader[], tree), /no tree reader/);
    });
  });

  it('finds the descendants of a type between points as web-tree-sitter does, in hidden nodes too', () => {
    // Statement lists and command elements are built of hidden nodes: points inside them, at their edges and past them.
    const text = "$p = @{ A = 1 }\nfunction F { Set-CsX -A 1 | Get-CsY\n  # lync-pic c\n  $q = 2 }\nNew-CsZ @p -B `\n  2\n";
    withTree(parser, text, (tree) => {
      const types = ['command', 'comment', 'assignment_expression', 'pipeline_chain', 'pipeline', 'function_statement'];
      // Asked of the root and of each top-level statement, whose start can be past the points.
      const statements = tree.rootNode.firstChild?.children.filter((node) => node !== null) ?? [];
      assert.equal(statements.length, 3, 'three statements in the statement list');
      const subjects = [tree.rootNode, ...statements];
      let compared = 0;
      for (const reader of [readTree(tree), readTreeByCalls(tree)]) {
        for (const subject of subjects) {
          const ref = reader.refOf(subject);
          for (let fromRow = 0; fromRow <= 5; fromRow++) {
            for (let fromColumn = 0; fromColumn <= 24; fromColumn += 3) {
              for (const [toRow, toColumn] of [[fromRow, fromColumn + 1], [fromRow, fromColumn + 7], [fromRow + 1, 2], [fromRow + 2, 0]]) {
                const from = { row: fromRow, column: fromColumn };
                const to = { row: toRow, column: toColumn };
                const expected = subject.descendantsOfType(types, from, to).map((node) => node?.startIndex);
                const actual = reader.descendantsOfType(ref, types, from, to).map((node) => reader.start(node));
                assert.deepEqual(actual, expected, `${reader.constructor.name} from ${subject.type} ${fromRow}:${fromColumn}-${toRow}:${toColumn}`);
                compared += actual.length;
              }
            }
          }
        }
      }
      assert.ok(compared > 100, `${compared} nodes found in all`);
    });
  });
});
