/**
 * extract reads a DeTT&CT group administration file by its groups. Before, extract, normalize and validate refused it
 * ("this is a DeTT&CT group administration file, not a report's text; gap --coverage reads DeTT&CT technique
 * administration files …"), though it is a list of what groups and campaigns use, the input a campaign file is made
 * from. The texts below have the layout of DeTT&CT's own samples, rabobank-cdc/DeTTECT `sample-data/groups.yaml`
 * (commit 0938ad2906dc6d3ff8c357b5f4050a99f6f4f76f: `%YAML 1.2`, `file_type: group-administration`, groups with
 * group_name, campaign, technique_id and software_id in [ ], enabled True or False) and `sample-data/redcanary.yaml`
 * (commit 9a9aa013556d332923eae4196c172821808a7096: a group whose technique_id maps each ID to a count, an empty
 * campaign), with fewer IDs; the group names and campaigns of the first are ours (no text of DeTT&CT's copied).
 */
import { expect } from 'chai';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { dettectGroupReport } from '../../lib/extract/dettect-group-references.js';
import { extractReport } from '../../lib/extract/extract-report.js';
import { InputError, InvalidYamlError } from '../../lib/index.js';
import { freshTmpDir, loadRelease, runCli } from '../helpers/attack.js';

const GROUPS = [
  '%YAML 1.2',
  '---',
  'version: 1.0',
  'file_type: group-administration',
  'platform: Windows',
  'groups:',
  '  -',
  '    group_name:     Purple team',
  '    campaign:       Exercise 1',
  '    technique_id:   [T1086, T1053, T1193, T1003]',
  '    software_id:    [S0002]',
  '    enabled:        True',
  '  -',
  '    group_name:     FIN7 (tabletop exercise)',
  '    campaign:       Tabletop round',
  '    technique_id:   [T1204, T1064, T1086]',
  '    software_id:    [S0154]',
  '    enabled:        False',
  '',
].join('\n');

const RED_CANARY = [
  '%YAML 1.2',
  '---',
  'version: 1.0',
  'file_type: group-administration',
  'groups:',
  '  -',
  '    group_name:     Red Canary Threat Detection Report 2019 - financials',
  '    campaign:',
  '    technique_id:   [T1015, T1036]',
  '    software_id:    []',
  '    enabled:        True',
  '  -',
  '    group_name:     Red Canary Threat Detection Report 2019 - overall',
  '    campaign:',
  '    technique_id:',
  '      T1086: 1774',
  '      T1036: 419',
  '    software_id:    []',
  '    enabled:        True',
  '',
].join('\n');

describe('extract: a DeTT&CT group administration file', () => {
  const target = loadRelease('18.1');

  it('reads the enabled group: each technique_id at its line and column, software_id as software, named after its campaign', () => {
    const report = dettectGroupReport(GROUPS, { file: 'groups.yaml' })!;
    expect(report.name).to.equal('Exercise 1');
    expect(report.actor).to.equal('Purple team');
    expect(report.references.map((ref) => [ref.raw, ref.ids, ref.span])).to.deep.equal([
      ['T1086', ['T1086'], { line: 10, start: 21, end: 26 }],
      ['T1053', ['T1053'], { line: 10, start: 28, end: 33 }],
      ['T1193', ['T1193'], { line: 10, start: 35, end: 40 }],
      ['T1003', ['T1003'], { line: 10, start: 42, end: 47 }],
    ]);
    expect(report.references[0]!.from).to.deep.equal(['groups[0] (Purple team) technique_id, line 10']);
    expect(report.software).to.deep.equal([{ written: 'S0002', id: 'S0002', lines: [11], from: ['groups[0] (Purple team) software_id, line 11'] }]);
    // DeTT&CT reads no group whose enabled is False: nor does extract, unless --actor names it.
    // A program reads the option it passes; the CLI (givenAs its flag words) its flag.
    expect(report.notes).to.deep.equal(["left out, as DeTT&CT leaves them out (enabled: False): FIN7 (tabletop exercise) (`extractReport`'s `actor` option takes the one named)"]);
  });

  it('--actor chooses a group by its group_name or campaign, in any case, enabled or not', () => {
    for (const actor of ['fin7 (tabletop exercise)', 'TABLETOP ROUND']) {
      const report = dettectGroupReport(GROUPS, { actor })!;
      expect(report.name).to.equal('Tabletop round');
      expect(report.references.map((ref) => ref.raw)).to.deep.equal(['T1204', 'T1064', 'T1086']);
      expect(report.software?.map((each) => each.id)).to.deep.equal(['S0154']);
      expect(report.notes).to.equal(undefined);
    }
  });

  it('--actor naming no group is refused, naming the file and listing its groups', () => {
    expect(() => dettectGroupReport(GROUPS, { actor: 'APT29', file: 'groups.yaml' })).to.throw(
      InputError,
      "groups.yaml: actor: 'APT29' names no group of the DeTT&CT group file (by group_name or campaign); it holds Purple team (campaign Exercise 1), FIN7 (tabletop exercise) (campaign Tabletop round)",
    );
  });

  it('several enabled groups: every technique once, citing each line and saying which groups list it; a technique_id mapping of ID to count', () => {
    const report = dettectGroupReport(RED_CANARY)!;
    expect(report.name).to.equal(undefined);
    const [financials, overall] = ['Red Canary Threat Detection Report 2019 - financials', 'Red Canary Threat Detection Report 2019 - overall'];
    expect(report.references.map((ref) => [ref.raw, ref.lines ?? [ref.line], ref.usedBy])).to.deep.equal([
      ['T1015', [9], [financials]],
      ['T1036', [9, 17], [financials, overall]],
      ['T1086', [16], [overall]],
    ]);
    expect(report.notes?.[0]).to.match(/^the file lists 2 groups \(.*\), so the campaign holds the techniques of all, each saying which list it/);
  });

  it('a YAML syntax error is said at the file, line and column, with what to write', () => {
    const broken = GROUPS.replace('    campaign:       Tabletop round', '    campaign:       Tabletop round: FIN7');
    try {
      dettectGroupReport(broken, { file: 'groups.yaml' });
      expect.fail('read');
    } catch (error) {
      expect(error).to.be.instanceOf(InvalidYamlError);
      expect((error as InvalidYamlError).message).to.match(/^groups\.yaml: line 15, column 35: invalid YAML: the value of "campaign" is not quoted and holds ": "/);
    }
  });

  it('is no other kind of text: a report, a campaign file or a DeTT&CT technique file is not read as one', () => {
    expect(dettectGroupReport('file_type: technique-administration\ntechniques: []\n')).to.equal(undefined);
    expect(dettectGroupReport('name: x\ntechniques: [T1059]\n')).to.equal(undefined);
    expect(dettectGroupReport('The group-administration file_type of DeTT&CT lists T1059.')).to.equal(undefined);
  });

  it('resolves the old IDs in the release (T1086 revoked by T1059.001) and looks the software up', () => {
    const report = extractReport(GROUPS, { target });
    expect(report.references.map((ref) => [ref.raw, ref.resolution?.status, ref.resolution?.ids])).to.deep.equal([
      ['T1086', 'revoked', ['T1059.001']],
      ['T1053', 'current', ['T1053']],
      ['T1193', 'revoked', ['T1566.001']],
      ['T1003', 'current', ['T1003']],
    ]);
    expect(report.objects.map((object) => [object.id, object.name])).to.deep.equal([['S0002', 'Mimikatz']]);
  });

  it('the CLI makes a campaign file of it that normalize and render read; normalize says what to run instead', async () => {
    const dir = freshTmpDir('dettect-groups');
    const file = join(dir, 'groups.yaml');
    writeFileSync(file, GROUPS);
    const refused = await runCli(['normalize', file]);
    expect(refused.code).to.equal(1);
    expect(refused.stderr).to.include(`this is a DeTT&CT group administration file, not a campaign file; to map the ATT&CK techniques of its groups, make a campaign file of them with \`attack-layers extract ${file}\``);
    const result = await runCli(['extract', file, '--quiet']);
    expect(result.code, result.stderr).to.equal(0);
    expect(result.stdout).to.include('name: "Exercise 1"\nactor: "Purple team"');
    const campaign = join(dir, 'red-team.yaml');
    writeFileSync(campaign, result.stdout);
    const rendered = await runCli(['render', campaign, '--out', join(dir, 'layers'), '--quiet']);
    expect(rendered.code, rendered.stderr).to.equal(0);
    expect((await runCli(['validate', join(dir, 'layers', 'red-team.layer.json')])).code).to.equal(0);
  });

  it("validate says what the file is and to run extract on it, not that a layer breaks Navigator's format", async () => {
    // Before: `attack-layers validate: 1 error in groups.yaml: the layer does not follow the Navigator layer format`.
    const dir = freshTmpDir('dettect-groups-validate');
    const file = join(dir, 'groups.yaml');
    writeFileSync(file, GROUPS);
    const result = await runCli(['validate', file]);
    expect(result.code).to.equal(1);
    const summary = result.stderr.trim().split('\n').at(-1)!;
    expect(summary).to.equal(
      `attack-layers validate: 1 error in ${file}: this is a DeTT&CT group administration file, not a campaign file or an ATT&CK Navigator layer; ` +
        `to map the ATT&CK techniques of its groups, make a campaign file of them with \`attack-layers extract ${file}\` (--actor NAME for one group) and review it; ` +
        'gap --coverage reads DeTT&CT technique administration files (file_type: technique-administration)',
    );
    // Beside a layer, each is said for what it is.
    const layer = join(dir, 'old.json');
    writeFileSync(layer, JSON.stringify({ name: 'old', domain: 'enterprise-attack', techniques: [{ techniqueID: 'T1059' }] }));
    const both = await runCli(['validate', layer, file]);
    expect(both.code).to.equal(1);
    expect(both.stderr).to.include(`; ${file}: this is a DeTT&CT group administration file`).and.not.include('does not follow the Navigator layer format');
  });
});
