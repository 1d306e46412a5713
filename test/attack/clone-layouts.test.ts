import { expect } from 'chai';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { AttackDataError, AttackLibrary } from '../../lib/index.js';
import { freshTmpDir, runCli, stixFile } from '../helpers/attack.js';

/**
 * A folder laid out as a clone of mitre/cti is (https://github.com/mitre/cti: `enterprise-attack/enterprise-attack.json`,
 * `mobile-attack/mobile-attack.json`, `ics-attack/ics-attack.json`, STIX 2.0, with no release in their names or
 * bundles; the release is the tag checked out, such as ATT&CK-v18.1), holding the real mobile 18.1 bundle, which is
 * that file of mitre/cti at ATT&CK-v18.1 (attack-data/manifest.json names the source).
 */
function ctiClone(): string {
  const dir = freshTmpDir('cti-clone');
  mkdirSync(join(dir, 'mobile-attack'));
  writeFileSync(join(dir, 'mobile-attack', 'mobile-attack.json'), gunzipSync(readFileSync(stixFile('mobile-attack-18.1.json.gz'))));
  return dir;
}

describe('a folder laid out as a clone of mitre/cti', () => {
  it('is read as the release --attack-release names', () => {
    const library = new AttackLibrary({ attack: ctiClone(), release: '18.1', cacheDir: freshTmpDir('cache'), snapshot: false });
    const index = library.release('mobile-attack', '18.1');
    expect([index.label, index.data.stixVersion, index.data.source.origin]).to.deep.equal(['mobile-attack 18.1', '2.0', 'flag']);
  });

  it('without --attack-release, is refused saying how to tell the release of a mitre/cti checkout', () => {
    const library = new AttackLibrary({ attack: ctiClone(), cacheDir: freshTmpDir('cache'), snapshot: false });
    expect(() => library.release('mobile-attack')).to.throw(AttackDataError, /names no ATT&CK release.*--attack-release.*`git describe --tags`/);
  });

  it('gives attack-object the group of the clone (`attack-object G1028 --attack <clone> --attack-release 18.1`)', async () => {
    const result = await runCli(['attack-object', 'G1028', '--attack', ctiClone(), '--attack-release', '18.1', '--domain', 'mobile'], {
      XDG_CACHE_HOME: freshTmpDir('xdg'),
    });
    expect(result.code, result.stderr).to.equal(0);
    const layer = JSON.parse(result.stdout) as { name: string; domain: string; metadata: { name: string; value: string }[] };
    expect([layer.name, layer.domain]).to.deep.equal(['APT-C-23 (G1028)', 'mobile-attack']);
    expect(layer.metadata.find((item) => item.name === 'ATT&CK release')?.value).to.equal('mobile-attack 18.1');
  });
});
