import { readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join } from 'node:path';

const SCRIPT_EXTENSIONS = new Set(['.ps1', '.psm1']);
const SKIPPED_FOLDERS = new Set(['node_modules', '.git']);

export type Input = { readonly path: string; readonly text: string } | { readonly path: string; readonly problem: string };

/** Expands the paths given on the command line into scripts to lint, or problems to report. */
export function collectInputs(paths: readonly string[], readStdin: () => string): Input[] {
  return paths.flatMap((path): Input[] => {
    if (path === '-') return [{ path: '<stdin>', text: readStdin() }];
    let stats;
    try {
      stats = statSync(path);
    } catch {
      return [{ path, problem: 'no such file or folder' }];
    }
    if (!stats.isDirectory()) return [readScript(path)];
    const scripts = findScripts(path);
    return scripts.length > 0 ? scripts.map(readScript) : [{ path, problem: 'the folder holds no .ps1 or .psm1 script' }];
  });
}

function findScripts(folder: string): string[] {
  const found: string[] = [];
  for (const entry of readdirSync(folder, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    const path = join(folder, entry.name);
    if (entry.isDirectory() && !SKIPPED_FOLDERS.has(entry.name)) found.push(...findScripts(path));
    else if (entry.isFile() && SCRIPT_EXTENSIONS.has(extname(entry.name).toLowerCase())) found.push(path);
  }
  return found;
}

function readScript(path: string): Input {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    return { path, problem: `cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'})` };
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
