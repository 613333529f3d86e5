import { readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join } from 'node:path';

const SCRIPT_EXTENSIONS = new Set(['.ps1', '.psm1']);
const SKIPPED_FOLDERS = new Set(['node_modules', '.git']);

export type Input = { readonly path: string; readonly text: string } | { readonly path: string; readonly problem: string };

/** Expands the paths given on the command line into scripts to lint, or problems to report. */
export function collectInputs(paths: readonly string[], readStdin: () => string): Input[] {
  return paths.flatMap((path): Input[] => {
    if (path === '-') {
      try {
        return [{ path: '<stdin>', text: readStdin() }];
      } catch (error) {
        return [{ path: '<stdin>', problem: cannotRead(error) }];
      }
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

/** Decodes a script file the way Windows PowerShell does for the encodings it detects by their byte-order mark. */
export function decodeScript(bytes: Buffer): { text: string } | { problem: string } {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: bytes.subarray(2).toString('utf16le') };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: Buffer.from(bytes.subarray(2)).swap16().toString('utf16le') };
  if (bytes.subarray(0, 8000).includes(0)) return { problem: 'is a binary file, not a PowerShell script' };
  const text = bytes.toString('utf8');
  // Not UTF-8: read it as Windows-1252-compatible Latin-1 rather than with replacement characters.
  return { text: text.includes('\uFFFD') ? bytes.toString('latin1') : text };
}
