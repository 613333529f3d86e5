import { readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join } from 'node:path';
import { decodeScript, type ScriptEncoding } from './decode';

/** How the CLI names standard input in its messages and reports. */
export const STDIN_PATH = '<stdin>';

const SCRIPT_EXTENSIONS = new Set(['.ps1', '.psm1']);
const SKIPPED_FOLDERS = new Set(['node_modules', '.git']);

/** A script's text and how it was stored (see decodeScript), or why it cannot be linted. */
export type Input =
  | { readonly path: string; readonly text: string; readonly encoding: ScriptEncoding; readonly unwritable?: string }
  | { readonly path: string; readonly problem: string };

/**
 * Expands the paths given on the command line into scripts to lint, or problems to report. Standard input given as
 * bytes is decoded as a file is; given as text, it is taken as it is.
 */
export function collectInputs(paths: readonly string[], readStdin: () => string | Uint8Array): Input[] {
  return paths.flatMap((path): Input[] => {
    if (path === '-') {
      let stdin;
      try {
        stdin = readStdin();
      } catch (error) {
        return [{ path: STDIN_PATH, problem: cannotRead(error) }];
      }
      return [typeof stdin === 'string' ? { path: STDIN_PATH, text: stdin, encoding: 'utf-8' } : { path: STDIN_PATH, ...decodeScript(stdin) }];
    }
    let stats;
    try {
      stats = statSync(path);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      return [{ path, problem: code === 'ENOENT' || code === 'ENOTDIR' ? 'no such file or folder' : cannotRead(error) }];
    }
    if (!stats.isDirectory()) return [readScript(path, stats.isFile())];
    const found = findScripts(path);
    return found.length > 0 ? found : [{ path, problem: 'the folder holds no .ps1 or .psm1 script' }];
  });
}

function cannotRead(error: unknown): string {
  return `cannot be read (${(error as NodeJS.ErrnoException).code ?? (error instanceof Error ? error.message : 'error')})`;
}

/**
 * The scripts of a folder and its subfolders, in name order, with a problem for each that cannot be read (a
 * folder that cannot be listed, a link to nowhere). Links to files are followed; links to folders are not (they
 * could make a loop).
 */
function findScripts(folder: string): Input[] {
  let entries;
  try {
    entries = readdirSync(folder, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name));
  } catch (error) {
    return [{ path: folder, problem: cannotRead(error) }];
  }
  const found: Input[] = [];
  for (const entry of entries) {
    const path = join(folder, entry.name);
    const isScript = SCRIPT_EXTENSIONS.has(extname(entry.name).toLowerCase());
    if (entry.isDirectory() && !SKIPPED_FOLDERS.has(entry.name)) found.push(...findScripts(path));
    else if (entry.isFile() && isScript) found.push(readScript(path, true));
    else if (entry.isSymbolicLink() && isScript) found.push(readLinkedScript(path));
  }
  return found;
}

function readLinkedScript(path: string): Input {
  try {
    const target = statSync(path);
    if (target.isDirectory()) return { path, problem: 'is a link to a folder, not a script' };
    return readScript(path, target.isFile());
  } catch (error) {
    return { path, problem: (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'is a link to a file that does not exist' : cannotRead(error) };
  }
}

function readScript(path: string, isFile: boolean): Input {
  // A device or a pipe could be read forever.
  if (!isFile) return { path, problem: 'is not a regular file' };
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    return { path, problem: cannotRead(error) };
  }
  return { path, ...decodeScript(bytes) };
}
