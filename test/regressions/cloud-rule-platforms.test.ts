/**
 * Splunk, Sentinel and Panther rules of Entra ID, Office 365 and Okta data counted on every platform: a Windows
 * threat's T1110 Brute Force was covered by Sentinel's SigninPasswordSpray.yaml (Entra ID's sign-ins), its T1078 Valid
 * Accounts by Panther's Okta Admin Role Assigned, its T1114 Email Collection by security_content's O365 Mailbox Inbox
 * Folder Shared with All Users: five techniques, 0 gaps. They fire on the platforms of the data they read
 * (lib/coverage/source-platforms.ts): for the Windows threat all five are gaps, each rule listed as for another
 * platform; a threat of Identity Provider and Office Suite keeps them covered. The rules are minimal ones in the shape of
 * the public rules (test/fixtures/coverage/cloud-siem/README.md).
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

const folder = fileURLToPath(new URL('../fixtures/coverage/cloud-siem', import.meta.url));
const IDS = ['T1078', 'T1098', 'T1110', 'T1114', 'T1556'];

/** A threat layer of ATT&CK `attack` (18) on `platforms` alone, using IDS. */
const threatOn = (platforms: string[], attack = '18') => threatLayerOn(platforms, IDS, attack);

describe('regression: Splunk, Sentinel and Panther rules of cloud identity and Office data fire on those platforms, not on Windows', () => {
  let index: AttackIndex;

  const review = (platforms: string[], release = index): GapReview => {
    const coverage = resolveCoverage([readRuleFolder(folder)], release);
    const input = parseCoverageLayers(JSON.stringify(threatOn(platforms, release.major)), 'threat.json', { role: 'threat' })[0]!;
    return reviewGaps([threatFromLayer(input, release).source], coverage, release, { minCoverage: 0.5 });
  };

  before(() => {
    index = new AttackLibrary({ envDir: stixDir(), cacheDir: testCacheDir() }).release('enterprise-attack', '18.1');
  });

  it('a Windows threat: every technique a gap, the cloud rules listed for their own platforms', () => {
    const rows = review(['Windows']).rows;
    expect(rows.map((row) => [row.id, row.coverage, row.platformsCovered])).to.deep.equal(IDS.map((id) => [id, 0, []]));
    const other = (id: string) => rows.find((row) => row.id === id)!.otherPlatformRules.map((rule) => [rule.name, rule.platforms]);
    expect(other('T1110')).to.deep.equal([
      ['Password spray attack against Microsoft Entra ID application', ['Identity Provider']],
      ['Okta MFA Exhaustion Hunt', ['Identity Provider']],
    ]);
    expect(other('T1078')).to.deep.equal([
      ['Malicious Inbox Rule', ['Office Suite']],
      ['Okta Admin Role Assigned', ['Identity Provider']],
    ]);
    expect(other('T1114')).to.deep.equal([['O365 Mailbox Inbox Folder Shared with All Users', ['Identity Provider', 'Office Suite']]]);
  });

  it('a threat of Identity Provider and Office Suite: the same rules cover it, each on its own platforms', () => {
    const rows = review(['Identity Provider', 'Office Suite']).rows;
    expect(rows.map((row) => [row.id, row.platformsCovered])).to.deep.equal([
      ['T1078', ['Identity Provider', 'Office Suite']],
      ['T1098', ['Office Suite']],
      ['T1110', ['Identity Provider']],
      ['T1114', ['Office Suite']],
      ['T1556', ['Identity Provider']],
    ]);
    expect(rows.every((row) => row.coverage > 0 && !row.otherPlatformRules.length)).to.equal(true);
  });

  it('in ATT&CK 14, before Identity Provider: the Okta rules fire on Azure AD, its identity platform, not on Windows, and no name is unknown', () => {
    const release = new AttackLibrary({ envDir: stixDir(), cacheDir: testCacheDir() }).release('enterprise-attack', '14.1');
    const result = review(['Windows', 'Azure AD'], release);
    const t1110 = result.rows.find((row) => row.id === 'T1110')!;
    expect(t1110.rules.map((rule) => rule.name)).to.deep.equal(['Password spray attack against Microsoft Entra ID application', 'Okta MFA Exhaustion Hunt']);
    expect(t1110.platformsCovered).to.deep.equal(['Azure AD']);
    expect(result.notes.filter((note) => /is not an ATT&CK/.test(note))).to.deep.equal([]);
  });
});
