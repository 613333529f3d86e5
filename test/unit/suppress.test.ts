import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { lineRules, lintText } from '../helpers';

const WRONG = 'New-CsPublicProvider -Identity Fabrikam -ProxyFqdn sip.fabrikam.com -Enabled true';

async function reported(lines: string[]): Promise<string[]> {
  return lineRules(await lintText(lines.join('\n')), 'invalid-value');
}

describe('suppression comments', () => {
  it('disable-next-line silences the named rule on the next line only', async () => {
    assert.deepEqual(await reported(['# lync-pic-disable-next-line invalid-value', WRONG, WRONG]), ['3:invalid-value']);
  });

  it('disable-line silences the line it ends', async () => {
    assert.deepEqual(await reported([`${WRONG} # lync-pic-disable-line invalid-value`, WRONG]), ['2:invalid-value']);
  });

  it('disable … enable silences a region; without rule names it covers every rule', async () => {
    assert.deepEqual(await reported([WRONG, '# lync-pic-disable', WRONG, WRONG, '# lync-pic-enable', WRONG]), ['1:invalid-value', '6:invalid-value']);
  });

  it('only the named rules are silenced', async () => {
    assert.deepEqual(await reported(['# lync-pic-disable-next-line skype-proxy-fqdn, unknown-parameter', WRONG]), ['2:invalid-value']);
  });

  it('disable-file silences the whole file, wherever it stands', async () => {
    assert.deepEqual(await reported([WRONG, WRONG, '<# lync-pic-disable-file invalid-value #>']), []);
  });

  it('a directive inside a string is not a directive', async () => {
    assert.deepEqual(await reported(['$s = "# lync-pic-disable-next-line invalid-value"', WRONG]), ['2:invalid-value']);
  });
});

describe('target version comment', () => {
  const script =
    'Remove-CsPublicProvider -Identity Skype\nNew-CsPublicProvider -Identity Skype -ProxyFqdn federation.messenger.msn.com -Enabled 1 -EnableSkypeIdRouting $true';

  it('overrides the target given in the options', async () => {
    const result = await lintText(`# lync-pic: target=lync2013\n${script}`, { target: 'sfb2019' });
    assert.equal(result.target, 'lync2013');
    assert.deepEqual(lineRules(result, 'version-unavailable-parameter'), ['3:version-unavailable-parameter']);
  });

  it('is ignored when it names no known version', async () => {
    const result = await lintText(`# lync-pic: target=lync2099\n${script}`, { target: 'sfb2019' });
    assert.equal(result.target, 'sfb2019');
    assert.deepEqual(lineRules(result, 'version-unavailable-parameter'), []);
  });
});
