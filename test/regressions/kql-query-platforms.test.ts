/**
 * KQL kept as a `.kql` file, as Markdown or as a Defender XDR custom detection counted on every platform whatever
 * tables it read: for a Windows threat, mhartson310/Sentinel-KQL-Library's Impossible Travel Detection (SigninLogs)
 * covered T1078 Valid Accounts, and Bert-JanP's device code sign-in query (AADSignInEventsBeta, SigninLogs) and a
 * Defender XDR rule of EmailEvents covered T1566 Phishing: 4 techniques, 0 gaps, as the Sentinel rules of those tables
 * no longer did (cloud-rule-platforms.test.ts). Every KQL query now fires on the platforms of its tables, as a Sentinel
 * rule's does: T1078 and T1566.002 are gaps, each rule listed for its own platform (the EmailEvents rule counts for
 * T1566.001 for delivery, gap-mail-delivery.test.ts); SecurityEvent is Windows', and
 * Defender XDR's device tables, of Windows, Linux and macOS devices alike, still count everywhere. Fixtures:
 * test/fixtures/coverage/cloud-kql/README.md.
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

const folder = fileURLToPath(new URL('../fixtures/coverage/cloud-kql', import.meta.url));
const IDS = ['T1003.001', 'T1059.001', 'T1078', 'T1566.001', 'T1566.002'];

/** A threat layer of ATT&CK 18 on `platforms` alone, using IDS. */
const threatOn = (platforms: string[]) => threatLayerOn(platforms, IDS);

describe('regression: KQL in .kql files, Markdown and Defender XDR custom detections fires on the platforms of its tables', () => {
  let index: AttackIndex;

  const review = (platforms: string[]): GapReview => {
    const coverage = resolveCoverage([readRuleFolder(folder)], index);
    const input = parseCoverageLayers(JSON.stringify(threatOn(platforms)), 'threat.json', { role: 'threat' })[0]!;
    return reviewGaps([threatFromLayer(input, index).source], coverage, index, { minCoverage: 0.5 });
  };

  before(() => {
    index = new AttackLibrary({ envDir: stixDir(), cacheDir: testCacheDir() }).release('enterprise-attack', '18.1');
  });

  // The email query counts for T1566.001 all the same, for delivery: the mail it reads reaches a Windows victim
  // (gap-mail-delivery.test.ts); the sign-in queries do not.
  it('a Windows threat: the sign-in queries leave T1078 and T1566.002 gaps, listed for their platforms; SecurityEvent and device tables cover', () => {
    const rows = review(['Windows']).rows;
    expect(rows.map((row) => [row.id, row.platformsCovered, row.rules.map((rule) => rule.name), row.otherPlatformRules.map((rule) => [rule.name, rule.platforms])])).to.deep.equal([
      ['T1078', [], [], [['Impossible Travel Detection', ['Identity Provider']]]],
      ['T1566.002', [], [], [['Successful device code sign-in from unmanaged device', ['Identity Provider']]]],
      ['T1566.001', ['Windows'], ['Inbound ISO attachment'], []],
      ['T1059.001', ['Windows'], ['Encoded PowerShell command line'], []],
      ['T1003.001', ['Windows'], ['Credential Dumping - LSASS Access'], []],
    ]);
    expect(rows.filter((row) => row.coverage === 0).map((row) => row.id)).to.deep.equal(['T1078', 'T1566.002']);
  });

  // T1566.001 runs on neither in 18.1 (Linux, macOS, Windows): it is reviewed on its own platforms
  // (gap-off-threat-platforms.test.ts), where the Office Suite query of mail counts for delivery, on every one.
  it('a threat of Identity Provider and Office Suite: the same queries cover it, each on its own platform', () => {
    const cloud = new Set(['T1078', 'T1566.001', 'T1566.002']);
    const rows = review(['Identity Provider', 'Office Suite']).rows.filter((row) => cloud.has(row.id));
    expect(rows.map((row) => [row.id, row.platformsCovered]).sort()).to.deep.equal([
      ['T1078', ['Identity Provider']],
      ['T1566.001', ['Linux', 'Windows', 'macOS']],
      ['T1566.002', ['Identity Provider']],
    ]);
  });
});
