/**
 * A threat technique that runs on none of the threat's platforms was reviewed on the threat's: a threat layer filtered
 * to Identity Provider and Office Suite scoring T1003.001 LSASS Memory (Windows only in ATT&CK 18.1) made LSASS
 * dumping "not covered on Identity Provider, Office Suite", the Windows rule for it "for other platforms", and any rule
 * of those platforms tagged with it would have covered it. Navigator hides such an entry under the layer's filter, so
 * the analyst never sees it there. A campaign of `platforms: [Linux]` citing T1059.001 PowerShell was the same. Such
 * a technique is now reviewed on its own ATT&CK platforms, where a rule for it runs, and the row and the review's
 * notes say which platforms its sources name. Rules: test/fixtures/coverage/cloud-kql (its README) and SigmaHQ's
 * proc_creation_win_powershell_encode.yml (../shared/sigma, SigmaHQ/sigma, Detection Rule License 1.1), copied at run
 * time, never committed.
 */
import { copyFileSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'chai';
import type { AttackIndex } from '../../lib/attack/attack-index.js';
import { AttackLibrary } from '../../lib/attack/load.js';
import { renderGapLayer } from '../../lib/coverage/gap-layers.js';
import { formatGapMarkdown } from '../../lib/coverage/gap-report.js';
import { resolveCoverage, reviewGaps, threatFromCampaigns, threatFromLayer, type GapReview } from '../../lib/coverage/gap-review.js';
import { parseCoverageLayers } from '../../lib/coverage/read-coverage-layer.js';
import { readRuleFolder } from '../../lib/coverage/read-rule-folder.js';
import { readThreatInputs } from '../../lib/coverage/read-threat.js';
import { freshTmpDir, stixDir, testCacheDir } from '../helpers/attack.js';
import { threatLayerOn } from '../helpers/threat-layer.js';

const kql = fileURLToPath(new URL('../fixtures/coverage/cloud-kql', import.meta.url));
const sigma = join(stixDir(), '../sigma/rules/windows/process_creation/proc_creation_win_powershell_encode.yml');

/** A threat layer of ATT&CK 18 filtered to `platforms`, scoring `ids`. */
const threatLayer = threatLayerOn;

describe('regression: a threat technique of none of the threat\'s platforms is reviewed on its own', () => {
  let library: AttackLibrary;
  let index: AttackIndex;

  const layerReview = (platforms: string[], ids: string[]): GapReview => {
    const input = parseCoverageLayers(JSON.stringify(threatLayer(platforms, ids)), 'threat.json', { role: 'threat' })[0]!;
    return reviewGaps([threatFromLayer(input, index).source], resolveCoverage([readRuleFolder(kql)], index), index, { minCoverage: 0.5 });
  };

  /** A review of a campaign file (`campaign`, YAML) against SigmaHQ's encoded PowerShell rule. */
  const campaignReview = (campaign: string): GapReview => {
    const dir = freshTmpDir('off-threat');
    mkdirSync(join(dir, 'rules'));
    copyFileSync(sigma, join(dir, 'rules', 'encode.yml'));
    writeFileSync(join(dir, 'linux.yaml'), campaign);
    const threat = readThreatInputs([join(dir, 'linux.yaml')], library);
    return reviewGaps(threatFromCampaigns(threat.campaigns, index), resolveCoverage([readRuleFolder(join(dir, 'rules'))], index), index, { minCoverage: 0.5 });
  };

  before(() => {
    library = new AttackLibrary({ envDir: stixDir(), cacheDir: testCacheDir() });
    index = library.release('enterprise-attack', '18.1');
  });

  it('a layer of Identity Provider and Office Suite scoring LSASS Memory: reviewed on Windows, its Windows rule counts', () => {
    const review = layerReview(['Identity Provider', 'Office Suite'], ['T1003.001', 'T1078']);
    expect(review.rows.map((row) => [row.id, row.platforms, row.threatPlatforms, row.platformsCovered, row.rules.map((rule) => rule.name), row.otherPlatformRules.map((rule) => rule.name)])).to.deep.equal([
      ['T1003.001', ['Windows'], ['Identity Provider', 'Office Suite'], ['Windows'], ['Credential Dumping - LSASS Access'], []],
      ['T1078', ['Identity Provider', 'Office Suite'], undefined, ['Identity Provider'], ['Impossible Travel Detection'], []],
    ]);
    expect(review.gaps).to.deep.equal([]);
    expect(review.notes).to.include(
      'threat layer "Incident": T1003.001 LSASS Memory (Windows) runs on none of the platforms it names (Identity Provider, Office Suite), and Navigator hides it under its filter: ' +
        'reviewed on its own ATT&CK platforms, where a rule for it counts',
    );
  });

  it('a gap of none of the threat\'s platforms says so in the Markdown report and on the gap layer', () => {
    // T1059.003 Windows Command Shell is Windows alone in 18.1, and no rule of the folder tags it. (T1566.001, Linux, macOS
    // and Windows, was the example until its Office Suite query of mail counted for delivery: gap-mail-delivery.test.ts.)
    const review = layerReview(['Identity Provider', 'Office Suite'], ['T1059.003']);
    const row = review.gaps[0]!;
    expect([row.id, row.platforms, row.threatPlatforms, row.otherPlatformRules]).to.deep.equal(['T1059.003', ['Windows'], ['Identity Provider', 'Office Suite'], []]);
    const said = 'runs on none of the platforms its threat sources name (Identity Provider, Office Suite): reviewed on its own in ATT&CK, Windows, where a rule for it counts';
    expect(formatGapMarkdown(review)).to.include(`\nR${said.slice(1)}.\n`);
    const entry = renderGapLayer(review, index).techniques!.find((t) => t.techniqueID === 'T1059.003')!;
    expect(entry.comment!.split('\n')[1]).to.equal(said);
    expect(entry.metadata).to.deep.include({ name: 'threat platforms, none its own', value: 'Identity Provider, Office Suite' });
  });

  it('a Linux campaign citing PowerShell: reviewed on Windows, where a real SigmaHQ rule for it counts', function () {
    if (!existsSync(sigma)) this.skip();
    const review = campaignReview(['name: Linux intrusion', 'platforms: [Linux]', 'techniques: [T1059.001, T1059.004]', ''].join('\n'));
    expect(review.rows.map((row) => [row.id, row.platforms, row.threatPlatforms, row.coverage])).to.deep.equal([
      ['T1059.004', ['Linux'], undefined, 0],
      ['T1059.001', ['Windows'], ['Linux'], 0.6],
    ]);
    expect(review.notes).to.include(
      'campaign "Linux intrusion": T1059.001 PowerShell (Windows) runs on none of the platforms it names (Linux): reviewed on its own ATT&CK platforms, where a rule for it counts',
    );
  });

  it('a campaign whose platforms are names ATT&CK does not know reviews every platform, as before, with no such note', function () {
    if (!existsSync(sigma)) this.skip();
    const review = campaignReview(['name: Console intrusion', 'platforms: [Playstation]', 'techniques: [T1059.001]', ''].join('\n'));
    expect(review.rows.map((row) => [row.id, row.threatPlatforms, row.platformsCovered])).to.deep.equal([['T1059.001', undefined, ['Windows']]]);
    expect(review.notes.filter((note) => note.includes('none of the platforms'))).to.deep.equal([]);
  });
});
