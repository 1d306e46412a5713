/**
 * A layer entry whose tactic is a TA ID written with a tactic's name (`TA0001 - Initial Access`, `TA0004: Privilege
 * Escalation`, `TA0006 Credential Access`, `Persistence (TA0003)`, `TA0043 (Reconnaissance)`) was left out by the repair
 * as "not a tactic", or read as a shortname of no tactic (`ta0006-credential-access`). These forms are how other tools'
 * ATT&CK mappings write a tactic (a SOC alert's `"tactic": "TA0001: Initial Access"`, a red-team manifest's `"TA0002 -
 * Execution"`, a kill-chain table's `"TA0043 (Reconnaissance)"`, a dashboard's `"Persistence (TA0003)"`, found with
 * find_string); no published Navigator layer holding one was found. The layers here are our own.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'chai';
import type { AttackIndex } from '../../lib/attack/attack-index.js';
import { parseCoverageLayers } from '../../lib/coverage/read-coverage-layer.js';
import { threatFromLayer } from '../../lib/coverage/gap-review.js';
import { repairLayer } from '../../lib/layer/repair-layer.js';
import { formatUpgradeMarkdown } from '../../lib/layer/upgrade-report.js';
import { upgradeLayer } from '../../lib/layer/upgrade-layer.js';
import { validateLayer } from '../../lib/layer/validate-layer.js';
import { tacticIdAndName } from '../../lib/normalize/read-tactic.js';
import { freshTmpDir, runCli } from '../helpers/attack.js';
import { attackLibrary } from '../layer/attack-data.js';

function layer(techniques: object[]): Record<string, unknown> {
  return { name: 'probe', versions: { attack: '18', navigator: '5.1.0', layer: '4.5' }, domain: 'enterprise-attack', techniques };
}

describe('a layer tactic written as a TA ID with a name', () => {
  let index: AttackIndex;
  before(() => {
    index = attackLibrary().release('enterprise-attack', '18');
  });

  const agreeing: Array<[written: string, shortname: string]> = [
    ['TA0001 - Initial Access', 'initial-access'],
    ['TA0004: Privilege Escalation', 'privilege-escalation'],
    ['TA0006 Credential Access', 'credential-access'],
    ['Persistence (TA0003)', 'persistence'],
    ['Initial Access [TA0001]', 'initial-access'],
    ['TA0043 (Reconnaissance)', 'reconnaissance'],
  ];
  for (const [written, shortname] of agreeing) {
    it(`is read by the repair as ${shortname}, and reported (${written})`, () => {
      const { layer: repaired, repairs, leftOut } = repairLayer(layer([{ techniqueID: 'T1078', tactic: written, score: 1 }]));
      expect(leftOut).to.deep.equal([]);
      expect((repaired['techniques'] as Array<Record<string, unknown>>)[0]!['tactic']).to.equal(shortname);
      expect(repairs.map((repair) => [repair.path, repair.repair, repair.navigatorHides])).to.deep.equal([['/techniques/0/tactic', `${JSON.stringify(written)} read as ${shortname}`, true]]);
    });
  }

  it('is told apart from two TA IDs, which are no ID with a name', () => {
    expect(tacticIdAndName('TA0005 TA0003')).to.equal(undefined);
    expect(tacticIdAndName('Execution (TA0002)')).to.deep.equal({ id: 'TA0002', name: 'Execution' });
  });

  it('validate says Navigator shows it nowhere as written, and where the ID and the name disagree, which was kept', () => {
    const findings = validateLayer(layer([{ techniqueID: 'T1078', tactic: 'TA0001 - Initial Access', score: 1 }, { techniqueID: 'T1059', tactic: 'TA0003: Execution', score: 1 }]), {
      attackFor: () => index,
    });
    const at = (path: string): string[] => findings.filter((finding) => finding.path === path).map((finding) => `${finding.severity} ${finding.code}: ${finding.message}`);
    expect(at('/techniques/0/tactic')).to.deep.equal([
      'error repaired: /techniques/0/tactic: "TA0001 - Initial Access" read as initial-access (Navigator 5.1 matches it only as written and shows the annotation nowhere; `upgradeLayer` writes it repaired)',
    ]);
    expect(at('/techniques/1/tactic')).to.include(
      'warning tactic-mismatch: /techniques/1/tactic: tactic "TA0003: Execution": TA0003 is Persistence, not Execution; T1059 Command and Scripting Interpreter has Execution, not Persistence: it was read as Execution (check which the layer means) (`upgradeLayer` writes "tactic": "execution")',
    );
  });

  it('upgrade keeps every entry; one whose ID and name disagree goes under the one its technique has, reported as a tactic read', () => {
    const value = layer([
      { techniqueID: 'T1078', tactic: 'TA0001 - Initial Access', score: 3 },
      { techniqueID: 'T1059', tactic: 'TA0002: Persistence', score: 2 },
      { techniqueID: 'T1055', tactic: 'TA0004: Defense Evasion', score: 1 },
    ]);
    const { layer: upgraded, report } = upgradeLayer(value, index);
    expect(upgraded.techniques?.map((entry) => [entry.techniqueID, entry.tactic ?? null, entry.score])).to.deep.equal([
      ['T1055', null, 1],
      ['T1059', 'execution', 2],
      ['T1078', 'initial-access', 3],
    ]);
    expect(report.counts.removed).to.equal(0);
    const t1059 = report.techniques.find((entry) => entry.path === '/techniques/1')!;
    expect(t1059.changes).to.deep.equal(['tactic-read']);
    expect(t1059.notes[0]).to.equal('tactic "TA0002: Persistence": TA0002 is Execution, not Persistence; T1059 Command and Scripting Interpreter has Execution, not Persistence: it was read as Execution (check which the layer means)');
    // T1055 has both: neither is certain, so the annotation goes under every tactic of the technique.
    expect(report.techniques.find((entry) => entry.path === '/techniques/2')!.notes[0]).to.match(/has both: neither was kept .*; the tactic is removed, so the annotation applies under every tactic of the technique$/);
  });

  it('the upgrade report lists an entry whose TA ID was read as a tactic with what it became, not as kept as it was (TA0005)', () => {
    const { report } = upgradeLayer(layer([{ techniqueID: 'T1078', tactic: 'TA0005', score: 1 }]), index);
    const markdown = formatUpgradeMarkdown([report]);
    expect(markdown).to.not.contain('Kept as they were');
    expect(markdown).to.contain('| `/techniques/0` | T1078 Valid Accounts (ta0005) | tactic-read | T1078 (defense-evasion) at /techniques/0 |');
    expect(report.counts).to.deep.include({ kept: 0, 'tactic-read': 1 });
  });

  it('an entry removed for its technique is removed, not a tactic read too', () => {
    const { report } = upgradeLayer(layer([{ techniqueID: 'T1999', tactic: 'TA0005', score: 1 }]), index);
    expect(report.techniques.map((entry) => entry.changes)).to.deep.equal([['removed']]);
  });

  it('gap reads a threat layer entry of each form, the ID read in the release, and notes a disagreement', () => {
    const text = JSON.stringify(layer([
      { techniqueID: 'T1078', tactic: 'Persistence (TA0003)', score: 100 },
      { techniqueID: 'T1059', tactic: 'TA0002: Persistence', score: 100 },
    ]));
    const [input] = parseCoverageLayers(text, 'threat.json', { role: 'threat' });
    expect(input!.counts.invalid).to.equal(0);
    const { source } = threatFromLayer(input!, index);
    expect(source.techniques.map((technique) => [technique.id, technique.tactics])).to.deep.equal([
      ['T1078', ['persistence']],
      ['T1059', ['execution']],
    ]);
    expect(source.notes?.some((note) => note.includes('TA0002 is Execution, not Persistence; T1059 Command and Scripting Interpreter has Execution'))).to.equal(true);
  });

  describe('combine and export read it as upgrade does', () => {
    let file: string;
    before(() => {
      file = join(freshTmpDir('tactic-id-and-name'), 'pairs.json');
      writeFileSync(file, JSON.stringify(layer([
        { techniqueID: 'T1078', tactic: 'TA0001 - Initial Access', score: 3 },
        { techniqueID: 'T1059', tactic: 'TA0002: Persistence', score: 2 },
      ])));
    });

    it('combine keeps both entries, T1059 under execution', async () => {
      const result = await runCli(['combine', file, file, '--op', 'sum']);
      expect(result.code).to.equal(0);
      const combined = JSON.parse(result.stdout) as { techniques: Array<{ techniqueID: string; tactic?: string; score?: number }> };
      expect(combined.techniques.map((entry) => [entry.techniqueID, entry.tactic, entry.score])).to.deep.equal([
        ['T1059', 'execution', 4],
        ['T1078', 'initial-access', 6],
      ]);
    });

    it('export draws T1059 under execution, and says why', async () => {
      const result = await runCli(['export', file, '--format', 'csv']);
      expect(result.code).to.equal(0);
      expect(result.stdout.split(/\r?\n/).filter((line) => line.startsWith('T1059'))).to.deep.equal(['T1059,Command and Scripting Interpreter,Execution,2,#ff6b66,,,,']);
      expect(result.stderr).to.contain(`warning: ${file}: T1059: tactic "TA0002: Persistence": TA0002 is Execution, not Persistence`);
      expect(result.stderr).to.not.contain('not drawn');
    });
  });
});
