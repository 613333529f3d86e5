import { strict as assert } from 'node:assert';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { problems, ServerUnderTest } from './client';

const WRONG_PROXY =
  'Remove-CsPublicProvider -Identity Skype\nNew-CsPublicProvider -Identity Skype -ProxyFqdn federation.messenger.msn.co -Enabled $true -NameDecorationRoutingDomain msn.com -NameDecorationExcludedDomainList "msn.com,outlook.com,live.com,hotmail.com"\n';

/** The diagnostics of one server started with `folder` as its code cache: it opens one script, then stops. */
async function lintOnce(folder: string): Promise<unknown[]> {
  const server = await ServerUnderTest.start(undefined, undefined, folder);
  try {
    return problems((await server.open('file:///work/cached.ps1', WRONG_PROXY)).diagnostics);
  } finally {
    await server.stop();
  }
}

const cacheFiles = (folder: string): string[] => readdirSync(folder).filter((name) => name.endsWith('.v8cache'));

describe('language server code cache (server/src/lsp/boot.ts)', () => {
  const folder = mkdtempSync(join(tmpdir(), 'lync-pic-code-cache-'));
  after(() => rmSync(folder, { recursive: true, force: true }));

  it('writes a cache on the first start, and lints the same from it on the next', async () => {
    const first = await lintOnce(join(folder, 'new'));
    assert.equal(first.length, 1);
    const files = cacheFiles(join(folder, 'new'));
    assert.equal(files.length, 1);
    const cache = readFileSync(join(folder, 'new', files[0]));
    assert.deepEqual(await lintOnce(join(folder, 'new')), first);
    // An accepted cache is not written again.
    assert.deepEqual(readFileSync(join(folder, 'new', files[0])), cache);
  });

  it('starts from a damaged cache, and replaces it', async () => {
    const expected = await lintOnce(join(folder, 'damaged'));
    const [name] = cacheFiles(join(folder, 'damaged'));
    writeFileSync(join(folder, 'damaged', name), 'not a V8 code cache');
    assert.deepEqual(await lintOnce(join(folder, 'damaged')), expected);
    assert.notEqual(readFileSync(join(folder, 'damaged', name), 'utf8'), 'not a V8 code cache');
  });

  it('removes the caches of other versions of the server', async () => {
    const stale = join(folder, 'stale');
    await lintOnce(stale);
    const [current] = cacheFiles(stale);
    rmSync(join(stale, current));
    writeFileSync(join(stale, 'server-0123456789abcdef.v8cache'), 'an older bundle');
    await lintOnce(stale);
    assert.deepEqual(cacheFiles(stale), [current]);
  });
});
