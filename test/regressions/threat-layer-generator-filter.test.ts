/**
 * What a threat layer's `filters.platforms` means when a generator wrote it. The threat layers found through the code
 * index are written with no filter (attack-website's group layers, modules/util/util.py build_base_layer;
 * mitreattack-python's UsageGenerator, navlayers/generators/usage_generator.py), with every platform of a release
 * (Navigator's exports; elastic/detection-rules' navigator.py, ATT&CK 14's eleven names), both read as naming no
 * platform, or with the platforms of the group's own techniques (an APT group mapper's `filters.platforms`, the union of
 * its techniques' x_mitre_platforms, found through the code index, its repository not named there), which hides none. A
 * generator's list in names ATT&CK had replaced, every platform of an older release but one (splunk/contentctl's
 * attack_nav_writer.py writes ATT&CK 8's names but PRE into a layer of 16), was read so of a coverage layer
 * (coverage-layer-platform-filter.test.ts) but as the author's choice of a threat layer: its T1078 Valid Accounts was
 * reviewed without Containers and ESXi, and its T1595 Active Scanning (PRE) as a technique of none of its platforms.
 * The same rule (generatorPlatformList) now reads both. A threat layer's filter that hides some of its own techniques
 * stays its author's, unlike a coverage layer's: narrowing a group's techniques to the platforms of one's estate is what
 * the filter of a threat layer is for; the techniques it hides are reviewed on their own (gap-off-threat-platforms).
 * Layers: our own, in those shapes; rules: test/fixtures/coverage/cloud-kql (its README).
 */
import { fileURLToPath } from 'node:url';
import { expect } from 'chai';
import type { AttackIndex } from '../../lib/attack/attack-index.js';
import { AttackLibrary } from '../../lib/attack/load.js';
import { resolveCoverage, reviewGaps, threatFromLayer, type GapReview } from '../../lib/coverage/gap-review.js';
import { parseCoverageLayers } from '../../lib/coverage/read-coverage-layer.js';
import { readRuleFolder } from '../../lib/coverage/read-rule-folder.js';
import { stixDir, testCacheDir } from '../helpers/attack.js';
import { threatLayerOn } from '../helpers/threat-layer.js';

const kql = fileURLToPath(new URL('../fixtures/coverage/cloud-kql', import.meta.url));

/** splunk/contentctl's list: every platform of ATT&CK 8.2 but PRE, in its names, written into a layer of ATT&CK 16. */
const CONTENTCTL_PLATFORMS = ['Windows', 'Linux', 'macOS', 'Network', 'AWS', 'GCP', 'Azure', 'Azure AD', 'Office 365', 'SaaS'];

describe('regression: a threat layer\'s filter written by a generator names no platform of the threat, as a coverage layer\'s', () => {
  let index: AttackIndex;

  const review = (layer: object): GapReview => {
    const input = parseCoverageLayers(JSON.stringify(layer), 'threat.json', { role: 'threat' })[0]!;
    return reviewGaps([threatFromLayer(input, index).source], resolveCoverage([readRuleFolder(kql)], index), index, { minCoverage: 0.5 });
  };

  before(() => {
    index = new AttackLibrary({ envDir: stixDir(), cacheDir: testCacheDir() }).release('enterprise-attack', '18.1');
  });

  it('contentctl\'s list (ATT&CK 8\'s names but PRE in a layer of 16): T1078 reviewed on all its platforms, T1595 on PRE as one of the threat\'s', () => {
    const result = review(threatLayerOn(CONTENTCTL_PLATFORMS, ['T1078', 'T1595'], '16'));
    expect(result.rows.map((row) => [row.id, row.platforms, row.threatPlatforms]).sort()).to.deep.equal([
      ['T1078', ['Containers', 'ESXi', 'IaaS', 'Identity Provider', 'Linux', 'Network Devices', 'Office Suite', 'SaaS', 'Windows', 'macOS'], undefined],
      ['T1595', ['PRE'], undefined],
    ]);
    expect(result.notes).to.include(
      'threat layer threat.json ("Incident"): filters.platforms names AWS, GCP, Azure (IaaS since ATT&CK 9.0), Azure AD (Identity Provider since ATT&CK 16.0), ' +
        'Office 365 (Office Suite since ATT&CK 16.0), names ATT&CK 16, the layer\'s release, had replaced, and lists every platform of enterprise-attack 8.2 but PRE: a list its generator writes ' +
        'into every layer, not one chosen in Navigator (which writes its release\'s names), so it names no platform of the threat: reviewed on every platform of enterprise-attack 18.1',
    );
  });

  it('a list in replaced names that leaves out more (ATT&CK 7\'s Cloud matrix) is still a choice: T1078 reviewed on the cloud alone', () => {
    const result = review(threatLayerOn(['AWS', 'GCP', 'Azure', 'Azure AD', 'Office 365', 'SaaS'], ['T1078'], '16'));
    expect(result.rows.map((row) => [row.id, row.platforms])).to.deep.equal([['T1078', ['IaaS', 'Identity Provider', 'Office Suite', 'SaaS']]]);
    expect(result.notes.filter((note) => note.includes('generator'))).to.deep.equal([]);
  });

  it('a filter that hides one of the threat\'s own techniques stays its author\'s: T1078 on Windows, T1078.004 on its own platforms', () => {
    // The coverage side reads the same filter over a hidden entry as a generator's (elsec_dr2an's Windows, macOS, Linux).
    const result = review(threatLayerOn(['Windows'], ['T1078', 'T1078.004']));
    expect(result.rows.map((row) => [row.id, row.platforms, row.threatPlatforms, row.rules.map((rule) => rule.name), row.otherPlatformRules.map((rule) => rule.name)])).to.deep.equal([
      ['T1078', ['Windows'], undefined, [], ['Impossible Travel Detection']],
      ['T1078.004', ['IaaS', 'Identity Provider', 'Office Suite', 'SaaS'], ['Windows'], [], []],
    ]);
    expect(result.notes.filter((note) => note.includes('generator'))).to.deep.equal([]);
    expect(result.notes).to.include(
      'threat layer "Incident": T1078.004 Cloud Accounts (IaaS, Identity Provider, Office Suite, SaaS) runs on none of the platforms it names (Windows), and Navigator hides it under its filter: ' +
        'reviewed on its own ATT&CK platforms, where a rule for it counts',
    );
  });
});
