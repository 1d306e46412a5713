/**
 * A layer entry whose techniqueID is another ATT&CK object's ID: Hayabusa's `ttp-visualize` (Yamato-Security/hayabusa,
 * its Nim source: one entry per tag of each rule's MitreTags, "Hayabusa detection result heatmap") writes the group and
 * software tags of a rule (G0016, S0002) as entries beside its techniques. Navigator 5.1 matches such an ID to no
 * technique and drops the entry silently. validate and upgrade said only `techniqueID "S0002" is not a technique ID`;
 * they now say what it names and how to draw its techniques. The layer is an own minimal copy of that shape.
 */
import { expect } from 'chai';
import { validateLayer } from '../../lib/layer/validate-layer.js';
import { attackFor, attackLibrary } from '../layer/attack-data.js';

const hayabusa = {
  name: 'Hayabusa detection result heatmap',
  versions: { attack: '14', navigator: '4.9.1', layer: '4.5' },
  domain: 'enterprise-attack',
  description: 'Hayabusa detection result heatmap',
  techniques: [
    { techniqueID: 'T1059.001', comment: 'PowerShell Scriptblock', score: 100 },
    { techniqueID: 'S0002', comment: 'Mimikatz Use', score: 50 },
    { techniqueID: 'G0016', comment: 'APT29 Tool', score: 50 },
    { techniqueID: 'm1036', comment: 'Account Use Policies', score: 50 },
  ],
  gradient: { colors: ['#8ec843ff', '#ffe766ff', '#ff6666ff'], minValue: 0, maxValue: 100 },
};

describe('regression: a layer entry whose techniqueID is a group, software or mitigation ID', () => {
  it('says what the ID names, that Navigator shows nothing of it, and how to draw the techniques it uses', () => {
    const findings = validateLayer(hayabusa, { attackFor: attackFor(attackLibrary()), file: 'hayabusa.json' }).filter((finding) => finding.code === 'repaired');
    expect(findings.map((finding) => [finding.severity, finding.path])).to.deep.equal([
      ['error', '/techniques/1'],
      ['error', '/techniques/2'],
      ['error', '/techniques/3'],
    ]);
    expect(findings[0]!.message).to.equal(
      'hayabusa.json: /techniques/1: techniqueID "S0002" is the ID of an ATT&CK software, not a technique\'s: a layer annotates techniques; ' +
        'a layer from renderAttackObjectLayer draws the techniques it uses: `locateAttackObject(…, \'S0002\')`; the entry is left out: ' +
        '{"techniqueID":"S0002","comment":"Mimikatz Use","score":50} ' +
        '(Navigator shows nothing of it; `upgradeLayer` leaves it out and keeps it, as it was, in the layer\'s "removed by upgrade" metadata)',
    );
    expect(findings[1]!.message).to.contain('techniqueID "G0016" is the ID of an ATT&CK group, not a technique\'s');
    // The CLI's words (lib/errors.ts inGivenInputs): the command that draws it.
    const cli = validateLayer(hayabusa, { attackFor: attackFor(attackLibrary()), file: 'hayabusa.json', givenAs: { command: 'attack-layers' } });
    expect(cli.find((finding) => finding.path === '/techniques/1')?.message).to.contain(
      'a layer annotates techniques; a layer from attack-object draws the techniques it uses: `attack-layers attack-object S0002`; the entry is left out',
    );
    // A mitigation uses no techniques: no command to draw them.
    expect(findings[2]!.message).to.contain('techniqueID "m1036" is the ID of an ATT&CK mitigation, not a technique\'s: a layer annotates techniques; the entry is left out');
  });
});
