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
});
