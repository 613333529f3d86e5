import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { Language, Parser, type Tree } from 'web-tree-sitter';
import { MemoryTreeReader } from './memory-reader';
import { checkReader, TreeReader, type TreeSitterModule } from './reader';

const GRAMMAR_FILE = 'tree-sitter-powershell.wasm';
const RUNTIME_FILE = 'tree-sitter.wasm';

/**
 * Finds a WASM file: next to the running bundle (dist/, where the build copies them),
 * or in its npm package when running from compiled sources.
 */
function locateWasm(file: string, packageEntry: string): string {
  const besideBundle = join(__dirname, file);
  if (existsSync(besideBundle)) return besideBundle;
  return join(dirname(require.resolve(packageEntry)), file);
}

let loading: Promise<Language> | undefined;
/** The reader the engine reads trees with, and the one that calls into WebAssembly for each question. */
let readers: { chosen: TreeReader; calls: TreeReader } | undefined;

/** A script with the node kinds the engine reads, a parse error and a missing node: what `checkReader` reads at load. */
const READER_SAMPLE = [
  '# lync-pic: target=2019',
  "Set-CsAccessEdgeConfiguration -AllowFederatedUsers:$true -Identity 'Global' | Out-Null",
  '$p = @{ Identity = "Skype"; Enabled = $true }; New-CsPublicProvider @p -ProxyFqdn a.b, c',
  'if ($x) { Get-CsPublicProvider -Identity ( }',
].join('\n');

/**
 * Keeps V8 on its baseline WebAssembly compiler. With tier-up on, V8 spends seconds of CPU recompiling
 * the 1 MB grammar in the background: the first parses run several times slower while it competes for
 * the two cores, and a short-lived process (the CLI, a test) waits for it before exiting. Measured on a
 * 5,000-line script: first lint 4.7 s with tier-up, 0.9 s without; steady state within 20%.
 */
function preferBaselineWasmCompiler(): void {
  for (const flag of ['--liftoff-only', '--no-wasm-tier-up', '--no-wasm-dynamic-tiering']) setFlagsFromString(flag);
}

/** Loads the tree-sitter runtime and the PowerShell grammar once per process. */
function loadLanguage(): Promise<Language> {
  loading ??= (async () => {
    preferBaselineWasmCompiler();
    // web-tree-sitter's module puts its exports on the options object: the tree reader calls them.
    const module = { locateFile: () => locateWasm(RUNTIME_FILE, 'web-tree-sitter') };
    await Parser.init(module);
    const language = await Language.load(locateWasm(GRAMMAR_FILE, 'tree-sitter-powershell/package.json'));
    readers = checkedReaders(module as unknown as TreeSitterModule, language);
    return language;
  })();
  return loading;
}

/**
 * The tree reader that reads tree-sitter's memory when it reads the sample as web-tree-sitter's API does, else the
 * one that calls into WebAssembly (a web-tree-sitter whose memory layout differs).
 */
function checkedReaders(module: TreeSitterModule, language: Language): { chosen: TreeReader; calls: TreeReader } {
  // (The module fills the options object of the first `Parser.init` of the process only.)
  if (typeof module._ts_init !== 'function') throw new Error('web-tree-sitter was initialised before the PowerShell parser: its tree reader has no module to call');
  const calls = new TreeReader(module, language.types, language.fields);
  const memory = MemoryTreeReader.forLanguage(module, language);
  const parser = new Parser();
  parser.setLanguage(language);
  const sample = parser.parse(READER_SAMPLE);
  try {
    if (!sample) throw new Error('tree-sitter returned no tree');
    return { chosen: firstReaderThatReads(memory ? [memory, calls] : [calls], sample), calls };
  } finally {
    sample?.delete();
    parser.delete();
  }
}

/** The first of the readers that reads the tree as web-tree-sitter's API does (`checkReader`); throws if none does. */
export function firstReaderThatReads(readers: readonly TreeReader[], tree: Tree): TreeReader {
  let disagreement: unknown = new Error('no tree reader to check');
  for (const reader of readers) {
    try {
      checkReader(reader, tree);
      return reader;
    } catch (error) {
      disagreement = error;
    }
  }
  throw disagreement;
}

/** The tree reader, open on a tree (of a parser made by `PowerShellParser.create`). */
export function readTree(tree: Tree): TreeReader {
  return loadedReaders().chosen.open(tree);
}

/** The reader that calls into WebAssembly for each question (what the engine falls back on), open on a tree. */
export function readTreeByCalls(tree: Tree): TreeReader {
  return loadedReaders().calls.open(tree);
}

function loadedReaders(): { chosen: TreeReader; calls: TreeReader } {
  if (!readers) throw new Error('the PowerShell parser is not loaded');
  return readers;
}

/** A PowerShell parser. Create it once (`await PowerShellParser.create()`), then parse synchronously. */
export class PowerShellParser {
  private constructor(private readonly parser: Parser) {}

  static async create(): Promise<PowerShellParser> {
    const language = await loadLanguage();
    const parser = new Parser();
    parser.setLanguage(language);
    return new PowerShellParser(parser);
  }

  /**
   * Parses a script. A leading byte-order mark becomes a space so that offsets stay those of the text.
   * Pass the previous tree (already `edit`ed) to re-parse incrementally.
   */
  parse(text: string, previous?: Tree): Tree {
    const source = text.charCodeAt(0) === 0xfeff ? ' ' + text.slice(1) : text;
    const tree = this.parser.parse(source, previous ?? null);
    if (!tree) throw new Error('tree-sitter returned no tree');
    return tree;
  }
}
