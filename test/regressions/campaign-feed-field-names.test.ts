/**
 * A technique entry that gives its tactic or confidence in another format's field, as threat feeds and detection
 * backlogs write them (`tactic_id: TA0009` and `tactic_name: Collection`, `confidence_band: med`, `mitre_tactic:`,
 * `tactics: [...]`), was left out whole (`unknown field "tactic_id" (did you mean "tactic"?); the entry is left out`):
 * a feed's `mitre_ttps:` list pasted under `techniques:` gave no reference at all. Each such field has one obvious
 * reading, now taken and said at its line; an ID beside a name is read as `Collection (TA0009)`, which normalize
 * checks one against the other. The real entries are in test/fixtures/campaigns/feed-mitre-ttps.yaml (source in its
 * header); the one-entry cases are in our words.
 */
import { expect } from 'chai';
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { kindOf, kindOfValue, parseCampaign } from '../../lib/index.js';
import { freshTmpDir, repoRoot, runCli } from '../helpers/attack.js';

const FEED = join(repoRoot, 'test/fixtures/campaigns/feed-mitre-ttps.yaml');
// The same feed's entries as JSON (test/fixtures/campaigns/README.md), the last one a `technique_id` alone.
const FEED_JSON = join(repoRoot, 'test/fixtures/campaigns/feed-mitre-ttps.json');

describe("regressions: a technique's tactic or confidence under another format's field", () => {
  const cases: ReadonlyArray<readonly [entry: string, field: 'tactic' | 'confidence', value: unknown, says: string]> = [
    ['tactic_id: TA0009\n    tactic_name: Collection', 'tactic', 'Collection (TA0009)', 'line 5: /techniques/0: tactic_id: "TA0009" and tactic_name: "Collection" read as tactic: "Collection (TA0009)"'],
    ['tactic_id: TA0004', 'tactic', 'TA0004', 'line 5: /techniques/0: tactic_id: "TA0004" read as tactic: "TA0004"'],
    ['mitre_tactic: credential_access', 'tactic', 'credential_access', 'line 5: /techniques/0: mitre_tactic: "credential_access" read as tactic: "credential_access"'],
    ['tactics: [Execution, Persistence]', 'tactic', ['Execution', 'Persistence'], 'line 5: /techniques/0: tactics: ["Execution","Persistence"] read as tactic: ["Execution","Persistence"]'],
    ['confidence_band: high', 'confidence', 'high', 'line 5: /techniques/0: confidence_band: "high" read as confidence: "high"'],
  ];
  for (const [entry, field, value, says] of cases) {
    it(`${JSON.stringify(entry.split('\n')[0])}: read as ${field}, the repair said at its line`, () => {
      const campaign = parseCampaign(`name: Feed\ntechniques:\n  - ref: T1003.001\n    evidence: seen\n    ${entry}\n`, 'c.yaml');
      expect(campaign.leftOut).to.equal(undefined);
      const technique = campaign.techniques[0]!;
      expect(field === 'tactic' ? technique.tactics : technique.confidence).to.deep.equal(field === 'tactic' ? ([] as unknown[]).concat(value) : value);
      expect(technique.evidence).to.equal('seen');
      expect(campaign.repairs).to.have.length(1);
      expect(campaign.repairs![0]).to.include(says);
    });
  }

  // Detection rules' shapes (a rules README of the search index, id 52895315063: `mitre_tactic: TA0006` beside
  // `mitre_technique:` holding a list of one, `- T1110`; another, id 56142528787: `mitre_technique: T1068` beside
  // `mitre_tactic: privilege_escalation`): the technique was left out, `unknown field "mitre_technique"`.
  const rules: ReadonlyArray<readonly [entry: string, tactic: string, says: string]> = [
    ['mitre_technique: T1068\n    mitre_tactic: privilege_escalation', 'privilege_escalation', 'line 3: /techniques/0: mitre_technique: "T1068" read as ref: "T1068"'],
    ['mitre_technique:\n      - T1110\n    mitre_tactic: TA0006', 'TA0006', 'line 3: /techniques/0/ref: ["T1110"] read as "T1110"'],
  ];
  for (const [entry, tactic, says] of rules) {
    it(`a rule's ${JSON.stringify(entry.split('\n')[0])}: read as its ref, with its tactic`, () => {
      const campaign = parseCampaign(`name: Rules\ntechniques:\n  - ${entry}\n`, 'c.yaml');
      expect(campaign.leftOut).to.equal(undefined);
      expect(campaign.techniques.map((t) => [t.ref, t.tactics, t.line])).to.deep.equal([[entry.includes('T1068') ? 'T1068' : 'T1110', [tactic], 3]]);
      expect(campaign.repairs!.join('\n')).to.include(says).and.include('read as tactic:');
    });
  }

  // A Caldera ability's `technique:` mapping of its ID and name (mitre/stockpile
  // data/abilities/discovery/T1614__system-location-discovery.yml, commit 1e6ea711e2caba6c6a7d33994007130b1ac93239,
  // Apache-2.0), kept with its `tactic:` when an analyst lists a purple-team plan's abilities: before, `unknown field
  // "technique" (did you mean "ref"?)`, the entry left out.
  it("a Caldera ability's technique: {attack_id, name} is read as its ref, name and ID", () => {
    const campaign = parseCampaign('name: Plan\ntechniques:\n  - tactic: discovery\n    technique:\n      attack_id: T1614\n      name: System Location Discovery\n', 'c.yaml');
    expect(campaign.leftOut).to.equal(undefined);
    expect(campaign.techniques.map((t) => [t.ref, t.tactics, t.line])).to.deep.equal([['System Location Discovery (T1614)', ['discovery'], 3]]);
    expect(campaign.repairs).to.deep.equal([
      'line 4: /techniques/0: technique: {"attack_id":"T1614","name":"System Location Discovery"} read as ref: "System Location Discovery (T1614)" (a campaign file names the technique with ref:; write ref: instead of technique:, the name beside the ID)',
    ]);
    // A mapping holding more than its ID and name has no one reading: left out as before.
    const more = parseCampaign('name: Plan\ntechniques:\n  - technique:\n      attack_id: T1614\n      platforms: [linux]\n', 'c.yaml');
    expect(more.techniques).to.deep.equal([]);
  });

  it('an entry with tactic: of its own, or two tactic names, is not read so: the unknown field is said as before', () => {
    const own = parseCampaign('name: Feed\ntechniques:\n  - ref: T1003.001\n    tactic: Credential Access\n    tactic_id: TA0006\n', 'c.yaml');
    expect(own.techniques).to.deep.equal([]);
    expect(own.leftOut!.map((issue) => issue.message)[0]).to.include('unknown field "tactic_id"');
    const two = parseCampaign('name: Feed\ntechniques:\n  - ref: T1003.001\n    tactic_name: Credential Access\n    mitre_tactic: Execution\n', 'c.yaml');
    expect(two.techniques).to.deep.equal([]);
    expect(two.leftOut).to.have.length(2);
  });

  it("a feed's mitre_ttps list pasted under techniques: every entry read, both T1070.008 kept with their evidence, each repair said", async () => {
    const result = await runCli(['normalize', FEED, '--json']);
    expect(result.code, result.stderr).to.equal(0);
    const [campaign] = JSON.parse(result.stdout) as Array<{ references: Array<{ raw: string; line: number; ids: string[]; tactics: { written: string[]; read: string[] } }>; warnings: string[] }>;
    expect(campaign!.references.map((r) => [r.line, r.ids, r.tactics.written, r.tactics.read])).to.deep.equal([
      [12, ['T1114.001'], ['Collection (TA0009)'], ['collection']],
      [18, ['T1070.008'], ['Defense Evasion (TA0005)'], ['defense-evasion']],
      [24, ['T1070.008'], ['Collection (TA0009)'], ['collection']],
    ]);
    const text = await runCli(['normalize', FEED]);
    expect(text.stdout)
      .to.include('line 24: /techniques/2: tactic_id: "TA0009" and tactic_name: "Collection" read as tactic: "Collection (TA0009)"')
      .and.include('line 29: /techniques/2: confidence_band: "med" read as confidence: "med"')
      .and.include('line 29: /techniques/2/confidence: "med" read as "medium"')
      .and.include('line 24: Collection is not a tactic of T1070.008 Clear Mailbox Data: it is Defense Evasion only in ATT&CK 18.1');
    expect(text.stderr).to.not.include('left out');
  });

  // validate told this file by its `techniques:` and `technique_id:` lines as a TTP list (`wrong-kind: … make a campaign
  // file of them with attack-layers extract`), while normalize read it as a campaign: one rule now decides for both.
  it("validate reads the feed's campaign as normalize does, not as a TTP list", async () => {
    const result = await runCli(['validate', FEED]);
    expect(result.code, result.stderr).to.equal(0);
    expect(result.stderr).to.not.include('wrong-kind').and.include('read as tactic: "Collection (TA0009)"');
    expect(result.stdout + result.stderr).to.include('1 file: 0 errors');
  });

  // The same as JSON: validate found none of a JSON campaign's marks in it (`"ref":`, `"attack_version":`) and checked
  // it as a layer, `error: schema: …: this is a campaign file, not an ATT&CK Navigator layer`, while normalize read it.
  it('validate and normalize read a JSON campaign of technique_id entries alike, by hasCampaignShape', async () => {
    const validated = await runCli(['validate', FEED_JSON]);
    expect(validated.code, validated.stderr).to.equal(0);
    expect(validated.stderr).to.not.include('not an ATT&CK Navigator layer').and.include('/techniques/2: technique_id: "T1070.008" read as ref: "T1070.008"');
    expect(validated.stdout + validated.stderr).to.include('1 file: 0 errors');
    const normalized = await runCli(['normalize', FEED_JSON, '--json']);
    expect(normalized.code, normalized.stderr).to.equal(0);
    const [campaign] = JSON.parse(normalized.stdout) as Array<{ references: Array<{ ids: string[] }> }>;
    expect(campaign!.references.map((r) => r.ids)).to.deep.equal([['T1114.001'], ['T1070.008'], ['T1070.008']]);
  });

  // In a folder, JSON that is no layer is left out (`not checked: …`) since combine, upgrade and validate share
  // parseFolderLayer; a campaign by hasCampaignShape is still checked as one there, not left out.
  it('validate checks a JSON campaign of technique_id entries found in a folder as a campaign, not left out', async () => {
    const dir = freshTmpDir('feed-folder');
    copyFileSync(FEED_JSON, join(dir, 'feed.json'));
    const validated = await runCli(['validate', dir]);
    expect(validated.code, validated.stderr).to.equal(0);
    expect(validated.stderr).to.not.include('not checked').and.include('/techniques/2: technique_id: "T1070.008" read as ref: "T1070.008"');
    expect(validated.stdout + validated.stderr).to.include('1 file: 0 errors');
  });

  it("a campaign's own shape of renamed fields is a campaign; a TTP list's own fields keep it one", () => {
    const entry = '  - technique_id: T1114.001\n    technique_name: Local Email Collection\n    tactic_id: TA0009\n    confidence_band: med\n';
    expect(kindOf(`name: Feed\ntechniques:\n${entry}`)).to.equal('campaign');
    expect(kindOfValue({ name: 'Feed', techniques: [{ technique_id: 'T1114.001', tactic_name: 'Collection' }] })).to.equal('campaign');
    // A field no campaign has (a TTP list's `procedure:`, `ttps:` at the top) or no `name:`: a TTP list, for extract.
    expect(kindOf(`name: Feed\ntechniques:\n${entry}    procedure: runs a script\n`)).to.equal('ttp-list');
    expect(kindOf(`name: Feed\nttps:\n${entry}`)).to.equal('ttp-list');
    expect(kindOf(`techniques:\n${entry}`)).to.equal('ttp-list');
    expect(kindOfValue({ name: 'Feed', mitre: { techniques: ['T1059'] }, techniques: [{ technique_id: 'T1059' }] })).to.equal('ttp-list');
  });
});
