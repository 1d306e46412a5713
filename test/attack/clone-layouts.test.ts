import { expect } from 'chai';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { ReleaseListing } from '../../lib/cli/commands/data.js';
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
    expect(() => library.release('mobile-attack')).to.throw(AttackDataError, /names no ATT&CK release.*give the release explicitly \(release\).*`git describe --tags`/);
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

/**
 * A folder laid out as a clone of mitre-attack/attack-stix-data is (https://github.com/mitre-attack/attack-stix-data:
 * `ics-attack/ics-attack-18.1.json` and each older release, STIX 2.1 naming its release in its x-mitre-collection, and
 * `ics-attack/ics-attack.json`, the newest once more), holding the real ICS 18.1 and mobile 9.0 bundles of that
 * repository (attack-stix/stix21).
 */
function stixDataClone(): string {
  const dir = freshTmpDir('attack-stix-data-clone');
  const ics = gunzipSync(readFileSync(stixFile('stix21/ics-attack-18.1.json.gz')));
  mkdirSync(join(dir, 'ics-attack'));
  writeFileSync(join(dir, 'ics-attack', 'ics-attack-18.1.json'), ics);
  writeFileSync(join(dir, 'ics-attack', 'ics-attack.json'), ics);
  mkdirSync(join(dir, 'mobile-attack'));
  writeFileSync(join(dir, 'mobile-attack', 'mobile-attack-9.0.json'), gunzipSync(readFileSync(stixFile('stix21/mobile-attack-9.0.json.gz'))));
  return dir;
}

describe('a folder laid out as a clone of mitre-attack/attack-stix-data', () => {
  // `data list` showed ics-attack-18.1.json and ics-attack.json as two releases 18.1, one of them `default`, though
  // no command ever reads the second.
  it('is listed by data list once per release, the file read marked default and the same release beside it named', async () => {
    const dir = stixDataClone();
    const env = { ATTACK_STIX_DIR: undefined, XDG_CACHE_HOME: freshTmpDir('xdg') };
    const result = await runCli(['data', 'list', '--json', '--attack', dir], env);
    expect(result.code, result.stderr).to.equal(0);
    const rows = (JSON.parse(result.stdout) as ReleaseListing[]).filter((row) => row.origin === 'flag');
    expect(rows.map((row) => [row.domain, row.release, row.file, row.default, row.sameRelease])).to.deep.equal([
      ['mobile-attack', '9.0', join(dir, 'mobile-attack', 'mobile-attack-9.0.json'), true, undefined],
      ['ics-attack', '18.1', join(dir, 'ics-attack', 'ics-attack-18.1.json'), true, [join(dir, 'ics-attack', 'ics-attack.json')]],
    ]);
    const library = new AttackLibrary({ attack: dir, cacheDir: freshTmpDir('cache'), snapshot: false });
    expect([library.release('ics-attack').data.source.file, library.release('ics-attack', '18.1').data.source.file]).to.deep.equal([rows[1]!.file, rows[1]!.file]);
    const table = await runCli(['data', 'list', '--attack', dir], env);
    expect(table.stdout).to.include(`${join(dir, 'ics-attack', 'ics-attack-18.1.json')} (also ics-attack.json: the same release, not read)\n`);
  });
});
