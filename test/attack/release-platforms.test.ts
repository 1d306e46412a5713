import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AttackIndex } from '../../lib/attack/attack-index.js';
import { RELEASE_PLATFORMS } from '../../lib/attack/release-platforms.gen.js';
import { everyPlatformSource } from '../../lib/layer/platform-visibility.js';
import { domainReleases } from '../../lib/normalize/normalize-campaign.js';
import { OUT, releasePlatformsModule } from '../../scripts/build-release-platforms.mjs';
import { repoRoot, stixDir, testCacheDir } from '../helpers/attack.js';
import { attackLibrary } from '../layer/attack-data.js';

describe('release platform lists (release-platforms.gen.ts)', function () {
  this.timeout(300_000);

  it('are what the releases of ATTACK_STIX_DIR give today (run `npm run release-platforms -- --from <folder>` after adding one)', () => {
    expect(readFileSync(join(repoRoot, OUT), 'utf8')).to.equal(releasePlatformsModule(stixDir(), testCacheDir()));
    expect(RELEASE_PLATFORMS.map((entry) => `${entry.domain} ${entry.release}`)).to.include.members(['enterprise-attack 14.1', 'enterprise-attack 8.2', 'mobile-attack 18.1', 'ics-attack 18.1']);
  });

  it('give way to a release installed here, and agree with it', () => {
    const library = attackLibrary();
    const newest = library.release('enterprise-attack', '18.1');
    const v14 = library.release('enterprise-attack', '14.1');
    const listed = [...v14.platforms()];
    // Every release here: the installed 14.1 is the one found.
    const installed = everyPlatformSource(listed, newest, domainReleases(library, 'enterprise-attack', '18.1').history);
    expect(installed).to.equal(v14);
    // None but 18.1: the listed 14.1 stands for it, with the same platforms.
    const alone = everyPlatformSource(listed, newest, () => []);
    expect(alone).to.not.be.instanceOf(AttackIndex);
    expect(alone).to.deep.include({ domain: 'enterprise-attack', release: '14.1', label: 'enterprise-attack 14.1', listed: true });
    expect(alone?.platforms()).to.deep.equal(v14.platforms());
  });

  it('stand for the release a layer states when it is not installed (ATT&CK 3\'s Windows, Linux, macOS with 18.1 alone)', () => {
    const newest = attackLibrary().release('enterprise-attack', '18.1');
    // A Navigator 2.x layer of ATT&CK 3 lists its every platform; only 18.1 is here, standing for 3.
    const v3 = everyPlatformSource(['Windows', 'Linux', 'macOS'], newest, () => [], '3');
    expect(v3).to.deep.include({ release: '3.0', listed: true });
    // ATT&CK 5 is listed by no entry: 3.0, the nearest earlier one, stands for it.
    expect(everyPlatformSource(['Windows', 'Linux', 'macOS'], newest, () => [], '5')).to.deep.include({ release: '3.0' });
    // The same three in a layer of ATT&CK 7 are Navigator 3's default selection, which hid the cloud platforms of 6.3.
    expect(everyPlatformSource(['Windows', 'Linux', 'macOS'], newest, () => [], '7')).to.equal(undefined);
    // And in a layer of the release here, or one stating none, they chose.
    expect(everyPlatformSource(['Windows', 'Linux', 'macOS'], newest, () => [], '18')).to.equal(undefined);
    expect(everyPlatformSource(['Windows', 'Linux', 'macOS'], newest, () => [])).to.equal(undefined);
  });
});
