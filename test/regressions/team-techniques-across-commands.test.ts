// A team's own techniques (T9001, and ACME-T1000 of an ATT&CK Workbench organization namespace) through every layer
// command, with the team's ATT&CK data built at test time from the real releases of ATTACK_STIX_DIR (17.1 and 18.1)
// plus the team's objects, in the shapes Workbench writes them (see test/attack/team-bundles.test.ts for the sources):
// - a namespace's techniques are numbered `<PREFIX>-T<range start>` (1000 unless set), its groups `<PREFIX>-G1000`, and
//   sub-techniques `<parent>.<3 digits>`: mitre-attack/attack-workbench-rest-api, app/lib/attack-id-generator.js
//   (generateAttackId, commit 3b71eb59a082e860318562b4abaa6d21840428d9);
// - every object the team creates has its identity as created_by_ref, relationships (`uses`) included.
// A team upgrading its layers from its bundle built on 17.1 to the one built on 18.1 keeps every entry; to data that
// lacks its techniques (MITRE's 18.1 alone), each is said to be the team's, with the data to give.
import { expect } from 'chai';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { AttackIndex, indexBundle, REMOVED_METADATA_NAME, upgradeLayer } from '../../lib/index.js';
import { freshCacheHome, freshTmpDir, readRawBundle, runCli, stixFile, type RawStixObject } from '../helpers/attack.js';
import { TEAM_OBJECTS, TEAM_STAMP } from '../helpers/team-bundle.js';

const OWN = TEAM_OBJECTS;

const TEAM_IDS = ['ACME-T1000', 'ACME-T1000.001', 'T9001', 'T9001.001'];

/** A layer of the red team's, written for ATT&CK `attack`: its four techniques and one of MITRE's. */
function redLayer(attack: string) {
  return {
    name: 'red',
    domain: 'enterprise-attack',
    versions: { attack, navigator: '5.1.0', layer: '4.5' },
    techniques: [...TEAM_IDS, 'T1566.001'].map((techniqueID, i) => ({ techniqueID, tactic: 'initial-access', score: i + 1 })),
  };
}

const ids = (layer: { techniques?: readonly { techniqueID?: string }[] }) => (layer.techniques ?? []).map((entry) => entry.techniqueID).sort();

describe("a team's own techniques through every layer command (team bundles on 17.1 and 18.1)", function () {
  this.timeout(300_000);
  let mitre17: readonly RawStixObject[];
  let mitre18: readonly RawStixObject[];
  let team17: AttackIndex;
  let team18: AttackIndex;
  let plain17: AttackIndex;
  let plain18: AttackIndex;
  before(() => {
    mitre17 = readRawBundle(stixFile('enterprise-attack-17.1.json.gz')).objects;
    mitre18 = readRawBundle(stixFile('enterprise-attack-18.1.json.gz')).objects;
    const index = (objects: readonly RawStixObject[], release: string, file: string) =>
      new AttackIndex(indexBundle({ type: 'bundle', id: 'bundle--x', objects }, { release, source: { file, sha256: 'test' } }));
    team17 = index([...mitre17, ...OWN], '17.1', 'acme-17.json');
    team18 = index([...mitre18, ...OWN], '18.1', 'acme-18.json');
    plain17 = index(mitre17, '17.1', 'enterprise-attack-17.1.json');
    plain18 = index(mitre18, '18.1', 'enterprise-attack-18.1.json');
  });

  describe('upgrade', () => {
    it("keeps every entry from the team's bundle on 17.1 to its bundle on 18.1, none removed or remapped", () => {
      const { layer, report } = upgradeLayer(redLayer('17'), team18, { source: team17 });
      expect(ids(layer)).to.deep.equal([...TEAM_IDS, 'T1566.001'].sort());
      expect(report.techniques.flatMap((row) => row.changes)).to.deep.equal([]);
    });

    it("keeps them from MITRE's 17.1 to the team's bundle on 18.1 (the layer's release lacks them, the target has them)", () => {
      const { layer, report } = upgradeLayer(redLayer('17'), team18, { source: plain17 });
      expect(ids(layer)).to.include.members(TEAM_IDS);
      expect(report.techniques.filter((row) => row.changes.includes('removed'))).to.deep.equal([]);
    });

    it("says of each team technique MITRE's 18.1 lacks that it is the team's, and what data to give, keeping the entry", () => {
      const { layer, report } = upgradeLayer(redLayer('17'), plain18, { source: team17 });
      expect(ids(layer)).to.deep.equal(['T1566.001']);
      const row = report.techniques.find((item) => item.techniqueID === 'T9001');
      expect(row?.changes).to.deep.equal(['removed']);
      expect(row?.notes[0]).to.equal(
        "T9001 (Badge Cloning) is a team's own technique (not MITRE's) in enterprise-attack 17.1 (acme-17.json), and enterprise-attack 18.1 does not hold it: " +
          "give the team's ATT&CK data built on 18.1 (its ATT&CK Workbench export) as the 18.1 release (`loadAttack({ attack: '<file|folder>' })`), which keeps it; removed",
      );
      const kept = (layer.metadata ?? []).filter((item) => 'name' in item && item.name === REMOVED_METADATA_NAME);
      expect(kept).to.have.length(4);
    });

    it("says what a namespace's ID is when neither release holds it (MITRE's 17.1 to MITRE's 18.1), not 'not a technique'", () => {
      const { report } = upgradeLayer(redLayer('17'), plain18, { source: plain17 });
      const row = report.techniques.find((item) => item.techniqueID === 'ACME-T1000');
      expect(row?.notes[0]).to.match(/^ACME-T1000 is an ID of an ATT&CK Workbench organization namespace \(prefix ACME\).*give the team's ATT&CK data built on 18\.1/);
      // T9001 has no mark of a team's but its number, far past MITRE's newest (T1681): said as a team's, as gap says it
      expect(report.techniques.find((item) => item.techniqueID === 'T9001')?.notes[0]).to.match(/^T9001 is numbered far past T1681 of enterprise-attack 18\.1, MITRE's newest technique, as a team numbers its own/);
    });
    // Workbench revokes a team's technique as ATT&CK revokes one: `revoked: true` and a `revoked-by` relationship.
    it("follows a team technique the team revoked into its namespace one (T9001 -> ACME-T1000), its comment lines named once", () => {
      const revoked = OWN.map((object) => (object.id === 'attack-pattern--90000000-0000-4000-8000-000000000001' ? { ...object, revoked: true } : object));
      const revokedBy = {
        ...TEAM_STAMP,
        type: 'relationship',
        id: 'relationship--90000000-0000-4000-8000-000000000201',
        relationship_type: 'revoked-by',
        source_ref: 'attack-pattern--90000000-0000-4000-8000-000000000001',
        target_ref: 'attack-pattern--90000000-0000-4000-8000-000000000003',
      };
      const target = new AttackIndex(indexBundle({ type: 'bundle', id: 'bundle--x', objects: [...mitre18, ...revoked, revokedBy] }, { release: '18.1', source: { file: 'acme-18.json', sha256: 'test' } }));
      // combined before: the ACME-T1000 entry's lines say their technique, as a merge writes them
      const layer = {
        ...redLayer('18'),
        techniques: [
          { techniqueID: 'ACME-T1000', tactic: 'initial-access', score: 1, comment: 'ACME-T1000: callback seen\nT9001: badge log' },
          { techniqueID: 'T9001', tactic: 'initial-access', score: 2, comment: 'tailgating' },
        ],
      };
      const { layer: upgraded, report } = upgradeLayer(layer, target);
      expect(report.techniques.find((row) => row.techniqueID === 'T9001')?.changes).to.include('remapped');
      expect(upgraded.techniques?.map((entry) => [entry.techniqueID, entry.comment])).to.deep.equal([['ACME-T1000', 'ACME-T1000: callback seen\nT9001: badge log\nT9001: tailgating']]);
    });
  });

  describe('the CLI, with the team bundle on 18.1 (--attack <folder>)', () => {
    let dir: string;
    let env: Record<string, string>;
    let team: string;
    before(() => {
      dir = freshTmpDir('team-commands');
      env = { XDG_CACHE_HOME: freshCacheHome('team-commands') };
      team = join(dir, 'acme');
      mkdirSync(team);
      writeFileSync(join(team, 'enterprise-attack-18.1.json'), JSON.stringify({ type: 'bundle', id: 'bundle--acme', objects: [...mitre18, ...OWN] }));
      writeFileSync(join(dir, 'red.json'), JSON.stringify(redLayer('18')));
      writeFileSync(join(dir, 'blue.json'), JSON.stringify({ ...redLayer('18'), name: 'blue', techniques: [{ techniqueID: 'ACME-T1000', tactic: 'initial-access', score: 2 }] }));
      writeFileSync(join(dir, 'detections.csv'), 'technique,name,coverage\nACME-T1000,helpdesk callback audit,80\nT9001.001,badge reader log,60\n');
    });

    it('combine keeps the team techniques of both layers and sums them', async () => {
      const result = await runCli(['combine', join(dir, 'red.json'), join(dir, 'blue.json'), '--op', 'sum', '--attack', team], env);
      expect(result.code, result.stderr).to.equal(0);
      const layer = JSON.parse(result.stdout) as { techniques: { techniqueID: string; score?: number }[] };
      expect(ids(layer)).to.deep.equal([...TEAM_IDS, 'T1566.001'].sort());
      expect(layer.techniques.find((entry) => entry.techniqueID === 'ACME-T1000')?.score).to.equal(3);
      expect(result.stderr).not.to.match(/not a technique|removed/);
    });

    it("combine with MITRE's data alone says what each namespace entry is and what to give, keeping it in the metadata", async () => {
      const result = await runCli(['combine', join(dir, 'red.json'), join(dir, 'blue.json'), '--op', 'sum'], env);
      expect(result.code, result.stderr).to.equal(0);
      expect(result.stderr).to.include(`${join(dir, 'blue.json')}: /techniques/0: ACME-T1000 is an ID of an ATT&CK Workbench organization namespace (prefix ACME)`);
      expect(result.stderr).to.include("give the team's ATT&CK data built on 18.1");
    });

    it("compare lists the team's techniques by name, as new beside APT32's", async () => {
      const result = await runCli(['compare', join(dir, 'red.json'), '--with', 'G0050', '--attack', team, '--json'], env);
      expect(result.code, result.stderr).to.equal(0);
      expect(result.stdout).to.include('"Helpdesk Pretexting"').and.include('"ACME-T1000.001"');
      expect(result.stdout).not.to.include('"unknown"');
    });

    it('export draws them with the team bundle; with MITRE\'s data, says what a namespace ID is rather than "fix the ID"', async () => {
      const drawn = await runCli(['export', join(dir, 'red.json'), '--format', 'csv', '--attack', team], env);
      expect(drawn.code, drawn.stderr).to.equal(0);
      expect(drawn.stdout).to.match(/^ACME-T1000,Helpdesk Pretexting,Initial Access,1,/m);
      const mitre = await runCli(['export', join(dir, 'red.json'), '--format', 'csv'], env);
      expect(mitre.stderr).to.include('not drawn: ACME-T1000: is an ID of an ATT&CK Workbench organization namespace (prefix ACME)');
      expect(mitre.stderr).not.to.match(/ACME-T1000: not a technique .*fix the ID/);
    });

    it('gap reviews the team techniques of a threat layer against detections of them', async () => {
      const out = join(dir, 'gap');
      const result = await runCli(['gap', '--threat', join(dir, 'red.json'), '--coverage', join(dir, 'detections.csv'), '--out', out, '--report', 'json', '--attack', team], env);
      expect(result.code, result.stderr).to.equal(0);
      const report = JSON.parse(readFileSync(join(out, 'gap-report.json'), 'utf8')) as { techniques?: { techniqueID: string }[]; unresolved?: unknown[] };
      expect(JSON.stringify(report)).not.to.match(/"status":"unknown"/);
      expect(JSON.stringify(report)).to.include('"helpdesk callback audit"');
    });

    it("attack-object writes the team group's layer (ACME-G1000) with its team techniques", async () => {
      const result = await runCli(['attack-object', 'ACME-G1000', '--attack', team], env);
      expect(result.code, result.stderr).to.equal(0);
      const layer = JSON.parse(result.stdout) as { techniques: { techniqueID: string; score?: number }[] };
      expect(layer.techniques.filter((entry) => entry.score === 1).map((entry) => entry.techniqueID).sort()).to.deep.equal(['ACME-T1000', 'T9001.001']);
    });
  });
});
