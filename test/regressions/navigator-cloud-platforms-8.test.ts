/**
 * ATT&CK Navigator 5.1 reads the platform names AWS, GCP and Azure as IaaS in every layer's filter, whatever release
 * the layer is for (mitre-attack/attack-navigator, nav-app/src/app/classes/filter.ts at
 * 4adb7ec0b69df833abcef3c669438d65caf4dedf, Filter.deserialize: the "backwards compatibility with older layers"
 * mappings). ATT&CK 8.2 and before have no IaaS: their cloud techniques run on AWS, GCP and Azure (T1530 Data from
 * Cloud Storage Object). A filter listing them, even one of every 8.2 platform as Navigator 4.x exported it, shows
 * none of them; only no filter (or an empty one, which initPlatformOptions fills with the release's own names) does.
 * Before: `render --attack-release 8.2` of a campaign on [AWS, Windows] wrote that filter, and `validate` of it said
 * nothing.
 */
import { expect } from 'chai';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { NavigatorLayer } from '../../lib/layer/layer-types.js';
import { platformsShowing } from '../../lib/layer/platform-visibility.js';
import { validateLayer } from '../../lib/layer/validate-layer.js';
import { attackFor, attackLibrary } from '../layer/attack-data.js';
import { freshTmpDir, loadRelease, runCli } from '../helpers/attack.js';

const validate = (layer: unknown) => validateLayer(layer, { attackFor: attackFor(attackLibrary()), file: 'test.layer.json' });
const findings = (layer: unknown, code: string) => validate(layer).filter((finding) => finding.code === code);

// Every enterprise platform of ATT&CK 8, in the order Navigator 4.x wrote them into the layers it exported.
const EVERY_8 = ['Linux', 'macOS', 'Windows', 'Office 365', 'Azure AD', 'AWS', 'GCP', 'Azure', 'SaaS', 'PRE', 'Network'];
const layer8 = (platforms: string[] | undefined) => ({
  name: 'cloud', versions: { attack: '8', navigator: '4.2', layer: '4.1' }, domain: 'enterprise-attack',
  ...(platforms ? { filters: { platforms } } : {}),
  techniques: [
    { techniqueID: 'T1530', tactic: 'collection', score: 1 },
    // T1526 (Cloud Service Discovery) runs on SaaS and Office 365 as well: the filter shows it.
    { techniqueID: 'T1526', tactic: 'discovery', score: 1 },
  ],
});

describe('regression: Navigator 5.1 reads AWS, GCP and Azure as IaaS, which ATT&CK 8.2 does not have', () => {
  it('validate: a layer for 8 listing every 8.2 platform hides T1530, and says how to show it', () => {
    const hidden = findings(layer8(EVERY_8), 'filtered-out-technique');
    expect(hidden.map((finding) => finding.path)).to.deep.equal(['/techniques/0']);
    expect(hidden[0]!.message).to.match(
      /T1530 \(Data from Cloud Storage Object\) is annotated but runs only on "AWS", "GCP", "Azure", which Navigator 5\.1 reads in any platform filter as "IaaS", a platform enterprise-attack 8\.2 does not have, so Navigator hides it under any platform filter: remove filters\.platforms/,
    );
    const names = findings(layer8(EVERY_8), 'unknown-platform').map((finding) => finding.path);
    // Said once for the three names (at the first), where it was said once per name.
    expect(names).to.deep.equal(['/filters/platforms/5']);
  });

  // F5-Labs/att-ck's layer.json (commit de796407c59f39bf8e0e99ddafe9b49dfde3cd48, a Navigator 4.2 export for ATT&CK 8)
  // lists every 8.2 platform as EVERY_8 does: each of AWS, GCP and Azure was said to filter nothing in, with no word of
  // what to do about it.
  // The three were then said once each, the same words thrice: now once, naming all three with their places.
  it('validate: says once of AWS, GCP and Azure in the filter, naming each, what to do: remove the filter, or upgrade to a release with IaaS', () => {
    const messages = findings(layer8(EVERY_8), 'unknown-platform').map((finding) => finding.message);
    expect(messages).to.have.length(1);
    for (const message of messages) {
      expect(message).to.match(
        /\/filters\/platforms\/5: "AWS", "GCP", "Azure" \(\/filters\/platforms\/5, 6, 7\) are platforms of enterprise-attack 8\.2, but Navigator 5\.1 reads each in any layer's filter as "IaaS", which enterprise-attack 8\.2 does not have, so they filter nothing in: only a layer without a platform filter shows enterprise-attack 8\.2's techniques on "AWS", "Azure", "GCP": /,
      );
      // The library's words for the command (`attack-layers upgrade` on the command line).
      expect(message).to.match(/: remove filters\.platforms, or run `upgradeLayer` to write the layer for a release that calls them "IaaS" \(ATT&CK 9\.0 and later\)$/);
    }
  });

  it('validate: without a filter, or in a release with IaaS (the same entries in a layer for 18), nothing is hidden', () => {
    expect(findings(layer8(undefined), 'filtered-out-technique')).to.deep.equal([]);
    expect(findings({ ...layer8(['IaaS']), versions: { attack: '18', navigator: '5.1.0', layer: '4.5' } }, 'filtered-out-technique')).to.deep.equal([]);
  });

  it('platformsShowing: drops a filter that only no filter can widen, and keeps one that shows every entry', () => {
    const index = loadRelease('8.2');
    const t1530 = [{ techniqueID: 'T1530', score: 1 }];
    const dropped = platformsShowing(['Windows', 'AWS'], t1530, index);
    expect(dropped.platforms).to.deep.equal([]);
    expect(dropped.unfiltered?.map(({ record }) => record.id)).to.deep.equal(['T1530']);
    const kept = platformsShowing(['Windows', 'AWS'], [{ techniqueID: 'T1059.001', score: 1 }], index);
    expect(kept).to.deep.equal({ platforms: ['Windows', 'AWS'], added: [] });
  });

  it('render --attack-release 8.2: writes no platform filter for a campaign reporting T1530, and says why', async () => {
    const dir = freshTmpDir('cloud-8');
    writeFileSync(join(dir, 'cloud.yaml'), 'name: Cloud theft\ndomain: enterprise-attack\nplatforms: [AWS, Windows]\ntechniques:\n  - ref: T1530\n  - ref: T1059.001\n');
    const result = await runCli(['render', join(dir, 'cloud.yaml'), '--attack-release', '8.2', '--out', join(dir, 'out')]);
    expect(result.code, result.stderr).to.equal(0);
    expect(result.stderr).to.include(
      'T1530 (Data from Cloud Storage Object) runs only on "AWS", "Azure", "GCP", which Navigator 5.1 reads in any platform filter as "IaaS", ' +
        'a platform enterprise-attack 8.2 does not have: the layer is written without a platform filter',
    );
    const layer = JSON.parse(readFileSync(join(dir, 'out', 'cloud.layer.json'), 'utf8')) as NavigatorLayer;
    expect(layer.filters).to.equal(undefined);
    expect(findings(layer, 'filtered-out-technique')).to.deep.equal([]);
  });
});
